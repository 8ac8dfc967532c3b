"""Bugs the property, hostile-input and API fuzzing tests found, each pinned by the input that showed it."""
from __future__ import annotations

from service.engine import check_text
from service.model import Verdict


def test_a_range_pair_wrong_at_both_ends_gets_a_suggestion_not_a_crash():
    # unit_pair sorted its corrections as (Span, text) tuples; Span has no order, so two fixes raised TypeError.
    report = check_text("The orbit is 10 to 20 km (1 to 2 mi) high.", checks=["unit-pair"])
    (finding,) = report.findings
    assert finding.verdict is Verdict.INCONSISTENT
    assert finding.suggestion == "6 to 12 mi"
