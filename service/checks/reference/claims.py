"""The reference check's helpers: gather claims from the shared extractors, link them, compare them.

The mission extractor's names come from the store, so its gazetteer is built once per store and cached;
a reloaded store gets its own.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import datetime, time, timedelta
from functools import lru_cache

from ...extract import Extraction
from ...extract.clock import AnchorSource, ClockMention, extract_clock_times
from ...extract.dates import DateMention, DatePrecision, YearSource, extract_dates, sentence_bounds
from ...extract.missions import Gazetteer, MentionKind, MissionMention, mission_extractor
from ...extract.pairs import unit_pairs
from ...extract.quantities import Quantity, mass_quantities
from ...model import Span, Verdict
from ...normalise.units import conversions
from ...records.store import MissionStore
from ...rewrite.numbers import corrected
from ...rewrite.times import format_like
from ...text import Document, at_word_start
from ...vocabulary.zones import follows_clocks, from_utc, is_civil, to_utc
from .compare import Outcome, compare_day, compare_instant, compare_site, date_like, figure, site_figure, unlinked
from .link import Link, Linker, Property

# The words after a mass say what it is: "1,300 kg of dry cargo", "725 kg of fuel", "a 7,200-kg spacecraft".
_OF = re.compile(r"\s{0,3}(?:\([^()\n]{0,60}\)\s{0,3})?(?:of|worth of)\s{1,3}(?:the\s{1,3})?"
                 r"((?:[\w-]{1,30},?\s{1,2}){0,3}[\w-]{1,30})", re.I)
# "a 7,200-kg spacecraft", "the 13-metric-ton Tianzhou-2 spacecraft": the vehicle's own mass (a name may come
# between the figure and the noun: capitalised words or designators, at most three).
_BODY_AFTER = re.compile(r"[\s-]{0,2}(?:[A-Z0-9][\w.-]{0,20}\s{1,2}){0,3}"
                         r"(?i:spacecraft|ship|vehicle|freighter|capsule|cargo ship|space ?craft)\b")
# After a hyphenated figure ("a 3,000-kilogram load of supplies"), the words that make it a cargo figure.
_CARGO_AFTER = re.compile(r"[\s-]{0,2}(?:[\w-]{1,20}\s{1,2})?"
                          r"(?i:cargo|supplies|load|shipment|payload|freight|manifest)\b")
_KIND_WORDS = [  # first match wins; what a mass is, from the words that follow "of"
    (re.compile(r"\bunpressuri[sz]ed\b", re.I), None),
    (re.compile(r"\bdry\b", re.I), Property.CARGO_DRY),
    (re.compile(r"\bpressuri[sz]ed\b", re.I), Property.CARGO_PRESSURIZED),
    (re.compile(r"\b(?:propellants?|fuel|refuel(?:l)?ing)\b", re.I), Property.PROPELLANT),
    (re.compile(r"\bwater\b", re.I), Property.WATER),
    (re.compile(r"\b(?:oxygen|air|nitrogen|gas|gases)\b", re.I), Property.GAS),
    (re.compile(r"^(?:(?:its|total|all)[ \t]{1,2})?(?:cargo|supplies|freight|payloads?|goods)\b", re.I),
     Property.CARGO),
]
_LIST_SEP = re.compile(r",|\b(?:and|or)\b", re.I)  # "food, fuel and supplies": items of a list
# Cargo going the other way: returned to Earth, or packed with trash for disposal. The records hold what a
# vehicle carried up, so a figure in such a clause is no claim about them.
_RETURN = re.compile(at_word_start(word + r"\b" for word in (
    r"back\s(?:to|on)\s(?:Earth|the\sground)", r"return(?:s|ed|ing)?", r"brought\sback", r"bring(?:s|ing)?\sback",
    r"splash(?:ed|es|ing)?\s?down", r"undock(?:s|ed|ing)?", r"depart(?:s|ed|ing|ure)?", "trash", "garbage", "waste",
    "disposal", r"discard(?:s|ed)?", "unneeded", r"no[-\s]longer[-\s]needed", r"deorbit\w*", r"down\s?mass",
    r"down\scargo")), re.I)
# How far a cargo figure may sit from the record's and still be the same cargo counted another way. The
# records' cargo rows are GCAT's accounting; agencies publish their own, and they differ: Progress MS-25 up
# cargo 2,528 kg (Roscosmos) against 2,495 kg (GCAT), its dry cargo 1,553 against 1,535; Progress MS-27 dry
# cargo 1,290 kg against 1,458. Totals agree closely, the parts (dry, pressurized) much less. Beyond the margin
# a figure is still contradicted ("2,654 kg" for 2,564 is a slip, not an accounting difference), and so is a
# round figure beyond its own spread.
ACCOUNTING = {"cargo_up": (0.02, 0.02), "cargo_dry": (0.15, 0.15), "cargo_pressurized": (0.15, 0.15)}  # below, above
# A family whose operators' up-cargo totals run above GCAT's for the same flight, and by how much at most: for
# Cygnus, NASA's and Northrop Grumman's figures count the packaging ("3,377 kg of pressurized cargo with
# packaging" for NG-13 against GCAT's 3,219), 2 to 13 % above GCAT's (NG-10 3,350 kg against 3,273; NG-12 "about
# 8,200 pounds" against 3,392 kg; NG-14 "7,829 pounds (3,551 kilograms)" and "about 8,000 pounds" against 3,220).
# A total written up to 15 % above the record may be that count; below it, ACCOUNTING's margin holds.
ACCOUNTING_BY_FAMILY = {("Cygnus", "cargo_up"): (0.02, 0.15)}  # packaging counted: see above
# One section of a ship named after the figure: "7,000 pounds of supplies from its Pressurized Logistics Carrier".
_SECTION = re.compile(at_word_start(word + r"\b" for word in (
    r"unpressuri[sz]ed\s(?:logistics\s)?(?:carrier|section|module|compartment|cabin)",
    r"pressuri[sz]ed\s(?:logistics\s)?(?:carrier|section|module|compartment|cabin)",
    r"logistics\scarrier", "trunk", r"cargo\scompartment", r"cargo\shold")), re.I)
_INCLUDING = re.compile(at_word_start(word + r"\b" for word in (
    "including", r"includ(?:es|ed)", "among them", "such as", "of which", "plus")), re.I)
_MASS_NOUN = re.compile(at_word_start(word + r"\b" for word in (
    r"weigh(?:s|ed|ing)?", "launch mass", "spacecraft mass", "mass")), re.I)


# A wire story's dateline: the place in capitals, the date, the agency ("MOSCOW, August 17. /TASS/.",
# "ORLANDO, Fla., April 24 (UPI) --", "MOSCOW (Agency News / Sputnik - 11th January, 2023) The ...", "Jan. 11
# (UPI) -"). Its date is the story's, not an event's.
_DATELINE_BEFORE = re.compile(r"[ \t>*_]*(?:[A-Z][A-Z.'\- ]{0,30}[A-Z.](?:,[ \t]{0,2}[A-Z][a-z]{1,4}\.)*"
                              r"[,.]?[ \t]{1,3})?(?:\([^()\n]{0,60})?")
_DATELINE_AFTER = re.compile(r"[ \t]{0,2}(?:\)|\.?[ \t]{0,2}/[A-Z]{2,12}/|\([A-Z][\w ./-]{1,30}\)[ \t]{0,2}"
                             r"(?:-{1,2}|\u2014|\u2013)|(?:--|\u2014|\u2013))")


def in_dateline(prose: str, span: Span) -> bool:
    """Whether the date at `span` is a wire story's dateline (see _DATELINE_BEFORE)."""
    line = prose.rfind("\n", 0, span.start) + 1
    if span.start - line > 80:
        return False
    before = _DATELINE_BEFORE.fullmatch(prose, line, span.start)
    after = _DATELINE_AFTER.match(prose, span.end)
    if before is None or after is None:
        return False
    if not before.group(0).strip(" \t>*_"):  # no place: only an agency closes it ("Jan. 11 (UPI) --"), not a
        return "(" in after.group(0) or "/" in after.group(0)  # timeline row ("July 20, 1969 - Apollo 11 lands")
    return True


