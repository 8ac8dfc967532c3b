"""Compare one linked claim with the record's figure: supported, contradicted (with the record's value written
the writer's way) or unverified (no record, no figure, or too coarse to tell). Never a guess.

Times and dates are compared at the coarser of the claim's and the record's precision. A date claim is a
calendar day in the zone the sentence writes (UTC when it writes none); if the record's day differs there
but matches the launch site's local day, the draft may be using local time: unverified, not contradicted.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ...model import Verdict, quick_init
from ...records.store import Mission, name_key
from .link import Link, Property

if TYPE_CHECKING:
    from ...vocabulary.zones import ZoneEntry

MASS_PROPERTIES = (Property.CARGO, Property.CARGO_DRY, Property.CARGO_PRESSURIZED, Property.PROPELLANT,
                   Property.WATER, Property.GAS, Property.LAUNCH_MASS)
# The record's events an event property is checked against, in order of preference.
EVENT_KINDS = {Property.ARRIVAL: ("docking", "berthing", "grapple"), Property.DOCKING: ("docking",),
               Property.BERTHING: ("berthing",), Property.GRAPPLE: ("grapple",), Property.UNDOCKING: ("undocking",),
               Property.LANDING: ("landing",)}
_STEP = {"second": timedelta(seconds=1), "minute": timedelta(minutes=1), "hour": timedelta(hours=1)}
_RANK = {"second": 0, "minute": 1, "hour": 2, "day": 3, "month": 4, "quarter": 5, "year": 6}
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_MONTH_KEYS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


@quick_init
@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    message: str
    suggestion: str | None = None
    evidence: dict[str, Any] | None = None


@quick_init
@dataclass(frozen=True)
class Figure:
    """The record's figure for a property: where it is, its value and its precision."""

    mission: Mission
    field: str
    time: datetime | None = None
    precision: str | None = None
    value: Any = None
    uncertain: bool = False
    source: str = ""
    unit: str | None = None

    def instant(self) -> tuple[datetime, str]:
        """The time and its precision, for a figure of the launch or an event (`figure` always sets both)."""
        if self.time is None or self.precision is None:
            raise ValueError(f"{self.field} is not a time figure")
        return self.time, self.precision

    def evidence(self) -> dict[str, Any]:
        value = self.time.strftime("%Y-%m-%dT%H:%M:%SZ") if self.time else self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out = {"record": self.mission.id, "field": self.field, "value": value, "precision": self.precision}
        if self.unit:
            out["unit"] = self.unit
        src = self.mission.sources.get(self.source)
        out["source"] = src.cite() if src else None
        return out


def figure(link: Link) -> Figure | None:
    """The record's figure for the link's property, or None when the record lacks it."""
    m, prop = link.mission, link.prop
    if m is None or prop is None:
        return None
    if prop in (Property.LAUNCH, Property.ABORT) and m.launch:
        return Figure(m, "launch.time", m.launch.time, m.launch.precision, uncertain=m.launch.uncertain,
                      source=m.launch.source)
    kinds = EVENT_KINDS.get(prop, ())
    event = next((e for k in kinds for e in m.events if e.kind == k), None)
    if event is not None:
        return Figure(m, f"events[{event.kind}].time", event.time, event.precision, uncertain=event.uncertain,
                      source=event.source)
    if prop in MASS_PROPERTIES and (mass := m.mass(str(prop))):
        return Figure(m, f"masses[{mass.kind}].value", value=mass.value, unit=mass.unit,
                      uncertain=mass.uncertain, source=mass.source)
    return None


def site_figure(link: Link) -> Figure | None:
    m = link.mission
    if m is None or m.launch is None or not m.launch.site:
        return None
    return Figure(m, "launch.site", value=m.launch.site, source=m.launch.source)


def unlinked(link: Link, what: str) -> Outcome:
    if link.mission is None:
        return Outcome(Verdict.UNVERIFIED, f"{what}: no mission to check it against ({link.how})")
    if link.prop is None:
        return Outcome(Verdict.UNVERIFIED, f"{what}: about {link.mission.name}, but no verb says which event")
    return Outcome(Verdict.UNVERIFIED, f"{what}: the {link.mission.name} record has no {link.prop} figure")


def _what(fig: Figure, link: Link) -> str:
    label: dict[Property | None, str] = {Property.ABORT: "failed launch"}
    if fig.field.startswith("events["):
        label[link.prop] = fig.field.split("[")[-1].split("]")[0]
    return f"{fig.mission.name} {label.get(link.prop, str(link.prop))}"


