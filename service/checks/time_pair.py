"""time-pair: a clock time and its rendering in other zones, "6:31 a.m. EST Dec. 3 (1131 GMT)", name the
same instant at the precision written. A one-hour slip is an error; an abbreviation with several readings
(IST, CST, BST) counts as right when one reading fits, and "local time" with no place named is ambiguous.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

from ..extract import Extraction
from ..extract.clock import AnchorSource, TimePair, extract_time_pairs
from ..model import Finding, Fix, Severity, Span, Verdict
from ..normalise.instants import Outcome, SideComparison, compare
from ..rewrite.times import corrected_side, describe_side
from ..vocabulary import zones
from . import Examples
from .context import CheckContext

ID = "time-pair"
SEVERITY = Severity.ERROR  # a wrong claim; hedged or uncertain ones are reported milder
DESCRIPTION = "A clock time and the same instant in another zone, in parentheses, must agree."
EXAMPLES = Examples(
    passing=(("The Soyuz lifts off at 6:31 a.m. EST Dec. 3 (1131 GMT) from Baikonur.", "2018-11-20"),
             "Liftoff was set for 1814:08 GMT (1:14:08 p.m. EST) on Dec. 3, 2018.",
             "It docked at 21:12 UT (23:12 CEST) on Sept. 27, 2021."),
    failing=(("The Soyuz lifts off at 6:31 a.m. EST Dec. 3 (1231 GMT) from Baikonur.", "2018-11-20"),
             ("Liftoff comes at 5 p.m. EST (2100 GMT).", "2024-11-18")),
)


_UNEVEN = "one side is a range of times and the other is not"
_LISTED = "the times are only listed together, not said to be the same instant, and they are not"


def run(extraction: Extraction, context: CheckContext) -> Iterable[Finding]:
    default = zones.default_entry(context.default_zone) if context.default_zone else None
    text = extraction.doc.text
    for pair in extraction.get(extract_time_pairs):
        sides = [compare(pair.first[i], other, default) if len(side) == len(pair.first)
                 else SideComparison(Outcome.UNKNOWN, pair.first[0], other, reason=_UNEVEN)
                 for side in pair.others for i, other in enumerate(side)]
        sides = [_clock_change_near(s) for s in sides]
        if pair.listed:  # times listed side by side may be different events: confirmed, never faulted
            sides = [replace(s, outcome=Outcome.UNKNOWN, reason=_LISTED) if s.outcome is Outcome.DIFFERENT else s
                     for s in sides]
        yield _finding(pair, sides, text)


# A pair dated only by the publication date may tell of an event a day or three before or after it. When the
# clocks of a civil zone on one side ("Eastern time", "Moscow time") changed within this long of that date and the
# slip is exactly that change, the pair may be right on the event's own day: ambiguous, not inconsistent.
NEAR = timedelta(days=3)  # a weekend: Friday's launch in Monday's story


def _clock_change_near(side: SideComparison) -> SideComparison:
    if (side.outcome is not Outcome.DIFFERENT or side.first.anchor_source is not AnchorSource.PUBLISHED
            or side.difference is None or side.first_utc is None or side.day_wrong):
        return side
    # The pair holds on the other side of a change when reading that side's time in the other offset moves it
    # by exactly the slip, in the slip's direction (the other side's zone moves its time the opposite way).
    for entry, at, sign in ((side.first_entry, side.first_utc, 1), (side.other_entry, side.other_utc, -1)):
        if entry is None or at is None or not zones.follows_clocks(entry):
            continue
        tz = ZoneInfo(entry.zone)
        used = at.astimezone(tz).utcoffset()
        for d in (-NEAR, NEAR):
            alt = (at + d).astimezone(tz).utcoffset()
            if used is not None and alt is not None and alt != used and side.difference == sign * (used - alt):
                return replace(side, outcome=Outcome.UNKNOWN,
                               reason=f"no date is written, and the clocks of {entry.reading} changed within "
                                      f"{NEAR.days} days of the publication date: the pair may hold on the "
                                      "other side of the change")
    return side


def _finding(pair: TimePair, sides: list[SideComparison], text: str) -> Finding:
    wrong = [s for s in sides if s.outcome is Outcome.DIFFERENT]
    unknown = [s for s in sides if s.outcome is Outcome.UNKNOWN]
    details = {"sides": [describe_side(s) for s in sides]}
    span = Span(pair.span.start, pair.span.end)
    written = text[span.start:span.end]
    if wrong:
        side = wrong[0]
        hedged = bool(side.first.hedge or side.other.hedge)
        severity = Severity.WARNING if hedged else Severity.ERROR
        right = corrected_side(side, text)
        return Finding(ID, Verdict.INCONSISTENT, severity, span, written, _wrong_message(side, right),
                       right, details, fix=Fix.over(text, side.other.span, right))
    if unknown:
        return Finding(ID, Verdict.AMBIGUOUS, Severity.INFO, span, written,
                       f"Cannot check this time pair: {unknown[0].reason}.", None, details)
    side = sides[0]
    when = f"{side.first_utc:%H:%M} UTC" if side.first_utc else "the same instant"
    if side.first_utc and side.dated:
        when = f"{side.first_utc.date().isoformat()} {when}"
    return Finding(ID, Verdict.CONSISTENT, Severity.INFO, span, written,
                   f"Both sides name the same instant ({when}).", None, details)


def _wrong_message(side: SideComparison, right: str | None) -> str:
    first, other = side.first.text.strip(), side.other.text.strip()
    if side.day_wrong:
        return f"{other} has the right time but the wrong day: {first} is {right}."
    minutes = round(side.difference.total_seconds() / 60) if side.difference is not None else 0
    hours, rest = divmod(abs(minutes), 60)
    slip = " ".join(p for p in (f"{hours} h" if hours else "", f"{rest} min" if rest else "") if p)
    hint = ""
    entry = side.first_entry
    if entry and entry.counterpart and abs(minutes) == 60 and side.first.local and \
            entry.is_right_on(side.first.local) is False:
        hint = f" With {entry.counterpart}, right for that date, the pair would agree."
    return (f"{other} is {slip} {'late' if minutes > 0 else 'early'}: {first} is "
            f"{side.first_utc:%H:%M} UTC, which is {right}.{hint}")
