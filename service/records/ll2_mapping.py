"""One Launch Library 2 launch object (API 2.0.0 to 2.3.0, list or detail shape) -> one record dict.

The dict has the shape of docs/records.md (strings for times, as `tomlwrite.dump_record` writes them) and
is validated by schemas/records.py before anything is written. Every figure cites the record's `ll2`
source, `method = "synced"`. The mapping is conservative: a value LL2 does not give is left out, never
guessed; a launch whose time cannot be stated at a precision the record format has is skipped and
reported, because a wrong precision would turn a correct claim into a false "contradicted".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

SOURCE_KEY = "ll2"
ATTRIBUTION = "The Space Devs — Launch Library 2"
LICENCE = f'no formal licence; free to use with attribution to "{ATTRIBUTION}"'
SAFE_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,63}")
LL2_ID = re.compile(r"/launch(?:es)?/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?$")

# LL2 status ids (stable across versions; names changed, e.g. "Go" -> "Go for Launch").
_SUCCESS, _FAILURE, _PARTIAL, _IN_FLIGHT = 3, 4, 7, 6
_SCHEDULED = {1, 2, 5, 8}  # Go, TBD, On Hold, TBC: not flown yet, the time is a plan

# LL2 net_precision names -> record precision. Week, half-year, fiscal year, decade and "morning/afternoon"
# (local) have no record equivalent that contains the whole interval, so such launches are skipped.
_PRECISION = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "month": "month",
    "year": "year",
}


class LaunchDataError(ValueError):
    """The launch object lacks what every LL2 launch has (id, name, net) or has it in another form."""


@dataclass(frozen=True)
class Mapped:
    ll2_id: str
    record: dict[str, Any]
    last_updated: str | None


@dataclass(frozen=True)
class Skipped:
    ll2_id: str
    name: str
    reason: str


def map_launch(launch: dict[str, Any], retrieved: datetime) -> Mapped | Skipped:
    ll2_id = _text(launch.get("id"))
    title = _text(launch.get("name"))
    if not ll2_id or not title:
        raise LaunchDataError(f"LL2 launch {ll2_id or '?'} has no id or name")
    if not SAFE_ID.fullmatch(ll2_id):  # it becomes part of a file name: never a path
        raise LaunchDataError(f"LL2 launch {ll2_id[:80]!r} ({title[:60]}) has an id that is not a UUID "
                              "(letters, digits and hyphens)")
    mission = _obj(launch.get("mission"))
    name = _text(mission.get("name")) or title.split(" | ", 1)[-1]
    status = _obj(launch.get("status"))
    outcome = _outcome(status)
    if outcome is None:
        why = f"status {_text(status.get('name')) or status.get('id')!r} has no outcome yet"
        return Skipped(ll2_id, name, why)
    precision = _precision(launch)
    if precision is None:
        label = _text(_obj(launch.get("net_precision")).get("name"))
        return Skipped(ll2_id, name, f"LL2 precision {label!r} has no record equivalent")
    when = _truncate(_time(launch.get("net"), ll2_id, "net"), precision)

    pad = _obj(launch.get("pad"))
    location = _obj(pad.get("location"))
    zone = _text(location.get("timezone_name"))
    config = _obj(_obj(launch.get("rocket")).get("configuration"))
    launch_table: dict[str, Any] = {
        "time": _iso(when),
        "precision": precision,
        # A NET moves: the reference check may call a claim against it unverified, never contradicted.
        "uncertain": outcome == "scheduled",
        # The format requires a site's zone; 2.0.0 has none, so there the site is left out.
        "site": _text(location.get("name")) if zone else None,
        "pad": _text(pad.get("name")),
        "zone": zone,
        "vehicle": _text(config.get("full_name")) or _text(config.get("name")),
        "outcome": outcome,
        "note": _note(launch, outcome, status),
        "source": SOURCE_KEY,
    }
    stages = _stages(launch)
    crew = [c for stage in stages for c in _crew(stage)]
    record: dict[str, Any] = {
        "id": slug(name) or f"ll2-{ll2_id[:8]}",
        "name": name,
        "cospar": _designator(launch, mission),
        "kind": _kind(crew, _text(mission.get("type"))),
        "destination": next((d for d in (_text(_obj(s).get("destination")) for s in stages) if d), None),
        "launch": launch_table,
        "events": [e for stage in stages for e in _events(stage, ll2_id)],
        "crew": crew,
        "sources": {SOURCE_KEY: source_entry(launch, ll2_id, title, retrieved)},
    }
    return Mapped(ll2_id, record, _text(launch.get("last_updated")))


def source_entry(launch: dict[str, Any], ll2_id: str, title: str, retrieved: datetime) -> dict[str, Any]:
    url = _text(launch.get("url"))
    return {
        "title": f"{ATTRIBUTION}: {title}",
        "url": url if url and url.startswith(("http://", "https://")) else None,
        "dataset": None if url else f"Launch Library 2 launch {ll2_id}",
        "retrieved": retrieved.date().isoformat(),
        "licence": LICENCE,
        "method": "synced",
        # The schema's `retrieved` is a date; the note keeps the exact time and LL2's own change stamp.
        "note": f"LL2 launch {ll2_id}; retrieved {_iso(retrieved)}"
        + (f"; LL2 last_updated {launch['last_updated']}" if _text(launch.get("last_updated")) else ""),
    }


def ll2_id_of(url: str | None) -> str | None:
    """The launch UUID in an LL2 launch URL (any host, any version), or None."""
    match = LL2_ID.search(url or "")
    return match.group(1) if match else None


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:60].strip("-")


def _kind(crew: list[dict[str, Any]], mission_type: str | None) -> str:
    # List responses carry no crew, so LL2's mission type speaks for crewed flights there.
    if crew or mission_type in ("Human Exploration", "Tourism"):
        return "crewed"
    return "cargo" if mission_type == "Resupply" else "other"


def _outcome(status: dict[str, Any]) -> str | None:
    sid = status.get("id")
    if sid == _SUCCESS:
        return "success"
    if sid == _FAILURE:
        return "failure"
    if sid == _PARTIAL:
        return "partial"
    if sid in _SCHEDULED:
        return "scheduled"
    return None  # In Flight (6) and anything new: flown, outcome not known yet


def _precision(launch: dict[str, Any]) -> str | None:
    given = _obj(launch.get("net_precision"))
    if given:
        label = (_text(given.get("name")) or "").lower()
        abbrev = (_text(given.get("abbrev")) or "").lower()
        if "fiscal" in label or "half" in label or re.fullmatch(r"h[12]", abbrev):
            return None  # a fiscal year or half-year is no calendar interval the format has
        if "quarter" in label or re.fullmatch(r"q[1-4]", abbrev):
            return "quarter"
        return _PRECISION.get(label.split(" ")[0] if label else "")
    # 2.0.0 and older records: no net_precision, only the placeholder flags.
    if launch.get("tbddate") is True:
        return "month"
    if launch.get("tbdtime") is True:
        return "day"
    net = _time(launch.get("net"), _text(launch.get("id")) or "?", "net")
    return "second" if net.second else "minute"


def _truncate(when: datetime, precision: str) -> datetime:
    """The first instant of the interval `precision` names, as the record format requires."""
    if precision == "second":
        return when.replace(microsecond=0)
    if precision == "minute":
        return when.replace(second=0, microsecond=0)
    if precision == "hour":
        return when.replace(minute=0, second=0, microsecond=0)
    day = when.replace(hour=0, minute=0, second=0, microsecond=0)
    if precision == "day":
        return day
    if precision == "month":
        return day.replace(day=1)
    if precision == "quarter":
        return day.replace(day=1, month=(when.month - 1) // 3 * 3 + 1)
    return day.replace(day=1, month=1)


def _note(launch: dict[str, Any], outcome: str, status: dict[str, Any]) -> str:
    if outcome == "scheduled":
        window = [_text(launch.get(k)) for k in ("window_start", "window_end")]
        span = f"; window {window[0]} to {window[1]}" if all(window) else ""
        return f"scheduled: LL2 status {_text(status.get('name')) or status.get('id')!r}, NET{span}"
    return _text(launch.get("failreason")) or "" if outcome in ("failure", "partial") else ""


def _designator(launch: dict[str, Any], mission: dict[str, Any]) -> str | None:
    tag = _text(launch.get("launch_designator")) or _text(mission.get("launch_designator"))
    return tag if tag and re.fullmatch(r"\d{4}-\d{3}", tag) else None


def _stages(launch: dict[str, Any]) -> list[dict[str, Any]]:
    """rocket.spacecraft_stage: an object (2.2.0) or a list of them (2.3.0); absent in list responses."""
    stage = _obj(launch.get("rocket")).get("spacecraft_stage")
    items = stage if isinstance(stage, list) else [stage]
    return [s for s in items if isinstance(s, dict)]


def _crew(stage: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for member in stage.get("launch_crew") or ():
        person = _obj(_obj(member).get("astronaut"))
        name = _text(person.get("name"))
        if not name:
            continue
        role = _obj(member).get("role")
        role = _text(role.get("role")) if isinstance(role, dict) else _text(role)
        out.append(
            {
                "name": name,
                "agency": _text(_obj(person.get("agency")).get("name")),
                "role": role.lower() if role else None,
                "source": SOURCE_KEY,
            }
        )
    return out


def _events(stage: dict[str, Any], ll2_id: str) -> list[dict[str, Any]]:
    out = []
    for event in stage.get("docking_events") or ():
        event = _obj(event)
        target = _text(_obj(event.get("docking_location")).get("name"))
        for kind, key in (("docking", "docking"), ("undocking", "departure")):
            if _text(event.get(key)):
                when = _time(event[key], ll2_id, f"docking_events.{key}")
                precision = "second" if when.second else "minute"  # LL2 states no precision for these
                out.append(
                    {
                        "kind": kind,
                        "time": _iso(_truncate(when, precision)),
                        "precision": precision,
                        "target": target,
                        "source": SOURCE_KEY,
                    }
                )
    return out


def _time(value: Any, ll2_id: str, what: str) -> datetime:
    text = _text(value)
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        raise LaunchDataError(f"LL2 launch {ll2_id}: {what} is not a UTC time: {value!r}")
    return when.astimezone(UTC)


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
