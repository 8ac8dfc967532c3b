"""unit-pair: a quantity and its conversion in parentheses must agree at the precision written.

Severity: consistent -> info; inconsistent -> error, or warning when the written conversion misses by less
than one unit of its last digit (a rounding slip, "15.8" for 15.91); ambiguous -> warning.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..extract import Extraction
from ..extract.pairs import UnitPair, unit_pairs
from ..model import Finding, Fix, Severity, Verdict
from ..normalise.compare import Outcome, compare, difference_cue
from ..normalise.explain import details, message
from ..rewrite.numbers import corrected
from ..text import Document
from . import Examples
from .context import CheckContext

ID = "unit-pair"
SEVERITY = Severity.ERROR  # a wrong claim; hedged or uncertain ones are reported milder
DESCRIPTION = (
    "A figure and its conversion in parentheses agree at the precision written (5,652 pounds (2,564 kg))."
)
EXAMPLES = Examples(
    passing=(
        "Progress delivered 5,652 pounds (2,564 kg) of cargo.",
        "The orbit is 250 miles (400 km) high.",
        "The engines give 7.6 million pounds of thrust (34 meganewtons).",
        "It warmed by 2 °C (3.6 °F).",
    ),
    failing=(
        "The orbit reaches 35,926 km (22,314 miles) at its highest.",
        "It weighs 3 tons (1.9 metric tons).",
    ),
)
_RANK = {Verdict.CONSISTENT: 0, Verdict.AMBIGUOUS: 1, Verdict.INCONSISTENT: 2}


def _suggestion(doc: Document, pair: UnitPair, outcomes: list[Outcome], profile: str) -> str | None:
    """The parentheses' contents with each wrong figure rewritten the writer's way."""
    fixes = sorted(
        ((c.b.span, corrected(c.b.number, c.converted, c.expected, profile)) for o in outcomes for c in o.misfits),
        key=lambda fix: fix[0].start,
    )
    if not fixes or any(c.b.compound for o in outcomes for c in o.misfits):
        return None  # "21 feet 4 inches" is not rewritten as a figure in feet
    pos, parts = pair.inner.start, []
    for span, new in fixes:
        parts += [doc.text[pos : span.start], new]
        pos = span.end
    return "".join(parts) + doc.text[pos : pair.inner.end]


def _near(outcome: Outcome) -> bool:
    """Every wrong figure within a factor of two of its conversion: a conversion gone wrong (a mile read as a
    kilometre is 1.6 off), not another quantity offered beside the first."""
    return all(
        c.expected and 0.5 <= c.b.number.value / c.expected <= 2.0 for c in outcome.misfits
    )


def run(extraction: Extraction, context: CheckContext) -> Iterable[Finding]:
    doc = extraction.doc
    for pair in extraction.get(unit_pairs):
        cue = pair.head.unit in ("degF", "degC") and difference_cue(doc.prose, pair.span)
        outcomes = [(s, o) for s in pair.conversions if (o := compare(pair.head, s, context.profile, cue))]
        if not outcomes:
            continue  # "5 km (3 hours)" is not a conversion
        worst = max((o for _, o in outcomes), key=lambda o: _RANK[o.verdict])
        if pair.loose and worst.verdict is Verdict.INCONSISTENT and not _near(worst):
            continue  # "it flew 10 km, 30 miles from the coast": two quantities side by side, not a conversion
        if worst.verdict is Verdict.INCONSISTENT:
            severity = (
                Severity.WARNING
                if all(o.borderline for _, o in outcomes if o.misfits)
                else Severity.ERROR
            )
        else:
            severity = Severity.INFO if worst.verdict is Verdict.CONSISTENT else Severity.WARNING
        suggestion = _suggestion(doc, pair, [o for _, o in outcomes], context.profile)
        explained = details(doc.text, pair, outcomes, context.profile)
        yield Finding(
            ID,
            worst.verdict,
            severity,
            pair.span,
            doc.text[pair.span.start : pair.span.end],
            message(doc.text, pair, outcomes, worst.verdict),
            suggestion,
            explained,
            fix=Fix.over(doc.text, pair.inner, suggestion),  # the suggestion replaces the parentheses' contents
        )
