"""reference: check dates, clock times, cargo masses and launch sites against the mission records.

Each claim is linked to a mission and a property (link.py here) and compared with the record's
figure at the coarser precision (compare.py). Without a store in the context it yields
nothing; without a mission, a property or a figure it says unverified, never contradicted.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable

from ...extract import Extraction
from ...extract.clock import extract_clock_times
from ...extract.dates import DatePrecision, extract_dates
from ...model import Finding, Fix, Severity, Span, Verdict
from .. import Examples
from ..context import CheckContext
from . import claims
from .compare import Outcome
from .link import Link

ID = "reference"
SEVERITY = Severity.ERROR  # a contradicted claim; supported and unverified ones are info
DESCRIPTION = "Launch, docking and landing dates and times, cargo masses and launch sites against cited records."
_SEED = "Progress MS-10 launched from Baikonur Nov. 16 and delivered 2,564 kg of cargo to the station Nov. 18."
EXAMPLES = Examples(
    passing=((_SEED, "2018-11-20"), ("Soyuz MS-11 lifted off at 6:31 a.m. EST Dec. 3 (1131 GMT).", "2018-11-20")),
    failing=(("Progress MS-10 launched from Baikonur Nov. 14.", "2018-11-20"),
             ("Progress MS-10 delivered 2,654 kg to the station.", "2018-11-20"),
             ("Soyuz MS-11 lifted off from Plesetsk Cosmodrome.", "2018-11-20")),
)


def run(extraction: Extraction, context: CheckContext) -> Iterable[Finding]:
    store = context.store
    if store is None:
        return
    doc = extraction.doc
    linker = claims.linker(extraction, store)
    times = extraction.get(extract_clock_times)
    starts = [t.span.start for t in times]  # in text order, spans disjoint: bisect, not a scan per date
    zoned = tuple(t for t in times if t.zone and t.zone.entry)
    for dm in extraction.get(extract_dates):
        before = bisect.bisect_right(starts, dm.span.start) - 1
        if dm.precision is DatePrecision.WEEKDAY or (before >= 0 and dm.span.start < times[before].span.end):
            continue  # a weekday alone is no claim; a date written with a clock time is checked with it
        link = linker.link(dm.span, "date")
        if link.mission is None and link.prop is None:
            continue  # nothing ties this date to a spaceflight
        yield _finding(dm.span, doc.text, link, claims.check_date(doc, dm, link, zoned), dm.text)
    for cm in times:
        link = linker.link(cm.span, "time")
        if link.mission is None and link.prop is None:
            continue
        yield _finding(cm.span, doc.text, link, claims.check_time(cm, link), cm.text)
    for qty, span in claims.masses(extraction):
        link = claims.mass_link(doc, linker, qty, span)
        if link.prop is None:
            continue  # a mass with no cargo or weight verb is not about a record's figure
        outcome = claims.check_mass(qty, span, doc, link, context.profile)
        yield _finding(span, doc.text, link, outcome, doc.text[span.start:span.end])
    for site in claims.sites(extraction, store):
        link = linker.link(site.span, "site")
        if link.prop is None:
            continue  # a site named without a launch is no claim about one
        yield _finding(site.span, doc.text, link, claims.check_site(site.text, link), site.text)


def _finding(span: Span, text: str, link: Link, outcome: Outcome, written: str) -> Finding:
    if link.weak and outcome.verdict is Verdict.CONTRADICTED:
        why = "a former plan" if "former plan" in link.how else "one crew member's name"
        outcome = Outcome(Verdict.UNVERIFIED, f"{outcome.message}; but only {why} ties the claim to it", None,
                          outcome.evidence)
    severity = Severity.ERROR if outcome.verdict is Verdict.CONTRADICTED else Severity.INFO
    details = {"link": link.details(), "evidence": outcome.evidence}
    return Finding(ID, outcome.verdict, severity, span, text[span.start:span.end], f"{written}: {outcome.message}",
                   outcome.suggestion, details, fix=Fix.over(text, span, outcome.suggestion))
