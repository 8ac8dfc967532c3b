"""`orbitcheck import gcat --from DIR`: one record per station or crewed flight, from GCAT's files and the crews.

Streaming and linear: the launch file is read once and only the selected rows are kept (a few hundred); every
other file (psatcat, auxcat, satcat, the astronaut table) is read once, line by line, keeping only rows of the
selected launches. The records are built in memory (a few hundred small dicts), compared with the files on disk,
and only changed files are written, through the one snapshot writer under the data dir's lock
(records/snapshot.py), so an import and a sync never interleave and a failed import changes nothing.

Ownership: a figure whose source has `method = "imported"` belongs to the importer and is replaced; a curated
or synced figure is kept (and reported); a top-level field or table named in the record's `hand_edited` list
is never touched. Every figure names its source: file, row key, the file's own update date, licence.
"""
from __future__ import annotations

import csv
import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import compiled
from .gcat import GcatTime, clean_id, parse_number, parse_time, pressurized_only, read_rows
from .gcat_import import GCAT_URL, LICENCE, _validate
from .snapshot import locked, write_snapshot
from .store import load_store, name_key
from .tomlwrite import dump_record

# Launch site code -> (English name, extra aliases, IANA zone). A site needs its zone; a code not here is
# written without a site (its code stays in launch.note) rather than with a guessed zone.
SITES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "GIK-5": ("Baikonur Cosmodrome", ("Baikonur", "Baykonur", "GIK-5"), "Asia/Almaty"),
    "MARS": ("Mid-Atlantic Regional Spaceport, Wallops Island, Virginia", ("Wallops", "Wallops Island"),
             "America/New_York"),
    "CC": ("Cape Canaveral", ("Canaveral", "Cape Canaveral Space Force Station"), "America/New_York"),
    "SPFLA": ("Cape Canaveral", ("Canaveral",), "America/New_York"),
    "KSC": ("Kennedy Space Center", ("Kennedy",), "America/New_York"),
    "TNSC": ("Tanegashima Space Center", ("Tanegashima",), "Asia/Tokyo"),
    "JQ": ("Jiuquan Satellite Launch Center", ("Jiuquan",), "Asia/Shanghai"),
    "WEN": ("Wenchang Space Launch Site", ("Wenchang",), "Asia/Shanghai"),
    "CSG": ("Guiana Space Centre, Kourou", ("Kourou",), "America/Cayenne"),
    "SHAR": ("Satish Dhawan Space Centre, Sriharikota", ("Sriharikota",), "Asia/Kolkata"),
    "SDSC": ("Satish Dhawan Space Centre, Sriharikota", ("Sriharikota",), "Asia/Kolkata"),
    "WS": ("White Sands Missile Range", ("White Sands",), "America/Denver"),
}
OUTCOMES = {"OS": "success", "OF": "failure"}
DOCKS = {"DK": "docking", "GRP": "grapple"}
# psatcat Program of a vehicle that comes back whole (its TDate is a landing or splashdown); every other
# program's TDate is a reentry (cargo ships, modules). psatcat's README: "landing or splashdown for crewed
# ships, reentry for cargo ships"; Dragon cargo capsules splash down too.
LANDS = re.compile(r"^(?:OV-\d+|STS|7K-.*|Soyuz.*|Shenzhou|Dragon(?: 2)?(?: Cargo)?|Starliner|Artemis|XZF)$")
# A bare vehicle word names no single flight: never an alias (nor a name) on its own.
BARE = {name_key(w) for w in ("Dragon", "Crew Dragon", "Cargo Dragon", "Progress", "Soyuz", "Cygnus", "Shenzhou",
                               "Tianzhou", "HTV", "ATV", "Starliner", "Kounotori", "Shuttle", "Space Shuttle",
                               "Orion", "ISS", "Axiom", "Crew", "SpaceX", "NASA", "Mengzhou", "Gaganyaan")}
# Nouns that, with bare vehicle words only, still name no single flight ("Dragon Spacecraft", "Soyuz capsule").
GENERIC = {"spacecraft", "capsule", "ship", "cargo", "vehicle", "module", "mission", "flight", "freighter",
           "spaceship", "craft", "the", "a"}
