"""The reference linker's word patterns are built fast (text.at_word_start); they must find exactly what the
plain alternations they replaced found. The plain ones are kept here as the oracle and both are run over
text made of the cue words in every casing, folded letters, glued prefixes and suffixes and punctuation."""
from __future__ import annotations

import random
import re

import pytest

from orbitcheck.checks.reference import claims, link

_CUES_PLAIN = [
    r"abort(?:s|ed|ing)?|launch failure|failed launch|launch accident|failure(?=[ \t]{1,3}(?:on|of|in)\b)",
    r"undock(?:s|ed|ing)?|(?:leave|leaves|left|leaving|depart(?:s|ed|ing)?(?: from)?) the (?:space )?station"
    r"|back(?:s|ed|ing)? away|pull(?:s|ed|ing)? away",
    r"land(?:s|ed|ing)?|touch(?:es|ed)? down|touchdown|splash(?:es|ed)? down|splashdown"
    r"|parachut(?:e|es|ed|ing) (?:to|into|down)"
    r"|return(?:s|ed|ing)? (?:home|to Earth)|(?:leave|leaves|left|leaving|head(?:s|ed)?) for home"
    r"|(?:come|comes|came|coming) home",
    r"dock(?:s|ed|ing)?|(?:make|makes|made|making) contact with|link(?:s|ed|ing)? up",
    r"berth(?:s|ed|ing)?",
    r"grappl(?:e|es|ed|ing)|captur(?:e|es|ed|ing)",
    r"arriv(?:e|es|ed|ing|al) at (?:the )?(?:(?:international )?space )?station|arrival"
    r"|reach(?:es|ed)? (?:the )?(?:space )?station",
    r"arriv(?:e|es|ed|ing)",
    r"launch(?:es|ed|ing)?|lift(?:s|ed|ing)? off|liftoff|lift-off|blast(?:s|ed|ing)? off|blastoff"
    r"|(?:leave|leaves|left|leaving) Earth|t(?:ake|akes|ook|aking) off|rocket(?:s|ed)? (?:in)?to"
    r"|(?:make|makes|made|making) it off the pad|clear(?:s|ed|ing)? the tower|fl(?:ew|ies|y) on"
    r"|rose from|(?:leave|leaves|left|leaving) (?:the )?(?:pad|Baikonur|Wallops|Tanegashima|Kourou"
    r"|Cape Canaveral|Kennedy)",
    r"deliver(?:s|ed|ing|y|ies)?|carr(?:y|ies|ied|ying)|haul(?:s|ed|ing)?|ferr(?:y|ies|ied|ying)"
    r"|(?:bring|brings|brought|bringing)|(?:packed|loaded|laden|filled) with",
    r"weigh(?:s|ed|ing)?|launch mass|spacecraft mass",
]
CUE = re.compile(r"\b(?=[abcdfghlmprstuw])(?:" + "|".join(f"(?P<c{i}>(?:{rx})\\b)" for i, rx in enumerate(_CUES_PLAIN))
                 + ")", re.I)
CLAUSE = re.compile(r"\n|\band\b(?![ \t]{1,3}time\b)|\b(?:then|after|before|while|but|which|who|where|whereas"
                    r"|although|though|until|because|since)\b|[;—–]|\s-\s", re.I)
NOT_EVENT = re.compile(r"\b(?:coverage|webcast|broadcast|live ?stream|hatch(?:es)?|news conference|press conference"
                       r"|briefing|window|update[ds]?|announce(?:s|d|ment)?|blog|manifest|woken|woke|wake-up|wakeup"
                       r"|separat(?:ed|es|ion)|press release|countdown|roll(?:ed)? ?out|fueling|fuelling)\b", re.I)
PAST_PLAN = re.compile(r"\b(?:was|were|had been)[ \t]{1,3}(?:(?:originally|initially|first|previously|once|still|then)"
                       r"[ \t]{1,3})?(?:scheduled|planned|set|slated|targeted|expected|supposed|due|to)\b"
                       r"|\b(?:originally|initially|previously)\b|\bre-?scheduled\b|\bwas to have\b"
                       r"|\b(?:delayed|postponed|moved|pushed back|slipped|nixed|scrubbed|called off)\b"
                       r"|\battempts?\b|\bmanifest\b|\bconfirmed the\b|\(\s*(?:planned|scheduled|target(?:ed)?)\b",
                       re.I)
