"""Turning the two sides of a time pair into UTC instants and comparing them at the precision written.

Each side may have several zone readings (IST: India, Ireland, Israel). Every combination is tried:
the pair is consistent when some reading makes both sides the same instant (the other side of the pair
resolves the abbreviation), inconsistent only when every reading disagrees, and ambiguous when some
reading cannot be computed at all (no zone, "local time" with no place, no date for a civil-time name).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from itertools import product

from ..extract.clock import AnchorSource, ClockMention, ClockPrecision, nearest_day
from ..extract.dates import DatePrecision
from ..vocabulary import zones
from ..vocabulary.zones import ZoneEntry

# When no date is known, an abbreviation that states its offset (EDT = UTC-4) still converts: the
# wall-clock arithmetic is then done on this nominal day and compared modulo the day.
_NOMINAL_DAY = date(2001, 1, 1)
_HEDGE_TOLERANCE = {ClockPrecision.HOUR: timedelta(minutes=15)}
_HEDGE_DEFAULT = timedelta(minutes=5)


class Outcome(StrEnum):
    SAME = "same"            # the same instant at the precision written
    DIFFERENT = "different"  # a different instant (or day) under every reading
    UNKNOWN = "unknown"      # cannot be computed (zone or date unknown)


@dataclass(frozen=True)
class SideComparison:
    """One rendering in the parentheses compared with the time before them."""

    outcome: Outcome
    first: ClockMention
    other: ClockMention
    first_entry: ZoneEntry | None = None
    other_entry: ZoneEntry | None = None
    first_utc: datetime | None = None
    other_utc: datetime | None = None
    expected: datetime | None = None      # what the other side should read, wall clock in its zone
    difference: timedelta | None = None   # other - first
    day_wrong: bool = False               # the time is right but the written day is not
    dated: bool = False                   # True when a real date (not the nominal day) was used
    reason: str = ""


def compare(first: ClockMention, other: ClockMention, default: ZoneEntry | None = None) -> SideComparison:
    """Compare one side of a pair with the first side, trying every reading of both zones."""
    first_readings = first.zone.readings if first.zone else ((default,) if default else ())
    other_readings = other.zone.readings if other.zone else ((default,) if default else ())
    if not first_readings or not other_readings:
        which = first if not first_readings else other
        what = f"'{which.zone.text}' names no place the text gives" if which.zone else "no time zone is given"
        unknown = SideComparison(Outcome.UNKNOWN, first, other, reason=f"{which.text.strip()}: {what}")
        if which.zone is None and which.implied and (first_readings or other_readings):
            # No zone written, but the text names a place: the pair holds if its zone fits; if not,
            # the writer may have meant another zone, so the pair is not faulted.
            implied = [_one(first, other, a, b) for a, b in product(first_readings or which.implied,
                                                                    other_readings or which.implied)]
            same = next((r for r in implied if r.outcome is Outcome.SAME), None)
            if same is not None:
                return same
            places = ", ".join(e.reading for e in which.implied)
            return replace(unknown, reason=f"{which.text.strip()}: no time zone is given, and the place the "
                                           f"text names ({places}) does not fit")
        return unknown
    results = [_one(first, other, a, b) for a, b in product(first_readings, other_readings)]
    for outcome in (Outcome.SAME, Outcome.UNKNOWN):
        for result in results:
            if result.outcome is outcome:
                return result
    # Every reading the draft's words allow disagrees; one they set aside may fit ("11:42 p.m. CST (0542
    # GMT)" in a story about Jiuquan is US Central time): then the pair is not faulted.
    first_more = first.zone.ruled_out if first.zone else ()
    other_more = other.zone.ruled_out if other.zone else ()
    if first_more or other_more:
        for a, b in product(first_readings + first_more, other_readings + other_more):
            if _one(first, other, a, b).outcome is Outcome.SAME:
                fitting = a if a in first_more else b
                return replace(results[0], outcome=Outcome.UNKNOWN,
                               reason=f"the pair fits {fitting.reading} only, which the draft's words do not suggest")
    return results[0]


def _one(first: ClockMention, other: ClockMention, a: ZoneEntry, b: ZoneEntry) -> SideComparison:
    dated = first.local is not None
    local = first.local or datetime.combine(_NOMINAL_DAY, first.clock)
    first_utc = _to_utc(local, a, dated)
    if first_utc is None:
        return SideComparison(Outcome.UNKNOWN, first, other, a, b,
                              reason=f"no date is known, so the offset of {a.reading} is unknown")
    expected = _from_utc(first_utc, b, dated)
    if expected is None:
        return SideComparison(Outcome.UNKNOWN, first, other, a, b, first_utc,
                              reason=f"no date is known, so the offset of {b.reading} is unknown")
    # The other side's day: written, else the one that puts its wall-clock time nearest the expected one.
    written = datetime.combine(expected.date(), other.clock)
    other_local = nearest_day(written, expected)
    other_utc = _to_utc(other_local, b, dated)
    if other_utc is None:
        return SideComparison(Outcome.UNKNOWN, first, other, a, b, first_utc, reason="offset unknown")
    difference = other_utc - first_utc
    outcome = Outcome.SAME if abs(difference) <= _tolerance(first, other) else Outcome.DIFFERENT
    day_wrong = (outcome is Outcome.SAME and dated and _day_is_certain(first)
                 and not _day_matches(first, other, expected))
    if day_wrong:
        outcome = Outcome.DIFFERENT
    return SideComparison(outcome, first, other, a, b, first_utc, other_utc, expected, difference, day_wrong,
                          dated)


def _to_utc(local: datetime, entry: ZoneEntry, dated: bool) -> datetime | None:
    """zoneinfo on a real date; without one, only the offset the name itself states."""
    if dated:
        return zones.to_utc(local, entry)
    return None if entry.offset is None else (local - entry.offset).replace(tzinfo=UTC)


def _from_utc(instant: datetime, entry: ZoneEntry, dated: bool) -> datetime | None:
    if dated:
        return zones.from_utc(instant, entry)
    return None if entry.offset is None else (instant + entry.offset).replace(tzinfo=None)


def _tolerance(first: ClockMention, other: ClockMention) -> timedelta:
    """Same instant at the precision written: a minute, or the hedge's width ("around 3 a.m.")."""
    hedged = [m for m in (first, other) if m.hedge]
    if hedged:
        return max(_HEDGE_TOLERANCE.get(m.precision, _HEDGE_DEFAULT) for m in hedged)
    if first.second is not None and other.second is not None:
        return timedelta(seconds=1)
    return timedelta(seconds=59)


def _day_is_certain(first: ClockMention) -> bool:
    """The first side's day is written (with it or in its sentence), not guessed from the publication date."""
    return first.anchor_source in (AnchorSource.WRITTEN, AnchorSource.SENTENCE)


def _day_matches(first: ClockMention, other: ClockMention, expected: datetime) -> bool:
    """The day written in the parenthesis ("Thursday", "March 12", "the next day") is the expected one."""
    if other.day_shift is not None and first.local_date is not None:
        return (expected.date() - first.local_date).days == other.day_shift
    day = other.day
    if day is None:
        return True
    if day.weekday is not None and day.weekday != expected.weekday():
        return False
    return day.precision is not DatePrecision.DAY or (day.month, day.day) == (expected.month, expected.day)