_BARE_WORDS = {word for bare in BARE for word in bare.split()}


def generic(label: str) -> bool:
    """True for a label made only of bare vehicle words and generic nouns: it names no single flight."""
    words = name_key(label).split()
    return bool(words) and all(w in _BARE_WORDS or w in GENERIC for w in words)


CARGO_NAME = re.compile(r"^(?:Progress|Cygnus|HTV|ATV|Tianzhou|Dragon CRS|Dragon C\d|Dragon Qual)", re.I)
# psatcat Program of a station or module: ships dock to these, so their bare names are docking targets.
MODULES = re.compile(r"^(?:TsM|DOS|ISS-SO|ISS Node|Progress M-SO|Tiangong)$")
UP_CARGO = re.compile(r"^(?P<flight>.+?) ?Up Cargo(?: ?\((?P<part>[^)]+)\))?$")
PARTS = {"STS": "Shuttle middeck", "MPLM": "MPLM", "SH": "Spacehab", "SHAB": "Spacehab"}


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    kept: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unchanged: int = 0


@dataclass
class _Flight:
    """What the files say about one launch, before it is merged into its record."""

    tag: str
    row: dict[str, Any]
    name: str = ""
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> source key
    cospar: str | None = None
    kind: str = "other"
    destination: str | None = None
    launch: dict[str, Any] | None = None
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    masses: dict[tuple[str, str | None], dict[str, Any]] = field(default_factory=dict)
    crew: list[dict[str, Any]] = field(default_factory=list)
    expeditions: list[str] = field(default_factory=list)
    expeditions_source: str | None = None
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)


def find_files(folder: Path) -> dict[str, Path]:
    """The GCAT files in a download folder or our excerpts folder, by kind."""
    if not folder.is_dir():
        raise InputError(f"--from {folder}: no such directory")

    def first(*patterns: str) -> Path | None:
        for pattern in patterns:
            hits = sorted(folder.glob(pattern))
            if hits:
                return hits[0]
        return None

    found = {"launch": first("launch.tsv", "launch-excerpt-*stations*.tsv", "launch-excerpt*.tsv"),
             "psatcat": first("psatcat.tsv", "psatcat*.tsv"), "auxcat": first("auxcat.tsv", "auxcat*.tsv"),
             "sites": first("sites.tsv"), "astronauts": first("astronauts.csv"), "crews": first("crews*.json"),
             "aliases": first("aliases.toml")}
    files = {k: v for k, v in found.items() if v is not None}
    satcats = sorted(folder.glob("satcat*.tsv"))
    if "launch" not in files:
        raise InputError(f"--from {folder}: no launch.tsv (or launch-excerpt-*.tsv) in it")
    return files | {f"satcat{i}": p for i, p in enumerate(satcats)}


def import_catalogue(data_dir: Path, folder: Path, *, retrieved: date, every_row: bool = False,
                     dry_run: bool = False, aliases: Path | None = None) -> Report:
    """Read the files in `folder`, merge them into data_dir/missions, write what changed (or only report)."""
    files = find_files(folder)
    if aliases is not None:
        files["aliases"] = aliases
    if not data_dir.is_dir():
        raise InputError(f"--data-dir {data_dir}: no such directory")
    with locked(data_dir):
        raws = _read_records(data_dir)
        report = Report()
        flights = _build(files, retrieved, every_row, report)
        read = {f"gcat-{k}-tsv" for k in ("launch", "psatcat", "auxcat") if k in files}
        read |= {"gcat-satcat-tsv"} if any(k.startswith("satcat") for k in files) else set()
        writes = _merge_all(raws, flights, report, read)
        if (writes or _compiled_stale(data_dir)) and not dry_run:
            write_snapshot(data_dir, writes, validate=_validate_staged)
    return report


def _compiled_stale(data_dir: Path) -> bool:
    folder = data_dir / "missions"
    return folder.is_dir() and compiled.load_fresh(folder, compiled.digest(compiled.toml_files(folder))) is None


