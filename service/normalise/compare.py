"""Compare a figure with its conversion at the writer's precision (the statcheck idea).

Each written number is an interval (service.extract.numbers.Number.interval). A side of a pair is
consistent under a reading when, for every figure, the head's interval converted overlaps the written
conversion's interval. Every standard reading is tried; a pair is never inconsistent if any reading fits.

Hedges: a hedge written before the whole pair ("about 3,410 pounds (1,563 kg)", "more than 9,000 mph
(14,500 km/h)") qualifies the quantity, and the conversion is of the figure as written: it neither widens
the arithmetic nor opens a bound, so it is dropped from the head before comparing. A hedge inside the
parentheses ("10 kilometers (more than six miles)", "(about 1,550 kg)") is the writer saying the conversion
itself is loose or a bound, and is kept. A figure written "76.000" may be 76 or (European thousands) 76,000:
when the decimal reading fits no reading, the thousands reading is tried too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..extract.numbers import DASH_SIGNS
from ..extract.quantities import Quantity, Side
from ..model import Span, Verdict, quick_init
from ..vocabulary.hedges import ABOVE, BELOW
from .units import Conversion, conversions

_TEMPERATURES = frozenset({"degF", "degC"})  # the units read as a temperature or as a difference
_EPSILON = 1e-9  # float noise in factors (e.g. °F -> °C) must not decide a verdict


@quick_init
@dataclass(frozen=True, slots=True)
class Comparison:
    """One figure and its conversion under one reading."""

    a: Quantity
    b: Quantity
    given: tuple[float, float]  # a's interval
    expected: float  # a's value converted
    converted: tuple[float, float]  # a's interval converted
    written: tuple[float, float]  # b's interval
    fits: bool

    @property
    def gap(self) -> float:
        """How far apart the intervals are (0 when they overlap), in b's unit."""
        return max(0.0, self.written[0] - self.converted[1], self.converted[0] - self.written[1])


@quick_init
@dataclass(frozen=True, slots=True)
class Outcome:
    """The verdict on one parenthesised side against the head."""

    verdict: Verdict
    conversion: Conversion | None
    comparisons: tuple[Comparison, ...]
    fitting: tuple[str, ...]  # every reading under which the side is consistent
    misfits: tuple[Comparison, ...] = ()  # the comparisons that do not fit (inconsistent outcomes only)
    borderline: bool = False  # off by less than one unit of the last written digit


def _compare(head: Side, side: Side, conversion: Conversion, profile: str) -> tuple[Comparison, ...]:
    out = []
    for a, b in zip(head.quantities, side.quantities, strict=True):
        given = lo, hi = a.number.interval(profile)
        converted = (conversion(lo), conversion(hi))
        written = b.number.interval(profile)
        slack = _EPSILON * max(abs(b.number.value), 1.0)
        fits = converted[0] <= written[1] + slack and written[0] <= converted[1] + slack
        out.append(Comparison(a, b, given, conversion(a.number.value), converted, written, fits))
    return tuple(out)


def _distance(comparisons: tuple[Comparison, ...]) -> float:
    return sum(abs(c.expected - c.b.number.value) / max(abs(c.b.number.value), 1e-12) for c in comparisons)


def _unhedged(side: Side) -> Side:
    """The side with the hedges of its figures dropped (a hedge before the whole pair)."""
    if not any(q.number.hedge for q in side.quantities):
        return side
    return Side(tuple(Quantity(q.number.with_hedge(None), q.unit, q.unit_text, q.span) for q in side.quantities),
                side.span, side.joiner, side.adjective)


def _thousands(side: Side) -> Side | None:
    """The side with each "76.000" figure read as 76,000, or None when it has none."""
    if not any(q.number.dot_thousands for q in side.quantities):
        return None
    return replace(side, quantities=tuple(replace(q, number=q.number.as_thousands()) if q.number.dot_thousands
                                          else q for q in side.quantities))


