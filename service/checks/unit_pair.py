"""unit-pair: a quantity and its conversion in parentheses must agree at the precision written."""
from __future__ import annotations

import math
from typing import Any, Iterable

from ..extract import Extraction
from ..extract.quantities import Quantity, Side, UnitPair, unit_pairs
from ..model import Finding, Severity, Verdict
from ..normalise.compare import Outcome, compare, difference_cue
from . import Examples
from .context import CheckContext

ID = "unit-pair"
DESCRIPTION = "A figure and its conversion in parentheses agree at the precision written (5,652 pounds (2,564 kg))."
EXAMPLES = Examples(
    passing=("Progress delivered 5,652 pounds (2,564 kg) of cargo.", "The orbit is 250 miles (400 km) high.",
             "The engines give 7.6 million pounds of thrust (34 meganewtons).", "It warmed by 2 °C (3.6 °F)."),
    failing=("The orbit reaches 35,926 km (22,314 miles) at its highest.", "It weighs 3 tons (1.9 metric tons)."),
)
_RANK = {Verdict.CONSISTENT: 0, Verdict.AMBIGUOUS: 1, Verdict.INCONSISTENT: 2}


def _num(x: float) -> float | None:
    return float(f"{x:.6g}") if math.isfinite(x) else None  # JSON has no infinity: an open bound is null


def _show(x: float) -> str:
    digits = max(0, min(3, 4 - math.floor(math.log10(abs(x))))) if x else 0
    return f"{x:,.{digits}f}"


def _written(text: str, q: Quantity, side: Side) -> str:
    return f"{text[q.span.start:q.span.end]} {q.unit_text or side.quantities[-1].unit_text}"


def _details(text: str, pair: UnitPair, outcomes: list[tuple[Side, Outcome]], profile: str) -> dict[str, Any]:
    sides = [{"reading": o.conversion.reading if o.conversion else None, "readings_that_fit": list(o.fitting),
              "factor": _num(o.conversion.scale) if o.conversion else None,
              "offset": _num(o.conversion.offset) if o.conversion else None,
              "figures": [{"from": _written(text, c.a, pair.head), "from_interval": list(map(_num, c.a.number.interval(profile))),
                           "converted": _num(c.expected), "converted_interval": list(map(_num, c.converted)),
                           "written": _written(text, c.b, side), "written_interval": list(map(_num, c.written)),
                           "fits": c.fits} for c in o.comparisons]} for side, o in outcomes]
    return {"profile": profile, "sides": sides}


def _message(text: str, pair: UnitPair, side: Side, outcome: Outcome) -> str:
    if outcome.verdict is Verdict.AMBIGUOUS:
        return (f"'{text[side.span.start:side.span.end]}' has {len(side.quantities)} figure(s) for "
                f"{len(pair.head.quantities)} in '{text[pair.head.span.start:pair.head.span.end]}', so it cannot be checked.")
    wrong = [c for c in outcome.comparisons if not c.fits]
    c = (wrong or list(outcome.comparisons))[0]
    converted = f"{_written(text, c.a, pair.head)} is {_show(c.expected)} {c.b.unit_text or side.quantities[-1].unit_text}"
    if wrong:
        return f"{converted}, not {_written(text, c.b, side)}."
    return f"{converted}, so {_written(text, c.b, side)} is right at the precision written."


def run(extraction: Extraction, context: CheckContext) -> Iterable[Finding]:
    doc = extraction.doc
    for pair in extraction.get(unit_pairs):
        cue = difference_cue(doc.prose, pair.span)
        outcomes = [(s, o) for s in pair.conversions if (o := compare(pair.head, s, context.profile, cue))]
        if not outcomes:
            continue  # "5 km (3 hours)" is not a conversion
        side, worst = max(outcomes, key=lambda t: _RANK[t[1].verdict])
        severity = {Verdict.CONSISTENT: Severity.INFO, Verdict.AMBIGUOUS: Severity.WARNING}.get(
            worst.verdict, Severity.WARNING if worst.borderline else Severity.ERROR)
        suggestion = None
        fixes = sorted(fix for _, o in outcomes for fix in o.corrections)
        if fixes:
            inner, pos, parts = pair.inner, pair.inner.start, []
            for span, new in fixes:
                parts += [doc.text[pos:span.start], new]
                pos = span.end
            suggestion = "".join(parts) + doc.text[pos:inner.end]
        yield Finding(ID, worst.verdict, severity, pair.span, doc.text[pair.span.start:pair.span.end],
                      _message(doc.text, pair, side, worst), suggestion,
                      _details(doc.text, pair, outcomes, context.profile))