def _read_records(data_dir: Path) -> dict[str, dict[str, Any]]:
    folder = data_dir / "missions"
    if not folder.is_dir():
        return {}
    load_store(data_dir)  # refuse to build on invalid records
    return {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.toml"))}


def _validate_staged(staged: Path) -> None:
    """Validate the staged records with the service's own loader, then compile them beside the TOML files."""
    store = load_store(staged, use_compiled=False)
    (staged / "missions" / compiled.FILE).write_text(compiled.compile_text(store.missions(), store.version),
                                                     encoding="utf-8")


# --- reading -------------------------------------------------------------------------------------------------

def _gcat_source(kind: str, updated: date, row: str) -> tuple[str, dict[str, Any]]:
    return f"gcat-{kind}-tsv", {
        "title": f"GCAT {kind}.tsv (J. McDowell), {row}", "url": GCAT_URL, "dataset": f"GCAT {kind}.tsv, {row}",
        "retrieved": updated.isoformat(), "licence": LICENCE, "method": "imported",
        "note": f"the file's own update date: {updated.isoformat()}"}


def _time(when: GcatTime) -> dict[str, Any]:
    out: dict[str, Any] = {"time": when.time.strftime("%Y-%m-%dT%H:%M:%SZ"), "precision": when.precision}
    return out | ({"uncertain": True} if when.uncertain else {})


def _selected(row: dict[str, Any]) -> bool:
    """Station and crewed flights and crew-vehicle tests, from the full launch.tsv."""
    text = " ".join(str(row.get(k) or "") for k in ("Category", "Flight", "Mission", "LV_Type"))
    return bool(re.search(r"ISS|LSS| SR\b|Space Shuttle|Soyuz T|Shenzhou|Dragon|Starliner|Orion|Axiom|"
                          r"Inspiration4|Polaris|Fram-2|Gaganyaan|Mengzhou|Cygnus|Tianzhou|HTV|ATV", text))


def _build(files: dict[str, Path], retrieved: date, every_row: bool, report: Report) -> dict[str, _Flight]:
    flights: dict[str, _Flight] = {}
    info, rows = read_rows(files["launch"], "launch")
    kept_rows = []
    for row in rows:
        if row["Category"] == "Not real" or not row["Launch_Tag"]:
            continue  # GCAT placeholders ("Objects launched to ISS")
        if every_row or _selected(row):
            kept_rows.append(row)
    launch_date = info.updated or retrieved
    sites = _sites(files.get("sites"))
    for row in kept_rows:
        flights[str(row["Launch_Tag"])] = _from_launch(row, launch_date, sites)
    if "psatcat" in files:
        _read_psatcat(files["psatcat"], flights, retrieved, report)
    names: dict[str, str] = {}
    for key in sorted(k for k in files if k.startswith("satcat")):
        _read_satcat(files[key], flights, names, retrieved)
    if "auxcat" in files:
        _read_auxcat(files["auxcat"], flights, names, retrieved, report)
    for flight in flights.values():
        for event in flight.events.values():
            if event.get("target"):
                event["target"] = names.get(event["target"], event["target"])
    if "astronauts" in files:
        _read_astronauts(files["astronauts"], flights, retrieved, report)
    if "crews" in files:
        _read_crews(files["crews"], flights, retrieved, report)
    if "aliases" in files:
        _apply_alias_table(files["aliases"], flights)
    for flight in flights.values():
        flight.kind = ("crewed" if flight.crew else
                       "cargo" if ({("cargo_up", None), ("cargo_pressurized", None)} & set(flight.masses)
                                   or CARGO_NAME.match(flight.name)) else "other")
    _drop_ambiguous_aliases(flights, report)
    return flights


def _sites(path: Path | None) -> dict[str, str]:
    """sites.tsv code -> its short name ("GIK-5" -> "Baykonur"), a site alias."""
    out: dict[str, str] = {}
    if path is None:
        return out
    with open(path, encoding="utf-8", newline="") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            cols = [c.strip() for c in line.rstrip("\r\n").split("\t")]
            if len(cols) > 7 and cols[0] in SITES and cols[6] == "*":
                out.setdefault(cols[0], cols[7])
    return out


def _from_launch(row: dict[str, Any], updated: date, sites: dict[str, str]) -> _Flight:
    tag = row["Launch_Tag"]
    flight = _Flight(tag, row)
    key, source = _gcat_source("launch", updated, f"Launch_Tag {tag}")
    flight.sources[key] = source
    shuttle = row["LV_Type"] == "Space Shuttle"
    mission, name = row["Mission"], row["Flight"]
    if shuttle and row["Flight_ID"]:
        name = row["Flight_ID"]  # "STS-88"; Flight is the payload ("ISS 2A (Unity)")
    elif mission and mission.startswith("Cygnus"):
        name = mission  # "Cygnus NG-10"; Flight is the ship's name ("S.S. John Young")
    if not name or name_key(name) in BARE:
        name = mission if mission and name_key(mission) not in BARE else f"{row['LV_Type']} {tag}"
    flight.name = name
    for alias in (row["Flight"], mission):
        if alias and alias != name:
            flight.aliases[alias] = key
    code = row["FlightCode"]
    if code and code.startswith("ISS "):
        flight.aliases[code] = key
        m = re.fullmatch(r"ISS (\d+)([PS])", code)
        if m:
            if int(m[1]) >= 60:  # "28P" would match the clock time "2:28 p.m.": a bare code only above 59
                flight.aliases[m[1] + m[2]] = key
            if m[2] == "P" and int(m[1]) > 42:  # Progress-1 ... Progress-42 were Soviet flights of those names
                flight.aliases[f"Progress {m[1]}"] = key
    flight.cospar = tag
    category = row["Category"] or ""
    flight.destination = "ISS" if "ISS" in category else None
    when = parse_time(row["Launch_Date"])
    if when is None:
        return flight
    launch: dict[str, Any] = _time(when) | {
        "vehicle": " ".join(v for v in (row["LV_Type"], row["Variant"]) if v) or None,
        "outcome": OUTCOMES.get(row["LaunchCode"] or ""), "source": key}
    site = SITES.get(row["Launch_Site"] or "")
    if site:
        extra = sites.get(row["Launch_Site"])
        launch |= {"site": site[0], "site_aliases": list(dict.fromkeys([*site[1], *([extra] if extra else [])])),
                   "zone": site[2], "pad": row["Launch_Pad"]}
    notes = [f"GCAT Launch_Site {row['Launch_Site']}" if row["Launch_Site"] and not site else "",
             f"GCAT FailCode {row['FailCode']}" if row["FailCode"] else "", row["Notes"] or ""]
    if any(notes):
        launch["note"] = "; ".join(n for n in notes if n)
    flight.launch = {k: v for k, v in launch.items() if v is not None}
    return flight


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    """A GCAT TSV as trimmed dicts: padded (planet4589) or trimmed with CRLF and CSV quotes (re-serialised)."""
    with open(path, encoding="utf-8", newline="") as handle:
        header = [h.strip() for h in handle.readline().rstrip("\r\n").lstrip("#").split("\t")]
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) != len(header):
                continue
            yield {h: _unquote(c.strip()) for h, c in zip(header, cols, strict=True)}


