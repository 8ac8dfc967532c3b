"""zone-abbreviation: "EST" on a date when New York keeps daylight time (or "EDT" in winter) puts a reader
in that zone an hour off, even when the pair around it is internally consistent. The date is the one
written with the time or before it in its sentence; a guessed date (the publication date, or a date written
after the time) is trusted only when the zone's clocks do not change in the weeks around it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from ..extract import Extraction
from ..extract.clock import AnchorSource, ClockMention, ZoneMention, extract_clock_times
from ..extract.dates import DateMention, DatePrecision, date_earlier, sentence_bounds
from ..model import Finding, Fix, Severity, Verdict
from ..text import Document
from ..vocabulary.zones import UNIVERSAL, ZoneEntry
from . import Examples
from .context import CheckContext

ID = "zone-abbreviation"
SEVERITY = Severity.WARNING  # a wrong claim; hedged or uncertain ones are reported milder
DESCRIPTION = "A standard/daylight zone abbreviation (EST/EDT, PST/PDT, CET/CEST...) must fit the date."
EXAMPLES = Examples(
    passing=(("The Soyuz lifts off at 6:31 a.m. EST Dec. 3 (1131 GMT).", "2018-11-20"),
             "Launch is 9:30 a.m. EDT (1330 GMT) on July 1, 2019."),
    failing=(("The Soyuz lifts off at 6:31 a.m. EDT Dec. 3 (1031 GMT).", "2018-11-20"),
             ("Liftoff came at 4:33pm EST (9:33pm UK time).", "2020-05-27")),
)
# Offsets from a guessed date (publication, or a date written after the time) at which the zone must keep
# the same clocks for the guess to stand in.
_AROUND_PUBLICATION = tuple(timedelta(days=d) for d in (-7, 0, 7, 14, 30))
# Years the abbreviation is tried in when no year is known: from the Uniform Time Act (1967) on.
_YEARS = tuple(range(1967, 2041))
_SWAP = {"Standard": "Daylight", "Daylight": "Standard", "Summer": "Standard"}


def run(extraction: Extraction, context: CheckContext) -> Iterable[Finding]:
    doc = extraction.doc
    times = extraction.get(extract_clock_times)
    for at, mention in enumerate(times):
        zone = mention.zone
        entry = zone.entry if zone else None
        if zone is None or entry is None:
            continue
        if entry.daylight is None or entry.counterpart is None:  # ET, Moscow time: any date is right
            continue
        local = mention.local
        earlier = None
        if (mention.anchor_source is AnchorSource.PUBLISHED and local is not None
                and _today_at(doc.prose, mention.span.start, mention.span.end)):
            # "today at 4:40 a.m. EST", "at 9 p.m. EDT tonight": the writer dates the time by the publication
            # date itself, so it is no guess
            yield _finding(mention, zone, entry, None, local, "today")
            continue
        if mention.anchor_source in (AnchorSource.PUBLISHED, AnchorSource.NONE):
            # No date in the time's sentence: the one written with it, else in an earlier sentence.
            earlier = mention.day if _calendar_day(mention.day) else date_earlier(doc, mention.span.start)
        if earlier is not None and earlier.date is not None:
            local = datetime.combine(earlier.date, mention.clock)
        if local is None:
            if earlier is not None:  # "EST on July 14", no year anywhere: wrong in every year, or not
                yield _yearless(mention, zone, entry, earlier)
            continue
        if (earlier is not None or _uncertain(mention)) and (
                dated := _dated_by_pair(doc.prose, mention, times[at + 1] if at + 1 < len(times) else None,
                                        entry)) is not None:
            # "on Saturday at 11:16 p.m. EST (0416 March 3 GMT)": the UTC side's written date fixes the day
            yield _finding(mention, zone, entry, None, dated, "pair")
            continue
        probes = None
        if earlier is not None or _uncertain(mention):  # warn only if every plausible date agrees
            probes = [local + d for d in _AROUND_PUBLICATION]
            if mention.local is not None and mention.local != local:
                probes.append(mention.local)  # the publication date is plausible too
            if mention.anchor_source is AnchorSource.AFTER and context.published is not None:
                probes.append(datetime.combine(context.published, local.time()))
            if context.published is not None and _told_as_done(doc, mention):
                # "lifted off at 8:36 a.m. CDT": an event told as done was on or before the publication date, so
                # the dates after it are no longer plausible; used only to confirm the zone, never to fault it
                done = [p for p in probes if p.date() <= context.published]
                if local.date() <= context.published and all(entry.is_right_on(p) for p in done):
                    probes = done
        yield _finding(mention, zone, entry, probes, local,
                       "earlier" if earlier is not None and earlier is not mention.day else None)


# "today" or "tonight" written next to the time (a word or two away): the time is on the publication date.
_TODAY_BEFORE = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))(?:,)?[ \t]{1,3}"
                           r"(?:(?:at|around|about|by|from)[ \t]{1,3})?$", re.I)
_TODAY_AFTER = re.compile(r"[ \t,]{1,3}(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)


def _today_at(prose: str, start: int, end: int) -> bool:
    return bool(_TODAY_BEFORE.search(prose[max(0, start - 40):start]) or _TODAY_AFTER.match(prose, end))


# A launch or landing told as done, before the time in its sentence, with nothing that makes it a plan.
_DONE = re.compile(r"\b(?:(?:lifted|blasted|took)[ \t]off|launched|landed|touched[ \t]down|splashed[ \t]down|docked"
                   r"|exploded|soared|roared[ \t]aloft)\b", re.I)
_NOT_DONE = re.compile(r"\b(?:will|would|is[ \t]to|are[ \t]to|scheduled|targeted|targeting|planned|expected|set[ \t]to"
                       r"|due|could|may|might|if)\b", re.I)


def _told_as_done(doc: Document, mention: ClockMention) -> bool:
    """Bounded windows (120 characters each way, within the sentence): a sentence of a thousand times stays
    linear."""
    start, end = sentence_bounds(doc, mention.span.start)
    start, end = max(start, mention.span.start - 120), min(end, mention.span.end + 120)
    return bool(_DONE.search(doc.prose, start, mention.span.start)) and not _NOT_DONE.search(doc.prose, start, end)


def _dated_by_pair(prose: str, mention: ClockMention, partner: ClockMention | None,
                   entry: ZoneEntry) -> datetime | None:
    """The wall-clock time of `mention` on the day its parenthesised UTC side writes ("11:16 p.m. EST (0416
    March 3 GMT)": March 2 in New York), when that side's instant shows the same clock time there."""
    if (partner is None or partner.day is None or partner.day.date is None or not _calendar_day(partner.day)
            or partner.zone is None
            or partner.zone.entry is None or partner.zone.entry.zone not in UNIVERSAL
            or "(" not in prose[mention.span.end:partner.span.start]
            or partner.span.start - mention.span.end > 4):
        return None
    instant = datetime.combine(partner.day.date, partner.clock, tzinfo=UTC)  # the side's own date, not its anchor
    there = instant.astimezone(ZoneInfo(entry.zone)).replace(tzinfo=None)
    return there if (there.hour, there.minute) == (mention.clock.hour, mention.clock.minute) else None


