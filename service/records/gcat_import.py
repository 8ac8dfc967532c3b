"""Write or update mission records from GCAT files, never touching a curated figure.

A figure belongs to the importer when its source's `method` is "imported"; anything else (curated by hand,
synced) is left as it is and reported as kept. Every record is validated, alone and against the others,
before any file is written: an import either lands whole or not at all.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marshmallow import ValidationError

from .gcat import GcatTime, clean_id, parse_number, parse_time, pressurized_only, read_rows
from .snapshot import locked, write_snapshot
from .store import RecordError, _clashes, flatten_errors, load_store, mission_from_dict
from .tomlwrite import dump_record

LICENCE = "CC-BY: data from GCAT (J. McDowell, planet4589.org/space/gcat)"
GCAT_URL = "https://planet4589.org/space/gcat/"
OUTCOMES = {"OS": "success", "OF": "failure"}
EVENTS = {"DK": "docking", "GRP": "grapple"}
# GCAT site code -> (name, aliases, IANA zone) for the sites ISS flights leave from; other sites are written
# without a site (a site needs its zone, and a guessed zone is worse than none).
SITES = {
    "GIK-5": ("Baikonur Cosmodrome", ["Baikonur", "Baykonur", "GIK-5"], "Asia/Almaty"),
    "MARS": ("Mid-Atlantic Regional Spaceport, Wallops Island, Virginia", ["Wallops", "Wallops Island"],
             "America/New_York"),
    "CC": ("Cape Canaveral", ["Canaveral", "Cape Canaveral Air Force Station"], "America/New_York"),
    "KSC": ("Kennedy Space Center", ["Kennedy"], "America/New_York"),
    "TNSC": ("Tanegashima Space Center", ["Tanegashima"], "Asia/Tokyo"),
}


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    kept: dict[str, list[str]] = field(default_factory=dict)  # curated figures left alone
    skipped_rows: dict[str, int] = field(default_factory=dict)  # rows with a field count GCAT does not use
    conflicts: list[str] = field(default_factory=list)


@dataclass
class _Found:
    tag: str
    ident: dict[str, Any] = field(default_factory=dict)
    launch: dict[str, Any] | None = None
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    masses: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)


def import_gcat(data_dir: Path, *, launch: Path | None = None, satcat: Path | None = None,
                auxcat: Path | None = None, add_iss_year: int | None = None, dry_run: bool = False,
                today: date | None = None) -> ImportReport:
    with locked(data_dir):  # the one writer's lock: an import never interleaves with a sync or another import
        return _import_locked(data_dir, launch=launch, satcat=satcat, auxcat=auxcat, add_iss_year=add_iss_year,
                              dry_run=dry_run, today=today)


def _import_locked(data_dir: Path, *, launch: Path | None, satcat: Path | None, auxcat: Path | None,
                   add_iss_year: int | None, dry_run: bool, today: date | None) -> ImportReport:
    load_store(data_dir)  # refuse to build on invalid records
    folder = data_dir / "missions"
    raws = {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.toml"))}
    by_tag = {_tag(r["cospar"]): i for i, r in raws.items() if r.get("cospar")}
    year = f"{add_iss_year}-" if add_iss_year else None
    found: dict[str, _Found] = {}
    report = ImportReport()
    today = today or date.today()
    names: dict[str, str] = {}

    def want(tag: str | None, iss: bool) -> _Found | None:
        if not tag:
            return None
        if tag in found or tag in by_tag or (year and iss and tag.startswith(year)):
            return found.setdefault(tag, _Found(tag))
        return None

    if launch:
        info, rows = read_rows(launch, "launch")
        for row in rows:
            hit = want(row["Launch_Tag"], "ISS" in (row["Category"] or ""))
            if hit:
                _from_launch(hit, row, _source("launch", info.updated or today, f"Launch_Tag {hit.tag}"))
        report.skipped_rows["launch"] = info.skipped
    if auxcat:
        info, rows = read_rows(auxcat, "auxcat")
        for row in rows:
            names[clean_id(row["JCAT"]) or ""] = row["Name"] or ""
            if (row["Name"] or "").endswith(" Up Cargo"):
                hit = want(row["Launch_Tag"], True)
                if hit and not (row["Piece"] or hit.tag).startswith(hit.tag):
                    # GCAT has such rows (HTV-X1's cargo under HTV-7's tag): trust neither side, say so
                    report.conflicts.append(f"auxcat {row['JCAT']}: Launch_Tag {hit.tag} but Piece {row['Piece']}")
                elif hit and ({"cargo_up", "cargo_pressurized"} & set(hit.masses)):
                    report.conflicts.append(f"auxcat {row['JCAT']}: a second Up Cargo row for {hit.tag}")
                elif hit:
                    _from_cargo(hit, row, _source("auxcat", info.updated or today, f"JCAT {row['JCAT']}"))
        report.skipped_rows["auxcat"] = info.skipped
    if satcat:
        info, rows = read_rows(satcat, "satcat")
        for row in rows:
            names[clean_id(row["JCAT"]) or ""] = row["Name"] or ""
            if ((row["Launch_Tag"] in found or row["Launch_Tag"] in by_tag)
                    and (row["Piece"] or "").endswith("A") and row["Piece"] == f"{row['Launch_Tag']}A"):
                hit = found.setdefault(row["Launch_Tag"], _Found(row["Launch_Tag"]))
                _from_satcat(hit, row, _source("satcat", info.updated or today, f"JCAT {row['JCAT']}"))
        report.skipped_rows["satcat"] = info.skipped
    for hit in found.values():
        for event in hit.events.values():
            event["target"] = names.get(event["target"]) or event["target"]

    changed: dict[str, dict[str, Any]] = {}
    for tag, hit in found.items():
        mission_id = by_tag.get(tag)
        if mission_id is None:
            if not hit.ident:
                continue
            mission_id = _slug(hit.ident["name"])
            if mission_id in raws:
                report.conflicts.append(f"{tag}: would create {mission_id!r}, which exists for another launch")
                continue
            cargo = {"cargo_up", "cargo_pressurized"} & set(hit.masses)
            raws[mission_id] = {"id": mission_id, **hit.ident, "kind": "cargo" if cargo else "other",
                                "destination": "ISS", "sources": {}}
            report.created.append(mission_id)
        before = dump_record(raws[mission_id])
        updated, kept = _merge(raws[mission_id], hit)
        if dump_record(raws[mission_id]) != before:
            changed[mission_id] = raws[mission_id]
            if mission_id not in report.created:
                report.updated[mission_id] = updated
        if kept:
            report.kept[mission_id] = kept
    _validate(raws, changed)
    if not dry_run and changed:
        write_snapshot(data_dir, {f"{i}.toml": dump_record(raw) for i, raw in changed.items()},
                       validate=_validate_staged)
    return report


def _validate_staged(staged: Path) -> None:
    load_store(staged, use_compiled=False)


def _tag(cospar: str) -> str:
    return re.sub(r"(?<=\d)[A-Z]+$", "", cospar)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _source(kind: str, retrieved: date, row: str) -> tuple[str, dict[str, Any]]:
    return f"gcat-{kind}-tsv", {"title": f"GCAT {kind}.tsv (J. McDowell), {row}", "url": GCAT_URL,
                                "dataset": f"GCAT {kind}.tsv, {row}", "retrieved": retrieved.isoformat(),
                                "licence": LICENCE, "method": "imported"}


def _time(when: GcatTime) -> dict[str, Any]:
    out = {"time": when.time.strftime("%Y-%m-%dT%H:%M:%SZ"), "precision": when.precision}
    return out | ({"uncertain": True} if when.uncertain else {})


def _from_launch(hit: _Found, row: dict, source: tuple[str, dict]) -> None:
    when = parse_time(row["Launch_Date"])
    name = row["Flight"] or row["Mission"]
    if name:
        aliases = [a for a in (row["Mission"], row["FlightCode"]) if a and a != name]
        hit.ident = {"name": name, "aliases": aliases, "cospar": hit.tag}
    if not when:
        return
    site = SITES.get(row["Launch_Site"] or "")
    launch = _time(when) | {"vehicle": " ".join(v for v in (row["LV_Type"], row["Variant"]) if v) or None,
                            "outcome": OUTCOMES.get(row["LaunchCode"] or ""), "source": source[0]}
    if site:
        launch |= {"site": site[0], "site_aliases": site[1], "zone": site[2], "pad": row["Launch_Pad"]}
    if row["FailCode"] or row["Notes"]:
        launch["note"] = "; ".join(x for x in (f"GCAT FailCode {row['FailCode']}" if row["FailCode"] else "",
                                              row["Notes"] or "") if x)
    hit.launch = {k: v for k, v in launch.items() if v is not None}
    hit.sources[source[0]] = source[1]


def _from_cargo(hit: _Found, row: dict, source: tuple[str, dict]) -> None:
    mass, flag = parse_number(row["Mass"])
    dry, dry_flag = parse_number(row["DryMass"])
    if not mass:
        return
    kind = "cargo_pressurized" if pressurized_only(row["Name"]) else "cargo_up"  # Dragon's, HTV's: gcat.py
    hit.masses[kind] = {"kind": kind, "value": mass, "unit": "kg", "source": source[0]} | (
        {"uncertain": True} if flag == "?" else {})
    if dry and dry < mass and kind == "cargo_up":  # GCAT repeats Mass in DryMass when it has no dry figure
        hit.masses["cargo_dry"] = {"kind": "cargo_dry", "value": dry, "unit": "kg", "source": source[0]} | (
            {"uncertain": True} if dry_flag == "?" else {})
    hit.sources[source[0]] = source[1]
    if not hit.ident:
        name = (row["Name"] or "").removesuffix(" Up Cargo")
        alias = (row["PLName"] or "").removesuffix(" Up Cargo")
        hit.ident = {"name": name, "aliases": [alias] if alias and alias != name else [], "cospar": hit.tag}
    when = parse_time(row["LDate"])
    if hit.launch is None and when:
        hit.launch = _time(when) | {"source": source[0]}


def _from_satcat(hit: _Found, row: dict, source: tuple[str, dict]) -> None:
    kind, when = EVENTS.get(row["Status"] or ""), parse_time(row["DDate"])
    if kind and when:
        hit.events[kind] = {"kind": kind} | _time(when) | {"target": clean_id(row["Dest"]), "source": source[0]}
    total, flag = parse_number(row["TotMass"])
    if total:
        hit.masses["spacecraft_launch"] = {"kind": "spacecraft_launch", "value": total, "unit": "kg",
                                           "source": source[0]} | ({"uncertain": True} if flag == "?" else {})
    hit.sources[source[0]] = source[1]


def _merge(raw: dict[str, Any], hit: _Found) -> tuple[list[str], list[str]]:
    """Apply what GCAT says to one record; returns (fields written, curated fields kept)."""
    sources = raw.setdefault("sources", {})
    ours = lambda figure: sources.get(figure.get("source"), {}).get("method") == "imported"  # noqa: E731
    updated, kept = [], []
    if hit.launch:
        if raw.get("launch") and not ours(raw["launch"]):
            kept.append("launch")
        else:
            raw["launch"] = hit.launch
            updated.append("launch")
    for name, new in (("events", hit.events), ("masses", hit.masses)):
        items = raw.setdefault(name, [])
        for kind, figure in new.items():
            at = next((i for i, old in enumerate(items) if old["kind"] == kind), None)
            if at is not None and not ours(items[at]):
                kept.append(f"{name}.{kind}")
            elif at is None:
                items.append(figure)
                updated.append(f"{name}.{kind}")
            else:
                items[at] = figure
                updated.append(f"{name}.{kind}")
    used = {f.get("source") for f in [raw.get("launch") or {}, *raw["events"], *raw["masses"], *raw.get("crew", [])]}
    for key, value in hit.sources.items():
        if key in used:
            sources[key] = value
    for key in [k for k, v in sources.items() if v.get("method") == "imported" and k not in used]:
        del sources[key]
    return updated, kept


def _validate(raws: dict[str, dict], changed: dict[str, dict]) -> None:
    from orbitcheck.schemas.records import MissionSchema

    schema, problems, missions = MissionSchema(), [], []
    for mission_id, raw in raws.items():
        try:
            missions.append(mission_from_dict(schema.load(raw)))
        except ValidationError as exc:
            if mission_id in changed:
                problems += [f"{mission_id}.toml: {w}: {r}" for w, r in flatten_errors(exc.messages)]
    problems += _clashes(missions)
    if problems:
        raise RecordError(problems)
