"""A small real check for the CI-format tests, registered in their place of the real registry.

The CI features (formats, suppressions, config, remote mode, many files) must be tested on findings of
every severity, independently of which real checks have landed. This check does real arithmetic on
"N km (M miles)" and "N pounds (M kg)" pairs with exact factors:
  - consistent (info) when the written figure is within half a unit of its last digit,
  - ambiguous (warning) when it is off by at most 0.1 % (a rounding habit, perhaps),
  - inconsistent (error) otherwise, with the corrected figure as suggestion and as the fix of the
    parenthesised side (Finding.fix, the one field every format reads).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from orbitcheck.checks import Examples
from orbitcheck.model import Finding, Fix, Severity, Span, Verdict

ID = "fixture-pair"
SEVERITY = Severity.ERROR
DESCRIPTION = "A km/miles or pounds/kg pair whose two figures disagree (test fixture)."
EXAMPLES = Examples(passing=("It flew 100 km (62 miles).",), failing=("It flew 100 km (75 miles).",))

_FACTORS = {("km", "miles"): 0.621371192, ("miles", "km"): 1.609344,
            ("pounds", "kg"): 0.45359237, ("kg", "pounds"): 2.20462262}
_PAIR = re.compile(r"(\d[\d,]*) (km|miles|pounds|kg) \((\d[\d,]*) (km|miles|pounds|kg)\)")


def run(extraction, context) -> Iterable[Finding]:
    doc = extraction.doc
    for m in _PAIR.finditer(doc.prose):
        factor = _FACTORS.get((m[2], m[4]))
        if factor is None:
            continue
        expected = float(m[1].replace(",", "")) * factor
        written = float(m[3].replace(",", ""))
        off = abs(expected - written) / expected
        # The context travels in details so config tests can see what reached the check.
        arithmetic = {"expected": round(expected, 1), "written": written, "profile": context.profile,
                      "zone": context.default_zone, "published": str(context.published)}
        if abs(expected - written) <= 0.5:
            yield Finding(ID, Verdict.CONSISTENT, Severity.INFO, Span(m.start(), m.end()), m[0],
                          f"{m[1]} {m[2]} is {expected:,.1f} {m[4]}.", None, arithmetic)
        elif off <= 0.001:
            yield Finding(ID, Verdict.AMBIGUOUS, Severity.WARNING, Span(m.start(), m.end()), m[0],
                          f"{m[1]} {m[2]} is {expected:,.1f} {m[4]}, close to {m[3]}.", None, arithmetic)
        else:
            yield Finding(ID, Verdict.INCONSISTENT, Severity.ERROR, Span(m.start(), m.end()), m[0],
                          f"{m[1]} {m[2]} is {expected:,.0f} {m[4]}, not {m[3]}.",
                          f"{expected:,.0f} {m[4]}", arithmetic,
                          fix=Fix(Span(m.start(3), m.end(4)), f"{expected:,.0f} {m[4]}"))


@pytest.fixture
def fixture_registry(monkeypatch):
    """Replace the check registry with this one check for the duration of a test."""
    import sys

    import orbitcheck.checks

    monkeypatch.setattr(orbitcheck.checks, "_registry", lambda: (sys.modules[__name__],))
    return ID