def _unquote(value: str) -> str:
    if len(value) > 1 and value[0] == value[-1] == '"':
        return value[1:-1].replace('""', '"')
    return value


def _updated(path: Path) -> date | None:
    with open(path, encoding="utf-8", newline="") as handle:
        for _, line in zip(range(3), handle, strict=False):
            m = re.match(r"# {0,3}Updated {1,3}(\d{4} {1,3}[A-Z][a-z]{2} {1,3}\d{1,2})", line)
            if m and (when := parse_time(m[1])):
                return when.time.date()
    return None


def _tag_of(piece: str) -> str:
    return re.sub(r"(?<=\d)[A-Z]+$", "", piece)


def _read_psatcat(path: Path, flights: dict[str, _Flight], retrieved: date, report: Report) -> None:
    updated = _updated(path) or retrieved
    header_ok = False
    for row in _tsv(path):
        header_ok = True
        piece = row.get("Piece", "")
        flight = flights.get(_tag_of(piece))
        if flight is None or piece != f"{flight.tag}A":
            continue
        flight.cospar = piece
        if MODULES.match(row.get("Program", "")) and not flight.name.endswith((" module", " station")):
            # "docked to Poisk" names where a ship docks, not the module's launch: the bare module name is left
            # to the docking targets, and the record is "Poisk module" (its launch row's names stay out too).
            plain = flight.name
            flight.name = f"{plain} {'station' if plain.startswith('Tiangong') else 'module'}"
            flight.aliases = {a: k for a, k in flight.aliases.items() if name_key(a) != name_key(plain)}
        tdate = row.get("TDate", "-")
        if tdate in ("*", "-", ""):
            continue  # still in orbit at the file's date
        when = parse_time(tdate)
        if when is None:
            report.notes.append(f"psatcat {row['JCAT']}: TDate {tdate!r} is not a date; no end of mission")
            continue
        if row.get("Result") != "S":
            # A failed mission's TDate is when it failed (Columbia's loss, Progress M-27M's lost control), not
            # a landing or a reentry: leave the end empty.
            report.notes.append(f"psatcat {row['JCAT']}: Result {row.get('Result')!r}: TDate is the failure, "
                                "not a landing or reentry; no end of mission")
            continue
        if when.precision == "day" and flight.launch and when.time.strftime("%Y-%m-%d") == flight.launch["time"][:10]:
            report.notes.append(f"psatcat {row['JCAT']}: mission ended on its launch day; no end of mission")
            continue  # the Dragon qualification unit: its mission ended in orbit, it reentered weeks later
        kind = "landing" if LANDS.match(row.get("Program", "")) else "reentry"
        key, source = _gcat_source("psatcat", updated, f"JCAT {row['JCAT']}")
        flight.events[kind] = {"kind": kind} | _time(when) | {
            "note": f"end of mission (psatcat TDate; Program {row.get('Program')})", "source": key}
        flight.sources[key] = source
    if not header_ok:
        raise InputError(f"{path}: no psatcat rows (not a GCAT psatcat.tsv?)")


