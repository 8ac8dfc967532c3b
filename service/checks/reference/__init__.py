"""reference: check dates, clock times, cargo masses and launch sites against the mission records.

Each claim is linked to a mission and a property (link.py here) and compared with the record's
figure at the coarser precision (compare.py). Without a store in the context it yields
nothing; without a mission, a property or a figure it says unverified, never contradicted.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from ...extract import Extraction
from ...extract.clock import extract_clock_times
from ...extract.dates import DatePrecision, extract_dates
from ...extract.missions import MentionKind
from ...model import Finding, Fix, Severity, Span, Verdict
from ...vocabulary.zones import ZoneEntry, from_utc
from .. import Examples
from ..context import CheckContext
from . import claims
from .compare import Outcome, figure
from .link import Link, Linker, Modality, Property, store_index

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
    built: list[Linker] = []

    def linker() -> Linker:  # built on the first claim: a draft with none (one sentence, an API call) skips it
        if not built:
            built.append(claims.linker(extraction, store))
        return built[0]

    times = extraction.get(extract_clock_times)
    starts = [t.span.start for t in times]  # in text order, spans disjoint: bisect, not a scan per date
    zoned = tuple(t for t in times if t.zone and t.zone.entry)
    reckoning = claims.reckoning(zoned, context.default_zone)
    for dm in extraction.get(extract_dates):
        before = bisect.bisect_right(starts, dm.span.start) - 1
        if dm.precision is DatePrecision.WEEKDAY or (before >= 0 and dm.span.start < times[before].span.end):
            continue  # a weekday alone is no claim; a date written with a clock time is checked with it
        if claims.in_dateline(doc.prose, dm.span):
            continue  # the story's date, not an event's
        link = linker().link(dm.span, "date")
        if link.mission is None and link.prop is None and link.mention is None:
            continue  # nothing ties this date to a spaceflight
        claimed_day = claims.claimed_day(dm, link)
        outcome = _as_plan(claims.check_date(doc, dm, link, zoned, reckoning), link, claimed_day, doc.published)
        outcome = _crew_elsewhere(outcome, link, claimed_day)
        yield _finding(dm.span, doc.text, link, outcome, dm.text)
    for cm in times:
        link = linker().link(cm.span, "time")
        if link.mission is None and link.prop is None and link.mention is None:
            continue
        claimed = claims.claimed_instant(cm, link)
        outcome = _as_plan(_docking_sequence(claims.check_time(cm, link), link, claimed), link, claimed,
                           doc.published, undated=not claims.dated(cm), zone=cm.zone.entry if cm.zone else None)
        outcome = _crew_elsewhere(outcome, link, claimed)
        yield _finding(cm.span, doc.text, link, outcome, cm.text)
    found = claims.masses(extraction)
    by_start = {qty.span.start: (qty, span) for qty, span in found}
    converts = claims.converted_from(extraction)
    for qty, span in found:
        head = converts.get(qty.span.start)
        written_first = by_start.get(head.span.start) if head is not None else None
        if written_first is not None:  # the conversion side of a pair: linked as the figure written first
            link = claims.mass_link(doc, linker(), *written_first)
            link = replace(link, how=f"{link.how}; written as the conversion of "
                                     f"{doc.text[written_first[1].start:written_first[1].end]!r}")
        else:
            head, link = None, claims.mass_link(doc, linker(), qty, span)
        if link.prop is None:
            continue  # a mass with no cargo or weight verb is not about a record's figure
        fig = figure(link)
        sharing = (store_index(store).sharing(fig.mission, str(link.prop), float(fig.value))
                   if fig is not None and fig.value is not None else 1)
        outcome = claims.check_mass(qty, span, doc, link, context.profile, head=head, sharing=sharing)
        yield _finding(span, doc.text, link, outcome, doc.text[span.start:span.end])
    for site in claims.sites(extraction, store):
        link = linker().link(site.span, "site")
        if link.prop is None:
            continue  # a site named without a launch is no claim about one
        yield _finding(site.span, doc.text, link, claims.check_site(site.text, link), site.text)


SLIP = timedelta(days=31)     # how late an event may come after the date a plan gave: schedules slip
REFINE = timedelta(minutes=30)  # how far a planned time may move either way as the schedule is refined
# How much earlier than a no-earlier-than date a return may come: undocking and splashdown targets move a day or
# two either way with the weather at the landing zones (Crew-9's "no earlier than March 19" came home on March
# 18). A firm date ("leaves for home on Dec. 20") gets no such leeway.
EARLY_RETURN = timedelta(days=2)
_RETURNS = (Property.LANDING, Property.UNDOCKING)
_NO_EARLIER_THAN = re.compile(r"\bno[ \t-]earlier[ \t-]than\b|\bNET\b")


def _as_plan(outcome: Outcome, link: Link, claimed: date | datetime | None, published: date | None,
             undated: bool = False, zone: ZoneEntry | None = None) -> Outcome:
    """A date or time of an event the record puts after the publication date (or one written as a plan, whatever
    the page's date) is a schedule, not a claim about what happened. Schedules slip and are refined: when the
    event came later than planned (within a month), within half an hour of the plan, or (a return's
    no-earlier-than date: undocking, landing) up to two days before it, say what happened, unverified. A plan
    the event came well before is still wrong when written: contradicted.

    Two plans cannot be told wrong at all: one whose day had passed when the piece was written while the event
    was still to come ("in March 2023 NASA set July 21, 2023 as the no-earlier-than date", published in 2024:
    a former plan, told as history), and a planned clock time written with no day (published before the
    event's day): the day it was planned for is not known, and launch times move from one day to the next."""
    fig = figure(link)
    if outcome.verdict is not Verdict.CONTRADICTED or fig is None or fig.time is None or claimed is None:
        return outcome
    day = fig.time.astimezone(UTC).date()
    # A clause worded as a plan ("is set to dock at 21:56") is a schedule whenever the page is dated: wire copy
    # written before the event is often published (or stamped) a day or more after it.
    planned = (published is not None and published < day) or link.modality is Modality.PLAN
    if not planned:
        return outcome
    early = link.prop in _RETURNS and _NO_EARLIER_THAN.search(link.clause or "") is not None
    if isinstance(claimed, datetime):
        late = fig.time - claimed
        slipped = abs(late) <= REFINE or timedelta(0) < late <= SLIP
        slipped = slipped or (early and -EARLY_RETURN <= late < timedelta(0))
    else:
        late_days = (day - claimed).days
        slipped = 0 < late_days <= SLIP.days or (early and -EARLY_RETURN.days <= late_days < 0)
    when = f"published {published.isoformat()}" if published else "no publication date"
    came_early = (fig.time < claimed) if isinstance(claimed, datetime) else (day < claimed)
    launch = fig.mission.launch
    before_launch = published is not None and launch is not None and published < launch.time.astimezone(UTC).date()
    if link.prop in _RETURNS and came_early and before_launch and not slipped and not link.weak:
        # A return earlier than a plan made before the flight left: missions are cut short (Starliner OFT came
        # home on Dec. 22, 2019, six days before the Dec. 28 its pre-launch plan gave); that plan may have been
        # right when written. A plan made during the flight, days before the return, has no such excuse. (A
        # weak link says its own doubts.)
        message = _record_has(outcome.message)
        return Outcome(Verdict.UNVERIFIED, f"scheduled when written ({when}); {message}; a return can come "
                       "earlier than planned when a mission is cut short, and this plan was made before the launch",
                       None, outcome.evidence)
    if slipped:
        message = _record_has(outcome.message)
        return Outcome(Verdict.UNVERIFIED, f"scheduled when written ({when}); {message}", None, outcome.evidence)
    passed = claimed.date() if isinstance(claimed, datetime) else claimed
    if (link.modality is Modality.PLAN and published is not None and passed < published < day
            and not (isinstance(claimed, datetime) and undated)):
        return Outcome(Verdict.UNVERIFIED, f"{outcome.message}; but the plan's day had passed when written "
                       f"({when}) and the event was still to come: a former plan, told as history", None,
                       outcome.evidence)
    if isinstance(claimed, datetime) and undated and published is not None and _local_day(fig.time, zone) != published:
        return Outcome(Verdict.UNVERIFIED, f"{outcome.message}; but it is a planned time with no day written "
                       f"({when}): the day it was planned for is not known, and launch times move from day to day",
                       None, outcome.evidence)
    return Outcome(Verdict.CONTRADICTED, f"{outcome.message} (a plan when written, {when}, but the event came "
                   "earlier than planned or long after)", outcome.suggestion, outcome.evidence)


# A docking is a sequence: contact (soft capture, what the records hold), then the hooks close (hard capture)
# some minutes later. A time the clause gives for the end of the sequence ("the docking, completed at 5:22 a.m.")
# may be up to this long after the record's contact and still be right.
SEQUENCE = timedelta(minutes=45)
# Sources time different moments of that sequence (Roscosmos the first contact, NASA the capture, GCAT either):
# a docking time this close to the record's, on either side, is another moment of the same docking, not an error.
MOMENTS = timedelta(minutes=2)
_SEQUENCE_END = re.compile(r"\b(?:complet(?:e|ed|es|ing|ion)|finish(?:ed|es)?|hard[ \t-](?:capture|mate|dock(?:ing)?)"
                           r"|hooks|latch(?:es|ed)?|sealed|firmly)\b", re.I)
_ARRIVALS = (Property.DOCKING, Property.ARRIVAL)


def _docking_sequence(outcome: Outcome, link: Link, claimed: datetime | None) -> Outcome:
    """A contradicted docking time within MOMENTS of the record's, or one that names the end of the docking
    sequence and comes after the record's contact by less than SEQUENCE, is not wrong: unverified, with the
    record's time."""
    fig = figure(link)
    if (outcome.verdict is not Verdict.CONTRADICTED or link.prop not in _ARRIVALS or claimed is None
            or fig is None or fig.time is None):
        return outcome
    if abs(claimed - fig.time) <= MOMENTS:
        return Outcome(Verdict.UNVERIFIED, f"{outcome.message}; within {MOMENTS.seconds // 60} minutes of it: sources "
                       "time different moments of a docking (first contact, capture, hooks closed)", None,
                       outcome.evidence)
    if timedelta(0) < claimed - fig.time <= SEQUENCE and _SEQUENCE_END.search(link.clause or ""):
        return Outcome(Verdict.UNVERIFIED, f"{outcome.message}; the clause gives the end of the docking sequence, "
                       "which comes minutes after the contact the record holds", None, outcome.evidence)
    return outcome


# A crew does not always come home on the vehicle it flew up on: Starliner's first crew came back on Crew-9 six
# months after their capsule, Rubio on Soyuz MS-23 and Vande Hei on MS-19 months after theirs, the MS-19 film crew
# on MS-18 months before theirs. A return tied to a flight only by its crew's names, on a day this far from that
# flight's own return, is more likely another vehicle's return than a wrong date; a nearer day is a wrong date.
SWAP = timedelta(days=30)
_BY_CREW = (MentionKind.PERSON, MentionKind.CREW, MentionKind.EXPEDITION)


def _crew_elsewhere(outcome: Outcome, link: Link, claimed: date | datetime | None) -> Outcome:
    fig = figure(link)
    if (outcome.verdict is not Verdict.CONTRADICTED or link.prop not in _RETURNS or claimed is None
            or fig is None or fig.time is None or link.by not in _BY_CREW):
        return outcome
    day = claimed.date() if isinstance(claimed, datetime) else claimed
    if abs((fig.time.astimezone(UTC).date() - day).days) <= SWAP.days:
        return outcome
    return Outcome(Verdict.UNVERIFIED, f"{outcome.message}; but the flight is known only by its crew, and the day is "
                   f"more than {SWAP.days} days from that flight's return: the crew may have come home on another "
                   "vehicle", None, outcome.evidence)


def _record_has(message: str) -> str:
    """A contradiction's message told as what the record has: "X launch was at T" -> "X launch: the record has T"."""
    for was in (" was at ", " was "):
        if was in message:
            return message.replace(was, ": the record has ", 1)
    return message


def _local_day(when: datetime, zone: ZoneEntry | None) -> date:
    """The calendar day of `when` where the time was written (UTC when its zone is not known)."""
    local = from_utc(when, zone) if zone is not None else None
    return (local or when.astimezone(UTC)).date()


def _finding(span: Span, text: str, link: Link, outcome: Outcome, written: str) -> Finding:
    if link.weak and outcome.verdict is Verdict.CONTRADICTED:
        outcome = Outcome(Verdict.UNVERIFIED, f"{outcome.message}; but {'; and '.join(link.doubts)}", None,
                          outcome.evidence)
    severity = Severity.ERROR if outcome.verdict is Verdict.CONTRADICTED else Severity.INFO
    details = {"link": link.details(), "evidence": outcome.evidence}
    return Finding(ID, outcome.verdict, severity, span, text[span.start:span.end], f"{written}: {outcome.message}",
                   outcome.suggestion, details, fix=Fix.over(text, span, outcome.suggestion))
