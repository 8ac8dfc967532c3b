"""Time-zone names as copy writes them ("EST", "Moscow time", "in India") -> IANA zones and UTC offsets.

The table is data: `zones.toml` next to this module, one commented entry per reading. It is read once per
process on first use (nothing happens at import time). Offsets always come from zoneinfo for the actual
date, so history is right (Moscow UTC+4 in 2011-2014; Baikonur UTC+6 until 2018-12-21). The abbreviation
"EST" is never looked up in tzdata, whose `EST` key is America/Panama: it is America/New_York read as
standard time. An abbreviation with several readings (IST, CST, BST) yields all of them; the caller decides
from the text or from the other side of a pair, and says `ambiguous` when it cannot.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from ..errors import InputError

HOUR = timedelta(hours=1)
_FIXED = re.compile(r"(?:UTC|GMT)\s?([+\u2212-]\d{1,2}(?::?\d{2})?)")
_OFFSET = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?\Z")


@dataclass(frozen=True, slots=True)
class ZoneEntry:
    """One reading of a zone name: which IANA zone, and what the name says about daylight time."""

    reading: str                      # "US Eastern Standard Time"
    zone: str                         # IANA key, "America/New_York"
    daylight: bool | None = None      # True: the name means daylight time (EDT); False: standard; None: any
    offset: timedelta | None = None   # the offset the name itself states, used when no date is known
    counterpart: str | None = None    # the name for the other half of the year ("EDT" for "EST")
    places: tuple[str, ...] = ()      # where "local time" means this zone
    cues: tuple[str, ...] = ()        # words in the text that pick this reading of an ambiguous name
    fixed: bool = False               # written as an offset ("UTC+3"): `offset` on every date

    def utc_offset(self, local: datetime | None) -> timedelta | None:
        """The offset this name stands for at a local wall-clock time (None: unknown without a date).

        A name that states daylight or standard time keeps that meaning on any date ("EST" in July is
        still UTC-5: the writer said EST); `is_right_on` tells whether that was the right name to write.
        """
        if local is None or self.fixed:
            return self.offset
        return _offset_for(self.zone, self.daylight, local)  # callers pass naive wall-clock times

    def keeps_daylight(self, local: datetime) -> bool:
        """Whether the zone keeps daylight time at that wall-clock time (New York in July: True)."""
        if self.fixed:
            return False
        return _keeps_daylight(self.zone, local)

    def is_right_on(self, local: datetime) -> bool | None:
        """None when the name does not say standard/daylight; else whether it matches the zone's clocks."""
        if self.daylight is None:
            return None
        return self.daylight == self.keeps_daylight(local)

    def as_dict(self) -> dict[str, object]:
        """The entry as findings' details show it."""
        return {"reading": self.reading, "zone": self.zone, "daylight": self.daylight}


@dataclass(frozen=True, slots=True)
class ZoneTable:
    by_abbreviation: dict[str, tuple[ZoneEntry, ...]]   # case-sensitive: "EST", "IST"
    by_phrase: dict[str, tuple[ZoneEntry, ...]]         # lower-case: "moscow time"
    by_place: dict[str, ZoneEntry]                       # lower-case: "baikonur"

    def lookup(self, written: str) -> tuple[ZoneEntry, ...]:
        """All readings of a zone name as written (empty when unknown)."""
        found = self.by_abbreviation.get(written) or self.by_phrase.get(_norm(written))
        if found:
            return found
        fixed = fixed_offset_entry(written)
        return (fixed,) if fixed else ()


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@cache
def table() -> ZoneTable:
    """The zone table, read from zones.toml on first use and kept for the process."""
    raw = tomllib.loads(resources.files(__package__).joinpath("zones.toml").read_text(encoding="utf-8"))
    abbrev: dict[str, list[ZoneEntry]] = {}
    phrase: dict[str, list[ZoneEntry]] = {}
    place: dict[str, ZoneEntry] = {}
    for item in raw["zone"]:
        entry = ZoneEntry(
            reading=item["reading"], zone=item["zone"], daylight=item.get("daylight"),
            offset=parse_offset(item["offset"]) if "offset" in item else None,
            counterpart=item.get("counterpart"),
            places=tuple(item.get("places", ())), cues=tuple(item.get("cues", ())),
        )
        ZoneInfo(entry.zone)  # a typo in the table fails loudly on first use, not on some later date
        for name in item.get("abbreviations", ()):
            abbrev.setdefault(name, []).append(entry)
        for name in item.get("phrases", ()):
            phrase.setdefault(_norm(name), []).append(entry)
        for name in entry.places:
            place.setdefault(_norm(name), entry)
    freeze = lambda d: {k: tuple(v) for k, v in d.items()}  # noqa: E731
    return ZoneTable(freeze(abbrev), freeze(phrase), place)