@lru_cache(maxsize=4)
def gazetteer(store: MissionStore) -> Gazetteer:
    return Gazetteer.from_store(store)


def mentions(extraction: Extraction, store: MissionStore) -> tuple[MissionMention, ...]:
    return extraction.get(mission_extractor(gazetteer(store)))


def linker(extraction: Extraction, store: MissionStore) -> Linker:
    spans = tuple(d.span for d in extraction.get(extract_dates)) + tuple(
        t.span for t in extraction.get(extract_clock_times))
    dates = tuple(d.span for d in extraction.get(extract_dates) if d.precision is not DatePrecision.WEEKDAY)
    return Linker(extraction.doc, mentions(extraction, store), store, spans, dates)


def sites(extraction: Extraction, store: MissionStore) -> list[MissionMention]:
    return [m for m in mentions(extraction, store) if m.kind is MentionKind.SITE]


def reckoning(zoned: tuple[ClockMention, ...], default_zone: str | None = None) -> str | None:
    """The zone a draft keeps its calendar in: that of its first clock time written in a civil zone (not UTC or
    GMT, not an offset: "11:20 p.m. EDT" makes a US piece's days Eastern), else the configured default zone.
    A date written with no zone in its sentence may be that zone's day: Progress MS-28 left Baikonur at 03:20 UTC
    on Aug. 15, "Aug. 14" in a piece that tells its times in EDT."""
    for t in zoned:
        entry = t.zone.entry if t.zone else None
        if entry is not None and is_civil(entry):
            return entry.zone
    return default_zone


