"""zone-abbreviation: "EST" on a date when New York keeps daylight time (or "EDT" in winter) puts a reader
in that zone an hour off, even when the pair around it is internally consistent. The date is the one
written with the time or before it in its sentence; a guessed date (the publication date, or a date written
after the time) is trusted only when the zone's clocks do not change in the weeks around it.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from ..extract import Extraction
from ..extract.clock import AnchorSource, ClockMention, ZoneMention, extract_clock_times
from ..model import Finding, Fix, Severity, Verdict
from ..vocabulary.zones import ZoneEntry
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
_SWAP = {"Standard": "Daylight", "Daylight": "Standard", "Summer": "Standard"}


def run(extraction: Extraction, context: CheckContext) -> Iterable[Finding]:
    for mention in extraction.get(extract_clock_times):
        zone = mention.zone
        entry = zone.entry if zone else None
        if zone is None or entry is None or mention.local is None:
            continue
        if entry.daylight is None or entry.counterpart is None:  # ET, Moscow time: any date is right
            continue
        probes = None
        if _uncertain(mention):  # warn only if every plausible date of the event agrees
            probes = [mention.local + d for d in _AROUND_PUBLICATION]
            if mention.anchor_source is AnchorSource.AFTER and context.published is not None:
                probes.append(datetime.combine(context.published, mention.local.time()))
        yield _finding(mention, zone, entry, probes)


def _uncertain(mention: ClockMention) -> bool:
    """The date is a guess: the publication date, a date written after the time, or a pair side dated so."""
    return mention.anchor_source in (AnchorSource.PUBLISHED, AnchorSource.AFTER) or (
        mention.anchor_source is AnchorSource.PAIR and mention.anchor is None)


def _finding(mention: ClockMention, zone: ZoneMention, entry: ZoneEntry, probes: list[datetime] | None,
             ) -> Finding:
    local: datetime = mention.local  # type: ignore[assignment]
    details = {"zone": entry.as_dict(), "written": zone.text, "date": local.date().isoformat(),
               "date_source": str(mention.anchor_source)}
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
