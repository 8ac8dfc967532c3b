"""Date mentions: "Nov. 16", "December 3, 2018", "3 December", "Friday, Nov. 16", "Sat.", "2018-11-16".

API (other extractors and checks build on it; keep it stable):

    extract_dates(doc) -> tuple[DateMention, ...]      # every date/weekday mention, in text order
    Extraction(doc).get(extract_dates)                  # the same, memoised per document
    date_at(mentions, offset) -> DateMention | None     # the mention starting exactly at `offset`
    anchor_before(doc, offset) -> DateMention | None    # nearest resolved date before `offset`, same sentence
    anchor_after(doc, offset) -> DateMention | None     # nearest resolved date after `offset`, same sentence
    date_earlier(doc, offset) -> DateMention | None     # nearest calendar date before `offset`'s sentence
    sentence_bounds(doc, offset) -> (start, end)        # the sentence holding `offset`

A year that is not written comes from the publication date (`Document.published`), choosing the
occurrence of that month and day nearest to it; without a publication date, from the nearest full date
written earlier in the text; else the mention stays unresolved (`date is None`): checks then say
unverified/ambiguous, never wrong. A weekday written alone ("on Friday") resolves to the nearest such day
around the publication date, with precision WEEKDAY.

Regexes are precompiled, built from fixed alternations without nested quantifiers: linear in the input.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ..model import Span, quick_init
from ..text import Document
from . import memo

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# A day of the month written alone after a weekday ("Sun. 14", "Friday the 13th"): not a count ("Friday 13
# satellites"), a clock time ("Friday 9 a.m.", "Saturday, 14:00") or the start of a range.
_DAY_ALONE = (r"(?:" + _DAY + r"(?:st|nd|rd|th)(?![\w:/-]|[.,]\d)|" + _DAY
              + r"(?![\w:/-]|[.,]\d|[ \t]?[-–][ \t]?\d|\s+(?!(?:at|and|from|for)\b)[A-Za-z(]))")
# Abbreviated weekdays need their dot ("Sat."), except the ones no English word is spelt as ("Thurs",
# "Tues", "Weds"); "Sun." only before a date, so that "the Sun." is no Sunday.
_WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            r"|(?:Mon|Tues|Tue|Weds|Wed|Thurs|Thur|Thu|Fri|Sat)\.|(?:Tues|Weds|Thurs|Thur)(?![\w.])"
            r"|Sun\.(?=,?\s+(?:" + _MONTH + r"|(?:the\s)?" + _DAY_ALONE + r")))")
_ORD = r"(?:st|nd|rd|th)?"
# A year: 19xx/20xx, not a 24-hour clock time followed by its zone ("Dec. 3 2010 GMT").
_YEAR = r"(?:19|20)\d\d(?!\d|:|\s?(?:GMT|UTC|UT\b|Z\b|[A-Z]{2,3}T\b))"
_END = r"(?![\d:A-Za-z]|\.\d)"  # "March 2F" is a rocket ("Long March 2F"), not March 2

DATE_RE = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY})(?:,?\s+(?:the\s+)?|\s?(?P<po>\()))?"  # "Friday, Nov. 16", "Friday (May 7)"
    rf"(?:(?P<mon>{_MONTH})\s+(?P<day>{_DAY}){_ORD}{_END}(?:[\"\u201d\u2019]?,?\s+(?P<year>{_YEAR}))?"
    # (not the number of a designator: "Demo-2\nMay 30", "Crew-2 May 2021")
    rf"|(?<![A-Za-z]-)(?P<day2>{_DAY}){_ORD}\s+(?:of\s+)?(?P<mon2>{_MONTH})(?:,?\s+(?P<year2>{_YEAR}))?"
    rf"|(?P<iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])){_END}"
    rf"|(?P<mon3>{_MONTH})\s+(?P<year3>{_YEAR})"
    rf")(?(po)\))"
    # An abbreviated weekday and a day number, the month left to the reader: "Sun. 14" (never the full
    # name: "Friday the 13th" is an idiom, not a claim).
    rf"|\b(?P<wd4>(?:Mon|Tues|Tue|Weds|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.|Tues|Weds|Thurs|Thur)"
    rf",?[ \t\u00a0](?P<day4>{_DAY_ALONE})"
    rf"|\b(?P<wdonly>{_WEEKDAY})(?!\w)"
)
_ROCKET = re.compile(r"\bLong[ -]\Z")  # before "March": the Long March rockets
# Where a date can start: a month or weekday word, or the first digit of a number. Scanning for these and
# trying DATE_RE only there is several times faster than searching with DATE_RE, whose leading \b defeats
# sre's skipping. The pattern opens with every first character as one class, which sre skips to, and goes on
# by the character read (a lookbehind names it): the same matches as `Jan|Feb|...|Sun|\d+`, which sre, seeing
# `\d+` among literals, tries at every position.
_CANDIDATE_WORDS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_BY_FIRST: dict[str, list[str]] = {}
for _word in _CANDIDATE_WORDS:
    _BY_FIRST.setdefault(_word[0], []).append(_word[1:])
_CANDIDATE = re.compile(
    rf"[\d{''.join(_BY_FIRST)}](?:(?<=\d)\d*|"
    + "|".join(f"(?<={first})(?:{'|'.join(rests)})" for first, rests in _BY_FIRST.items()) + ")"
)
# Candidate sentence ends: . ! ? (plus closing quotes/brackets) then space and a capital or quote.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z\"“‘(])|\n[ \t]*\n")
# Words whose dot does not end a sentence.
_NO_END = re.compile(
    r"(?:\b[ap]\.m|\bU\.S|\bU\.K|\bMr|\bMrs|\bMs|\bDr|\bSt|\bNo|\bvs|\bInc|\bCo|\bLt|\bGen|\bCol|\bCapt"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Mon|Tues|Tue|Weds|Wed|Thurs|Thur|Thu|Fri|Sat|Sun))\Z",
    re.I,
)


class DatePrecision(StrEnum):
    DAY = "day"            # a calendar day: "Nov. 16", "2018-11-16"
    WEEKDAY = "weekday"    # only a weekday: "Friday" (resolved to the nearest such day, if anchored)
    MONTH = "month"        # a month and year: "November 2018"


class YearSource(StrEnum):
    WRITTEN = "written"          # the year is in the mention
    PUBLISHED = "published"      # inferred: nearest occurrence to the publication date
    TEXT = "text"                # inferred: nearest occurrence to an earlier full date in the text
    UNRESOLVED = "unresolved"    # no year written and nothing to infer it from


@quick_init
@dataclass(frozen=True, slots=True)
class DateMention:
    """One date or weekday as written. `date` is the resolved day, or None when it cannot be pinned down."""

    span: Span
    text: str
    date: date | None
    precision: DatePrecision
    year_source: YearSource
    month: int | None = None       # as written (None for a weekday alone)
    day: int | None = None         # as written
    weekday: int | None = None     # as written, Monday = 0 (None when no weekday is written)
    weekday_text: str | None = None  # the weekday word as written ("Fri.", "Friday")

    @property
    def year_written(self) -> bool:
        return self.year_source is YearSource.WRITTEN


def weekday_index(word: str) -> int:
    return _WD_INDEX[word[:3].lower()]


def month_index(word: str) -> int:
    return MONTHS[word[:3].lower()]


def nearest_occurrence(month: int, day: int, anchor: date) -> date | None:
    """The date with this month and day nearest to `anchor` (previous, same or next year)."""
    best: date | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # Feb 29 in a common year, "Nov. 31"
            continue
        if best is None or abs(candidate - anchor) < abs(best - anchor):
            best = candidate
    return best


def nearest_weekday(weekday: int, anchor: date) -> date:
    """The day with this weekday nearest to `anchor` (within three days either side)."""
    shift = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(days=shift - 7 if shift > 3 else shift)


# Publication dates outside this range are not used to resolve anything ("--published 0001-01-01" would
# otherwise push date arithmetic off the calendar); the mentions then stay unresolved.
USABLE = (date(1800, 1, 1), date(2200, 12, 31))


def usable_published(doc: Document) -> date | None:
    """The publication date, when it is one a news story can have (1800-2200); else None."""
    published = doc.published
    return published if published is not None and USABLE[0] <= published <= USABLE[1] else None


def extract_dates(doc: Document) -> tuple[DateMention, ...]:
    """Every date and weekday mention in the document's prose, in order, years resolved where possible."""
    out: list[DateMention] = []
    published = usable_published(doc)
    last_full: date | None = None  # the latest full date written so far: the fallback year source
    prose = doc.prose
    pos = 0
    match = DATE_RE.match
    while (c := _CANDIDATE.search(prose, pos)) is not None:
        m = match(prose, c.start())
        if m is None:
            pos = c.end()
            continue
        pos = m.end()
        if _ROCKET.search(prose, max(0, m.start() - 6), m.start()) and m.group(0).startswith("March"):
            continue  # "Long March 5", "Long March 3B": China's rockets
        mention = _mention(m, published, last_full)
        if mention is None:
            continue
        if mention.year_written and mention.precision is DatePrecision.DAY:
            last_full = mention.date
        out.append(mention)
    return tuple(out)