def compare_day(day: date, written: str, zone: ZoneEntry | None, fig: Figure, link: Link,
                month_only: bool = False, reckoning: str | None = None) -> Outcome:
    """A calendar-day claim against an instant; `zone` is a ZoneEntry from the sentence, or None for UTC.
    `reckoning` (an IANA zone: the draft's own, see claims.reckoning) is the other day a zone-less date may be,
    and the day a correction is written in."""
    when, precision = fig.instant()
    coarse = "month" if month_only else "day"
    if _RANK[precision] > _RANK[coarse]:
        coarse = precision
    local = _local(when, zone).date() if _RANK[precision] < _RANK["day"] else when.date()
    zone_name = getattr(zone, "zone", None) or "UTC"
    if _same(day, local, coarse):
        return Outcome(Verdict.SUPPORTED, f"{_what(fig, link)}: {_show(fig)} ({local.isoformat()} {zone_name})",
                       evidence=fig.evidence())
    site_zone = fig.mission.launch.zone if fig.mission.launch else None
    if site_zone and _RANK[precision] < _RANK["day"] and _same(day, when.astimezone(ZoneInfo(site_zone)).date(),
                                                               coarse):
        return Outcome(Verdict.UNVERIFIED, f"{_what(fig, link)}: {_show(fig)}, which is {written} only in local "
                       f"time at the launch site ({site_zone})", evidence=fig.evidence())
    drafts_day = when.astimezone(ZoneInfo(reckoning)).date() if reckoning and _RANK[precision] < _RANK["day"] else None
    if drafts_day is not None and _same(day, drafts_day, coarse):
        return Outcome(Verdict.UNVERIFIED, f"{_what(fig, link)}: {_show(fig)}, which is {written} in {reckoning}, "
                       "the zone the draft tells its times in", evidence=fig.evidence())
    if fig.uncertain:
        return Outcome(Verdict.UNVERIFIED, f"{_what(fig, link)}: the record's {_show(fig)} is marked uncertain",
                       evidence=fig.evidence())
    if precision == "day" and coarse == "day" and abs((day - local).days) == 1 and zone is None:
        # The record gives only the UTC day; a day either side is that day in some zone (JST, Pacific).
        return Outcome(Verdict.UNVERIFIED, f"{_what(fig, link)}: the record gives only the UTC day {_show(fig)}; "
                       f"{written} may be the local date", evidence=fig.evidence())
    return Outcome(Verdict.CONTRADICTED, f"{_what(fig, link)} was {_show(fig)}, not {written}",
                   suggestion=date_like(written, drafts_day or local), evidence=fig.evidence())


def compare_instant(claim: datetime, precision: str, hedged: bool, fig: Figure, link: Link,
                    suggest: Callable[[datetime], str | None]) -> Outcome:
    """A clock-time claim (UTC instant at `precision`) against the record; `suggest(instant)` writes a time."""
    record, record_precision = fig.instant()
    coarse = max(precision, record_precision, key=_RANK.__getitem__)
    if coarse in _STEP:
        step = _STEP[coarse]
        ok = _floor(claim, step) in (_floor(record, step), _floor(record + step / 2, step))
        ok = ok or (hedged and abs(claim - record) <= timedelta(minutes=15))
        if record_precision == precision == "minute":
            # Both to the minute: either may be rounded or cut ("03:59:39" is 04:00 in the records, 03:59 in
            # copy), so what they could mean overlaps whenever they are a minute apart at most.
            ok = ok or abs(_floor(claim, step) - _floor(record, step)) <= step
    else:
        ok = _same(claim.date(), record.date(), coarse)
    if ok and coarse != precision:
        return Outcome(Verdict.UNVERIFIED, f"{_what(fig, link)}: the record gives only {_show(fig)}, which agrees",
                       evidence=fig.evidence())
    if ok:
        return Outcome(Verdict.SUPPORTED, f"{_what(fig, link)}: {_show(fig)}", evidence=fig.evidence())
    if fig.uncertain or coarse not in _STEP:
        return Outcome(Verdict.UNVERIFIED, f"{_what(fig, link)}: the record's {_show(fig)} cannot settle it",
                       evidence=fig.evidence())
    return Outcome(Verdict.CONTRADICTED, f"{_what(fig, link)} was at {_show(fig)}", suggestion=suggest(record),
                   evidence=fig.evidence())


