"""Words and arithmetic for a unit-pair finding: the one-sentence message and the `details` object."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..extract.numbers import SCALES
from ..extract.pairs import UnitPair
from ..extract.quantities import Quantity, Side
from ..model import Verdict
from .compare import Outcome


def _num(x: float) -> float | None:
    return round(x, 9) if math.isfinite(x) else None  # JSON has no infinity: an open bound is null


def _show(x: float, like: Quantity) -> str:
    """The exact conversion, one digit finer than the writer's figure (a round figure: as fine)."""
    number = like.number
    digits = number.decimals + (0 if number.round_figure else 1)
    scale = SCALES[number.scale] if number.scale else 1.0
    return f"{x / scale:,.{digits}f}" + (f" {number.scale}" if number.scale else "")


def _written(text: str, q: Quantity, side: Side) -> str:
    return " ".join(
        f"{text[q.span.start : q.span.end]} {q.unit_text or side.quantities[-1].unit_text}".split()
    )


def details(
    text: str, pair: UnitPair, outcomes: Sequence[tuple[Side, Outcome]], profile: str
) -> dict[str, Any]:
    def figure(c: Any, side: Side) -> dict[str, Any]:
        return {
            "from": _written(text, c.a, pair.head),
            "from_interval": [_num(x) for x in c.given],
            "converted": _num(c.expected),
            "converted_interval": [_num(x) for x in c.converted],
            "written": _written(text, c.b, side),
            "written_interval": [_num(x) for x in c.written],
            "fits": c.fits,
        }

    return {
        "profile": profile,
        "sides": [
            {
                "reading": o.conversion.reading if o.conversion else None,
                "readings_that_fit": list(o.fitting),
                "factor": _num(o.conversion.scale) if o.conversion else None,
                "offset": _num(o.conversion.offset) if o.conversion else None,
                "figures": [figure(c, side) for c in o.comparisons],
            }
            for side, o in outcomes
        ],
    }


def message(text: str, pair: UnitPair, outcomes: Sequence[tuple[Side, Outcome]], verdict: Verdict) -> str:
    """One sentence: what the head converts to and whether the parentheses say so."""
    if verdict is Verdict.AMBIGUOUS:
        side = next(s for s, o in outcomes if o.verdict is Verdict.AMBIGUOUS)
        return (
            f"'{text[side.span.start : side.span.end]}' gives {len(side.quantities)} figure(s) for the "
            f"{len(pair.head.quantities)} in '{text[pair.head.span.start : pair.head.span.end]}', "
            "so the conversion cannot be checked."
        )
    said, wrong = [], []
    for side, outcome in outcomes:
        for c in outcome.comparisons:
            if verdict is Verdict.CONSISTENT or not c.fits:
                unit = " ".join(side.quantities[-1].unit_text.split()) or side.unit  # "21 feet 4 inches": ft
                said.append(f"{_written(text, c.a, pair.head)} is {_show(c.expected, c.b)} {unit}")
                wrong.append(_written(text, c.b, side))
    if verdict is Verdict.INCONSISTENT:
        return " and ".join(f"{s}, not {w}" for s, w in zip(said, wrong, strict=True)) + "."
    return f"{' and '.join(said)}: the conversion holds at the precision written."
