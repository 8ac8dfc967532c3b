"""Bugs the property, hostile-input and API fuzzing tests found, each pinned by the input that showed it."""
from __future__ import annotations

from datetime import date

import pytest

from orbitcheck.engine import check_text
from orbitcheck.model import Verdict


def test_a_range_pair_wrong_at_both_ends_gets_a_suggestion_not_a_crash():
    # unit_pair sorted its corrections as (Span, text) tuples; Span has no order: two fixes raised TypeError.
    report = check_text("The orbit is 10 to 20 km (1 to 2 mi) high.", checks=["unit-pair"])
    (finding,) = report.findings
    assert finding.verdict is Verdict.INCONSISTENT
    assert finding.suggestion == "6 to 12 mi"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Soyuz MS-11 lifted off at 6:31 a.m. EST Dec. 3 (1131 GMT).", ["6:31 a.m. EST Dec. 3", "1131 GMT"]),
        ("Soyuz MS-11 lifted off Dec. 3 at 6:31 a.m. EST (1131 GMT).",
         ["Dec. 3", "6:31 a.m. EST", "1131 GMT"]),
    ],
)
def test_a_date_inside_a_clock_time_is_checked_with_it_once(store, text, expected):
    # The reference check found "covered" dates with a scan of every time per date (quadratic on a long
    # draft); it now bisects. Same answer: a date written within a time's mention is not checked twice.
    report = check_text(text, published=date(2018, 11, 20), store=store, checks=["reference"])
    assert [f.text for f in report.findings] == expected
    assert all(f.verdict is Verdict.SUPPORTED for f in report.findings)


def test_a_date_takes_the_zone_of_the_first_zoned_time_in_its_sentence(store):
    # claims.check_date copied every time of the sentence per date to take the first zoned one; it now
    # stops at that one. Nov. 17 in Baikonur (UTC+6 in 2018) is the Nov. 16 18:14 UTC launch.
    text = "Progress MS-10 launched Nov. 17 at 12:14 a.m. Baikonur time (1814 GMT Nov. 16) from Baikonur."
    report = check_text(text, published=date(2018, 11, 20), store=store, checks=["reference"])
    (written,) = [f for f in report.findings if f.text == "Nov. 17"]
    assert written.verdict is Verdict.SUPPORTED
