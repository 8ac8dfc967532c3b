"""Mission mentions: names and aliases ("Soyuz MS-11", "soyuz ms 11", "71P"), bare vehicle families ("the
Progress launch"), crew ("Gerst's crew", "Serena Auñón-Chancellor"), expedition crews ("the Expedition 58
crew") and launch sites ("Baikonur Cosmodrome").

Extractors take only a Document, but the names to look for come from the reference records. So the names
live in a `Gazetteer` built from a store, and `mission_extractor(gazetteer)` returns the extractor for it:
one function object per gazetteer, so `Extraction.get()` memoises it like any other extractor. The
reference check builds (and caches) the gazetteer per store.

Matching works on tokens (runs of letters or of digits, lower-cased, accents dropped), so case, hyphens,
spaces and accents do not matter; tokens of one name may be separated by at most two spaces/hyphens/dots.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any

from ..model import Span, quick_init
from ..text import Document, at_word_start
from ..vocabulary.sites import key_of, site_table

# (?=\w): one test where no token starts (spaces, punctuation) instead of one per alternative; same matches.
_TOKEN = re.compile(r"(?=\w)(?:\d{1,40}|[^\W\d_]{1,60})")
_TIGHT = re.compile(r"[ \t\-‐–./]{0,2}")
_CREW_WORDS = r"(?:crew|crewmates|team|trio|duo)"
_POSSESSIVE_CREW = re.compile(r"['’]s[ \t]{1,3}" + _CREW_WORDS + r"\b", re.I)
# Both scanned over whole drafts: they open with a class of first letters (text.at_word_start; a leading \b
# would make sre try every position), matching what `\bExpedition...` and `\b(?:[A-Z]...){1,3}...` match.
_EXPEDITION = re.compile(at_word_start([r"Expedition[ \t]{1,3}(\d{1,3})[ \t]{1,3}"
                                        r"(?:crew|launch|team|astronauts|crewmembers|members)\b"]), re.I)
# Launch sites a draft may name that no record uses: naming one where the record says another is a claim
# the check can contradict. Names only (no figures); the sites of records come from the records.
OTHER_SITES = ("Plesetsk", "Vostochny", "Kourou", "Guiana Space Centre", "Vandenberg", "Tanegashima",
               "Jiuquan", "Xichang", "Taiyuan", "Wenchang", "Sriharikota", "Kapustin Yar", "Yasny", "Uchinoura",
               "Mahia", "Cape Canaveral", "Kennedy Space Center", "Wallops", "Baikonur")
_SITE_WORD = re.compile(r"[ \t]{1,3}(?:Cosmodrome|Spaceport|Space[ \t]Cent(?:er|re)|Space[ \t]Force[ \t]Station"
                        r"|Air[ \t]Force[ \t]Station)\b")
# A place named after a person: "landed at Edwards Air Force Base" names no crew member Edwards.
_NAMED_PLACE = re.compile(r"[ \t]{1,3}(?:Air[ \t]Force[ \t](?:Base|Station)|AFB\b"
                          r"|Space[ \t](?:Flight[ \t])?Cent(?:er|re)|(?:Flight[ \t])?Research[ \t]Cent(?:er|re)"
                          r"|(?:International[ \t])?Airport|Crater)\b")
# Bounded repetitions only: this runs over whole drafts, hostile ones included.
_SITE_SUFFIX = re.compile(r"[A-Z](?<=\b.)[\w-]{0,24}[ \t]{1,2}(?:[A-Z][\w-]{0,24}[ \t]{1,2}){0,2}"
                          r"(?:Cosmodrome|Spaceport|Space[ \t]Cent(?:er|re)|"
                          r"Space[ \t]Force[ \t]Station|Air[ \t]Force[ \t]Station|Launch[ \t]Complex)\b")


# Cyrillic letters that look like Latin ones: "Progress МS-10" written with a Cyrillic "М" is Progress MS-10.
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсухкмтнв", "ABEKMHOPCTXaeopcyxkmthb")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
# Words that start a flight's designator ("CRS-10", "Soyuz MS-07", "OA-8E"): with a number after them, they
# name one flight, ours or not. The records' own families are added per store.
DESIGNATOR_WORDS = frozenset({"soyuz", "progress", "dragon", "cygnus", "htv", "kounotori", "crs", "spx", "oa", "ng",
                              "orb", "crew", "starliner", "tianzhou", "shenzhou", "atv"})
# After a family word, the launcher's name: "Soyuz-FG", "Soyuz-2.1a", "Soyuz 2.1a", "Soyuz-2-1A", "Soyuz rocket".
_ROCKET_AFTER = re.compile(r"(?:-?(?:FG|FG's|2|2\.1[ab]|U|U2)\b|[ \t]2[.-]1[abvАБВ]\b|"
                           r"[ \t]{1,2}(?:rocket|booster|launcher)s?\b)", re.I)


class MentionKind(StrEnum):
    NAME = "name"              # a mission's name or alias: names one mission
    FAMILY = "family"          # a bare family word ("Progress"): the last-named mission of that family
    CREW = "crew"              # "Gerst's crew": the flight that person flew
    PERSON = "person"          # a crew member's name: the flight(s) that person flew
    EXPEDITION = "expedition"  # "the Expedition 58 crew": the flight carrying that expedition's crew
    SITE = "site"              # a launch site (key: the site's key in vocabulary/launch_sites.toml, if known)
    PAD = "pad"                # a pad or launch complex ("SLC-40", "Site 1/5"); key: the site it is at
    OTHER = "other"            # a flight designator no record holds ("CRS-10", "Soyuz MS-07", "CRS-1010"):
                               # the claims next to it are about that flight, not one of ours


@quick_init
@dataclass(frozen=True, slots=True)
class MissionMention:
    span: Span
    text: str
    kind: MentionKind
    missions: tuple[str, ...]  # candidate mission ids (one for NAME; family/site mentions: none)
    key: str = ""              # family word, site key or person, normalised


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one gazetteer per store
class Gazetteer:
    """Token sequences to look for, each with what it means. Built once per reference store."""

    names: dict[tuple[str, ...], tuple[MentionKind, tuple[str, ...], str]]
    expeditions: dict[str, tuple[str, ...]]
    longest: dict[str, int]  # first token -> most tokens of a name starting with it
    designators: frozenset[str] = DESIGNATOR_WORDS
    # Every token a mention can start with (a name's first token or a designator word): the scan looks only at
    # these, so the many tokens that start nothing cost a set lookup each.
    starts: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", frozenset(self.longest) | self.designators)

    @classmethod
    def from_store(cls, store: Any) -> Gazetteer:
        names: dict[tuple[str, ...], tuple[MentionKind, tuple[str, ...], str]] = {}
        expeditions: dict[str, set[str]] = {}
        people: dict[tuple[str, ...], set[str]] = {}
        families: dict[str, int] = {}
        sites: set[str] = set(OTHER_SITES)
        for m in store.missions():
            for label in (m.name, *m.aliases):
                names[tokens_of(label)] = (MentionKind.NAME, (m.id,), m.id)
            families[m.family] = families.get(m.family, 0) + 1
            for number in m.expeditions:
                expeditions.setdefault(number, set()).add(m.id)
            for person in m.crew:
                for label in (person.name, person.surname):
                    people.setdefault(tokens_of(label), set()).add(m.id)
            if m.launch and m.launch.site:
                sites.update((m.launch.site, *m.launch.site_aliases))
        for key, ids in people.items():
            names.setdefault(key, (MentionKind.PERSON, tuple(sorted(ids)), " ".join(key)))
        # A family word names a vehicle family, several flights ("Progress", "Soyuz"); a word that starts one
        # record's name only ("Poisk module", "Zvezda module") is no family: "docked to Poisk" names no flight.
        for family in (f for f, count in families.items() if count > 1):
            names.setdefault(tokens_of(family), (MentionKind.FAMILY, (), " ".join(tokens_of(family))))
        table = site_table()
        for pad, at in table.pads.items():
            names.setdefault(tuple(pad.split()), (MentionKind.PAD, (), at))
        for site in sites | {n for ns in table.names.values() for n in ns}:
            names.setdefault(tokens_of(site), (MentionKind.SITE, (), table.site_of(site) or key_of(site)))
        names.pop((), None)
        longest: dict[str, int] = {}
        for key in names:
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        words = DESIGNATOR_WORDS | {tokens_of(f)[0] for f in families if tokens_of(f)}
        return cls(names, {k: tuple(sorted(v)) for k, v in expeditions.items()}, longest, frozenset(words))


def tokens_of(text: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in _tokens(text))


# The same tokens where every word character is ASCII (most copy: curly quotes and dashes are no word
# characters), found several times faster than with \w and [^\W\d_].
_TOKEN_ASCII = re.compile(r"[A-Za-z]{1,60}|[0-9]{1,40}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _foreign_runs(text: str) -> list[tuple[int, int]]:
    """The runs of word characters (as re's \\w: alphanumeric or "_") that hold a non-ASCII one, in order."""
    runs: list[tuple[int, int]] = []
    size = len(text)
    for m in _NON_ASCII.finditer(text):
        for i in range(m.start(), m.end()):
            if not text[i].isalnum() or (runs and i < runs[-1][1]):
                continue
            a, b = i, i + 1
            while a and (text[a - 1].isalnum() or text[a - 1] == "_"):
                a -= 1
            while b < size and (text[b].isalnum() or text[b] == "_"):
                b += 1
            runs.append((a, b))
    return runs


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Letter runs and digit runs, lower-cased, with their offsets. No token crosses a non-word character,
    so a run of word characters is tokenised on its own: the ASCII pattern everywhere, the general reading
    (look-alikes, accents) only in the runs that hold a non-ASCII word character."""
    runs = [] if text.isascii() else _foreign_runs(text)
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter that lower-cases to two ("İ"): offsets would shift
        return _tokens_any(text)
    # Each character lower-cased to one: the lowered text's slices are the tokens, offset for offset.
    toks: list[tuple[str, int, int]] = []
    pos = 0
    for a, b in [*runs, (len(text), len(text))]:
        toks += [(lowered[s:e], s, e) for s, e in map(re.Match.span, _TOKEN_ASCII.finditer(text, pos, a))]
        toks += [(t.lower(), s, e) for t, s, e in _normalised(text, a, b)]
        pos = b
    for k in [k for k, tok in enumerate(toks) if tok[0] in _ROMAN_LOWER]:
        s, e = toks[k][1], toks[k][2]
        shown = text[s:e] if text[s:e].isascii() else _normalised(text, s, e)[0][0]
        if k and shown in _ROMAN and text[toks[k - 1][1]].isupper():
            toks[k] = (_ROMAN[shown], s, e)  # "Shenzhou XVIII", "Artemis I": the flight's number, as records write it
    return toks


def _normalised(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The tokens of text[start:end] as written, Cyrillic look-alikes read as Latin and accents dropped."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        token = m.group()
        if not token.isascii():
            if _CYRILLIC.search(token) and (_LATIN.search(token) or len(token) <= 2):
                token = token.translate(_HOMOGLYPHS)
            token = "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))
        out.append((token, m.start(), m.end()))
    return out


def _tokens_any(text: str) -> list[tuple[str, int, int]]:
    """The tokens of any text read the general way, token by token (what _tokens must give)."""
    out: list[tuple[str, int, int]] = []
    for token, s, e in _normalised(text, 0, len(text)):
        if token in _ROMAN and out and text[out[-1][1]].isupper():
            token = _ROMAN[token]
        out.append((token.lower(), s, e))
    return out


def _roman_numerals() -> dict[str, str]:
    """Upper-case Roman numerals 1 to 39 and their Arabic values ("XVIII" -> "18")."""
    tens, units = ("", "X", "XX", "XXX"), ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
    return {tens[n // 10] + units[n % 10]: str(n) for n in range(1, 40)}


# A Roman numeral right after a capitalised word is a flight number (CMSA writes "Shenzhou XVIII", NASA
# "Artemis I"); only upper case, so "Mix" or "vi" are never numbers.
_ROMAN = _roman_numerals()
_ROMAN_LOWER = frozenset(numeral.lower() for numeral in _ROMAN)


@lru_cache(maxsize=8)
def mission_extractor(gazetteer: Gazetteer) -> Callable[[Document], tuple[MissionMention, ...]]:
    """The extractor for one gazetteer (the same function object each time: Extraction memoises by it)."""

    def extract_missions(doc: Document) -> tuple[MissionMention, ...]:
        return tuple(sorted(_scan(doc, gazetteer), key=lambda m: (m.span.start, m.span.end)))

    return extract_missions


def _scan(doc: Document, gaz: Gazetteer) -> Iterable[MissionMention]:
    prose, toks = doc.prose, _tokens(doc.prose)
    taken: list[Span] = []
    heads = gaz.starts
    # Only a token some name or designator starts with can start a mention; the others were each one step of
    # `i += 1`. `i` is where the scan may look next (past the last mention taken).
    i = 0
    for at in [k for k, tok in enumerate(toks) if tok[0] in heads]:
        if at < i:
            continue
        i = at
        hit = _longest_at(prose, toks, i, gaz)
        if hit is None or hit[1][0] is MentionKind.FAMILY:
            # "a Soyuz 2.1a rocket" names the launcher, not a flight "Soyuz 2" the records do not hold
            other = 0 if _ROCKET_AFTER.match(prose, toks[i][2]) else _designator(prose, toks, i, gaz)
            if other:
                span = Span(toks[i][1], toks[i + other - 1][2])
                yield MissionMention(span, doc.text[span.start:span.end], MentionKind.OTHER, (),
                                     " ".join(t for t, _, _ in toks[i:i + other]))
                taken.append(span)
                i += other
                continue
        if hit is None:
            i += 1
            continue
        n, (kind, ids, key) = hit
        span = Span(toks[i][1], toks[i + n - 1][2])
        if kind in (MentionKind.FAMILY, MentionKind.PERSON) and not prose[span.start].isupper():
            i += 1  # "progress on the inquiry" is no Progress spacecraft
            continue
        if kind is MentionKind.FAMILY and _ROCKET_AFTER.match(prose, span.end):
            i += 1  # "a Soyuz-FG rocket" is the launcher, not a Soyuz spacecraft
            continue
        if kind is MentionKind.PERSON and _NAMED_PLACE.match(prose, span.end):
            i += n  # "Edwards Air Force Base", "Armstrong Flight Research Center": a place, not a crew member
            continue
        if kind is MentionKind.PERSON and (crew := _POSSESSIVE_CREW.match(prose, span.end)):
            kind, span = MentionKind.CREW, Span(span.start, crew.end())
        if kind is MentionKind.SITE and (word := _SITE_WORD.match(prose, span.end)):
            span = Span(span.start, word.end())  # "Plesetsk Cosmodrome" is one claim
        yield MissionMention(span, doc.text[span.start:span.end], kind, ids, key)
        taken.append(span)
        i += n
    for m in _EXPEDITION.finditer(prose):
        yield MissionMention(Span(m.start(), m.end()), doc.text[m.start():m.end()], MentionKind.EXPEDITION,
                             gaz.expeditions.get(m.group(1), ()), m.group(1))
    starts = [s.start for s in taken]  # in text order and disjoint: one bisect per match, not a rescan of all
    for m in _SITE_SUFFIX.finditer(prose):
        k = bisect.bisect_right(starts, m.start()) - 1
        if not ((k >= 0 and taken[k].end > m.start()) or (k + 1 < len(taken) and taken[k + 1].start < m.end())):
            yield MissionMention(Span(m.start(), m.end()), doc.text[m.start():m.end()], MentionKind.SITE, (),
                                 " ".join(tokens_of(m.group(0))))


def _designator(prose: str, toks: list, i: int, gaz: Gazetteer) -> int:
    """How many tokens a flight designator at token i has ("crs", "10"; "soyuz", "ms", "07"), or 0."""
    if toks[i][0] not in gaz.designators or not prose[toks[i][1]].isupper():
        return 0
    j = i + 1
    if j < len(toks) and toks[j][0] in ("ms", "m", "tma", "tm") and _TIGHT.fullmatch(prose, toks[j - 1][2], toks[j][1]):
        j += 1
    if j < len(toks) and toks[j][0].isdigit() and len(toks[j][0]) <= 4 \
            and _TIGHT.fullmatch(prose, toks[j - 1][2], toks[j][1]):
        return j + 1 - i
    return 0


def _longest_at(prose: str, toks: list, i: int, gaz: Gazetteer):
    best = None
    names = gaz.names
    key: tuple[str, ...] = ()  # the tokens i..j, one longer each step
    for n in range(1, min(gaz.longest.get(toks[i][0], 0), len(toks) - i) + 1):
        j = i + n - 1
        if n > 1 and _TIGHT.fullmatch(prose, toks[j - 1][2], toks[j][1]) is None:
            break
        key += (toks[j][0],)
        if key in names:
            best = (n, names[key])
    return best
