"""Quantity mentions and unit pairs: "5,652 pounds (2,564 kg)", "a 250-mile (400-kilometer) orbit",
"300 to 3,000 kilograms (660 to 6,600 pounds)", "100 km (62 mi; 330,000 ft)", "560km by 35,926km (348 by
22,314 miles)".

Pairs are found from their parentheses: each "(" whose contents read as quantities is matched forward, and
the quantity it converts must end just before it; its start is found by trying the number starts in a
bounded window from the nearest back. Every regex repetition is bounded and every match anchored, so a megabyte of digits, commas
and parentheses costs time in proportion to its length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from ..text import Document
from .numbers import HEDGE, HEDGES, NUMBER, WORD_VALUES, Number, parse_number
from .patterns import trie
from .unitwords import UNIT, unit_key

_ADJ = r"(?:[-\s](?i:long|tall|wide|high|deep|thick|across|away|in\sdiameter|in\slength|of\sthrust))"
_RANGE = r"(?:\s?[-\u2013\u2014]\s?|\s(?:to|through|by|x|\u00d7)\s)"


def _q(n: int) -> str:
    return rf"(?P<h{n}>{HEDGE})?(?P<n{n}>{NUMBER})(?:[\s-]?(?P<u{n}>{UNIT}))?"


_SIDE = rf"{_q(1)}(?:(?P<sep>{_RANGE}){_q(2)})?(?P<adj>{_ADJ})?"
_SIDE_AT = re.compile(_SIDE)
_OPEN = re.compile(r"\(\s?")
_LIST_SEP = re.compile(r"\s?(?:;|,|\sor)\s?")
_CLOSE = re.compile(r"\s?\)")
_QUANTITY = re.compile(rf"(?P<h1>{HEDGE})?(?P<n1>{NUMBER})[\s-]?(?P<u1>{UNIT})")
# Where a number may start: digits (with a sign) or a word; words are kept only if they are number words.
_START = re.compile(rf"(?<![\w.,:/])(?:[-\u2212~]?\.?\d|(?i:{trie([*WORD_VALUES, 'minus', 'negative'])})(?!\w))")
_WINDOW = 80  # longest head we look back over: "-129 degrees Fahrenheit to 134 degrees Fahrenheit" is 50


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


def _hedged(prose: str, start: int) -> int:
    """`start` moved back over a hedge written just before it ("about ", "more than ")."""
    if start < 2 or not prose[start - 1].isspace():
        return start
    words = prose[max(0, start - 16):start].split()[-2:]
    for n in (2, 1):
        hedge = " ".join(words[-n:]).lower()
        if len(words) >= n and hedge in HEDGES:
            back = prose.rfind(words[-n], 0, start)
            if back == 0 or not prose[back - 1].isalnum():
                return back
    return start


def _head(prose: str, end: int) -> Side | None:
    """The longest side ending at `end`: number starts are tried from the nearest back, while they match."""
    if end == 0 or not (prose[end - 1].isalnum() or prose[end - 1] in "°.²³"):
        return None  # a head ends with its unit or an adjective
    starts = [m.start() for m in _START.finditer(prose, max(0, end - _WINDOW), end)]
    found = []
    for start in reversed(starts):
        m = _SIDE_AT.fullmatch(prose, start, end)
        if m is None:
            break
        found.append((start, m))
    for start, m in reversed(found):
        begin = _hedged(prose, start)  # a hedge only ever adds to a head that already matches
        hedged = _SIDE_AT.fullmatch(prose, begin, end) if begin != start else None
        side = _side(hedged or m)
        if side:
            return side
    return None


def unit_pairs(doc: Document) -> tuple[UnitPair, ...]:
    """Every quantity followed by its conversion in parentheses, in the document's prose."""
    prose, pairs = doc.prose, []
    at = prose.find("(")
    while at >= 0:
        paren = _paren(prose, at)
        head = _head(prose, len(prose[max(0, at - 8):at].rstrip()) + max(0, at - 8)) if paren else None
        if paren and head:
            sides, inner_start, close = paren
            pairs.append(UnitPair(head, tuple(sides), Span(head.span.start, close),
                                  Span(inner_start, sides[-1].span.end)))
        at = prose.find("(", at + 1)
    return tuple(pairs)


def quantities(doc: Document) -> tuple[Quantity, ...]:
    """Every number written with a unit word ("5,652 pounds", "25.6km", "-129°F"), paired or not."""
    prose, found = doc.prose, []
    for start in _START.finditer(prose):
        m = _QUANTITY.match(prose, _hedged(prose, start.start()))
        number = parse_number(m.group("n1")) if m else None
        key = unit_key(m.group("u1")) if m else None
        if m and number is not None and key is not None:
            if m.group("h1"):
                number = number.with_hedge(HEDGES[m.group("h1").strip().lower()])
            found.append(Quantity(number, key, m.group("u1"), Span(*m.span("n1"))))
    return tuple(found)