def _read_satcat(path: Path, flights: dict[str, _Flight], names: dict[str, str], retrieved: date) -> None:
    info, rows = read_rows(path, "satcat")
    for row in rows:
        tag = row["Launch_Tag"] or ""
        flight = flights.get(tag)
        if flight is None:
            continue
        jcat = clean_id(row["JCAT"]) or ""
        names[jcat] = row["Name"] or jcat
        if row["Piece"] != f"{tag}A":
            continue
        key, source = _gcat_source("satcat", info.updated or retrieved, f"JCAT {jcat}")
        kind, when = DOCKS.get(row["Status"] or ""), parse_time(row["DDate"])
        if kind and when:
            flight.events[kind] = {"kind": kind} | _time(when) | {"target": clean_id(row["Dest"]), "source": key}
            flight.sources[key] = source
        total, flag = parse_number(row["TotMass"])
        if total:
            flight.masses[("spacecraft_launch", None)] = {"kind": "spacecraft_launch", "value": total, "unit": "kg",
                                                          "source": key} | ({"uncertain": True} if flag == "?" else {})
            flight.sources[key] = source


def _read_auxcat(path: Path, flights: dict[str, _Flight], names: dict[str, str], retrieved: date,
                 report: Report) -> None:
    info, rows = read_rows(path, "auxcat")
    for row in rows:
        tag = row["Launch_Tag"] or ""
        jcat = clean_id(row["JCAT"]) or ""
        if tag in flights or jcat.startswith("A"):
            names.setdefault(jcat, row["Name"] or jcat)
        flight = flights.get(tag)
        m = UP_CARGO.match(row["Name"] or "")
        if flight is None or m is None:
            continue
        if not (row["Piece"] or tag).startswith(tag):
            report.notes.append(f"auxcat {jcat}: Launch_Tag {tag} but Piece {row['Piece']}: skipped")
            continue
        mass, flag = parse_number(row["Mass"])
        if not mass:
            continue
        key, source = _gcat_source("auxcat", info.updated or retrieved, f"JCAT {jcat}")
        label = m["flight"].removeprefix("ISS ")
        if m["part"]:
            part = PARTS.get(m["part"], m["part"])
            flight.masses[("cargo_up_part", part)] = {"kind": "cargo_up_part", "value": mass, "unit": "kg",
                                                      "part": part, "source": key}
        else:
            kind = "cargo_pressurized" if pressurized_only(row["Name"]) else "cargo_up"  # Dragon's, HTV's
            if (kind, None) in flight.masses:
                report.notes.append(f"auxcat {jcat}: a second Up Cargo row for {tag}: skipped")
                continue
            flight.masses[(kind, None)] = {"kind": kind, "value": mass, "unit": "kg", "source": key} | (
                {"uncertain": True} if flag == "?" else {})
            dry, dry_flag = parse_number(row["DryMass"])
            if dry and dry < mass and kind == "cargo_up":  # GCAT repeats Mass in DryMass when it has no dry figure
                flight.masses[("cargo_dry", None)] = {"kind": "cargo_dry", "value": dry, "unit": "kg", "source": key}
        flight.sources[key] = source
        for alias in dict.fromkeys((m["flight"], label)):
            if name_key(alias) not in BARE and alias != flight.name:
                flight.aliases.setdefault(alias, key)