def check_date(doc: Document, dm: DateMention, link: Link, times: tuple[ClockMention, ...],
               reckoning: str | None = None) -> Outcome:
    fig = figure(link)
    if fig is None or fig.time is None:
        return unlinked(link, "date")
    if dm.date is None:
        return Outcome(Verdict.UNVERIFIED, "the year cannot be told (no publication date)")
    start, end = sentence_bounds(doc, dm.span.start)
    lo = bisect.bisect_left(times, start, key=lambda t: t.span.start)  # times are in text order
    hi = bisect.bisect_left(times, end, key=lambda t: t.span.start)
    # The first zoned time of the sentence, without copying the sentence's times (a hostile one-sentence
    # megabyte has thousands per date); the reference check passes only zoned times, so this is one step.
    in_sentence = map(times.__getitem__, range(lo, hi))
    zoned = next((t.zone.entry for t in in_sentence if t.zone and t.zone.entry), None)
    day = dm.date
    if dm.year_source is not YearSource.WRITTEN:
        # "Nov. 16" with no year: the year was inferred from the publication date, a guess. A piece written
        # in 2020 about a 2018 launch must not be told "Nov. 16, not Nov. 16": compare in the record's year.
        day = _in_year(day, fig.time.year)
    return compare_day(day, dm.text, zoned, fig, link,
                       month_only=dm.precision is DatePrecision.MONTH, reckoning=None if zoned else reckoning)


def claimed_day(dm: DateMention, link: Link):
    """The day a date claim says, in the record's year when the year was inferred (as check_date compares it)."""
    fig = figure(link)
    if dm.date is None or fig is None or fig.time is None or dm.year_source is YearSource.WRITTEN:
        return dm.date
    return _in_year(dm.date, fig.time.year)


def claimed_instant(cm: ClockMention, link: Link) -> datetime | None:
    """The instant a time claim says, as check_time compares it."""
    fig = figure(link)
    if cm.utc is None or fig is None or fig.time is None:
        return cm.utc
    if not dated(cm):
        return _same_clock_nearest(_on_record_day(cm, fig.time), fig.time)
    return _in_record_year(cm, fig.time.year)


def _on_record_day(cm: ClockMention, record: datetime) -> datetime:
    """An undated time in a civil zone ("11:50 pm Eastern time", "Moscow time") read in that zone's offset on the
    record's own day, not on the publication date's: a story published the Monday after the clocks changed tells
    of Friday's launch in Friday's offset."""
    assert cm.utc is not None
    entry = cm.zone.entry if cm.zone else None
    if entry is None or not follows_clocks(entry):
        return cm.utc
    local = from_utc(record, entry)
    moved = to_utc(datetime.combine(local.date(), time(cm.hour, cm.minute, cm.second or 0)), entry) if local else None
    return moved or cm.utc


