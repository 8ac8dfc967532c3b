"""The zone table: every entry resolves in zoneinfo, tzdata's misleading keys are never used, lookups."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from importlib import resources

import pytest

from orbitcheck.errors import InputError
from orbitcheck.vocabulary import zones

# tzdata keys that look like US abbreviations but are fixed-offset zones (EST is America/Panama).
FORBIDDEN = {"EST", "MST", "HST", "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT"}


def test_every_entry_is_a_real_zone_and_none_is_a_tzdata_abbreviation_key():
    entries = {e for group in zones.table().by_abbreviation.values() for e in group}
    entries |= {e for group in zones.table().by_phrase.values() for e in group}
    assert entries and not {e.zone for e in entries} & FORBIDDEN


def test_every_table_has_a_comment_above_it():
    text = resources.files("orbitcheck.vocabulary").joinpath("zones.toml").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for i, line in enumerate(lines):
        if line == "[[zone]]":
            assert lines[i - 1].startswith("#"), f"table at non-blank line {i} has no comment"


@pytest.mark.parametrize("written, zone, daylight", [
    ("EST", "America/New_York", False), ("EDT", "America/New_York", True), ("ET", "America/New_York", None),
    ("Moscow time", "Europe/Moscow", None), ("moscow  TIME", "Europe/Moscow", None),
    ("Baikonur time", "Asia/Qyzylorda", None), ("Kourou time", "America/Cayenne", None),
    ("CEST", "Europe/Paris", True), ("GMT", "Etc/UTC", None), ("Z", "Etc/UTC", None),
])
def test_lookup(written, zone, daylight):
    (entry,) = zones.table().lookup(written)
    assert (entry.zone, entry.daylight) == (zone, daylight)


def test_ambiguous_abbreviations_have_every_reading_first_the_usual_one():
    assert [e.zone for e in zones.table().lookup("IST")] == ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]
    assert [e.zone for e in zones.table().lookup("CST")] == ["America/Chicago", "Asia/Shanghai"]
    assert [e.zone for e in zones.table().lookup("BST")] == ["Europe/London", "Asia/Dhaka"]
    assert zones.table().lookup("XYZ") == ()


def test_offsets_follow_the_name_and_the_date():
    (est,) = zones.table().lookup("EST")
    assert est.utc_offset(datetime(2020, 7, 1, 12)) == timedelta(hours=-5)  # EST stays UTC-5 in July
    assert est.is_right_on(datetime(2020, 7, 1, 12)) is False and est.is_right_on(datetime(2020, 1, 1)) is True
    (moscow,) = zones.table().lookup("Moscow time")
    assert moscow.utc_offset(datetime(2012, 6, 1, 12)) == timedelta(hours=4)
    assert moscow.utc_offset(datetime(2016, 6, 1, 12)) == timedelta(hours=3)
    (baikonur,) = zones.table().lookup("Baikonur time")
    assert baikonur.utc_offset(datetime(2018, 12, 20, 12)) == timedelta(hours=6)
    assert baikonur.utc_offset(datetime(2018, 12, 22, 12)) == timedelta(hours=5)
    assert est.utc_offset(None) == timedelta(hours=-5) and moscow.utc_offset(None) is None


def test_written_offsets_are_fixed_zones():
    (entry,) = zones.table().lookup("UTC+3")
    assert entry.fixed and entry.utc_offset(datetime(2020, 1, 1)) == timedelta(hours=3)
    assert zones.table().lookup("GMT+99") == ()


def test_default_zone_must_be_an_iana_key():
    assert zones.default_entry("Europe/Paris").zone == "Europe/Paris"
    for bad in ("Mars/Olympus_Mons", "", "../etc/passwd"):
        with pytest.raises(InputError):
            zones.default_entry(bad)


def test_nothing_is_read_at_import_time():
    code = ("import orbitcheck.checks, orbitcheck.vocabulary.zones as z, orbitcheck.extract.clock as c;"
            "print(z.table.cache_info().currsize, c._zone_re.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "0"]
