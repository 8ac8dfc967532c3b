"""Read GCAT's TSV files (launch.tsv, satcat.tsv, auxcat.tsv) as a stream of trimmed rows.

The quirks (reference_data/sources/gcat/README.md): every field is space-padded (trim it), `-` means empty,
launch.tsv's header names 28 fields but its rows hold 26 (Apoflag and RangeFlag ride as the last character
of Apogee and Range), dates come at several precisions with a space-padded day, a trailing `?` marks an
uncertain value and a trailing `*` on an id is a marker, not part of the id. Files are read line by line:
the full launch.tsv is 11 MB and satcat.tsv 18 MB.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..errors import InputError

LAUNCH_FIELDS = ("Launch_Tag", "Launch_JD", "Launch_Date", "LV_Type", "Variant", "Flight_ID", "Flight", "Mission",
                 "FlightCode", "Platform", "Launch_Site", "Launch_Pad", "Ascent_Site", "Ascent_Pad", "Apogee",
                 "Apoflag", "Range", "RangeFlag", "Dest", "OrbPay", "Agency", "LaunchCode", "FailCode", "Group",
                 "Category", "LTCite", "Cite", "Notes")
CAT_FIELDS = ("JCAT", "Satcat", "Launch_Tag", "Piece", "Type", "Name", "PLName", "LDate", "Parent", "SDate",
              "Primary", "DDate", "Status", "Dest", "Owner", "State", "Manufacturer", "Bus", "Motor", "Mass",
              "MassFlag", "DryMass", "DryFlag", "TotMass", "TotFlag", "Length", "LFlag", "Diameter", "DFlag",
              "Span", "SpanFlag", "Shape", "ODate", "Perigee", "PF", "Apogee", "AF", "Inc", "IF", "OpOrbit",
              "OQUAL", "AltNames")
KINDS = {"launch": LAUNCH_FIELDS, "satcat": CAT_FIELDS, "auxcat": CAT_FIELDS}
MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                      "Dec"), start=1)}
_DATE = re.compile(r"(?P<y>\d{4})(?: {1,3}(?:Q(?P<q>[1-4])|(?P<mon>[A-Z][a-z]{2})(?: {1,3}(?P<d>\d{1,2})"
                   r"(?: {1,3}(?P<hh>\d{2})(?P<mm>\d{2})?(?::(?P<ss>\d{2})(?:\.\d{1,6})?)?)?)?))?")
_UPDATED = re.compile(r"# {0,3}Updated {1,3}(\d{4} {1,3}[A-Z][a-z]{2} {1,3}\d{1,2})")


# auxcat "<flight> Up Cargo" rows that count the pressurized (internal) cargo only, never the total news reports:
# Dragon's ("SpX-15 Up Cargo"; the trunk's payloads are rows of their own, ECOSTRESS under "Dragon Trunk" A09143)
# and HTV's (the exposed pallet's cargo is not in them: "HTV-6 Up Cargo" 2,752 kg in all, where NASA counts
# "9,080 pounds (4,119 kg) of cargo and packaging" with the 1,367 kg of batteries outside, and JAXA 5.9 t).
_PRESSURIZED_ONLY = re.compile(r"(?:ISS )?(?:SpX|HTV)-")


def pressurized_only(name: str | None) -> bool:
    """Whether an auxcat Up Cargo row (by its Name) is the pressurized cargo only (filed as cargo_pressurized)."""
    return _PRESSURIZED_ONLY.match(name or "") is not None


@dataclass(frozen=True)
class GcatTime:
    time: datetime  # UTC, the first instant of the period the precision names
    precision: str  # second | minute | hour | day | month | quarter | year
    uncertain: bool = False


def parse_time(text: str | None) -> GcatTime | None:
    """`2018 Nov 16 1814:08`, `2018 Dec  3`, `1944 Jan`, `1994 Q3`, `2018 Nov 22?` ...; None for `-` or junk."""
    if not text or text == "-":
        return None
    value = text.strip()
    uncertain = value.endswith("?")
    m = _DATE.fullmatch(value.rstrip("?").strip())
    if not m or (m["mon"] and m["mon"] not in MONTHS):
        return None
    month = MONTHS[m["mon"]] if m["mon"] else (int(m["q"]) - 1) * 3 + 1 if m["q"] else 1
    parts = (int(m["y"]), month, int(m["d"] or 1), int(m["hh"] or 0), int(m["mm"] or 0), int(m["ss"] or 0))
    try:
        when = datetime(*parts, tzinfo=UTC)
    except ValueError:
        return None
    precision = ("second" if m["ss"] else "minute" if m["mm"] else "hour" if m["hh"] else "day" if m["d"]
                 else "month" if m["mon"] else "quarter" if m["q"] else "year")
    return GcatTime(when, precision, uncertain)


def parse_number(text: str | None) -> tuple[float | None, str]:
    """A padded number with an optional trailing flag (`  40?`) -> (40.0, "?"); `-` -> (None, "")."""
    value = (text or "").strip()
    flag = ""
    if value and value != "-" and not value[-1].isdigit():
        value, flag = value[:-1].strip(), value[-1]
    try:
        return (float(value) if value and value != "-" else None), flag
    except ValueError:
        return None, flag


def clean_id(text: str | None) -> str | None:
    """`A08069*` -> `A08069` (the asterisk is a GCAT marker); `-` -> None."""
    value = (text or "").strip().rstrip("*").strip()
    return value if value and value != "-" else None


def read_rows(path: Path, kind: str) -> tuple[GcatFile, Iterator[dict[str, str | None]]]:
    """Check the header, then stream rows as {field: trimmed value or None}. InputError if not that file."""
    names = KINDS[kind]
    try:
        # Not a `with`: the open handle is handed to the _rows generator, which closes it when the stream ends.
        handle = open(path, encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    header = handle.readline().rstrip("\r\n").lstrip("#").split("\t")
    if tuple(h.strip() for h in header) != names:
        handle.close()
        raise InputError(f"{path}: not a GCAT {kind}.tsv (its header starts {header[:3]!r})")
    info = {"updated": None, "skipped": 0}
    return GcatFile(kind, path, info), _rows(handle, names, kind, info)


class GcatFile:
    """What is known about a file besides its rows; `updated` and `skipped` fill in as the stream is read."""

    def __init__(self, kind: str, path: Path, info: dict) -> None:
        self.kind, self.path, self._info = kind, path, info

    @property
    def updated(self) -> date | None:
        return self._info["updated"]

    @property
    def skipped(self) -> int:
        return self._info["skipped"]


def _rows(handle, names: tuple[str, ...], kind: str, info: dict) -> Iterator[dict[str, str | None]]:
    with handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if line.startswith("#"):
                m = _UPDATED.match(line)
                if m:
                    when = parse_time(m[1])
                    info["updated"] = when.time.date() if when else None
                continue
            if not line.strip():
                continue
            fields = line.split("\t")
            if kind == "launch" and len(fields) == len(names) - 2:
                fields = _split_flags(fields)
            if len(fields) != len(names):
                info["skipped"] += 1
                continue
            yield {name: _trim(value) for name, value in zip(names, fields, strict=True)}


def _split_flags(fields: list[str]) -> list[str]:
    """26 launch fields -> 28: Apogee's and Range's last character is their flag."""
    apogee, apoflag = _value_and_flag(fields[14])
    rng, rangeflag = _value_and_flag(fields[15])
    return fields[:14] + [apogee, apoflag, rng, rangeflag] + fields[16:]


def _value_and_flag(raw: str) -> tuple[str, str]:
    stripped = raw.strip()
    if stripped in ("", "-") or stripped[-1].isdigit():
        return stripped, ""
    return stripped[:-1], stripped[-1]


def _trim(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value