def _calendar_day(day: DateMention | None) -> bool:
    return day is not None and day.precision is DatePrecision.DAY and day.month is not None and day.day is not None


def _yearless(mention: ClockMention, zone: ZoneMention, entry: ZoneEntry, day: DateMention) -> Finding:
    """No year is written or known: the abbreviation is checked on that day (and the weeks after, when the
    date is from an earlier sentence) in every year of today's rules and before (1967-2040)."""
    starts = []
    for year in _YEARS:
        try:
            starts.append(datetime(year, day.month, day.day, mention.hour, mention.minute))  # type: ignore[arg-type]
        except ValueError:  # February 29 in a common year
            continue
    shifts = (timedelta(0),) if day is mention.day else _AROUND_PUBLICATION
    rights = {entry.is_right_on(s + d) for s in starts for d in shifts}
    details = {"zone": entry.as_dict(), "written": zone.text, "date": f"--{day.month:02d}-{day.day:02d}",
               "date_source": "written without a year"}
    when = day.text.strip()
    if rights == {True}:
        return Finding(ID, Verdict.CONSISTENT, Severity.INFO, mention.span, mention.text,
                       f"{zone.text} is right on {when} in every year.", None, details)
    if True in rights:
        return Finding(ID, Verdict.AMBIGUOUS, Severity.INFO, mention.span, mention.text,
                       f"{zone.text}: no year is known and {when} falls on either side of a clock change in "
                       "some years, so whether it is right cannot be told.", None, details)
    right = entry.counterpart if zone.text == zone.text.upper() else _swap_words(zone.text)
    return Finding(ID, Verdict.INCONSISTENT, Severity.WARNING, mention.span, mention.text,
                   f"On {when} {entry.zone} keeps {'daylight' if not entry.daylight else 'standard'} time in "
                   f"every year since {_YEARS[0]}: write {right}, not {zone.text}.", right, details,
                   fix=Fix(zone.span, right) if right and right != zone.text else None)


def _uncertain(mention: ClockMention) -> bool:
    """The date is a guess: the publication date, a date written after the time, or a pair side dated so."""
    return mention.anchor_source in (AnchorSource.PUBLISHED, AnchorSource.AFTER) or (
        mention.anchor_source is AnchorSource.PAIR and mention.anchor is None)


def _finding(mention: ClockMention, zone: ZoneMention, entry: ZoneEntry, probes: list[datetime] | None,
             local: datetime, source: str | None = None) -> Finding:
    details = {"zone": entry.as_dict(), "written": zone.text, "date": local.date().isoformat(),
               "date_source": source or str(mention.anchor_source)}
    if probes and len({entry.keeps_daylight(p) for p in probes}) > 1:
        return Finding(ID, Verdict.AMBIGUOUS, Severity.INFO, mention.span, mention.text,
                       f"{zone.text}: no date is written with the time and the clocks change around the "
                       f"date it may have, so whether {zone.text} is right cannot be told.", None, details)
    if entry.is_right_on(local):
        return Finding(ID, Verdict.CONSISTENT, Severity.INFO, mention.span, mention.text,
                       f"{zone.text} is right for {local:%Y-%m-%d}.", None, details)
    right = entry.counterpart if zone.text == zone.text.upper() else _swap_words(zone.text)
    keeps = "daylight" if entry.keeps_daylight(local) else "standard"
    return Finding(ID, Verdict.INCONSISTENT, Severity.WARNING, mention.span, mention.text,
                   f"On {local:%Y-%m-%d} {entry.zone} keeps {keeps} time: write {right}, not {zone.text} "
                   f"(a reader there would be an hour off).", right, details,
                   fix=Fix(zone.span, right) if right and right != zone.text else None)


def _swap_words(phrase: str) -> str:
    return " ".join(_SWAP.get(w, w) for w in phrase.split())