PLAN = re.compile(r"\b(?:scheduled|planned|slated|targeted|targeting|expected to|due to (?:launch|dock|land|lift|fly"
                  r"|arrive|berth|return|undock)|set (?:for|to)|(?:is|are) to|will|no earlier than|NET|aims? to"
                  r"|plans? to)\b", re.I)

_WORDS = re.findall(r"[A-Za-z]+", " ".join(_CUES_PLAIN) + CLAUSE.pattern + NOT_EVENT.pattern + PAST_PLAN.pattern
                    + PLAN.pattern)
_GLUE = [" ", " ", " ", "  ", "\t", "-", "- ", " - ", "\n", ", ", ", and ", "; ", "—", ".", "'s ", "(", " (", "_",
         "3", "é", ""]


def _variant(word: str, rng: random.Random) -> str:
    out = []
    for ch in word:
        pick = rng.random()
        if pick < 0.3:
            ch = ch.upper()
        elif pick < 0.33:
            ch = {"s": "\u017f", "k": "\u212a", "i": "\u0131", "I": "\u0130"}.get(ch, ch)
        out.append(ch)
    text = "".join(out)
    if rng.random() < 0.15:
        text = text[: rng.randrange(1, len(text) + 1)]  # a word cut short
    if rng.random() < 0.1:
        text = rng.choice(["re", "un", "x", "é", "s"]) + text  # glued in front
    return text


def _texts(count: int = 300) -> list[str]:
    rng = random.Random(18)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randrange(5, 60)):
            parts.append(_variant(rng.choice(_WORDS), rng))
            parts.append(rng.choice(_GLUE))
        texts.append("".join(parts))
    return texts


TEXTS = _texts()


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]


@pytest.mark.parametrize(("fast", "plain"), [(link._CUE, CUE), (link._CLAUSE, CLAUSE), (link._NOT_EVENT, NOT_EVENT),
                                             (link._PAST_PLAN, PAST_PLAN), (link._PLAN, PLAN)],
                         ids=["cue", "clause", "not-event", "past-plan", "plan"])
def test_fast_patterns_find_what_the_plain_alternations_found(fast: re.Pattern[str], plain: re.Pattern[str]) -> None:
    found = 0
    for text in TEXTS:
        expected = _spans(plain, text)
        assert _spans(fast, text) == expected, text
        found += len(expected)
    assert found > 100  # the texts do hold the words


def test_each_cue_is_the_one_the_plain_alternation_named() -> None:
    kinds = [prop for prop, _ in link._CUES]
    told = 0
    for text in TEXTS:
        fast = list(link._CUE.finditer(text))
        plain = list(CUE.finditer(text))
        assert [m.span() for m in fast] == [m.span() for m in plain], text
        for got, want in zip(fast, plain, strict=True):
            assert link._CUE_KIND[got.lastgroup] is kinds[int(want.lastgroup[1:])], text  # type: ignore[index]
            told += 1
    assert told > 100