def _read_astronauts(path: Path, flights: dict[str, _Flight], retrieved: date, report: Report) -> None:
    """Crews to 15 January 2020 from the astronaut table: ascent vehicle -> flight (name or alias, exactly)."""
    by_key: dict[str, _Flight] = {}
    for flight in flights.values():
        for label in (flight.name, *flight.aliases):
            by_key.setdefault(name_key(label), flight)
    unmatched: set[str] = set()
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            vehicle = row["ascend_shuttle"].replace("\u00ad", "-")
            found = by_key.get(name_key(vehicle))
            if found is None or not found.launch:
                if row["year_of_mission"] >= "1997":
                    unmatched.add(vehicle)
                continue
            flight, launched = found, found.launch["time"][:4]
            gap = abs(int(launched) - int(row["year_of_mission"] or 0))
            if gap:  # the table's quirk: some rows are wrong; a year or two off is its dating, more is a wrong row
                report.notes.append(f"astronauts.csv row {row['id']}: year {row['year_of_mission']} but "
                                    f"{flight.name} launched {launched}"
                                    + (": row skipped" if gap > 2 else ""))
                if gap > 2:
                    continue
            surname, _, given = row["name"].partition(", ")
            key = "astronauts-csv"
            flight.sources[key] = {
                "title": "Astronaut database (M. Stavnichuk, T. Corlett), astronauts.csv as republished by "
                         "TidyTuesday 2020-07-14", "url": "https://doi.org/10.17632/86tsnnbv2w.1",
                "dataset": f"astronauts.csv, ascend_shuttle {vehicle}", "retrieved": retrieved.isoformat(),
                "licence": "attribution required: Stavnichuk & Corlett, Mendeley Data, doi:10.17632/86tsnnbv2w.1",
                "method": "imported", "note": "every person on every flight to 15 January 2020"}
            expedition = row["mission_title"].strip()
            member = {"name": f"{given} {surname}".strip(), "role": row["occupation"] or None,
                      "expedition": expedition if expedition.isdigit() else None, "source": key}
            if member["name"] not in {c["name"] for c in flight.crew}:
                flight.crew.append({k: v for k, v in member.items() if v})
            if expedition.isdigit() and expedition not in flight.expeditions and flight.destination == "ISS":
                flight.expeditions.append(expedition)
                flight.expeditions_source = key
    if unmatched:
        report.notes.append(f"astronauts.csv: {len(unmatched)} ascent vehicle(s) match no flight: "
                            + ", ".join(sorted(unmatched)[:8]) + ("…" if len(unmatched) > 8 else ""))


