"""Quantity mentions ("5,652 pounds", "25.6km", "-129°F") and the sides of unit pairs: a figure, a range
("300 to 3,000 kilograms", "7-9 miles", "-129°F to 134°F") or dimensions ("560km by 35,926km"), hedged,
hyphenated ("250-mile", "2,500-mile-long") or followed by an adjective ("400 feet tall").

Every regex repetition is bounded and every match anchored at a number start, so a megabyte of digits,
commas and parentheses costs time in proportion to its length. Pairs: service/extract/pairs.py.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from operator import itemgetter

from ..model import Span, quick_init
from ..text import Document
from ..vocabulary.patterns import trie
from ..vocabulary.unitwords import UNIT, surfaces, unit_key
from . import memo
from .numbers import A_SCALE, HALF_A, HEDGE, HEDGES, NUMBER, WORD_VALUES, Number, parse_number

_ADJ = r"(?:[-\s](?i:long|tall|wide|high|deep|thick|across|away|up|in\sdiameter|in\slength|of\sthrust))"
# "and" joins a range only after "between" or where the conversion is a range too (service/extract/pairs.py).
_RANGE = r"(?:\s?[-\u2013\u2014]\s?|\s(?:to|through|by|x|\u00d7|and)\s)"


def _q(n: int) -> str:
    return rf"(?P<h{n}>{HEDGE})?(?P<n{n}>{NUMBER})(?:[\s-]?(?P<u{n}>{UNIT}))?"


# Feet and inches: "21 feet 4 inches", "5 ft 9 in.", "21 feet 4-inches" (read as one figure in feet).
_INCHES = r"(?:,?\s(?:and\s)?(?P<in1>\d{1,2}(?:\.\d{1,2})?)[\s-]?(?i:inches|inch|in\.)(?!\w))"
_SIDE = rf"{_q(1)}{_INCHES}?(?:(?P<sep>{_RANGE}){_q(2)})?(?P<adj>{_ADJ})?"
SIDE_AT = re.compile(_SIDE)
# read_side takes m.groups() once (not nine lookups by name), in this order; n1 and n2 by their numbers.
_SIDE_GROUPS = itemgetter(
    *(SIDE_AT.groupindex[g] - 1 for g in ("h1", "n1", "u1", "in1", "sep", "h2", "n2", "u2", "adj"))
)
_N1, _N2 = SIDE_AT.groupindex["n1"], SIDE_AT.groupindex["n2"]
_QUANTITY = re.compile(rf"(?P<h1>{HEDGE})?(?P<n1>{NUMBER})[\s-]?(?P<u1>{UNIT})")
# _QUANTITY where a number starts (START): there no hedge word can begin (none starts with a number word),
# only "~"; the hedge words' alternation is tried only where hedged_start found one.
_QUANTITY_AT_START = re.compile(rf"(?P<h1>~\s?)?(?P<n1>{NUMBER})[\s-]?(?P<u1>{UNIT})")
MASS_UNITS = frozenset({"kg", "lb", "g", "oz", "ton", "tonne", "short_ton", "long_ton"})
# Necessary for a mass at a number start (a figure, then a mass unit's first letters): mass_quantities() reads
# a figure in full only where this matches, so the other figures (lengths, speeds, years) cost one short test.
_MASS_AHEAD = re.compile(rf"(?:~\s?)?{NUMBER}[\s-]?(?i:{trie(surfaces(MASS_UNITS))})")


def _start_pattern() -> str:
    """Where a number may start: a sign, "~" or a point before a digit, or a number word, not right after a word
    character or one of ".,:/" (the plain form, kept as the oracle in the tests). Written to open with the
    class of first characters (a sign, a point, a digit, or a number word's first letter in either case), which
    sre skips to without entering the pattern; a lookbehind over that character and the one before it checks
    what the plain form's opening lookbehind checks. Number words are grouped by first letter, each group the
    trie of the rest of its words (so longer words still win)."""
    words: dict[str, list[str]] = {}
    for word in [*WORD_VALUES, "minus", "negative"]:
        words.setdefault(word[0], []).append(word[1:])
    rests = {first: trie(tails) for first, tails in words.items()}
    rests["a"] = A_SCALE[1:]   # a(?=\s(?i:thousand|...)\b): only before a scale word
    rests["h"] = HALF_A[1:]    # half\san?
    cases = {first: first + first.upper() + ("\u017f" if first == "s" else "") for first in rests}  # ſ folds to s
    groups = "|".join(f"(?<=[{cases[first]}])(?:{rest})" for first, rest in rests.items())
    return (rf"[-\u2212\u2013\u2014~.\d](?<![\w.,:/].)(?:(?<=[-\u2212\u2013\u2014~])\.?\d|(?<=\.)\d|(?<=\d))"
            rf"|[{''.join(cases.values())}](?<![\w.,:/].)(?i:{groups})(?!\w)")


# Where a number may start: digits (with a sign or "~") or a number word ("six", "twenty", "minus").
START = re.compile(_start_pattern())


@quick_init
@dataclass(frozen=True, slots=True)
class Quantity:
    number: Number
    unit: str  # unit key (service.extract.unitwords), shared from the range's last figure if unwritten
    unit_text: str  # as written ("" when shared)
    span: Span  # the number as written, hedge excluded: what a correction replaces
    compound: bool = False  # feet and inches ("21 feet 4 inches"): its span holds both, no rewrite is offered


@quick_init
@dataclass(frozen=True, slots=True)
class Side:
    """One side of a pair: a figure, or a range / dimensions ("300 to 3,000 kg", "560km by 35,926km")."""

    quantities: tuple[Quantity, ...]
    span: Span
    joiner: str = ""  # what joins a range's two figures ("to", "-", "and"), "" for one figure
    adjective: str = ""  # "long", "wide", ... as written after the side, "" when none

    @property
    def unit(self) -> str:
        return self.quantities[-1].unit

    @property
    def dimension(self) -> bool:
        """Written with an adjective ("3.7 meters long", "2.4 meters wide"): one dimension of a list."""
        return self.adjective != ""


class Figures(dict[str, "Number | None"]):
    """`parse_number` of each figure's text (no hedge) in one document, parsed on first use: quantities() and
    the unit pairs' sides read the same figures, and a head is often tried more than once."""

    __slots__ = ()

    def __missing__(self, text: str) -> Number | None:
        number = self[text] = parse_number(text)
        return number


def read_side(m: re.Match[str], parsed: Figures, offset: int = 0) -> Side | None:
    """The side a match of SIDE_AT reads, or None; `parsed` is the document's Figures, `offset` places a
    match made on a slice of the prose."""
    h1, n1, u1, inches, sep, h2, n2, u2, adj = _SIDE_GROUPS(m.groups())
    if inches:
        return _feet_and_inches(m, parsed, offset)
    last_text = u2 if n2 else u1
    last_unit = unit_key(last_text) if last_text else None
    if last_unit is None:  # the last figure carries the unit; checked first because it is cheap
        return None
    quantities = []
    for n, hedge, written, unit_text in ((_N1, h1, n1, u1), (_N2, h2, n2, u2)):
        if written is None:
            continue
        # The last figure's unit is already looked up: only a first figure's own unit needs its lookup.
        key = last_unit if not unit_text or unit_text == last_text else unit_key(unit_text)
        number = parsed[written]
        if key != last_unit or number is None:  # "5 km to 3 miles" is not a range
            return None
        if hedge:
            number = number.with_hedge(HEDGES[hedge.strip().lower()])
        start, end = m.span(n)
        quantities.append(Quantity(number, key, unit_text or "", Span(start + offset, end + offset)))
    joiner = sep.strip().lower() if sep else ""
    adjective = adj.strip(" -").lower() if adj else ""
    return Side(tuple(quantities), Span(m.start() + offset, m.end() + offset), joiner, adjective)


def _feet_and_inches(m: re.Match[str], parsed: Figures, offset: int) -> Side | None:
    """ "21 feet 4 inches" as one figure in feet, precise to half the inch written; None unless in feet."""
    hedge, feet_text, unit_text, inch_text = m.group("h1", "n1", "u1", "in1")
    feet = parsed[feet_text]
    if feet is not None and hedge:
        feet = feet.with_hedge(HEDGES[hedge.strip().lower()])
    if m.group("n2") or not unit_text or unit_key(unit_text) != "ft" or feet is None or feet.decimals:
        return None
    inches = float(inch_text)
    decimals = len(inch_text.partition(".")[2])
    number = Number(feet.value + math.copysign(inches, feet.value or 1.0) / 12, 0.5 * 10.0**-decimals / 12, 0, 0,
                    feet.separator, None, False, feet.sign, feet.hedge)
    adjective = (m.group("adj") or "").strip(" -").lower()
    end = (m.start("adj") if m.group("adj") else m.end()) + offset  # the figure: feet to the inch word
    quantity = Quantity(number, "ft", "", Span(m.start("n1") + offset, end), compound=True)
    return Side((quantity,), Span(m.start() + offset, m.end() + offset), "", adjective)


_HEDGE_ENDS = frozenset(h.split()[-1] for h in HEDGES)  # the last word of each hedge ("than" of "more than")


def hedged_start(prose: str, start: int) -> int:
    """`start` moved back over a hedge written just before it ("about ", "more than ")."""
    if start < 2 or not prose[start - 1].isspace():
        return start
    words = prose[max(0, start - 16) : start].split()[-2:]
    if not words or words[-1].lower() not in _HEDGE_ENDS:
        return start  # most figures: the word before ends no hedge
    for n in (2, 1):
        hedge = " ".join(words[-n:]).lower()
        if len(words) >= n and hedge in HEDGES:
            back = prose.rfind(words[-n], 0, start)
            if back == 0 or not prose[back - 1].isalnum():
                return back
    return start


def quantities(doc: Document) -> tuple[Quantity, ...]:
    """Every number written with a unit word ("5,652 pounds", "25.6km", "-129°F"), paired or not."""
    return _quantities(doc, None)


def mass_quantities(doc: Document) -> tuple[Quantity, ...]:
    """The quantities with a mass unit (what quantities() gives with one of MASS_UNITS), read only where a
    mass unit may follow the figure."""
    return _quantities(doc, _MASS_AHEAD)


def _quantities(doc: Document, ahead: re.Pattern[str] | None) -> tuple[Quantity, ...]:
    prose, found, parsed = doc.prose, [], memo(doc).scratch(Figures)
    for start in START.finditer(prose):
        if ahead is not None and ahead.match(prose, start.start()) is None:
            continue
        m = _QUANTITY_AT_START.match(prose, start.start())
        if m is None:
            continue  # most figures carry no unit: look for a hedge only before one that does
        begin = hedged_start(prose, start.start())
        if begin != start.start():
            m = _QUANTITY.match(prose, begin) or m
        number = parsed[m.group("n1")] if m else None
        key = unit_key(m.group("u1")) if m else None
        if m and number is not None and key is not None and (ahead is None or key in MASS_UNITS):
            if m.group("h1"):
                number = number.with_hedge(HEDGES[m.group("h1").strip().lower()])
            found.append(Quantity(number, key, m.group("u1"), Span(*m.span("n1"))))
    return tuple(found)