def parse_offset(text: str) -> timedelta:
    m = _OFFSET.match(text.strip())
    if not m:
        raise ValueError(f"bad UTC offset {text!r}")
    minutes = int(m[2]) * 60 + int(m[3] or 0)
    return timedelta(minutes=-minutes if m[1] == "-" else minutes)


@lru_cache(maxsize=64)
def fixed_offset_entry(written: str) -> ZoneEntry | None:
    """"UTC+3", "GMT-05:00" as a zone of its own (the same offset on every date), or None."""
    m = _FIXED.fullmatch(written.strip())
    if not m:
        return None
    offset = parse_offset(m[1].replace("\u2212", "-"))
    if abs(offset) > timedelta(hours=14):
        return None
    return ZoneEntry(reading=written.strip(), zone="Etc/UTC", offset=offset, fixed=True)


@lru_cache(maxsize=4096)
def _offset_for(zone: str, daylight: bool | None, local: datetime) -> timedelta:
    aware = local.replace(tzinfo=ZoneInfo(zone))
    offset = aware.utcoffset() or timedelta(0)
    if daylight is None:
        return offset
    saved = aware.dst() or timedelta(0)
    standard = offset - saved
    return standard + HOUR if daylight else standard


@lru_cache(maxsize=4096)
def _keeps_daylight(zone: str, local: datetime) -> bool:
    return bool(local.replace(tzinfo=ZoneInfo(zone)).dst())


def to_utc(local: datetime, entry: ZoneEntry) -> datetime | None:
    """The UTC instant of a wall-clock time read in `entry` (None when the offset is unknown)."""
    offset = entry.utc_offset(local)
    if offset is None:
        return None
    return (local - offset).replace(tzinfo=UTC)


# The IANA keys of universal time (what "UTC", "GMT", "Z" read as; an offset such as "UTC+3" is a fixed entry).
UNIVERSAL = frozenset({"Etc/UTC", "UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu"})


def is_civil(entry: ZoneEntry) -> bool:
    """A place's civil time: neither universal time nor a stated offset from it."""
    return not entry.fixed and entry.zone not in UNIVERSAL


def follows_clocks(entry: ZoneEntry) -> bool:
    """A civil time named without saying standard or daylight ("Eastern time", "Moscow time"): its offset is the
    one the place's clocks show on the day, so it moves when they change."""
    return is_civil(entry) and entry.daylight is None


def from_utc(instant: datetime, entry: ZoneEntry) -> datetime | None:
    """The wall-clock time in `entry` of a UTC instant (naive), or None when the offset is unknown.

    For names that fix standard/daylight (EST), the offset is the one the name states; for civil-time
    names (ET, Moscow time) zoneinfo decides from the instant itself.
    """
    if entry.fixed or (entry.daylight is not None and entry.offset is not None):
        offset = entry.utc_offset(instant.replace(tzinfo=None))
    else:
        offset = instant.astimezone(ZoneInfo(entry.zone)).utcoffset()
        if entry.daylight is not None:  # a daylight flag without a stated offset: decompose as zoneinfo says
            offset = entry.utc_offset((instant + (offset or timedelta(0))).replace(tzinfo=None))
    if offset is None:
        return None
    return (instant + offset).replace(tzinfo=None)


def readings_for_text(entries: Iterable[ZoneEntry], cues_present: frozenset[str]) -> tuple[ZoneEntry, ...]:
    """Narrow the readings of an ambiguous name by the cue words the text contains (all, if none match)."""
    entries = tuple(entries)
    if len(entries) < 2:
        return entries
    picked = tuple(e for e in entries if any(_norm(c) in cues_present for c in e.cues + e.places))
    return picked if len(picked) >= 1 else entries


def zone_name_problem(name: str) -> str | None:
    """Why `name` is not an IANA time zone a setting or a record may name, or None when it is one.

    The one check every setting and record uses (config file, --default-zone, record schema). tzdata's legacy
    abbreviation keys are refused: "EST" there is a fixed UTC-5 (America/Panama), never Eastern time.
    """
    if not isinstance(name, str) or not name:
        return "a time zone must be a non-empty IANA name such as 'America/New_York'"
    legacy = "/" not in name and name not in ("UTC", "GMT")
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return f"{name!r} is not an IANA time zone (e.g. 'America/New_York')"
    if legacy:
        return f"{name!r} is a legacy tzdata key, not a place's zone: name one such as 'America/New_York'"
    return None


@lru_cache(maxsize=32)
def default_entry(name: str) -> ZoneEntry:
    """The configured zone for times written without one (`CheckContext.default_zone`), as an entry."""
    problem = zone_name_problem(name)
    if problem:
        raise InputError(f"default zone: {problem}")
    return ZoneEntry(reading=f"{name} (default zone)", zone=name)