def _in_record_year(cm: ClockMention, year: int) -> datetime:
    """The time's instant, with the year the record gives when the text's year was inferred, not written (see
    check_date). The wall-clock time is moved to that year and read in its zone's offset of that year, not the
    UTC instant shifted: Baikonur's "5:31 p.m. local time on Dec. 3" is 11:31 UTC in 2018 (UTC+6) and 12:31
    UTC in 2021 (UTC+5)."""
    assert cm.utc is not None
    anchor = cm.anchor
    if anchor is None or anchor.year_source is YearSource.WRITTEN or cm.utc.year == year:
        return cm.utc
    entry = cm.zone.entry if cm.zone else None
    if entry is not None and cm.local_date is not None:
        local = datetime.combine(_in_year(cm.local_date, year + cm.local_date.year - cm.utc.year),
                                 time(cm.hour, cm.minute, cm.second or 0))
        moved = to_utc(local, entry)
        if moved is not None:
            return moved
    return _in_year(cm.utc, year)


def _in_year(day, year: int):
    try:
        return day.replace(year=year)
    except ValueError:  # Feb. 29
        return day


def check_time(cm: ClockMention, link: Link) -> Outcome:
    fig = figure(link)
    if fig is None or fig.time is None:
        return unlinked(link, "time")
    if cm.utc is None:
        return Outcome(Verdict.UNVERIFIED, "the time has no zone or date that fixes its instant")
    if not dated(cm):
        # No date in the text: the day came from the publication date, a guess. Compare the time of day
        # only, on the record's own day, so a right time is not called wrong for a day nobody wrote.
        claim = _same_clock_nearest(_on_record_day(cm, fig.time), fig.time)
        outcome = compare_instant(claim, str(cm.precision), cm.hedge is not None, fig, link,
                                  lambda t: _time_like(cm, t))
        return replace(outcome, message=f"{outcome.message} (no date written: time of day compared)")
    claim = _in_record_year(cm, fig.time.year)
    return compare_instant(claim, str(cm.precision), cm.hedge is not None, fig, link, lambda t: _time_like(cm, t))


def dated(cm: ClockMention) -> bool:
    """Whether the text fixes the time's day (a parenthesised side borrows its first side's anchor)."""
    if cm.anchor_source is AnchorSource.PAIR:
        return cm.anchor is not None
    return cm.anchor_source not in (AnchorSource.PUBLISHED, AnchorSource.NONE)


def _same_clock_nearest(claim: datetime, record: datetime) -> datetime:
    """`claim` moved by whole days to the instant nearest `record`: the same UTC clock time on its day."""
    days = (record.date() - claim.date()).days
    return min((claim + timedelta(days=days + d) for d in (-1, 0, 1)), key=lambda t: abs(t - record))


def _time_like(cm: ClockMention, instant: datetime) -> str | None:
    """The record's instant as the writer wrote the claim: "6:31 a.m. EST Dec. 3"."""
    zone = cm.zone
    entry = zone.entry if zone else None
    local = from_utc(instant, entry) if entry else None
    if zone is None or local is None:
        return None
    text = format_like(cm, local.hour, local.minute, local.second if cm.second is not None else None)
    day = None
    if cm.day is not None and cm.day.precision is DatePrecision.DAY:
        day = date_like(cm.day.text, local.date())
    elif dated(cm) and cm.local_date is not None and cm.local_date != local.date():
        day = date_like(cm.anchor.text if cm.anchor else "Jan. 1", local.date())
    parts = [(zone.span.start, zone.text)]
    if day:  # in the order the writer used: "6:31 a.m. EST Dec. 3" or "5:02 a.m. Dec. 20 Moscow time"
        parts.append((cm.day.span.start if cm.day is not None else cm.span.end, day))
    text += "".join(f" {part}" for _, part in sorted(parts))
    return text


def masses(extraction: Extraction) -> list[tuple[Quantity, Span]]:
    """Mass figures with their spans (number through unit as written)."""
    prose, out = extraction.doc.prose, []
    for q in extraction.get(mass_quantities):
        if q.unit_text:
            at = next((q.span.end + gap for gap in (0, 1) if prose.startswith(q.unit_text, q.span.end + gap)), None)
            if at is not None:  # "kg." is a spelling of kg, but at a sentence's end the dot is the sentence's
                out.append((q, Span(q.span.start, at + len(q.unit_text.rstrip(".")))))
    return out