def _mention(m: re.Match[str], published: date | None, last_full: date | None) -> DateMention | None:
    span, text = Span(m.start(), m.end()), m.group(0)
    resolved: date | None
    if m["wdonly"]:
        only = weekday_index(m["wdonly"])
        anchor = published or last_full
        resolved = nearest_weekday(only, anchor) if anchor else None
        source = YearSource.UNRESOLVED if anchor is None else (
            YearSource.PUBLISHED if published else YearSource.TEXT)
        return DateMention(span, text, resolved, DatePrecision.WEEKDAY, source, weekday=only,
                           weekday_text=m["wdonly"])
    if m["wd4"]:
        return _day_alone(m, span, text, published or last_full, published is not None)
    wd_text = m["wd"]
    wd = weekday_index(wd_text) if wd_text else None
    if m["iso"]:
        y, mo, d = (int(x) for x in m["iso"].split("-"))
        try:
            resolved = date(y, mo, d)
        except ValueError:
            return None
        return DateMention(span, text, resolved, DatePrecision.DAY, YearSource.WRITTEN, mo, d, wd, wd_text)
    if m["mon3"]:
        mo, y = month_index(m["mon3"]), int(m["year3"])
        return DateMention(span, text, date(y, mo, 1), DatePrecision.MONTH, YearSource.WRITTEN, mo, None)
    mo = month_index(m["mon"] or m["mon2"])
    d = int(m["day"] or m["day2"])
    year = m["year"] or m["year2"]
    if year:
        try:
            resolved = date(int(year), mo, d)
        except ValueError:
            return None
        source = YearSource.WRITTEN
    elif published or last_full:
        resolved = nearest_occurrence(mo, d, published or last_full)  # type: ignore[arg-type]
        source = YearSource.PUBLISHED if published else YearSource.TEXT
        if resolved is None:
            return None
    else:
        if d > (29 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31):
            return None
        resolved, source = None, YearSource.UNRESOLVED
    return DateMention(span, text, resolved, DatePrecision.DAY, source, mo, d, wd, wd_text)


