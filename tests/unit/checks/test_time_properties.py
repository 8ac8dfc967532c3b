"""Generated time pairs: a conversion computed independently with zoneinfo is consistent; a slip is not."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from orbitcheck.engine import check_text
from orbitcheck.model import Verdict

# (how the zone is written, IANA zone, the daylight state the name needs or None for either)
ZONES = (
    ("EST", "America/New_York", False), ("EDT", "America/New_York", True),
    ("Eastern time", "America/New_York", None), ("PDT", "America/Los_Angeles", True),
    ("CEST", "Europe/Paris", True), ("Moscow time", "Europe/Moscow", None),
    ("Baikonur time", "Asia/Qyzylorda", None), ("JST", "Asia/Tokyo", None),
    ("Kourou time", "America/Cayenne", None),
)


def _twelve(hour: int, minute: int) -> str:
    return f"{hour % 12 or 12}:{minute:02d} {'p.m.' if hour >= 12 else 'a.m.'}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(day=st.dates(date(1995, 1, 1), date(2030, 12, 31)), hour=st.integers(5, 22), minute=st.integers(0, 59),
       zone=st.sampled_from(ZONES), slip=st.sampled_from((-120, -60, -30, 60, 120)))
def test_generated_pairs(day, hour, minute, zone, slip):
    written, key, daylight = zone
    local = datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(key))
    if daylight is not None:
        assume(bool(local.dst()) == daylight)
    instant = local.astimezone(UTC)
    draft = (f"The launch from the pad is set for {_twelve(hour, minute)} {written} ({instant:%H%M} GMT) "
             f"on {day:%B} {day.day}, {day.year}.")
    (pair,) = [f for f in check_text(draft, checks=["time-pair"], markdown=False).findings]
    assert pair.verdict is Verdict.CONSISTENT, (draft, pair.message)
    wrong = instant + timedelta(minutes=slip)
    bad = draft.replace(f"({instant:%H%M} GMT)", f"({wrong:%H%M} GMT)")
    (flag,) = [f for f in check_text(bad, checks=["time-pair"], markdown=False).findings]
    assert flag.verdict is Verdict.INCONSISTENT, (bad, flag.message)
    assert flag.suggestion == f"{instant:%H%M} GMT"