def converted_from(extraction: Extraction) -> dict[int, Quantity]:
    """For each figure written as the conversion in a unit pair (by where its number starts), the figure it
    converts. "1,433 pounds (650 kilograms) of propellant" states one figure: the conversion has the kind,
    the hedge and the precision of the figure written first ("about 3 tons (2.7 metric tons)" is as
    approximate as 3 tons), so the reference check links and compares it as that figure."""
    out: dict[int, Quantity] = {}
    for pair in extraction.get(unit_pairs):
        for side in pair.conversions:
            if len(side.quantities) == len(pair.head.quantities):
                for conversion, head in zip(side.quantities, pair.head.quantities, strict=True):
                    out[conversion.span.start] = head
    return out


def mass_link(doc: Document, linker: Linker, qty: Quantity, span: Span) -> Link:
    """The link with the mass's kind: from the words after it ("of dry cargo", "-kg spacecraft"), else from its
    cue. A figure listed after "including" is one part of a whole; a kind the words leave unclear is a doubt."""
    link = linker.link(span, "mass")
    prose = doc.prose
    if (back := _RETURN.search(prose, link.bounds[0], link.bounds[1])) is not None:
        link = replace(link, doubts=link.doubts + (f"the clause speaks of cargo going back or thrown away "
                                                   f"({back.group(0)!r}); the records hold what went up",))
    if (part := _SECTION.search(prose, span.end, link.bounds[1])) is not None:
        link = replace(link, doubts=link.doubts + (f"the clause places the figure in one part of the ship "
                                                   f"({part.group(0)!r}): that part's load, not the total",))
    lead = prose[max(link.bounds[0], span.start - 120, 0):span.start]
    if (body := _BODY_AFTER.match(prose, span.end)) is not None:
        return replace(link, prop=Property.LAUNCH_MASS, kind="spacecraft at launch",
                       how=f"{link.how}; the figure is the spacecraft's mass ({body.group(0).strip()})")
    if "-" in prose[qty.span.start:span.end] and not _CARGO_AFTER.match(prose, span.end):
        # "two 100-kilogram spacesuits": a figure written as an adjective weighs the thing it qualifies
        return replace(link, kind="an item's weight", doubts=link.doubts + (
            f"{prose[span.start:span.end]!r} is written as an adjective: the weight of what follows, not the cargo",))
    if (of := _OF.match(prose, span.end)) is not None:
        words = of.group(1)
        # Each item of a list on its own: "of food, fuel and supplies" names fuel and supplies, two kinds.
        kinds = [prop for item in _LIST_SEP.split(words) for rx, prop in _KIND_WORDS if rx.search(item.strip())]
        if len(set(kinds)) > 1:  # a list of kinds, read as the whole
            return replace(link, prop=Property.CARGO, kind="cargo_up", how=f"{link.how}; the figure is {words}",
                           doubts=link.doubts + (f"{words!r} lists several kinds: read as the total",))
        if kinds:
            prop = kinds[0]
            return replace(link, prop=prop or link.prop, kind=words if prop is None else str(prop),
                           doubts=link.doubts + ((f"the record has no figure for {words}",) if prop is None
                                                 else ()),
                           how=f"{link.how}; the figure is {words}")
        return replace(link, kind=words, how=f"{link.how}; the figure is {words}",
                       doubts=link.doubts + (f"{words!r} may be one part of the cargo, not its total",))
    if _MASS_NOUN.search(lead[-40:]):
        return replace(link, prop=Property.LAUNCH_MASS, kind="spacecraft at launch")
    if _INCLUDING.search(lead):
        return replace(link, kind="a part", doubts=link.doubts + ("one part of a list after 'including'",))
    return link


# A mass value this many records of one family share is a nominal figure, not a flight's manifest (GCAT gives
# Progress MS-20..MS-28 all 2,518 kg of up cargo; Roscosmos gave MS-28 2,621 kg). It stands for a typical load:
# a claim within a third of it cannot be told from it; one further off is still wrong.
NOMINAL = 3
NOMINAL_SPREAD = 1 / 3