def _day_alone(m: re.Match[str], span: Span, text: str, anchor: date | None, published: bool) -> DateMention:
    """ "Sun. 14": the month is not written. Of the months around the anchor (the one before, its own, the
    one after), the one whose day falls on the weekday written, else the nearest: the weekday is then wrong
    in every month the writer can have meant."""
    wd_text = m["wd4"]
    wd = weekday_index(wd_text)
    d = int(m["day4"][:2].rstrip("snrt"))  # "14", "14th", "3rd"
    if anchor is None:
        return DateMention(span, text, None, DatePrecision.DAY, YearSource.UNRESOLVED, None, d, wd, wd_text)
    candidates = []
    for shift in (-1, 0, 1):
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        try:
            candidates.append(date(y, mo + 1, d))
        except ValueError:  # "Sun. 31" in a 30-day month
            continue
    fitting = [c for c in candidates if c.weekday() == wd] or candidates
    if not fitting:
        return DateMention(span, text, None, DatePrecision.DAY, YearSource.UNRESOLVED, None, d, wd, wd_text)
    best = min(fitting, key=lambda c: abs(c - anchor))
    source = YearSource.PUBLISHED if published else YearSource.TEXT
    return DateMention(span, text, best, DatePrecision.DAY, source, best.month, d, wd, wd_text)


