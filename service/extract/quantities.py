"""Quantity mentions and unit pairs: "5,652 pounds (2,564 kg)", "a 250-mile (400-kilometer) orbit",
"300 to 3,000 kilograms (660 to 6,600 pounds)", "100 km (62 mi; 330,000 ft)", "560km by 35,926km (348 by
22,314 miles)".

Pairs are found from their parentheses: each "(" whose contents read as quantities is matched forward, and
the quantity it converts is searched for in a bounded window just before it. Every regex repetition is
bounded, so a megabyte of digits, commas and parentheses costs time in proportion to its length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from ..text import Document
from .numbers import HEDGE, HEDGES, NUMBER, Number, parse_number
from .unitwords import UNIT, unit_key

_ADJ = r"(?:[-\s](?i:long|tall|wide|high|deep|thick|across|away|in\sdiameter|in\slength|of\sthrust))"
_RANGE = r"(?:\s?[-\u2013\u2014]\s?|\s(?:to|through|by|x|\u00d7)\s)"


def _q(n: int) -> str:
    return rf"(?P<h{n}>{HEDGE})?(?P<n{n}>{NUMBER})(?:[\s-]?(?P<u{n}>{UNIT}))?"


_SIDE = rf"{_q(1)}(?:(?P<sep>{_RANGE}){_q(2)})?(?P<adj>{_ADJ})?"
_SIDE_AT = re.compile(_SIDE)
_SIDE_AT_END = re.compile(_SIDE + r"\Z")
_OPEN = re.compile(r"\(\s?")
_LIST_SEP = re.compile(r"\s?(?:;|,|\sor)\s?")
_CLOSE = re.compile(r"\s?\)")
_QUANTITY = re.compile(rf"(?P<h1>{HEDGE})?(?P<n1>{NUMBER})[\s-]?(?P<u1>{UNIT})")
_WINDOW = 160  # longest head we look back for: two hedged, scaled numbers, a long unit name, an adjective


@dataclass(frozen=True, slots=True)
class Quantity:
    number: Number
    unit: str           # unit key (service.extract.unitwords), shared from the range's last figure if unwritten
    unit_text: str      # as written ("" when shared)
    span: Span          # the number as written, hedge excluded: what a correction replaces


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a pair: a figure, or a range / dimensions ("300 to 3,000 kg", "560km by 35,926km")."""

    quantities: tuple[Quantity, ...]
    span: Span

    @property
    def unit(self) -> str:
        return self.quantities[-1].unit


@dataclass(frozen=True, slots=True)
class UnitPair:
    head: Side                       # what was written first
    conversions: tuple[Side, ...]    # what the parentheses give (two for "(62 mi; 330,000 ft)")
    span: Span                       # head to closing parenthesis
    inner: Span                      # inside the parentheses: what a suggestion rewrites


def _side(m: re.Match[str]) -> Side | None:
    found = []
    for n in ("1", "2"):
        if m.group(f"n{n}") is None:
            continue
        number = parse_number(m.group(f"n{n}"))
        hedge = m.group(f"h{n}")
        if number is None:
            return None
        if hedge:
            number = number.with_hedge(HEDGES[hedge.strip().lower()])
        unit_text = m.group(f"u{n}") or ""
        found.append((number, unit_text, Span(*m.span(f"n{n}"))))
    last_unit = unit_key(found[-1][1]) if found[-1][1] else None
    if last_unit is None:
        return None
    quantities = []
    for number, unit_text, span in found:
        key = unit_key(unit_text) if unit_text else last_unit
        if key != last_unit:  # "5 km to 3 miles" is not a range
            return None
        quantities.append(Quantity(number, key, unit_text, span))
    return Side(tuple(quantities), Span(m.start(), m.end()))


def _paren(prose: str, at: int) -> tuple[list[Side], int, int] | None:
    opened = _OPEN.match(prose, at)
    if not opened:
        return None
    pos, sides = opened.end(), []
    while True:
        m = _SIDE_AT.match(prose, pos)
        side = _side(m) if m else None
        if side is None:
            return None
        sides.append(side)
        pos = m.end()
        closed = _CLOSE.match(prose, pos)
        if closed:
            return sides, opened.end(), closed.end()
        sep = _LIST_SEP.match(prose, pos)
        if not sep or len(sides) == 3:
            return None
        pos = sep.end()


def unit_pairs(doc: Document) -> tuple[UnitPair, ...]:
    """Every quantity followed by its conversion in parentheses, in the document's prose."""
    prose, pairs = doc.prose, []
    at = prose.find("(")
    while at >= 0:
        paren = _paren(prose, at)
        end = len(prose[:at].rstrip()) if paren else 0
        head_match = _SIDE_AT_END.search(prose, max(0, end - _WINDOW), end) if paren else None
        head = _side(head_match) if head_match else None
        if paren and head:
            sides, inner_start, close = paren
            inner_end = sides[-1].span.end
            pairs.append(UnitPair(head, tuple(sides), Span(head.span.start, close), Span(inner_start, inner_end)))
        at = prose.find("(", at + 1)
    return tuple(pairs)


def quantities(doc: Document) -> tuple[Quantity, ...]:
    """Every number written with a unit word ("5,652 pounds", "25.6km", "-129°F"), paired or not."""
    found = []
    for m in _QUANTITY.finditer(doc.prose):
        number, key = parse_number(m.group("n1")), unit_key(m.group("u1"))
        if number is not None and key is not None:
            if m.group("h1"):
                number = number.with_hedge(HEDGES[m.group("h1").strip().lower()])
            found.append(Quantity(number, key, m.group("u1"), Span(*m.span("n1"))))
    return tuple(found)
