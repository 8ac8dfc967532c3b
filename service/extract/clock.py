"""Clock-time mentions and time pairs: "6:31 a.m. EST Dec. 3 (1131 GMT)", "1814:08 GMT (1:14:08 p.m. EST)".

API (checks and the reference-record linker build on it; keep it stable):

    extract_clock_times(doc) -> tuple[ClockMention, ...]   # every clock time, pair sides included, in order
    extract_time_pairs(doc)  -> tuple[TimePair, ...]       # a time + the same instant elsewhere, in (...)
    Extraction(doc).get(extract_clock_times)               # memoised per document, shared by checks

A ClockMention carries the time as written (hour 0-23 after a.m./p.m., minute, second), its precision,
the hedge ("around"), the zone as written with its readings from the zone table, the day written with it
("Dec. 3", "Thursday", "March 12", "the next day"), the date that anchors it and, when the zone has one
reading and a date is known, the UTC instant. Times in a pair's parentheses get their local date from the
first side's instant (a reader converts the instant, not the calendar day).

Forms: "6:31 a.m.", "6:31am", "1.17am", "12.01 PM", "5 p.m.", "noon", "midnight", "1131 GMT", "11:31 UTC",
"1814:08 GMT", "18:14:08", "21:14 Moscow time", "5:31 p.m. Baikonur time", "local time" (zone of the place
the text names), ranges "7:43-9:43 a.m. EDT", "7:35 am to 9:10 am", triples "(1330 GMT, 6:30 a.m. PDT)",
"(20:33 GMT / 21:33 BST)", "[11:23 GMT]"; "14.35 IST", "09:41:17.512", "20H47 GMT", "8.33 am (EDT)".
Not times: "(GMT-5)" (an offset), "(May 31st)", "(Wednesday)", "(Eastern)", "(Updated 3:24 pm)": a pair's
parenthesis must open with a clock time (or a hedge and a clock time) that names a zone.
Pairs without parentheses (`_read_connected`): "9 a.m. ET, which is 2 p.m. BST", "14:05 BST / 15:05 CEST",
"1400 GMT, or 1100 local time in Kourou", lists ("3am AEDT, 2:30am ACDT, 2am AEST", "New York: 3:22PM /
London: 8:22PM", one time a line); every side names a zone no earlier side names.

Every regex is precompiled (the zone alternation once per process, on first use) and has no nested
quantifiers; the scan moves forward only, so it is linear in the input.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache

from ..model import Span, quick_init
from ..text import Document
from ..vocabulary import hedges, zones
from ..vocabulary.zones import ZoneEntry
from . import dates as dates_mod
from . import memo
from .dates import DateMention, DatePrecision, YearSource

# The time itself. The lookbehind keeps us out of numbers ("1,5", "v2.10"); "." and ":" forms need care.
_CLOCK_BODY = (
    r"(?:"
    # "6:31", "1.17" (with am/pm), "14.35" (24-hour before a zone), "20H47"; seconds "18:14:08", "17.512".
    r"(?P<h>[01]?\d|2[0-3])(?P<sep>[:.hH])(?P<m>[0-5]\d)(?:(?P<sep2>[:.])(?P<s>[0-5]\d)(?P<frac>\.\d{1,3})?)?"
    r"(?![\d:]|\.\d)"
    r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?(?![\d:]|\.\d|,\d)"
    r"|(?P<ho>1[0-2]|0?[1-9])(?=\s?[aApP]\.?\s?[mM](?![a-zA-Z]))"
    # A bare hour that opens a range of 12-hour times: the "9" of "9 to 11 a.m.", "9-11:30 p.m.".
    r"|(?P<hr>1[0-2]|0?[1-9])"
    r"(?=[ \t\u00a0\u202f]?(?:-|–|to\b)[ \t\u00a0\u202f]?(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?"
    r"[ \t\u00a0\u202f]?[aApP]\.?[ \t\u00a0\u202f]?[mM])"
    r"|(?:12\s)?(?P<word>noon|midnight)(?![\w-])"
    r")"
)
_CLOCK = re.compile(r"(?<![\w.,:/$£€-])" + _CLOCK_BODY)
# After a side separator inside a pair's parentheses ("(12pm CET/6am ET)") the slash is no part of a number.
_CLOCK_AFTER_SLASH = re.compile(_CLOCK_BODY)
# A range joins two clock times: "7:43-9:43 a.m.", "1143-1343 GMT", "9 to 11 a.m.". Times in a range may
# follow a hyphen, so the range end is matched with its own pattern (no lookbehind).
_RANGE_JOIN = re.compile(r"[ \t\u00a0\u202f]?(?:-|–|—|to\b|and\b)[ \t\u00a0\u202f]?")
_RANGE_END = re.compile(
    r"(?P<h>[01]?\d|2[0-3])(?P<sep>[:.hH])(?P<m>[0-5]\d)(?:(?P<sep2>[:.])(?P<s>[0-5]\d)(?P<frac>\.\d{1,3})?)?"
    r"(?![\d:]|\.\d)"
    r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?(?![\d:]|\.\d)"
    r"|(?P<ho>1[0-2]|0?[1-9])(?=\s?[aApP]\.?\s?[mM](?![a-zA-Z]))"
    r"|(?:12\s)?(?P<word>noon|midnight)(?![\w-])"  # "11 p.m. - midnight EDT"
)
_MERIDIEM = re.compile(r"[ \t\u00a0\u202f]?(?P<ap>[aApP])(?P<dot>\.?)[ \t\u00a0\u202f]?[mM]\.?(?![a-zA-Z])")
# Hedges written just before a time ("around 3 a.m."): matched on the lower-cased text before it with
# str.endswith, which is far cheaper than a regex search run backwards over a window for every time.
_HEDGES = tuple(sorted(hedges.TIME, key=len, reverse=True))  # the longest first: a phrase over a word it ends in
# Where a clock time can start: a run of digits, or "noon"/"midnight". The engine skips to these quickly;
# _CLOCK (whose leading lookbehind defeats that skipping) is then tried only there.
_CLOCK_START = re.compile(r"\d+|noon|midnight")
_GAP = re.compile(r"[ \t\u00a0\u202f]{0,3}(?:,[ \t\u00a0\u202f]{0,3})?(?:on[ \t\u00a0\u202f]{1,3})?")
_SHIFT = re.compile(r"(?P<w>the next day|next day|the following day|the following morning|the day before"
                    r"|the previous day|the previous evening)\b", re.I)
_OPEN = re.compile(r"[.;]?[ \t\u00a0\u202f]{0,3}(?P<b>[(\[])[ \t\u00a0\u202f]{0,3}")  # "(1131 GMT)", "[11:23 GMT]"
_SIDE_SEP = re.compile(r"[ \t\u00a0\u202f]{0,3}(?:[,;/]|\bor\b|\band\b)[ \t\u00a0\u202f]{0,3}")
# Inside a pair's parentheses: a filler before a side, a day written before its time, a UTC offset before
# the first side, and an aside after the last ("for readers in Britain") of at most 40 letters and spaces.
_FILLER = re.compile(r"(?i:that's|that is|which is|or|i\.e\.|or about)[ \t\u00a0\u202f]{1,3}")
_DAY_LEAD = re.compile(r",?[ \t\u00a0\u202f]{1,3}(?:at[ \t\u00a0\u202f]{1,3})?(?=\d|noon|midnight)")
_OFFSET_FIRST = re.compile(r"(?:UTC|GMT)[ \t\u00a0\u202f]?[+\u2212-](?:1[0-4]|0?\d)(?::?[0-5]\d)?"
                           r"[ \t\u00a0\u202f]{0,3}[;,][ \t\u00a0\u202f]{0,3}")
# ... or after a comma, an aside that says where rather than when: "(8:18pm US Pacific, where the Jet
# Propulsion Lab is)". It holds no figure and no word of time or day ("(0309 GMT, a day later)" is no aside).
_ASIDE_WHEN = (r"(?![^()\n]{0,60}?\b(?i:days?|hours?|hrs?|minutes?|mins?|seconds?|earlier|later|before|after|ahead"
               r"|behind|next|previous|following|yesterday|today|tomorrow|tonight|morning|evening|afternoon|night"
               r"|noon|midnight|[ap]\.?m|gmt|utc|time|mon|tue|wed|thu|fri|sat|sun|\w+day|jan|feb|mar|apr|may|jun"
               r"|jul|aug|sep|sept|oct|nov|dec|\w+uary|march|april|june|july|august|\w+ber)\b)")
_ASIDE_CLOSE = {b: re.compile(r"(?:[ \t\u00a0\u202f]{1,3}(?:for|in|to|if|as)[ \t\u00a0\u202f][A-Za-z ,'’]{1,40}"
                              rf"|,[ \t\u00a0\u202f]{{1,3}}{_ASIDE_WHEN}[A-Za-z][A-Za-z ,'’]{{0,59}})"
                              + re.escape(b)) for b in ")]"}
# The parenthesis may hold the sentence's full stop: "(1925 GMT.)".
_CLOSE = {b: re.compile(r"[ \t\u00a0\u202f]{0,3}\.?" + re.escape(b)) for b in ")]"}
_CLOSING = {"(": ")", "[": "]"}
# A pair without parentheses: "9 a.m. ET, which is 2 p.m. BST", "1400 GMT, or 1100 local time in Kourou",
# "14:05 BST / 15:05 CEST", "4:10 p.m. ET - that's 9:10 p.m. UK time", "1:33 pm PT that converts to 2:03 am
# IST". A bare comma joins a list only ("3am AEDT, 2:30am ACDT, 2am AEST"): two more times must follow.
_S = r"[ \t\u00a0\u202f]"
# The characters a connector or a list's next item can start with (a cheap test before _CONNECT).
_CONNECT_FIRST = frozenset(",;/–—-.\n·•|0123456789" + "wtieocmWTIEOCM" + "".join(
    chr(c) for c in range(ord("A"), ord("Z") + 1)))
_CONNECT = re.compile(
    rf"(?i:{_S}{{0,3}}(?:"
    rf"(?P<strong>[,;]?{_S}{{0,3}}(?:which|that|this){_S}{{1,3}}(?:is|was|would{_S}be|will{_S}be|means"
    rf"|converts{_S}to|translates{_S}to|works{_S}out{_S}(?:to|at)|equals|corresponds{_S}to)"
    rf"|[,;]?{_S}{{0,3}}(?:that's|that’s|i\.e\.,?|meaning|or{_S}about|equivalent{_S}to|converting{_S}to"
    rf"|translating{_S}to)"
    rf"|{_S}(?:converts{_S}to|translates{_S}to|works{_S}out{_S}(?:to|at)|equals|corresponds{_S}to)"
    # the next sentence says what the time is elsewhere: "1.33pm local time. That works out to 9.33pm in the UK"
    rf"|\.{_S}{{1,3}}(?:That|This){_S}{{1,3}}(?:works{_S}out{_S}(?:to|at)|is|means|would{_S}be|translates{_S}to"
    rf"|converts{_S}to)|\.{_S}{{1,3}}That(?:'s|’s)"
    # "... 12.48pm ET. For those watching in Australia, it would be Saturday, September 3 at 2.48am AEST"
    rf"|\.{_S}{{1,3}}(?:For|In){_S}[^.;:()\n]{{1,40}}?,{_S}{{1,3}}(?:that's|that’s|that{_S}is|it's|it’s|it{_S}is"
    rf"|it{_S}will{_S}be|it{_S}would{_S}be|this{_S}is))"
    rf"|(?P<weak>,{_S}{{0,3}}or|{_S}or|/|[–—]|{_S}-|{_S}is)"
    rf"|(?P<comma>,)"
    rf"){_S}{{0,3}}(?:[–—-]{_S}{{0,3}})?(?:(?:that's|that’s|that{_S}is|which{_S}is){_S}{{1,3}})?"
    rf"(?:(?:at|between){_S}{{1,3}})?)"
)
_HEDGE_AT = re.compile(
    "(?:" + "|".join(map(re.escape, hedges.TIME_IN_PARENTHESES)) + r")[ \t\u00a0\u202f]{0,3}", re.I
)
_LOCAL_TIME = "local time"
_MAX_PLACES = 4
_DAY = timedelta(days=1)
_HALF_DAY = timedelta(hours=12)
_SHIFT_DAYS = {"next": 1, "following": 1, "before": -1, "previous": -1}


class ClockPrecision(StrEnum):
    HOUR = "hour"        # "5 p.m.", "noon"
    MINUTE = "minute"    # "6:31 a.m.", "1131 GMT"
    SECOND = "second"    # "18:14:08", "1814:08 GMT"


class ClockStyle(StrEnum):
    H12 = "12h"          # "6:31 a.m.", "1.17am", "5 p.m."
    H24 = "24h"          # "11:31", "18:14:08"
    HHMM = "hhmm"        # "1131", "1814:08"
    WORD = "word"        # "noon", "midnight"


class AnchorSource(StrEnum):
    WRITTEN = "written"      # a date written with the time ("6:31 a.m. EST Dec. 3", "(0309 GMT Thursday)")
    SENTENCE = "sentence"    # the date written nearest before the time in its sentence
    AFTER = "after"          # no date before it: the date written nearest after it in its sentence (weaker:
    #                          "the launch at 6:31 a.m. EST was moved to July 1" is not a July time)
    PAIR = "pair"            # a time in parentheses: the first side's instant gives its date
    PUBLISHED = "published"  # the publication date (an approximation: the event may be days away)
    NONE = "none"            # no date known: offsets come from what the zone name states, if anything


@quick_init
@dataclass(frozen=True, slots=True)
class ZoneMention:
    """A zone as written after a time, with every reading the table and the text allow."""

    span: Span
    text: str
    readings: tuple[ZoneEntry, ...]   # empty: unknown ("local time" with no place named)
    ruled_out: tuple[ZoneEntry, ...] = ()  # readings of an ambiguous name the draft's words set aside (CST
    #                                        after "Jiuquan"): a pair that fits one of them is not faulted

    @property
    def entry(self) -> ZoneEntry | None:
        """The one reading, or None when the name is ambiguous or unknown."""
        return self.readings[0] if len(self.readings) == 1 else None


@quick_init
@dataclass(frozen=True, slots=True)
class ClockMention:
    """One clock time as written, with its zone, its day and (when resolvable) its UTC instant."""

    span: Span                        # the time with its meridiem, zone and day words
    text: str
    time_span: Span                   # the time alone, with a.m./p.m. ("6:31 a.m.")
    hour: int                         # 0-23 after a.m./p.m.
    minute: int                       # 0 when not written
    second: int | None                # None when not written
    precision: ClockPrecision
    style: ClockStyle
    meridiem: str | None = None       # as written: "a.m.", "pm", " PM"
    hedge: str | None = None          # "around", "about" (widens the tolerance)
    zone: ZoneMention | None = None
    day: DateMention | None = None    # the date or weekday written with the time
    day_shift: int | None = None      # roll-over words: +1 "the next day", -1 "the previous day"
    anchor: DateMention | None = None  # the date mention that anchors it (None: publication date or none)
    anchor_source: AnchorSource = AnchorSource.NONE
    local_date: date | None = None    # the day of the wall-clock time, when known
    utc: datetime | None = None       # the instant, when the zone has one reading and the date is known
    # No zone written, in a pair: the zones of the places its sentence names (else of those named before it),
    # which the reader may take it in ("lifted off from Tanegashima at 1:05 a.m. (1605 GMT)"); a check may
    # confirm the pair with them, never fault it.
    implied: tuple[ZoneEntry, ...] = ()

    @property
    def local(self) -> datetime | None:
        return datetime.combine(self.local_date, self.clock) if self.local_date else None

    @property
    def clock(self) -> time:
        return time(self.hour, self.minute, self.second or 0)


@quick_init
@dataclass(frozen=True, slots=True)
class TimePair:
    """A time followed by the same instant in other zones: "6:31 a.m. EST Dec. 3 (1131 GMT)".

    `first` is the time outside the parentheses (two mentions for a range "7:43-9:43 a.m. EDT");
    `others` holds each rendering in the parentheses, ranges likewise as two mentions.
    """

    span: Span
    text: str
    first: tuple[ClockMention, ...]
    others: tuple[tuple[ClockMention, ...], ...]
    # Times only listed side by side ("11 a.m. EDT, 1 p.m. CDT and 4 p.m. PDT"), not said to be one instant:
    # a check may confirm them, but not fault them.
    listed: bool = False


def extract_clock_times(doc: Document) -> tuple[ClockMention, ...]:
    """Every clock time in the prose, in text order (times inside pairs included, dated by the pair)."""
    return memo(doc).get(_scan)[0]


def extract_time_pairs(doc: Document) -> tuple[TimePair, ...]:
    """Every time pair in the prose, in text order."""
    return memo(doc).get(_scan)[1]


# --- scanning -----------------------------------------------------------------------------------------

@cache
def _zone_re() -> re.Pattern[str]:
    """One alternation of every zone name in the table, longest first (built once, on first use)."""
    table = zones.table()
    abbrevs = sorted(table.by_abbreviation, key=len, reverse=True)
    phrases = sorted(table.by_phrase, key=len, reverse=True)
    phrase_alt = "|".join(re.escape(p).replace(r"\ ", r"[ \t\u00a0\u202f]+") for p in phrases + [_LOCAL_TIME])
    return re.compile(
        r"(?P<fixed>(?:UTC|GMT)[ \t\u00a0\u202f]?[+\u2212-](?:1[0-4]|0?\d)(?::?[0-5]\d)?(?![\d:]))"
        rf"|(?P<abbr>(?:{'|'.join(map(re.escape, abbrevs))}))(?![\w-])"
        rf"|(?i:(?P<phrase>{phrase_alt}))(?![\w-])"
    )


def _cues(doc: Document) -> frozenset[str]:
    """The cue words and places (lower-cased) the document names: they pick readings of IST/CST/BST."""
    return frozenset(m.group(0).lower() for m in _cue_re().finditer(doc.prose))


@cache
def _cue_re() -> re.Pattern[str]:
    table = zones.table()
    names = sorted({c for e in _all_entries(table) for c in e.cues + e.places}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _all_entries(table: zones.ZoneTable) -> list[ZoneEntry]:
    seen: dict[int, ZoneEntry] = {}
    for group in list(table.by_abbreviation.values()) + list(table.by_phrase.values()):
        for e in group:
            seen[id(e)] = e
    seen.update({id(e): e for e in table.by_place.values()})
    return list(seen.values())


def _places(doc: Document) -> tuple[tuple[int, ...], tuple[ZoneEntry, ...], tuple[ZoneEntry, ...],
                                    tuple[tuple[ZoneEntry, ...], ...]]:
    """The places the document names that have a zone: (offsets, entries) in text order, the distinct zones
    among them (at most four: more than that and "local time" is anyone's guess), and for each place the
    distinct zones of the places named up to it (the same limit)."""
    by_place = zones.table().by_place
    offsets: list[int] = []
    entries: list[ZoneEntry] = []
    upto: list[tuple[ZoneEntry, ...]] = []
    distinct: dict[str, ZoneEntry] = {}
    zone_re = _zone_re()
    for m in _cue_re().finditer(doc.prose):
        entry = by_place.get(m.group(0).lower())
        if entry is not None and not ((z := zone_re.match(doc.prose, m.start())) and z["phrase"]):
            # "Moscow time" names a zone, not where things happen: it is no place for "local time".
            offsets.append(m.start())
            entries.append(entry)
            if entry.zone not in distinct and len(distinct) <= _MAX_PLACES:
                distinct[entry.zone] = entry
                seen = tuple(distinct.values()) if len(distinct) <= _MAX_PLACES else ()
            elif not upto:
                seen = tuple(distinct.values())
            else:
                seen = upto[-1]
            upto.append(seen)
    everywhere = tuple(distinct.values()) if len(distinct) <= _MAX_PLACES else ()
    return tuple(offsets), tuple(entries), everywhere, tuple(upto)


def _local_time_readings(doc: Document, at: int) -> tuple[ZoneEntry, ...]:
    """The zone(s) of the places named nearest the time in its sentence, else of those the document names
    before it (an article says where it is before it says "local time"), else anywhere in it."""
    offsets, _, everywhere, upto = memo(doc).get(_places)
    found = _sentence_places(doc, at)
    if found is None:
        i = bisect.bisect_left(offsets, at)
        return upto[i - 1] if i else everywhere
    return found


def _implied_zones(doc: Document, at: int) -> tuple[ZoneEntry, ...]:
    """The zones a time written without one may be in: those of the places its sentence names, else of those the
    document names before it (a dateline, "the rocket stood at Tanegashima"), at most four."""
    found = _sentence_places(doc, at)
    if found is not None:
        return found
    offsets, _, _, upto = memo(doc).get(_places)
    i = bisect.bisect_left(offsets, at)
    return upto[i - 1] if i else ()


def _sentence_places(doc: Document, at: int) -> tuple[ZoneEntry, ...] | None:
    """The distinct zones of the places named nearest `at` in its sentence: None when it names none, () when
    it names more than four."""
    offsets, entries, _, _ = memo(doc).get(_places)
    start, end = dates_mod.sentence_bounds(doc, at)
    i = bisect.bisect_left(offsets, at)
    lo = max(bisect.bisect_left(offsets, start), i - _MAX_PLACES)
    hi = min(bisect.bisect_left(offsets, end), i + _MAX_PLACES)
    found: dict[str, ZoneEntry] = {}
    for entry in entries[lo:hi]:  # bounded: a hostile sentence naming a place 10,000 times costs nothing
        found.setdefault(entry.zone, entry)
    if not found:
        return None
    return tuple(found.values()) if len(found) <= _MAX_PLACES else ()


@cache
def _place_zone_re() -> re.Pattern[str]:
    """A place as a zone: "local Texas time", "in Baikonur", "Kazakhstan time", "local time in Kourou"."""
    places = sorted(zones.table().by_place, key=len, reverse=True)
    alt = "|".join(re.escape(p).replace(r"\ ", r"[ \t\u00a0\u202f]+") for p in places)
    return re.compile(
        rf"(?i:(?P<local>local[ \t\u00a0\u202f]+)?(?P<in>in[ \t\u00a0\u202f]+)?(?P<place>{alt})"
        r"(?P<time>[ \t\u00a0\u202f]+(?:local[ \t\u00a0\u202f]+)?time)?)(?![\w-])"
    )


# What may follow a zone name and belongs to it: "Time" after "US Central", the abbreviation after its
# phrase ("Japan Standard Time JST", "Eastern Standard Time (EST)"), the place after "local time".
_TIME_WORD = re.compile(r"[ \t\u00a0\u202f]+(?i:time)(?![\w-])")
_ABBR_AFTER = re.compile(r"[ \t\u00a0\u202f]?(?P<open>\()?(?P<abbr>[A-Z]{2,5})(?(open)\))(?![\w-])")
_IN_AT = re.compile(r"[ \t\u00a0\u202f]+(?:in|at)[ \t\u00a0\u202f]+(?:the[ \t\u00a0\u202f]+)?")
_IN = re.compile(r"(?i:in)[ \t\u00a0\u202f]+")
_ALIAS = re.compile(r"/(?P<abbr>UTC|GMT|UT|Z)(?![\w-])")
_LOCAL_AFTER = re.compile(r"[ \t\u00a0\u202f](?i:local[ \t\u00a0\u202f]time)(?![\w-])")
_AT_SITE = re.compile(r"[ \t\u00a0\u202f]+at[ \t\u00a0\u202f]+the[ \t\u00a0\u202f]+(?:launch[ \t\u00a0\u202f]+)?"
                      r"(?:site|pad|spaceport|cosmodrome|launch complex)(?![\w-])")


# A country before a US zone's abbreviation: "10:31 p.m. U.S. PDT", "9 a.m. US EDT".
_US_BEFORE = re.compile(r"U\.?S\.?[ \t\u00a0\u202f]")


def _zone_at(doc: Document, pos: int) -> ZoneMention | None:
    prose = doc.prose
    table = zones.table()
    m = _zone_re().match(prose, pos)
    if m is None and prose.startswith("U", pos) and (us := _US_BEFORE.match(prose, pos)) is not None:
        m = _zone_re().match(prose, us.end())  # only an abbreviation of a US zone: "U.S. PDT", not "U.S. BST"
        if m is not None and not (m["abbr"] and all(e.zone.startswith(("America/", "Pacific/Honolulu"))
                                                   for e in table.lookup(m["abbr"]))):
            m = None
    if not m and (into := _IN.match(prose, pos)) is not None:
        m = _zone_re().match(prose, into.end())  # "2 p.m. in BST"
        if m and not (m["abbr"] or m["fixed"]):
            m = None
    if not m:
        return _place_zone_at(doc, pos)
    end = m.end()
    text = m.group(0)
    if m["phrase"] and " ".join(text.lower().split()) == _LOCAL_TIME:
        where = _IN_AT.match(prose, end)
        place = _place_zone_re().match(prose, where.end()) if where else None
        if place is not None and not place["local"] and not place["in"] and not place["time"]:
            entry = table.by_place[" ".join(place["place"].lower().split())]
            return ZoneMention(Span(pos, place.end()), prose[pos:place.end()], (entry,))
        if (site := _AT_SITE.match(prose, end)) is not None:
            end = site.end()  # "local time at the launch site": the place the text names
        readings = _local_time_readings(doc, pos)
    else:
        readings = table.lookup(text)
        if m["phrase"] and not text.lower().endswith("time") and (word := _TIME_WORD.match(prose, end)):
            end = word.end()  # "US Central Time"
        if m["phrase"] and (abbr := _ABBR_AFTER.match(prose, end)) is not None \
                and set(map(id, table.lookup(abbr["abbr"]))) & set(map(id, readings)):
            end = abbr.end()  # "Japan Standard Time JST"
        if m["abbr"] and (alias := _ALIAS.match(prose, end)) is not None \
                and table.lookup(alias["abbr"]) == readings:
            end = alias.end()  # "17:30 UTC/GMT": two names of one zone
        if m["abbr"] and (local := _LOCAL_AFTER.match(prose, end)) is not None:
            end = local.end()  # "11:06 a.m. PDT local time": the abbreviation names the local zone
        if len(readings) > 1:
            every = readings
            readings = zones.readings_for_text(readings, memo(doc).get(_cues))
            ruled_out = tuple(e for e in every if e not in readings)
            return ZoneMention(Span(m.start(), end), prose[m.start():end], readings, ruled_out)
    return ZoneMention(Span(m.start(), end), prose[m.start():end], readings)


def _place_zone_at(doc: Document, pos: int) -> ZoneMention | None:
    """ "local Texas time", "Kazakhstan time", "in Baikonur" (a place named as the zone of a time)."""
    m = _place_zone_re().match(doc.prose, pos)
    if m is None or not (m["time"] or m["in"]):
        return None
    entry = zones.table().by_place[" ".join(m["place"].lower().split())]
    return ZoneMention(Span(m.start(), m.end()), m.group(0), (entry,))


@cache
def _label_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A zone or place written as a label before a time, "New York: 3:22PM", "NZT: 15:05": (the label at
    the end of the text before a time, the label where a list's next item starts)."""
    table = zones.table()
    abbrevs = "|".join(map(re.escape, sorted(table.by_abbreviation, key=len, reverse=True)))
    words = "|".join(re.escape(p).replace(r"\ ", r"[ \t\u00a0\u202f]")
                     for p in sorted(set(table.by_phrase) | set(table.by_place), key=len, reverse=True))
    label = rf"(?P<label>(?:{abbrevs})|(?i:{words}))(?![\w-])[ \t\u00a0\u202f]?:[ \t\u00a0\u202f]{{0,3}}"
    return re.compile(rf"(?<![\w.-]){label}\Z"), re.compile(label)


def _label_zone(doc: Document, at: int) -> ZoneMention | None:
    """The zone a label right before `at` names ("London: 8:22PM"), or None."""
    prose = doc.prose
    if at < 2 or ":" not in prose[at - 4 if at >= 4 else 0:at]:
        return None  # the cheap test first: most times have no label
    m = _label_res()[0].search(prose, max(0, at - 40), at)
    if m is None:
        return None
    text = m["label"]
    table = zones.table()
    readings = table.lookup(text)
    if not readings and (place := table.by_place.get(" ".join(text.lower().split()))) is not None:
        readings = (place,)
    if not readings:
        return None
    if len(readings) > 1:
        readings = zones.readings_for_text(readings, memo(doc).get(_cues))
    return ZoneMention(Span(m.start("label"), m.end("label")), text, readings)


# Between the items of a labelled list: a space, a bullet, a slash or comma, or a new list line.
_LABEL_GAP = re.compile(r"[ \t\u00a0\u202f]{0,3}(?:[·•|/,;]|\n(?:[ \t]{0,3}[-*•][ \t]{1,3})?)?[ \t\u00a0\u202f]{0,3}")


@dataclass
class _Tail:
    """What follows a time: zone, day, roll-over words; `end` is where the mention ends."""

    end: int
    zone: ZoneMention | None = None
    day: DateMention | None = None
    shift: int | None = None


def _tail(doc: Document, pos: int, dates: tuple[DateMention, ...], zone_ok: bool = True) -> _Tail:
    """Read zone / day / roll-over words after a time, in any order ("0120 March 12 GMT", "EST Sat.");
    no zone after a time whose label named it ("ET: 23:05, Aug 30 PT: ...": PT labels the next time)."""
    tail = _Tail(pos)
    for _ in range(4):  # bounded: at most a zone, a day, roll-over words and one more
        gap = _GAP.match(doc.prose, tail.end)
        at = gap.end() if gap else tail.end
        if zone_ok and tail.zone is None and (zone := _zone_at(doc, at)) is not None:
            tail.zone, tail.end = zone, zone.span.end
            continue
        if zone_ok and tail.zone is None and "(" in doc.prose[tail.end:tail.end + 2] \
                and (bracketed := _paren_zone(doc, tail.end, dates)) is not None:
            tail.zone, tail.day, tail.end = bracketed[0], bracketed[1] or tail.day, bracketed[2]
            continue
        if tail.day is None and (day := dates_mod.date_at(dates, at)) is not None \
                and day.precision is not DatePrecision.MONTH:
            tail.day, tail.end = day, day.span.end
            continue
        if tail.shift is None and (shift := _SHIFT.match(doc.prose, at)):
            word = shift["w"].lower()
            tail.shift = next(v for k, v in _SHIFT_DAYS.items() if k in word)
            tail.end = shift.end()
            continue
        break
    return tail


_ZONE_OPEN = re.compile(r"[ \t\u00a0\u202f]?\((?=[A-Za-z])")
_ZONE_CLOSE = re.compile(r"[ \t\u00a0\u202f]?\)")


def _paren_zone(doc: Document, pos: int, dates: tuple[DateMention, ...],
                ) -> tuple[ZoneMention, DateMention | None, int] | None:
    """A zone in parentheses right after a time, with its day: "8.33 am (EDT)", "23:06:31 (local time in
    French Guiana on 3 May)", "02:06:31 (GMT on 4 May)": (zone, day, end), or None."""
    prose = doc.prose
    opening = _ZONE_OPEN.match(prose, pos)
    if opening is None or (zone := _zone_at(doc, opening.end())) is None:
        return None
    at, day = zone.span.end, None
    gap = _GAP.match(prose, at)
    if gap is not None and (found := dates_mod.date_at(dates, gap.end())) is not None:
        at, day = found.span.end, found
    close = _ZONE_CLOSE.match(prose, at)
    return (zone, day, close.end()) if close is not None else None


def _time_fields(m: re.Match[str]) -> tuple[int, int, int | None, ClockPrecision, ClockStyle, str]:
    """(hour as written, minute, second, precision, style, separator) of a clock match."""
    if m["h"] is not None:
        second = int(m["s"]) if m["s"] else None
        precision = ClockPrecision.SECOND if second is not None else ClockPrecision.MINUTE
        return int(m["h"]), int(m["m"]), second, precision, ClockStyle.H24, m["sep"]
    if m["hh"] is not None:
        second = int(m["ss"]) if m["ss"] else None
        precision = ClockPrecision.SECOND if second is not None else ClockPrecision.MINUTE
        return int(m["hh"]), int(m["mm"]), second, precision, ClockStyle.HHMM, ""
    if m["ho"] is not None:
        return int(m["ho"]), 0, None, ClockPrecision.HOUR, ClockStyle.H12, ""
    if m.re is not _RANGE_END and m["hr"] is not None:
        return int(m["hr"]), 0, None, ClockPrecision.HOUR, ClockStyle.H12, ""
    return (12 if m["word"].lower() == "noon" else 0), 0, None, ClockPrecision.HOUR, ClockStyle.WORD, ""


def _apply_meridiem(hour: int, ap: str | None) -> int | None:
    if ap is None:
        return hour
    if hour == 0 and ap in "aA":
        return 0  # "00:30 a.m."
    if not 1 <= hour <= 12:
        return None  # "14:00 pm" is not a time we can read
    return hour % 12 + (12 if ap in "pP" else 0)


class _Raw:
    """A time as read, before its date is known (built once into a ClockMention: no dataclass copies)."""

    __slots__ = ("start", "end", "time_end", "hour", "minute", "second", "precision", "style", "meridiem",
                 "hedge", "zone", "day", "shift", "weak", "in_pair")

    def __init__(self, start: int, end: int, time_end: int, hour: int, minute: int, second: int | None,
                 precision: ClockPrecision, style: ClockStyle, meridiem: str | None, hedge: str | None,
                 tail: _Tail) -> None:
        self.start, self.end, self.time_end = start, end, time_end
        self.hour, self.minute, self.second = hour, minute, second
        self.precision, self.style, self.meridiem, self.hedge = precision, style, meridiem, hedge
        self.zone, self.day, self.shift = tail.zone, tail.day, tail.shift
        self.weak = False
        self.in_pair = False

    def build(self, doc: Document, anchor: DateMention | None = None,
              source: AnchorSource = AnchorSource.NONE, local_date: date | None = None) -> ClockMention:
        entry = self.zone.entry if self.zone else None
        utc = None
        if entry is not None and local_date is not None:
            wall = datetime.combine(local_date, time(self.hour, self.minute, self.second or 0))
            utc = zones.to_utc(wall, entry)
        return ClockMention(
            Span(self.start, self.end), doc.text[self.start:self.end], Span(self.start, self.time_end),
            self.hour, self.minute, self.second, self.precision, self.style, self.meridiem, self.hedge,
            self.zone, self.day, self.shift, anchor, source, local_date, utc,
            _implied_zones(doc, self.start) if self.zone is None and self.in_pair else ())


def _read_time(doc: Document, m: re.Match[str], dates: tuple[DateMention, ...],
               hedge: str | None) -> list[_Raw]:
    """The time(s) a clock match starts: one, or two for a range, sharing the zone (and the meridiem, unless
    each time has its own: "7:35 am to 9:10 am Moscow time", "11 p.m. - midnight EDT")."""
    prose = doc.prose
    parts = [m]
    own: re.Match[str] | None = None  # the first time's own meridiem, in a range where each has one
    if m["word"] is None and (join := _RANGE_JOIN.match(prose, m.end())) is not None:
        second = _RANGE_END.match(prose, join.end())
        if second:
            parts.append(second)
    first_mer = _MERIDIEM.match(prose, m.end()) if len(parts) == 1 else None
    if first_mer is not None and m["word"] is None \
            and (join := _RANGE_JOIN.match(prose, first_mer.end())) is not None:
        second = _RANGE_END.match(prose, join.end())
        if second is not None and (second["word"] is not None or _MERIDIEM.match(prose, second.end())):
            parts.append(second)
            own = first_mer
    last = parts[-1]
    mer = first_mer if len(parts) == 1 else _MERIDIEM.match(prose, last.end())
    mers = [own, mer] if own is not None else [mer] * len(parts)
    time_end = mer.end() if mer else last.end()
    if len(parts) == 1:
        if mer is None and m["sep"] == "." and len(m["h"]) != 2:
            return []  # "1.17" is a time only with am/pm after it ("1.17am"), else a decimal (checked first)
    elif any(p["sep"] == "." and pm is None and len(p["h"]) != 2 for p, pm in zip(parts, mers, strict=True)):
        return []
    tail = _tail(doc, time_end, dates)
    label = _label_zone(doc, m.start())  # "London: 8:22PM", "ET: 23:05, Aug 30 PT: 20:05"
    if label is not None and tail.zone is not None and tail.day is not None \
            and tail.zone.span.start > tail.day.span.start:
        tail = _tail(doc, time_end, dates, zone_ok=False)  # that zone labels the list's next time
    if label is not None and tail.zone is None:
        tail.zone = label
    fields = [_time_fields(p) for p in parts]
    weak = False  # read only as a side of a pair ("20H47", "14.35" with no zone are no times alone)
    for p, pm in zip(parts, mers, strict=True):
        sep = p["sep"]
        if sep is None or sep == ":":
            continue
        if sep == "." and pm is None:
            if len(p["h"]) != 2:
                return []  # "1.17" is a time only with am/pm after it ("1.17am"), else a decimal
            weak = weak or tail.zone is None  # "14.35 IST"
        elif sep in ("h", "H"):
            if pm is not None:
                return []
            weak = weak or tail.zone is None  # "20H47 GMT"
    if tail.zone is None and any(f[4] is ClockStyle.HHMM for f in fields):
        return []  # "1131" alone is a number, not a time
    if mer is not None and any(pm and f[4] in (ClockStyle.HHMM, ClockStyle.WORD)
                               for f, pm in zip(fields, mers, strict=True)):
        return []
    hours = [_apply_meridiem(f[0], pm["ap"] if pm else None) for f, pm in zip(fields, mers, strict=True)]
    if None in hours:
        return []
    checked: list[int] = [h for h in hours if h is not None]
    ap = mer["ap"] if mer else None
    if own is None and len(hours) == 2 and ap in ("p", "P") and fields[0][0] != 12 \
            and fields[0][0] > fields[1][0] % 12:
        checked[0] -= 12  # "11:30-1:30 p.m." starts in the morning
    out = []
    for i, (p, f, hour, pm) in enumerate(zip(parts, fields, checked, mers, strict=True)):
        style = ClockStyle.H12 if pm and f[4] is ClockStyle.H24 else f[4]
        is_last = i == len(parts) - 1
        meridiem = prose[pm.start():pm.end()] if pm else None
        # The range's start spans only itself (with its own meridiem), so spans stay disjoint.
        own_end = own.end() if own is not None and not is_last else p.end()
        raw = _Raw(p.start(), tail.end if is_last else own_end, time_end if is_last else own_end,
                   hour, f[1], f[2], f[3], style, meridiem, hedge, tail)  # type: ignore[arg-type]
        raw.weak = weak
        out.append(raw)
    return out


def _scan(doc: Document) -> tuple[tuple[ClockMention, ...], tuple[TimePair, ...]]:
    prose = doc.prose
    dates = memo(doc).get(dates_mod.extract_dates)
    times: list[ClockMention] = []
    pairs: list[TimePair] = []
    pos = 0
    while (candidate := _CLOCK_START.search(prose, pos)) is not None:
        m = _CLOCK.match(prose, candidate.start())
        if m is None:
            pos = candidate.end()
            continue
        raw = _read_time(doc, m, dates, _hedge_before(prose, m.start()))
        if not raw:
            pos = m.end()
            continue
        end = raw[-1].end
        others, pair_end = _read_parenthesis(doc, end, dates)
        if not others and raw[-1].zone is not None and (there := _place_after(doc, end)) is not None:
            others, pair_end = _read_parenthesis(doc, there, dates)  # "7:20 a.m. EST in Kourou (9:20 a.m. GFT)"
        how = ""  # "loose" ("or", "/", a dash): a day written after the last side is the pair's; "list"
        if not others and not raw[-1].weak:
            others, pair_end, how = _read_connected(doc, end, dates, raw,
                                                      previous=times[-1].span.start if times else None)
        if not others:
            if not raw[-1].weak:
                times.extend(_date(doc, r) for r in raw)
            pos = end
            continue
        if how in ("loose", "list") and raw[-1].day is None and others[-1][-1].day is not None:
            for r in raw:
                r.day = others[-1][-1].day  # "14:05 BST / 15:05 CEST on Saturday": the day is the pair's
        if raw[-1].day is None:
            trailing = _tail(doc, pair_end, dates)
            if trailing.day is not None and trailing.zone is None:
                for r in raw:
                    r.day = trailing.day
                pair_end = trailing.end
        if prose[pair_end - 1:pair_end] in (")", "]"):
            more, more_end, _ = _read_connected(doc, pair_end, dates, raw, others)  # "(1200 GMT), or 7 a.m. CDT"
            if more:
                others, pair_end = others + more, more_end
        for r in [*raw, *(r for side in others for r in side)]:
            r.in_pair = True
        group = [_date(doc, r, pair_end) for r in raw]  # a date inside the parentheses is theirs
        if len(group) == 1 and all(len(side) == 2 for side in others) \
                and (opening := _range_opening(prose, times, pairs, raw[0])) is not None:
            # "between 4:23 a.m. EDT and 6:00 a.m. EDT (0823 to 1000 GMT)": the range's start wrote its zone too
            times.pop()
            group.insert(0, opening)
        if group[0].zone is None and pairs and (kept := _zone_kept(prose, pairs[-1], group[0].span.start)):
            # "12:42 p.m. Moscow time (9:42 a.m. GMT) ... docking at 2:47 p.m. (11:47 a.m. GMT)": the zone the
            # paragraph's last pair wrote may confirm this one (never fault it), as a place named may
            group = [replace(g, implied=(*g.implied, kept)) if g.zone is None and kept not in g.implied else g
                     for g in group]
        sides = tuple(tuple(_date_from_pair(doc, r, group[min(i, len(group) - 1)])
                            for i, r in enumerate(side)) for side in others)
        start = group[0].span.start
        if group[0].zone is not None:
            start = min(start, group[0].zone.span.start)  # a label before the time: "London: 8:22PM"
        pairs.append(TimePair(Span(start, pair_end), doc.text[start:pair_end], tuple(group), sides,
                              listed=how == "list"))
        times.extend(group)
        for side in sides:
            times.extend(side)
        pos = pair_end
        if how and len(sides[-1]) == 1:
            # "2:43 p.m. local time, which is 8:43 p.m. EST on January 19 (0143 GMT)": the parenthesis
            # renders the last side; it is a pair of its own, so it is checked even when the first is not.
            more, more_end = _read_parenthesis(doc, pair_end, dates)
            if more:
                last_side = sides[-1]
                rendered = tuple(tuple(_date_from_pair(doc, r, last_side[0]) for r in side) for side in more)
                start = last_side[0].span.start
                pairs.append(TimePair(Span(start, more_end), doc.text[start:more_end], last_side, rendered))
                for side in rendered:
                    times.extend(side)
                pos = more_end
    return tuple(times), tuple(pairs)


def _range_opening(prose: str, times: list[ClockMention], pairs: list[TimePair], last: _Raw) -> ClockMention | None:
    """The time that opens a range ending with `last` when both write the same zone ("4:23 a.m. EDT and 6:00
    a.m. EDT"): the last time read, joined to `last` by a range word alone and in no pair of its own."""
    if not times or last.zone is None:
        return None
    opening = times[-1]
    if opening.zone is None or opening.zone.text != last.zone.text or opening.span.end >= last.start \
            or (pairs and pairs[-1].span.end > opening.span.start) or opening.day_shift is not None:
        return None
    join = _RANGE_JOIN.fullmatch(prose, opening.span.end, last.start)
    return opening if join is not None else None


def _zone_kept(prose: str, pair: TimePair, at: int) -> ZoneEntry | None:
    """The zone the first side of `pair` wrote (one reading, not universal time), when `pair` is in the same
    paragraph as the time at `at` and at most two sentences' reach before it."""
    entry = pair.first[0].zone.entry if pair.first[0].zone else None
    if entry is None or entry.zone == "Etc/UTC" or at - pair.span.end > 600:
        return None
    return None if _PARAGRAPH_BREAK.search(prose, pair.span.end, at) else entry


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _hedge_before(prose: str, at: int) -> str | None:
    """The hedge word right before `at` ("around 3 a.m." -> "around"), or None."""
    before = prose[max(0, at - 16):at].rstrip(" \t\u00a0\u202f").lower()
    for hedge in _HEDGES:
        if before.endswith(hedge):
            cut = len(before) - len(hedge)
            if hedge == "~" or cut == 0 or not before[cut - 1].isalnum():
                return hedge
    return None


_IN_PLACE = re.compile(r"[ \t\u00a0\u202f]+(?=(?i:in)[ \t\u00a0\u202f])")
_PLACE_COMMA = re.compile(r",[ \t\u00a0\u202f]+")


def _place_after(doc: Document, pos: int) -> int | None:
    """Where the words "in <place>[, <place>]" after a zoned time end, or None: "6:20am CT in Kourou, French
    Guiana (9:20am GFT/12:20 UTC)" says where, and the parenthesis still renders the time."""
    prose = doc.prose
    if not prose.startswith(" in ", pos) and not prose.startswith(" In ", pos):
        return None  # the cheap test first
    gap = _IN_PLACE.match(prose, pos)
    place = _place_zone_re().match(prose, gap.end()) if gap is not None else None
    if place is None or not place["in"] or place["time"] or place["local"]:
        return None
    end = place.end()
    if (comma := _PLACE_COMMA.match(prose, end)) is not None:
        more = _place_zone_re().match(prose, comma.end())
        if more is not None and not (more["in"] or more["time"] or more["local"]):
            end = more.end()
    return end


def _read_parenthesis(doc: Document, pos: int, dates: tuple[DateMention, ...],
                      ) -> tuple[list[list[_Raw]], int]:
    """The renderings inside "( ... )" right after a time, or ([], pos) when it is not a time pair."""
    prose = doc.prose
    opening = _OPEN.match(prose, pos)
    if opening is None:
        # Markdown masking blanks a "[" that opens no link ("[11:23 GMT]"): read the bracket from the text.
        opening = _OPEN.match(doc.text, pos)
        if opening is None or opening["b"] != "[" or prose[opening.start("b")] not in " \t":
            return [], pos
    sides: list[list[_Raw]] = []
    at = opening.end()
    if (offset := _OFFSET_FIRST.match(prose, at)) is not None:
        at = offset.end()  # "(GMT-5; 9:10 a.m. local time)": the offset names the zone, the time follows
    for _ in range(5):
        if (filler := _FILLER.match(prose, at)) is not None:
            at = filler.end()  # "(that's 7:45 p.m. BST", "(or 0500 local time)"
        day = dates_mod.date_at(dates, at)
        lead = _DAY_LEAD.match(prose, day.span.end) if day is not None else None
        if day is not None and lead is not None:
            at = lead.end()  # "(June 2, 6:15 a.m. IST)", "(Sunday, 3:40 a.m. JST)": the day goes first
        hedge = _HEDGE_AT.match(prose, at)
        start = hedge.end() if hedge else at
        clock = _CLOCK_AFTER_SLASH if sides and prose[start - 1] == "/" else _CLOCK
        m = clock.match(prose, start)
        group = _read_time(doc, m, dates, hedge.group(0).strip() if hedge else None) if m else []
        if not group or group[-1].zone is None:
            return [], pos
        if day is not None and lead is not None and group[-1].day is None:
            for r in group:
                r.day = day
        sides.append(group)
        at = group[-1].end
        shut = _CLOSING[opening["b"]]
        aside = _ASIDE_CLOSE[shut].match(prose, at) if prose.startswith(",", at) else None
        sep = _SIDE_SEP.match(prose, at) if aside is None else None
        if sep:
            at = sep.end()
            continue
        close = _CLOSE[shut].match(prose, at) or aside or _ASIDE_CLOSE[shut].match(prose, at)
        return (sides, close.end()) if close else ([], pos)
    return [], pos


def _read_connected(doc: Document, pos: int, dates: tuple[DateMention, ...], first: list[_Raw],
                    before: list[list[_Raw]] | None = None, previous: int | None = -1,
                    ) -> tuple[list[list[_Raw]], int, str]:
    """The renderings joined to a time without parentheses ("9 a.m. ET, which is 2 p.m. BST"), or ([], pos).

    Every side names a zone no earlier side names (two times in one zone joined by "or" are alternatives,
    not renderings), and only a plain statement ("which is", "that converts to") may write its own day
    first: "6:31 a.m. EST, or Friday at midnight GMT" offers another time."""
    prose = doc.prose
    if first[-1].zone is None or prose[pos:pos + 4].lstrip(" \t\u00a0\u202f")[:1] not in _CONNECT_FIRST:
        return [], pos, ""  # the cheap test first: most times are followed by no rendering
    labelled = first[-1].zone.span.end <= first[-1].start  # "New York: 3:22PM / London: 8:22PM"
    # "23:06:31 (local time in French Guiana on 3 May) 02:06:31 (GMT on 4 May)": a list of times, each
    # with its zone in parentheses; the next item starts right after a space or a line break.
    bracketed = prose[first[-1].zone.span.start - 1:first[-1].zone.span.start] == "("
    connect = _CONNECT.match(prose, pos)
    if connect is None and labelled:
        connect = _LABEL_GAP.match(prose, pos)
        if connect is None or _label_res()[1].match(prose, connect.end()) is None:
            return [], pos, ""
    if connect is None and bracketed:
        connect = _LABEL_GAP.match(prose, pos)
    if connect is None:
        return [], pos, ""
    strong = "strong" in connect.re.groupindex and connect["strong"] is not None
    # Across a sentence end only one time answers one time: "at 9 a.m. EDT. That's 1300 GMT." (not "9:28
    # a.m. ET and ending at 10:30 a.m. ET. That's 6:28 a.m. PT and 7:30 a.m. PT").
    across = connect.group(0).lstrip(" \t\u00a0\u202f").startswith(".")
    # ... and only when no other time comes before it in its sentence (`previous`: the last time's start).
    if across and (previous == -1 or (previous is not None
                                      and previous >= dates_mod.sentence_bounds(doc, first[0].start)[0])):
        return [], pos, ""
    comma = "comma" in connect.re.groupindex and connect["comma"] is not None and not labelled
    alternative = connect.group(0).strip().lower().endswith("or")  # "or" may offer another time
    taken = {(e.zone, e.daylight) for side in [first] + (before or []) if side[-1].zone
             for e in side[-1].zone.readings}
    sides: list[list[_Raw]] = []
    at = connect.end()
    for _ in range(5):
        day = dates_mod.date_at(dates, at)
        lead = _DAY_LEAD.match(prose, day.span.end) if day is not None else None
        if day is not None and lead is not None:
            if not strong:
                break
            at = lead.end()  # "that converts to May 28, 2020, at 2:03 am IST"
        if labelled and (label := _label_res()[1].match(prose, at)) is not None:
            at = label.end()  # the next item's label: its time reads it back
        hedge = _HEDGE_AT.match(prose, at)
        start = hedge.end() if hedge else at
        clock = _CLOCK_AFTER_SLASH if prose[start - 1:start] in ("/", "—", "–") else _CLOCK
        m = clock.match(prose, start)
        group = _read_time(doc, m, dates, hedge.group(0).strip() if hedge else None) if m else []
        zone = group[-1].zone if group else None
        zones_here = {(e.zone, e.daylight) for e in zone.readings} if zone else set()
        if zone is None or taken & zones_here:
            break
        if alternative and (group[-1].shift is not None or (
                group[-1].day is not None and first[-1].day is not None
                and group[-1].day.text != first[-1].day.text and not _days_cross_midnight(first[-1], group[-1]))):
            break  # "9:30 a.m. EDT Thursday, or 1400 GMT Friday": another day is another time
        taken |= zones_here
        if day is not None and lead is not None and group[-1].day is None:
            for r in group:
                r.day = day
        sides.append(group)
        sep = _SIDE_SEP.match(prose, group[-1].end)
        next_label = labelled and (sep is None or _label_res()[1].match(prose, sep.end()) is None)
        if next_label or (bracketed and sep is None):
            sep = _LABEL_GAP.match(prose, group[-1].end)
        if sep is None:
            break
        at = sep.end()
    if not sides or (comma and len(sides) < 2):
        return [], pos, ""
    if across and (len(sides) > 1 or len(sides[0]) > 1 or (
            (sep := _SIDE_SEP.match(prose, sides[0][-1].end)) is not None
            and _CLOCK_START.match(prose, sep.end()) is not None)):
        return [], pos, ""
    return sides, sides[-1][-1].end, "strong" if strong else "list" if comma else "loose"


def _days_cross_midnight(first: _Raw, other: _Raw) -> bool:
    """Whether two weekdays written with times in two zones are one instant's days on both sides of midnight:
    "11:41 p.m. PST Monday or 2:41 a.m. EST Tuesday" (within twelve hours once both are read in UTC), not
    "9:30 a.m. EDT Thursday, or 1400 GMT Friday" (a day apart: another time). Only offsets the zone names
    state are used; without them, or without two weekdays, the days are not taken for one instant."""
    a, b = first.day, other.day
    if a is None or b is None or a.weekday is None or b.weekday is None or a.month is not None or b.month is not None:
        return False
    za, zb = (first.zone.entry if first.zone else None), (other.zone.entry if other.zone else None)
    oa, ob = (za.utc_offset(None) if za else None), (zb.utc_offset(None) if zb else None)
    step = (b.weekday - a.weekday) % 7
    if oa is None or ob is None or step not in (1, 6):
        return False
    days = 1 if step == 1 else -1
    wall_a = timedelta(hours=first.hour, minutes=first.minute) - oa
    wall_b = timedelta(days=days, hours=other.hour, minutes=other.minute) - ob
    return abs(wall_b - wall_a) <= _HALF_DAY


def _date(doc: Document, raw: _Raw, after: int | None = None) -> ClockMention:
    """Give a time outside parentheses its date: its own day, the sentence's (the nearest before it, else
    the nearest after it: "at 6:31 a.m. EST, weather permitting, on Dec. 3"), else the publication date."""
    day: date | None
    if raw.day is not None and raw.day.date is not None:
        anchor, source, day = raw.day, AnchorSource.WRITTEN, raw.day.date
    elif (before := dates_mod.anchor_before(doc, raw.start)) is not None:
        anchor, source, day = before, AnchorSource.SENTENCE, before.date
    elif (later := dates_mod.anchor_after(doc, after or raw.end)) is not None:
        anchor, source, day = later, AnchorSource.AFTER, later.date
    elif (published := dates_mod.usable_published(doc)) is not None:
        anchor, source, day = None, AnchorSource.PUBLISHED, published
    else:
        return raw.build(doc)
    if day is None:
        return raw.build(doc)
    if raw.shift:
        day = day + timedelta(days=raw.shift)
    return raw.build(doc, anchor, source, day)


def _date_from_pair(doc: Document, raw: _Raw, first: ClockMention) -> ClockMention:
    """A time in parentheses: its local date is the first side's instant seen from its own zone."""
    day = raw.day
    if day is not None and day.date is not None and day.precision is DatePrecision.DAY \
            and day.year_source is YearSource.WRITTEN:
        return raw.build(doc, day, AnchorSource.WRITTEN, day.date)
    entry = raw.zone.entry if raw.zone else None
    if first.utc is None or entry is None:
        return raw.build(doc)
    seen = zones.from_utc(first.utc, entry)
    if seen is None:
        return raw.build(doc)
    # The written time may differ from the converted one (that is what the check looks for): take the day
    # that puts the written wall-clock time nearest the converted instant.
    written = datetime.combine(seen.date(), time(raw.hour, raw.minute, raw.second or 0))
    # The first side's anchor is passed on only when it is firm, so checks can tell a guessed date.
    firm = first.anchor_source in (AnchorSource.WRITTEN, AnchorSource.SENTENCE)
    day_seen = nearest_day(written, seen).date()
    return raw.build(doc, first.anchor if firm else None, AnchorSource.PAIR, day_seen)


def nearest_day(written: datetime, target: datetime) -> datetime:
    """`written` moved by a whole day, if that brings it within twelve hours of `target`."""
    gap = written - target
    if gap > _HALF_DAY:
        return written - _DAY
    if gap < -_HALF_DAY:
        return written + _DAY
    return written
