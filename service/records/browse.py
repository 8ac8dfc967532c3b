"""Browse the records: filters (year, vehicle family, station, crewed), a page, and per-field coverage.

One place for what `orbitcheck missions` and `GET /v1/missions` filter by and count, so the two cannot drift.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .store import Mission, name_key

# A record's end of mission: its landing or reentry (psatcat TDate), whichever it has.
END_KINDS = ("landing", "reentry")
DOCK_KINDS = ("docking", "berthing", "grapple")


@dataclass(frozen=True)
class Filters:
    q: str = ""
    year: int | None = None
    vehicle: str | None = None  # the family word ("Progress", "Soyuz", "Dragon") or a launch vehicle's words
    station: str | None = None  # the destination ("ISS")
    crewed: bool | None = None


def matches(m: Mission, f: Filters) -> bool:
    if f.year is not None and (m.launch is None or m.launch.time.year != f.year):
        return False
    if f.vehicle is not None:
        want = name_key(f.vehicle)
        keys = [name_key(m.family), name_key(m.launch.vehicle or "") if m.launch else ""]
        if not any(k == want or k.startswith(want + " ") for k in keys):
            return False
    if f.station is not None and name_key(m.destination or "") != name_key(f.station):
        return False
    return f.crewed is None or (m.kind == "crewed") == f.crewed


def select(missions: Iterable[Mission], f: Filters) -> list[Mission]:
    return [m for m in missions if matches(m, f)]


def page(found: Sequence[Mission], limit: int, offset: int) -> list[Mission]:
    return list(found[offset:offset + limit])


def end_of(m: Mission):
    return next((e for e in m.events if e.kind in END_KINDS), None)


def coverage(missions: Sequence[Mission], ended_before: date = date(2025, 4, 1)) -> list[tuple[str, int, int]]:
    """(what, records that have it, records it applies to) for the fields a newsroom checks against."""
    n = len(missions)
    crewed = [m for m in missions if m.kind == "crewed"]
    cargo = [m for m in missions if m.kind == "cargo"]
    ended = [m for m in missions if (e := end_of(m)) is not None and e.time.date() < ended_before]
    rows = [
        ("records", n, n),
        ("launch time", sum(1 for m in missions if m.launch), n),
        ("launch time to the second", sum(1 for m in missions if m.launch and m.launch.precision == "second"), n),
        ("launch site", sum(1 for m in missions if m.launch and m.launch.site), n),
        ("launch outcome", sum(1 for m in missions if m.launch and m.launch.outcome), n),
        ("end of mission (landing or reentry)", sum(1 for m in missions if end_of(m)), n),
        (f"  of which ended before {ended_before.isoformat()}", len(ended), len(ended)),
        ("docking, berthing or grapple", sum(1 for m in missions if any(e.kind in DOCK_KINDS for e in m.events)), n),
        ("up cargo (total or pressurized), cargo flights", sum(
            1 for m in cargo if m.mass("cargo_up") or m.mass("cargo_pressurized")), len(cargo)),
        ("up cargo, any record", sum(1 for m in missions if m.mass("cargo_up") or m.mass("cargo_pressurized")
                                     or m.mass("cargo_up_part")), n),
        ("crew, crewed flights", sum(1 for m in crewed if m.crew), len(crewed)),
        ("crew, crewed flights launched to 2019", sum(1 for m in crewed if m.crew and m.launch
                                                     and m.launch.time.year <= 2019),
         sum(1 for m in crewed if m.launch and m.launch.time.year <= 2019)),
        ("expeditions", sum(1 for m in missions if m.expeditions), sum(1 for m in crewed if m.destination == "ISS")),
        ("aliases", sum(1 for m in missions if m.aliases), n),
    ]
    return rows