def _dash_flipped(side: Side) -> Side | None:
    """The side with each figure signed by an en or em dash read unsigned ("\u2014173" as a dash and 173),
    or None when it has none: a dash glued to a figure is a minus in "\u2013305\u00b0F (\u2013187\u00b0C)" and
    punctuation in "the orbit \u2014300 km (186 miles)"."""
    if not any(q.number.sign in DASH_SIGNS for q in side.quantities):
        return None
    return replace(side, quantities=tuple(
        replace(q, number=replace(q.number, value=-q.number.value, sign="")) if q.number.sign in DASH_SIGNS
        else q for q in side.quantities))


def compare(head: Side, side: Side, profile: str = "news", difference_cue: bool = False) -> Outcome | None:
    """None when no reading makes the two sides the same kind of quantity (then it is not a conversion)."""
    readings = conversions(head.unit, side.unit, profile)
    if not readings:
        return None
    if len(head.quantities) != len(side.quantities):
        return Outcome(Verdict.AMBIGUOUS, None, (), ())
    head = _unhedged(head)
    outcome = _compare_all(head, side, readings, profile, difference_cue)
    if outcome.verdict is Verdict.INCONSISTENT:
        # Only the head's dash may be punctuation: in the conversion a dash glued to the figure comes right after
        # "(" or a join ("(–346°F)", ", or –346°F") and is a minus; read unsigned there it lets
        # "–210°C (–450°F)" pass as 210 °C (450 °F) at round-figure precision.
        for alt_head, alt_side in ((_thousands(head), side), (head, _thousands(side)), (_dash_flipped(head), side)):
            if alt_head is not None and alt_side is not None:
                alt = _compare_all(alt_head, alt_side, readings, profile, difference_cue)
                if alt.verdict is Verdict.CONSISTENT:
                    return alt
    return outcome


def _compare_all(head: Side, side: Side, readings: tuple[Conversion, ...], profile: str,
                 difference_cue: bool) -> Outcome:
    if head.unit in _TEMPERATURES and not difference_cue and any(
        q.number.hedge in (ABOVE, BELOW) or q.number.value < 0 for q in (*head.quantities, *side.quantities)
    ):
        # Without words of change, a bounded or a negative temperature is a reading on the thermometer: an
        # open bound fits a reading it should not ("100 °F (more than 50 °C)" is 37.8 °C; only as a
        # difference, 55.6, is it more than 50), and "-70 °C (-122 °F)" is wrong (-94 °F), not a fall of 70.
        readings = tuple(c for c in readings if not c.difference) or readings
    by_factor: dict[tuple[float, float, bool], tuple[Comparison, ...]] = {}
    tried = []  # readings with the same factor (pound -> kg as mass or as force) share one computation
    for c in readings:
        key = (c.scale, c.offset, c.difference)
        if key not in by_factor:
            by_factor[key] = _compare(head, side, c, profile)
        tried.append((c, by_factor[key]))
    fitting = [(c, comps) for c, comps in tried if all(x.fits for x in comps)]
    names = tuple(c.reading for c, _ in fitting)
    if fitting:
        cued = [t for t in fitting if t[0].difference] if difference_cue else []
        closest = fitting[0] if len(fitting) == 1 else min(fitting, key=lambda t: _distance(t[1]))
        chosen, comps = cued[0] if cued else closest
        return Outcome(Verdict.CONSISTENT, chosen, comps, names)
    chosen, comps = tried[0] if len(tried) == 1 else min(tried, key=lambda t: _distance(t[1]))
    misfits = tuple(c for c in comps if not c.fits)
    borderline = all(c.gap <= c.b.number.half_unit for c in comps)
    return Outcome(Verdict.INCONSISTENT, chosen, comps, names, misfits, borderline)


_CUES = re.compile(
    r"(?i)\b(?:warm|cool|hott|cold|rise|rose|risen|rising|increas|decreas|drop|fell|fall|differ|"
    r"chang|anomal|by|up|down|higher|lower|above|below|spread|swing|vari)\w{0,6}\b(?!\s(?:to|as)\b)"
)  # "fell by 20", "a rise of 3": a change; "fell to -70", "up to 86", "as cold as": a reading


def difference_cue(prose: str, span: Span) -> bool:
    """Words near a temperature pair that say it is a change ("warmer by", "a rise of", "... warmer")."""
    return bool(_CUES.search(prose, max(0, span.start - 60), min(len(prose), span.end + 40)))