def _read_crews(path: Path, flights: dict[str, _Flight], retrieved: date, report: Report) -> None:
    """Crews after 2019 from the cited facts file: matched by launch day and a name that shares its number."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a crews JSON file: {exc}") from None
    by_day: dict[str, list[_Flight]] = {}
    for flight in flights.values():
        if flight.launch:
            by_day.setdefault(flight.launch["time"][:10], []).append(flight)
    for entry in entries:
        title = entry["flight"]
        if "uncrewed" in title:
            report.notes.append(f"crews: {title}: the crew listed returned on it, not launched: not a launch crew")
            continue
        numbers = set(re.findall(r"\d+", title))
        hits = [f for f in by_day.get(entry["launch_date"], ())
                if numbers <= set(re.findall(r"\d+", " ".join((f.name, *f.aliases))))
                and (not numbers or numbers & set(re.findall(r"\d+", f.name + " ".join(f.aliases))))]
        if len(hits) != 1 or hits[0].crew:
            report.notes.append(f"crews: {title} ({entry['launch_date']}): {len(hits)} matching flights: skipped")
            continue
        flight = hits[0]
        key = "crews-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        urls = entry["sources"]
        flight.sources[key] = {
            "title": f"Crew of {title}, as named by cited pages", "url": urls[0],
            "dataset": "orbitcheck crews-2020-2026.json (compiled from stored pages)",
            "retrieved": retrieved.isoformat(), "licence": "news and agency pages, facts cited with attribution",
            "method": "imported", "note": "also: " + " ".join(urls[1:]) if len(urls) > 1 else ""}
        for person in entry["crew"]:
            name = re.sub(r"\s*\(.*\)$", "", person["name"]).strip()
            role = person.get("role")
            member = {"name": name, "agency": person.get("agency"), "role": None if not role or "not given" in role
                      else role, "source": key}
            flight.crew.append({k: v for k, v in member.items() if v and "not given" not in str(v)})
        m = re.fullmatch(r"Expedition (\d+)", entry.get("expedition") or "")
        if m and flight.destination == "ISS":
            flight.expeditions, flight.expeditions_source = [m[1]], key


def _apply_alias_table(path: Path, flights: dict[str, _Flight]) -> None:
    """reference_data/aliases.toml: what news writers call a flight, by pattern over the record name."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not a valid alias table: {exc}") from None
    sources = table.get("sources", {})
    for rule in table.get("rule", []):
        pattern = re.compile(rule["name"])
        for flight in flights.values():
            m = pattern.fullmatch(flight.name)
            if not m:
                continue
            key = rule["source"]
            flight.sources[key] = dict(sources[key]) | {"method": "imported"}
            for template in rule["aliases"]:
                alias = m.expand(template)
                if alias != flight.name:
                    flight.aliases.setdefault(alias, key)


def _drop_ambiguous_aliases(flights: dict[str, _Flight], report: Report) -> None:
    """A label that two flights would share names neither: drop it from both, and say so."""
    owners: dict[str, set[str]] = {}
    for flight in flights.values():
        for label in (flight.name, *flight.aliases):
            owners.setdefault(name_key(label), set()).add(flight.tag)
    families = {name_key(f.name.split()[0]) for f in flights.values()}
    shared: dict[str, int] = {}
    for flight in flights.values():
        for alias in list(flight.aliases):
            key = name_key(alias)
            if len(owners[key]) > 1 or key in BARE or generic(alias) or (
                    key in families and key != name_key(flight.name)):
                del flight.aliases[alias]
                if len(owners[key]) > 1:
                    shared[alias] = len(owners[key])
    report.notes += [f"alias {a!r} names {n} flights: left out" for a, n in sorted(shared.items())]


# --- merging ------------------------------------------------------------------------------------------------

def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _merge_all(raws: dict[str, dict[str, Any]], flights: dict[str, _Flight], report: Report,
               read: set[str]) -> dict[str, str]:
    by_tag = {_tag_of(r["cospar"]): i for i, r in raws.items() if r.get("cospar")}
    changed: dict[str, dict[str, Any]] = {}
    for tag, flight in flights.items():
        mission_id = by_tag.get(tag)
        if mission_id is None:
            mission_id = _slug(flight.name)
            if mission_id in raws or not mission_id:
                mission_id = f"{mission_id}-{_slug(tag)}".strip("-")
            raws[mission_id] = {"id": mission_id, "name": flight.name, "kind": flight.kind, "sources": {}}
            report.created.append(mission_id)
        before = dump_record(raws[mission_id])
        updated, kept = _merge(raws[mission_id], flight, read)
        if dump_record(raws[mission_id]) != before:
            changed[mission_id] = raws[mission_id]
            if mission_id not in report.created:
                report.updated[mission_id] = updated
        else:
            report.unchanged += 1
        if kept:
            report.kept[mission_id] = kept
    _validate(raws, changed)
    return {f"{i}.toml": dump_record(raw) for i, raw in changed.items()}


