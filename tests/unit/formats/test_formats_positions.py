"""Positions shared by the CI formats: UTF-8 byte columns, and which part of a claim a suggestion replaces."""
import pytest

from orbitcheck.formats.positions import Position, suggestion_span, utf8_position
from orbitcheck.model import Finding, Severity, Span, Verdict
from orbitcheck.text import parse_document


def finding(text: str, claim: str, suggestion: str | None, **details) -> Finding:
    start = text.index(claim)
    return Finding("unit-pair", Verdict.INCONSISTENT, Severity.ERROR, Span(start, start + len(claim)), claim,
                   "m", suggestion, details)


@pytest.mark.parametrize("text, claim, suggestion, replaced", [
    ("It is 35,926 km (22,314 miles) up.", "35,926 km (22,314 miles)", "22,323 miles", "22,314 miles"),
    ("Auñón 🚀 flew 254 miles (400 km).", "254 miles (400 km)", "409 km", "400 km"),
    ("a 250-mile (400-kilometer) orbit", "250-mile (400-kilometer)", "402-kilometer", "400-kilometer"),
    ("100 km (62 mi; 330,000 ft) high", "100 km (62 mi; 330,000 ft)", "328,084 ft", "330,000 ft"),
    ("100 km (62 mi; 330,000 ft) high", "100 km (62 mi; 330,000 ft)", "63 mi", "62 mi"),
])
def test_the_side_with_the_suggestions_unit_is_replaced(text, claim, suggestion, replaced):
    f = finding(text, claim, suggestion)
    span = suggestion_span(f, parse_document(text, markdown=False))
    assert text[span.start:span.end] == replaced


@pytest.mark.parametrize("text, claim, suggestion", [
    ("It went 5 km (5 km) today.", "5 km (5 km)", "3 km"),    # both sides share the unit word: no safe answer
    ("It went 5 km (3 mi) today.", "5 km (3 mi)", "8 furlongs"),  # no side has it
    ("It went 5 km (3 mi) today.", "5 km (3 mi)", None),
])
def test_no_fix_when_the_replaced_part_is_unclear(text, claim, suggestion):
    assert suggestion_span(finding(text, claim, suggestion), parse_document(text, markdown=False)) is None


def test_a_checks_own_suggestion_span_wins_when_inside_the_finding():
    text = "It went 5 km (5 km) today."
    start = text.index("(5 km)") + 1
    f = finding(text, "5 km (5 km)", "3 km", suggestion_span=[start, start + 4])
    assert suggestion_span(f, parse_document(text, markdown=False)) == Span(start, start + 4)
    outside = finding(text, "5 km (5 km)", "3 km", suggestion_span=[0, 2])
    assert suggestion_span(outside, parse_document(text, markdown=False)) is None


def test_utf8_columns_restart_on_each_line_and_count_bytes():
    doc = parse_document("🚀 ñ\nñx\r\nok", markdown=False)
    assert utf8_position(doc, doc.text.index("ñ")) == Position(1, 6)  # 🚀 is 4 bytes, then a space
    assert utf8_position(doc, doc.text.index("x")) == Position(2, 3)
    assert utf8_position(doc, doc.text.index("ok")) == Position(3, 1)
