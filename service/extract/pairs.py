"""Unit pairs: a quantity followed by its conversion in parentheses. "5,652 pounds (2,564 kg)", "a
250-mile (400-kilometer) orbit", "300 to 3,000 kilograms (660 to 6,600 pounds)", "100 km (62 mi; 330,000
ft)", "560km by 35,926km (348 by 22,314 miles)".

Pairs are found from their parentheses: each "(" whose contents read as sides is matched forward; the side
it converts must end just before it, and its start is found by trying the number starts in a bounded
window from the nearest back. Parentheses holding numbers that are not sides ("(GMT-4)", "(1951-1980)",
"(1131 GMT)") give nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from ..text import Document
from .quantities import SIDE_AT, START, Side, hedged_start, read_side

_OPEN = re.compile(r"\(\s?")
_LIST_SEP = re.compile(r"\s?(?:[;,/](?:\s?or)?|\sor)\s?")  # "(62 mi; 330,000 ft)", "(62 mi, or 330,000 ft)"
_CLOSE = re.compile(r"\s?\)")
# What may continue a side leftwards: a range or dimension joiner, a sign word, or a digit.
_CONTINUES = re.compile(r"(?:[-\u2013\u2014\u00d7\d]|(?<!\w)(?i:to|through|by|x|minus|negative))\s?\Z")
_AFTER_FIGURE = re.compile(r"\d[ \t]\Z")
_NEAR = 40  # most heads fit here; look back over _WINDOW only when the side may go on further left
_WINDOW = 80  # longest head we look back over: "-129 degrees Fahrenheit to 134 degrees Fahrenheit" is 50


@dataclass(frozen=True, slots=True)
class UnitPair:
    head: Side  # what was written first
    conversions: tuple[Side, ...]  # what the parentheses give (two for "(62 mi; 330,000 ft)")
    span: Span  # head to closing parenthesis
    inner: Span  # inside the parentheses: what a suggestion rewrites


def _paren(prose: str, at: int) -> tuple[list[Side], int, int] | None:
    opened = _OPEN.match(prose, at)
    if not opened:
        return None
    pos, sides = opened.end(), []
    while True:
        m = SIDE_AT.match(prose, pos)
        side = read_side(m) if m else None
        if m is None or side is None:
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


def _matches_back(prose: str, start: int, end: int) -> tuple[list[tuple[int, re.Match[str]]], bool]:
    """Sides ending at `end` from the number starts in [start, end), nearest first, while they match;
    and whether the scan was stopped by one that did not (then no earlier start can begin the side)."""
    found: list[tuple[int, re.Match[str]]] = []
    for begin in reversed([m.start() for m in START.finditer(prose, start, end)]):
        m = SIDE_AT.fullmatch(prose, begin, end)
        if m is None:
            return found, True
        found.append((begin, m))
    return found, False


def _head(prose: str, end: int) -> Side | None:
    """The longest side ending at `end`: number starts are tried from the nearest back, while they match."""
    if end == 0 or not (prose[end - 1].isalnum() or prose[end - 1] in "°.²³\u2109\u2103"):
        return None  # a head ends with its unit or an adjective
    near = max(0, end - _NEAR)
    found, stopped = _matches_back(prose, near, end)
    if (
        near
        and not stopped
        and (not found or _CONTINUES.search(prose, max(0, found[-1][0] - 12), found[-1][0]))
    ):
        found, _ = _matches_back(prose, max(0, end - _WINDOW), end)  # a range may start further back
    for start, m in reversed(found):
        begin = hedged_start(prose, start)  # a hedge only ever adds to a head that already matches
        hedged = SIDE_AT.fullmatch(prose, begin, end) if begin != start else None
        side = read_side(hedged or m)
        if side:
            # A figure right after another ("2.8 one billion miles") is garbled copy: no head to check.
            return None if _AFTER_FIGURE.search(prose, max(0, side.span.start - 3), side.span.start) else side
    return None


def unit_pairs(doc: Document) -> tuple[UnitPair, ...]:
    """Every quantity followed by its conversion in parentheses, in the document's prose."""
    prose, pairs = doc.prose, []
    at = prose.find("(")
    while at >= 0:
        paren = _paren(prose, at)
        head = _head(prose, len(prose[max(0, at - 8) : at].rstrip()) + max(0, at - 8)) if paren else None
        if paren and head:
            sides, inner_start, close = paren
            pairs.append(
                UnitPair(
                    head, tuple(sides), Span(head.span.start, close), Span(inner_start, sides[-1].span.end)
                )
            )
        at = prose.find("(", at + 1)
    return tuple(pairs)