def _merge(raw: dict[str, Any], flight: _Flight, read: set[str]) -> tuple[list[str], list[str]]:
    sources = raw.setdefault("sources", {})
    hand = set(raw.get("hand_edited") or ())

    def ours(figure: dict[str, Any]) -> bool:
        return sources.get(figure.get("source"), {}).get("method") == "imported"

    updated: list[str] = []
    kept: list[str] = sorted(hand)
    top = {"name": flight.name, "kind": flight.kind, "destination": flight.destination, "cospar": flight.cospar}
    for name, value in top.items():
        if name in hand or value is None or raw.get(name) == value:
            continue
        if name == "name" and raw.get("name"):
            flight.aliases.setdefault(raw["name"], "")  # the old name stays an alias
        if name == "cospar" and raw.get("cospar") and len(raw["cospar"]) > len(value):
            continue  # a curated piece id ("2018-091A") is finer than the tag
        raw[name] = value
        updated.append(name)
    if "aliases" not in hand:  # the importer owns the list: mark it hand-edited to keep aliases of your own
        new = list(dict.fromkeys(a for a in flight.aliases if name_key(a) != name_key(raw["name"])))
        if new != list(raw.get("aliases") or []):
            raw["aliases"] = new
            updated.append("aliases")
    if flight.launch and "launch" not in hand:
        if raw.get("launch") and not ours(raw["launch"]):
            kept.append("launch")
        elif raw.get("launch") != flight.launch:
            raw["launch"] = flight.launch
            updated.append("launch")
    for table, new_items, key_of in (("events", flight.events.values(), lambda e: (e["kind"],)),
                                     ("masses", flight.masses.values(), lambda m: (m["kind"], m.get("part")))):
        if table in hand:
            continue
        items = raw.setdefault(table, [])
        wanted = {key_of(f) for f in new_items}
        for old in [f for f in items if ours(f) and f.get("source") in read and key_of(f) not in wanted]:
            items.remove(old)  # the file read no longer gives it: an imported figure goes with its row
            updated.append(f"-{table}.{old['kind']}")
        for figure in new_items:
            at = next((i for i, old in enumerate(items) if key_of(old) == key_of(figure)), None)
            if at is not None and not ours(items[at]):
                kept.append(f"{table}.{figure['kind']}")
            elif at is None:
                items.append(figure)
                updated.append(f"{table}.{figure['kind']}")
            elif items[at] != figure:
                items[at] = figure
                updated.append(f"{table}.{figure['kind']}")
        if table == "events":
            items.sort(key=lambda f: (f["time"], f["kind"]))
    if flight.crew and "crew" not in hand:
        if raw.get("crew") and not all(ours(c) for c in raw["crew"]):
            kept.append("crew")
        elif raw.get("crew") != flight.crew:
            raw["crew"] = flight.crew
            updated.append("crew")
    if flight.expeditions and "expeditions" not in hand:
        if raw.get("expeditions") and sources.get(raw.get("expeditions_source"), {}).get("method") != "imported":
            kept.append("expeditions")
        elif (raw.get("expeditions"), raw.get("expeditions_source")) != (flight.expeditions,
                                                                          flight.expeditions_source):
            raw["expeditions"], raw["expeditions_source"] = list(flight.expeditions), flight.expeditions_source
            updated.append("expeditions")
    used = _used_sources(raw) | {flight.aliases[a] for a in raw.get("aliases") or () if flight.aliases.get(a, "")
                                 .startswith("alias-")}
    for key, new_source in flight.sources.items():
        if key in used and sources.get(key) != new_source and (key not in sources or sources[key].get("method")
                                                           == "imported"):
            sources[key] = new_source
    for key in [k for k, v in sources.items() if v.get("method") == "imported" and k not in used]:
        del sources[key]
    return updated, kept


def _used_sources(raw: dict[str, Any]) -> set[str]:
    figures: Iterable[dict[str, Any]] = [raw.get("launch") or {}, *raw.get("events", []), *raw.get("masses", []),
                                         *raw.get("crew", [])]
    used = {f.get("source") for f in figures} | {raw.get("expeditions_source")}
    return {u for u in used if u}