def compare_site(written: str, fig: Figure, link: Link) -> Outcome:
    """A site as written against the record's site, through the site table (vocabulary/launch_sites.toml): one
    site's names agree; two known sites disagree; a name the table does not know as a launch site ("Johnson
    Space Center") cannot contradict."""
    from ...vocabulary.sites import site_table

    launch = fig.mission.launch
    if launch is None or launch.site is None:  # site_figure makes figures only of a launch with a site
        raise ValueError(f"{fig.mission.id} has no launch site")
    labels = [launch.site, *launch.site_aliases]
    said = name_key(written)
    table = site_table()
    if any(said.startswith(name_key(x)) or name_key(x).startswith(said) for x in labels):
        return Outcome(Verdict.SUPPORTED, f"{fig.mission.name} launched from {launch.site}", evidence=fig.evidence())
    record_site = next((k for x in labels if (k := table.site_of(x))), None)
    written_site = table.site_of(written)
    if written_site is not None and written_site == record_site:
        return Outcome(Verdict.SUPPORTED, f"{fig.mission.name} launched from {launch.site}", evidence=fig.evidence())
    if written_site is None or record_site is None:
        return Outcome(Verdict.UNVERIFIED, f"{fig.mission.name} launched from {launch.site}; {written} is not a "
                       "launch site the site table knows", evidence=fig.evidence())
    if table.covers_loosely(written, record_site):
        return Outcome(Verdict.UNVERIFIED, f"{fig.mission.name} launched from {launch.site}; {written} also names "
                       "the area around it", evidence=fig.evidence())
    styled = next((x for x in labels if len(x.split()) == len(written.split())), launch.site)
    return Outcome(Verdict.CONTRADICTED, f"{fig.mission.name} launched from {launch.site}, not {written}",
                   suggestion=styled, evidence=fig.evidence())


def _local(when: datetime, zone: ZoneEntry | None) -> datetime:
    if zone is None:
        return when.astimezone(UTC)
    from ...vocabulary.zones import from_utc

    return from_utc(when, zone) or when


def _same(a: date, b: date, precision: str) -> bool:
    if precision == "day":
        return a == b
    if precision == "month":
        return (a.year, a.month) == (b.year, b.month)
    if precision == "quarter":
        return (a.year, (a.month - 1) // 3) == (b.year, (b.month - 1) // 3)
    return a.year == b.year


def _floor(when: datetime, step: timedelta) -> datetime:
    epoch = datetime(2000, 1, 1, tzinfo=UTC)
    return epoch + ((when - epoch) // step) * step


def _show(fig: Figure) -> str:
    fmt = {"second": "%Y-%m-%d %H:%M:%S UTC", "minute": "%Y-%m-%d %H:%M UTC", "hour": "%Y-%m-%d %H:00 UTC",
           "day": "%Y-%m-%d", "month": "%B %Y"}.get(fig.precision or "", "%Y")
    shown = fig.time.strftime(fmt) if fig.time else str(fig.value)
    launch = fig.mission.launch
    if fig.field == "launch.time" and launch is not None and launch.outcome == "scheduled":
        # A schedule is not a fact about the past: say whose schedule, and as of when (NETs move).
        src = fig.mission.sources.get(fig.source)
        per = f", per {src.title} on {src.retrieved.isoformat()}" if src else ""
        shown = f"scheduled for {shown}{per}"
    return shown


def date_like(written: str, day: date) -> str:
    """`day` in the style of `written`: "Nov. 16" -> "Nov. 17", "16 November 2018" -> "17 November 2018"."""
    text = written.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return day.isoformat()
    word = next((w for w in re.findall(r"[A-Za-z]+\.?", text) if w[:3].lower() in _MONTH_KEYS), "")
    if word.endswith(".") or word in ("March", "April", "May", "June", "July"):  # AP spells these out anyway
        month = _AP_MONTHS[day.month - 1]
    elif len(word) <= 3 and word:
        month = _FULL_MONTHS[day.month - 1][:3]
    else:
        month = _FULL_MONTHS[day.month - 1]
    body = f"{day.day} {month}" if re.match(r"\d", text) else f"{month} {day.day}"
    if year := re.search(r"(,?\s+)(?:19|20)\d\d\b", text):
        body += f"{year.group(1)}{day.year}"
    return body