def test_windowed_searches_agree() -> None:
    """_modality searches a clause (pos, endpos): a word cut at the window's end must read the same."""
    rng = random.Random(58)
    for text in TEXTS:
        for _ in range(10):
            lo = rng.randrange(0, len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            for fast, plain in ((link._PAST_PLAN, PAST_PLAN), (link._PLAN, PLAN)):
                got, want = fast.search(text, lo, hi), plain.search(text, lo, hi)
                assert (got and got.span()) == (want and want.span()), (text, lo, hi)


# The mass link's clause words (claims.py), as the plain alternations they were written as first.
RETURN = re.compile(r"\b(?:back\s(?:to|on)\s(?:Earth|the\sground)|return(?:s|ed|ing)?|brought\sback|"
                    r"bring(?:s|ing)?\sback|splash(?:ed|es|ing)?\s?down|undock(?:s|ed|ing)?|depart(?:s|ed|ing|ure)?|"
                    r"trash|garbage|waste|disposal|discard(?:s|ed)?|unneeded|no[-\s]longer[-\s]needed|deorbit\w*|"
                    r"down\s?mass|down\scargo)\b", re.I)
SECTION = re.compile(r"\b(?:(?:un)?pressuri[sz]ed\s(?:logistics\s)?(?:carrier|section|module|compartment|cabin)|"
                     r"logistics\scarrier|trunk|cargo\scompartment|cargo\shold)\b", re.I)
INCLUDING = re.compile(r"\b(?:including|includ(?:es|ed)|among them|such as|of which|plus)\b", re.I)
MASS_NOUN = re.compile(r"\b(?:weigh(?:s|ed|ing)?|launch mass|spacecraft mass|mass)\b", re.I)
_MASS_PAIRS = [(claims._RETURN, RETURN), (claims._SECTION, SECTION), (claims._INCLUDING, INCLUDING),
               (claims._MASS_NOUN, MASS_NOUN)]
_MASS_WORDS = re.findall(r"[A-Za-z]+", "".join(plain.pattern for _, plain in _MASS_PAIRS)) + [
    "Earth", "ground", "pressurized", "unpressurised", "logistics", "carrier", "cargo", "hold", "deorbited",
    # whole phrases, so the texts hold the many-word ones too (each word still varied in case and folds)
    "pressurized logistics carrier", "unpressurized cargo module", "pressurised section", "cargo hold",
    "logistics carrier", "back to Earth", "brought back", "down mass", "among them", "launch mass"]


def _mass_texts(count: int = 300) -> list[str]:
    rng = random.Random(215)
    glue = [*_GLUE, " to ", " on the ", " back "]
    return ["".join(_variant(rng.choice(_MASS_WORDS), rng) + rng.choice(glue) for _ in range(rng.randrange(5, 60)))
            for _ in range(count)]


MASS_TEXTS = _mass_texts()


@pytest.mark.parametrize(("fast", "plain"), _MASS_PAIRS, ids=["return", "section", "including", "mass-noun"])
def test_mass_link_patterns_find_what_the_plain_alternations_found(fast: re.Pattern[str],
                                                                  plain: re.Pattern[str]) -> None:
    rng = random.Random(216)
    found = 0
    for text in MASS_TEXTS:
        expected = _spans(plain, text)
        assert _spans(fast, text) == expected, text
        found += len(expected)
        for _ in range(10):  # searched in a clause (pos, endpos), as mass_link does
            lo = rng.randrange(0, len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            got, want = fast.search(text, lo, hi), plain.search(text, lo, hi)
            assert (got and got.span()) == (want and want.span()), (text, lo, hi)
    assert found > 100


def _sentence_texts() -> list[str]:
    from bench.archive import drafts  # real-style drafts of our own
    from bench.bench_engine import DRAFT

    rng = random.Random(259)
    texts = [DRAFT, *drafts().values()]
    for text in TEXTS[:100]:  # the cue texts cut into sentences in every way a sentence may end
        words = text.split(" ")
        texts.append(" ".join(w + rng.choice(["", "", ".", "!", "?\u201d", ".)", ".\n\n"]) for w in words))
    return texts


def test_a_sentence_scan_finds_what_the_whole_prose_scan_finds_there() -> None:
    """The linker scans cues, clause cuts and not-event words one sentence at a time, on the sentence's first
    claim: none of these patterns may reach across a sentence's end."""
    from orbitcheck.extract import Extraction
    from orbitcheck.extract.dates import _sentence_ends
    from orbitcheck.text import parse_document

    compared = 0
    for text in _sentence_texts():
        doc = parse_document(text)
        prose = doc.prose
        keep = Extraction(doc)  # the live memo sentence_bounds reads
        ends = [0, *keep.get(_sentence_ends), len(prose)]
        scans = [link._Words.scan(prose, a, b) for a, b in zip(ends, ends[1:], strict=False) if a < b]
        cue_starts = {m.start() for m in link._CUE.finditer(prose)}
        assert [c for w in scans for c in w.cues] == [
            (m.start(), m.end(), link._CUE_KIND[m.lastgroup], m.group(0)) for m in link._CUE.finditer(prose)]
        assert [c for w in scans for c in w.cuts] == sorted(
            [m.start() for m in link._CLAUSE.finditer(prose)]
            + [m.start() for m in link._COMMA.finditer(prose) if m.end() in cue_starts])
        assert [n for w in scans for n in w.not_event] == [(m.start(), m.group(0))
                                                           for m in link._NOT_EVENT.finditer(prose)]
        compared += len(scans)
    assert compared > 500
