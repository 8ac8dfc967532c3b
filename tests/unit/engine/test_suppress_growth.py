"""Suppression cost grows linearly with the draft: thousands of directives and findings (issue 17, item 3)."""
from __future__ import annotations

from orbitcheck import suppress
from orbitcheck.model import Finding, Span
from orbitcheck.text import parse_document
from tests.helpers.growth import slope

LINE = "<!-- orbitcheck-disable unit-pair -->\nIt is 5 km (3 mi).\n<!-- orbitcheck-enable unit-pair -->\n"


def _work(size: int):
    text = LINE * (size // len(LINE))
    doc = parse_document(text)
    claim = "It is 5 km (3 mi)."
    findings = []
    at = 0
    while (at := text.find(claim, at)) >= 0:
        findings.append(Finding("unit-pair", "inconsistent", "error", Span(at, at + len(claim)), claim, "m"))
        at += len(claim)
    return lambda: suppress.apply(doc, findings)


def test_every_finding_in_a_region_is_suppressed_and_the_rest_are_not():
    text = LINE * 3 + "It is 5 km (3 mi).\n"
    doc = parse_document(text)
    claim = "It is 5 km (3 mi)."
    spans = [i for i in range(len(text)) if text.startswith(claim, i)]
    findings = [Finding(c, "inconsistent", "error", Span(s, s + len(claim)), claim, "m")
                for s in spans for c in ("unit-pair", "time-pair")]
    flags = [(f.check, f.suppressed) for f in suppress.apply(doc, findings)]
    assert flags == [("unit-pair", True), ("time-pair", False)] * 3 + [("unit-pair", False), ("time-pair", False)]


def test_suppression_time_grows_linearly_with_directives():
    assert slope([10_000, 100_000, 1_000_000], _work) <= 1.15