def check_mass(qty: Quantity, span: Span, doc: Document, link: Link, profile: str = "news",
               head: Quantity | None = None, sharing: int = 1) -> Outcome:
    """A mass claim against the record; `sharing` is how many records of the family give the same figure."""
    fig = figure(link)
    if fig is None or fig.value is None:
        return unlinked(link, "mass")
    value = float(fig.value)
    half = 0.5 if value.is_integer() else 0.05
    if qty.unit == "kg":
        readings = [lambda x: x]
    else:
        readings = [c for c in conversions("kg", qty.unit, profile)
                    if c.reading.startswith("kg (mass)") and "force" not in c.reading]
    if not readings:
        return Outcome(Verdict.UNVERIFIED, f"mass: {qty.unit_text} cannot be compared with kilograms")
    lo, hi = qty.number.interval(profile)
    if head is not None:
        # A conversion that holds says no more than the figure it converts: what the head could mean (its
        # precision and hedge, converted) counts too. One that does not hold is judged on its own digits.
        factors = [c for c in conversions(head.unit, qty.unit, profile) if "force" not in c.reading]
        if len(factors) == 1:  # one reading of the pair (tons of several kinds: the conversion's own digits)
            head_lo, head_hi = sorted(map(factors[0], head.number.interval(profile)))
            if head_lo <= hi and lo <= head_hi:
                lo, hi = min(lo, head_lo), max(hi, head_hi)
    label = {"cargo_up": "up cargo", "cargo_dry": "dry cargo", "cargo_pressurized": "pressurized cargo",
             "spacecraft_launch": "launch mass"}.get(
        str(link.prop), str(link.prop))
    shown = f"{fig.mission.name} {label}: {value:,.0f} kg in the record"
    for convert in readings:
        if convert(value - half) <= hi and lo <= convert(value + half):
            return Outcome(Verdict.SUPPORTED, shown, evidence=fig.evidence())
    # A round figure has its own spread already: its value as written, not that spread, must fall within the
    # margin ("2,700 kg" for 2,564 is no accounting difference; "2,750 kg" of pressurized cargo for 2,624 may be).
    below, above = ACCOUNTING_BY_FAMILY.get((fig.mission.family, str(link.prop)),
                                            ACCOUNTING.get(str(link.prop), (0.0, 0.0)))
    written = qty.number.value
    low, high = (written, written) if qty.number.round_figure else (lo, hi)
    if (below or above) and any(convert(value - half - below * value) <= high
                                and low <= convert(value + half + above * value) for convert in readings):
        if above > below and all(convert(value + half + below * value) < low for convert in readings):
            return Outcome(Verdict.UNVERIFIED, f"{shown}; less than {above:.0%} above it, and NASA's and the "
                           f"operator's {fig.mission.family} totals run above GCAT's (they count the packaging)",
                           evidence=fig.evidence())
        return Outcome(Verdict.UNVERIFIED, f"{shown}; within {below:.0%} of it, and agencies count "
                       f"{label} differently (packaging, refuelling propellant, what is dry)", evidence=fig.evidence())
    if fig.uncertain or len(readings) > 1:
        return Outcome(Verdict.UNVERIFIED, f"{shown}; {qty.unit_text} has several readings" if not fig.uncertain
                       else f"{shown} (marked uncertain)", evidence=fig.evidence())
    if str(link.prop) == "spacecraft_launch" and not link.weak:  # (a weak link says why in its own words)
        # What a ship "weighs" depends on what is counted: the capsule alone or with its trunk or service module,
        # dry or fuelled, with or without its cargo (Crew Dragon 9,525 kg as a capsule, 13,055 kg in GCAT), and
        # GCAT's launch masses are often one nominal figure for a whole series: another figure is no contradiction.
        return Outcome(Verdict.UNVERIFIED, f"{shown}; a spacecraft's mass depends on what is counted (capsule or "
                       f"with its trunk or service module, dry or fuelled, with or without cargo)",
                       evidence=fig.evidence())
    if sharing >= NOMINAL and any(convert(value * (1 - NOMINAL_SPREAD)) <= high
                                  and low <= convert(value * (1 + NOMINAL_SPREAD)) for convert in readings):
        return Outcome(Verdict.UNVERIFIED, f"{shown}; but {sharing} {fig.mission.family} records give that same "
                       "figure, a nominal value rather than this flight's manifest", evidence=fig.evidence())
    convert = readings[0]
    number = corrected(qty.number, (convert(value - half), convert(value + half)), convert(value), profile)
    unit = doc.text[span.start:span.end][len(doc.text[qty.span.start:qty.span.end]):].strip()
    return Outcome(Verdict.CONTRADICTED, shown, suggestion=f"{number} {unit}", evidence=fig.evidence())


def check_site(written: str, link: Link) -> Outcome:
    fig = site_figure(link)
    if fig is None:
        return unlinked(link, "launch site")
    return compare_site(written, fig, link)