def date_at(mentions: tuple[DateMention, ...], offset: int) -> DateMention | None:
    """The mention that starts exactly at `offset` (mentions are in text order)."""
    i = bisect.bisect_left(mentions, offset, key=lambda dm: dm.span.start)
    return mentions[i] if i < len(mentions) and mentions[i].span.start == offset else None


def _sentence_ends(doc: Document) -> tuple[int, ...]:
    ends = []
    prose = doc.prose
    for m in _SENTENCE_END.finditer(prose):
        if prose[m.start()] == "." and _NO_END.search(prose, max(0, m.start() - 8), m.start()):
            continue
        ends.append(m.end())
    return tuple(ends)


def sentence_bounds(doc: Document, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence holding `offset`: start inclusive, end exclusive."""
    ends = memo(doc).get(_sentence_ends)
    i = bisect.bisect_right(ends, offset)
    return (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else len(doc.prose))


@dataclass(frozen=True, slots=True)
class _Anchors:
    """The resolved calendar dates of a document (what can anchor a time), with their starts and ends."""

    mentions: tuple[DateMention, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def _anchors(doc: Document) -> _Anchors:
    days = tuple(dm for dm in memo(doc).get(extract_dates)
                 if dm.date is not None and dm.precision is DatePrecision.DAY)
    return _Anchors(days, tuple(dm.span.start for dm in days), tuple(dm.span.end for dm in days))


def anchor_before(doc: Document, offset: int) -> DateMention | None:
    """The resolved calendar date written nearest before `offset` in the same sentence, or None.

    One bisection over the resolved dates alone: weekdays and month names in between cost nothing, so a
    long sentence of weekdays and times stays linear."""
    anchors = memo(doc).get(_anchors)
    start, _ = sentence_bounds(doc, offset)
    i = bisect.bisect_right(anchors.ends, offset)  # mentions ending at or before `offset`
    if i and anchors.starts[i - 1] >= start:
        return anchors.mentions[i - 1]
    return None


def anchor_after(doc: Document, offset: int) -> DateMention | None:
    """The resolved calendar date written nearest after `offset` in the same sentence, or None."""
    anchors = memo(doc).get(_anchors)
    _, end = sentence_bounds(doc, offset)
    i = bisect.bisect_left(anchors.starts, offset)
    if i < len(anchors.starts) and anchors.starts[i] < end:
        return anchors.mentions[i]
    return None


def _calendar(doc: Document) -> tuple[tuple[DateMention, ...], tuple[int, ...]]:
    """Every calendar date written (month and day, resolved or not), with its end offsets."""
    days = tuple(dm for dm in memo(doc).get(extract_dates)
                 if dm.precision is DatePrecision.DAY and dm.month is not None and dm.day is not None)
    return days, tuple(dm.span.end for dm in days)


def date_earlier(doc: Document, offset: int) -> DateMention | None:
    """The calendar date written nearest before the sentence holding `offset` (resolved or not), or None:
    "Launch is set for July 14. Liftoff is at 9 a.m. EST." gives "July 14" to the second sentence."""
    days, ends = memo(doc).get(_calendar)
    start, _ = sentence_bounds(doc, offset)
    i = bisect.bisect_right(ends, start)
    return days[i - 1] if i else None
