"""Unit pairs: a quantity followed by its conversion in parentheses. "5,652 pounds (2,564 kg)", "a
250-mile (400-kilometer) orbit", "300 to 3,000 kilograms (660 to 6,600 pounds)", "100 km (62 mi; 330,000
ft)", "560km by 35,926km (348 by 22,314 miles)".

Pairs are found from their parentheses: each "(" whose contents read as sides is matched forward; the side
it converts must end just before it, and its start is found by trying the number starts in a bounded
window from the nearest back. Parentheses holding numbers that are not sides ("(GMT-4)", "(1951-1980)",
"(1131 GMT)") give nothing. The parentheses may open with "or" or "that's" and close on an aside without
figures ("(31 statute miles, for those who think in imperial)"); a list of dimensions converted in one
parenthesis is paired figure by figure. A conversion may also run on without parentheses after a comma,
"or" or a slash ("about 22 km, or 14 miles", "149 million km/93 million miles"), unless a list goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span, quick_init
from ..text import Document
from ..vocabulary.unitwords import UNIT, unit_key
from . import memo
from .numbers import HEDGE, HEDGES, parse_number
from .quantities import SIDE_AT, START, Figures, Quantity, Side, hedged_start, read_side

# "(62 mi", "(or 96 km/h", "(that's about 5 miles per second": words a conversion may open with.
_OPEN = re.compile(r"\(\s?(?:(?i:or|that's|that\u2019s|that\sis|i\.e\.,?|which\sis|equal\sto|equivalent\sto)\s)?")
# An editor's brackets do the same, "2.1 kilometers [1.3 miles]": the prose masks the "[" (Markdown), so what
# follows it is matched from the next character.
_OPEN_REST = re.compile(r"\s?(?:(?i:or|that's|that\u2019s|that\sis|i\.e\.,?|which\sis|equal\sto|equivalent\sto)\s)?")
# "(62 mi; 330,000 ft)", "(62 mi, or 330,000 ft)", "(3.7 meters long, 2.4 meters wide and 1.8 meters tall)"
_LIST_SEP = re.compile(r"\s?(?:[;,/](?:\s?(?:or|and))?|\sor|\sand)\s?")
# The parenthesis may hold the sentence's full stop: "(minus 96 degrees Celsius.)".
_CLOSE = re.compile(r"\s?[!.]?\s?[)\]]")
_SHUT = {"(": ")", "[": "]"}
# A last item of the list in a unit we do not know ("(15 million km; 39 LD)"): the items before it stand.
_UNREAD_ITEM = re.compile(r"[-\u2212~]?\d[\d.,]{0,12}(?:\s(?i:million|billion))?\s?[^\W\d]{1,8}\.?\s?[)\]]")
# A noun after a head used as an adjective: "a 5.2 billion kilometre mission (3.2 billion miles)".
_NOUN_BEFORE = re.compile(r"\s[a-z]{3,14}\Z")
# An aside after the conversion, without figures: "(31 statute miles, for those who think in imperial)",
# "(400 km above the pad)"; not a bound ("(10 km or more)"), which would change what the figure says.
# Nor a second measurement ("(3 miles from the pad)", "(5 km, away from the crater)").
_ASIDE = re.compile(
    r"(?:,(?!\s?(?i:from|away|off|to|beyond|past|behind|short)\b)\s?"
    r"|\s(?=(?i:above|below|across|in|at|on|of|for|up|down|high|deep|each|apiece|total)\b))"
    r"(?![^()]{0,60}(?i:\bor\s(?:more|less|so|higher|lower)\b|\bplus\b))[^\d()\[\]]{1,60}[)\]]"
)
# What may continue a side leftwards: a range or dimension joiner, a sign word, or a digit.
_CONTINUES = re.compile(r"(?:[-\u2013\u2014\u00d7\d]|(?<!\w)(?i:to|through|by|x|and|minus|negative))\s?\Z")
_AFTER_FIGURE = re.compile(r"\d[ \t]\Z")
_PRIMES = frozenset(("\u2032", "'", "\u2019"))  # the feet of "6\u20322\u2033", "6'2\u2033"
_BETWEEN = re.compile(r"(?i:between)\s\Z")
# Between two dimensions of a list written before the parentheses ("12 feet long, 8 feet wide and 6 feet
# tall"), perhaps after an aside of their own ("10 feet long (not including the arm), 9 feet wide").
_LIST_JOIN = re.compile(r"(?:\s\([^\d()]{1,40}\))?(?:,\s?(?:and\s)?|,?\sand\s)\Z")
# A conversion written without parentheses: "about 22 km, or 14 miles", "6.1 million kilometers, 3.8 million
# miles", "149 million km/93 million miles", "11 million pounds \u2014 about 5,000 metric tons". It starts after a
# unit word and before a figure.
_RUN_ON = re.compile(
    rf"(?P<join>,\s?(?:or\s)?|\sor\s|\s?/\s?|\s[\u2013\u2014]\s)(?=(?:{HEDGE})?[-\u2212~]?\.?\d)"
)
# Where a join may be (scanned for first: a set of first characters is found fast, a lookbehind is not).
_RUN_ON_CUE = re.compile(rf"[,/\u2013\u2014](?=\s?(?:or\s)?(?:{HEDGE})?[-\u2212~]?\.?\d)")
_FIGURE_NEXT = re.compile(rf"(?:{HEDGE})?[-\u2212~]?\.?\d")
_UNIT_END = frozenset(".\u00b0\u00b2\u00b3\u2109\u2103\u2033")
# A list goes on after the second figure, or ran before the first: then the figures are not one quantity.
_LIST_AFTER = re.compile(r"\s?(?:[,;]|\sand\b|\sor\b)[^\d;()]{0,16}\d")
_LIST_BEFORE = re.compile(r"\d\s?[^\W\d]{1,14}\.?,\s?\Z")
# After a conversion joined by a bare comma, a word of relation makes it a second measurement: "the crater
# is 3 km wide, 5 miles from the rim".
_RELATION_AFTER = re.compile(
    r"\s(?i:from|away|off|to|of|beyond|past|behind|ahead|short|north|south|east|west|farther|further|closer|"
    r"nearer|more|less|longer|shorter|higher|lower|deeper|wider|later|earlier|before|after)\b"
)
# "a" or "an" as the figure one, only as the head of a conversion: "about a mile (1.7km)", "an inch (2.5 cm)".
_A_UNIT = re.compile(rf"(?<![\w-])(?P<h>{HEDGE})?(?P<a>(?i:an?))\s(?P<u>{UNIT})\Z")
_NEAR = 40  # most heads fit here; look back over _WINDOW only when the side may go on further left
_WINDOW = 80  # longest head we look back over: "-129 degrees Fahrenheit to 134 degrees Fahrenheit" is 50


@quick_init
@dataclass(frozen=True, slots=True)
class UnitPair:
    head: Side  # what was written first
    conversions: tuple[Side, ...]  # what the parentheses give (two for "(62 mi; 330,000 ft)")
    span: Span  # head to closing parenthesis
    inner: Span  # inside the parentheses: what a suggestion rewrites
    loose: bool = False  # set off only by a comma or a dash ("6.1 million km, 3.8 million miles"): weaker


def _paren(prose: str, parsed: Figures, at: int, opener: str = "(") -> tuple[list[Side], int, int] | None:
    """The sides inside the parenthesis (or the bracket, `opener` "[") at `at`: (sides, their start, close)."""
    opened = _OPEN.match(prose, at) if opener == "(" else _OPEN_REST.match(prose, at + 1)
    if not opened:
        return None
    shut = _SHUT[opener]
    m = SIDE_AT.match(prose, opened.end())
    side = read_side(m, parsed) if m else None
    sides: list[Side] = []
    while m is not None and side is not None:
        sides.append(side)
        pos = m.end()
        closed = _CLOSE.match(prose, pos)
        if closed:
            return (sides, opened.end(), closed.end()) if prose[closed.end() - 1] == shut else None
        sep = _LIST_SEP.match(prose, pos) if len(sides) < 3 else None
        if sep is None:
            break
        m = SIDE_AT.match(prose, sep.end())
        side = read_side(m, parsed) if m else None
        if side is None and (unread := _UNREAD_ITEM.match(prose, sep.end())) and prose[unread.end() - 1] == shut:
            return sides, opened.end(), unread.end()
    if not sides:
        return None
    aside = _ASIDE.match(prose, sides[-1].span.end)
    return (sides, opened.end(), aside.end()) if aside and prose[aside.end() - 1] == shut else None


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


def _head(prose: str, parsed: Figures, end: int, figures: int = 1) -> Side | None:
    """The longest side ending at `end`: number starts are tried from the nearest back, while they match.
    A range joined by "and" ("40 and 400 kilograms") is one only after "between" or when the conversion
    gives two `figures` too: "3 engines and 400 kilograms (880 pounds)" converts 400 kilograms."""
    if end == 0 or not (prose[end - 1].isalnum() or prose[end - 1] in "°.²³\u2109\u2103\u2033"):
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
        side = read_side(hedged or m, parsed)
        if side and side.joiner == "and" and figures != 2 and not _BETWEEN.search(prose, max(0, start - 9), start):
            continue
        if side:
            # A figure right after another ("2.8 one billion miles") is garbled copy: no head to check; nor
            # are the inches of feet written with primes ("6\u20322\u2033 (188 cm)": not read as 2 inches).
            first = side.quantities[0].span.start
            if _AFTER_FIGURE.search(prose, max(0, side.span.start - 3), side.span.start) \
                    or (first >= 2 and prose[first - 1] in _PRIMES and prose[first - 2].isdigit()):
                return None
            return side
    return None


def _a_head(prose: str, end: int) -> Side | None:
    """ "a mile" / "about an inch" ending at `end` as a side of one unit (read as the word "one"), or None."""
    m = _A_UNIT.search(prose, max(0, end - 40), end)
    key = unit_key(m["u"]) if m else None
    one = parse_number("one")
    if m is None or key is None or one is None:
        return None
    hedge = m["h"]
    number = one.with_hedge(HEDGES[hedge.strip().lower()]) if hedge else one
    quantity = Quantity(number, key, m["u"], Span(m.start("a"), m.end("a")))
    return Side((quantity,), Span(m.start(), end))


def _list_heads(prose: str, parsed: Figures, last: Side, count: int) -> list[Side] | None:
    """`count` dimensions written before the parentheses, ending with `last`; None when there are not."""
    heads = [last]
    while len(heads) < count:
        start = heads[0].span.start
        join = _LIST_JOIN.search(prose, max(0, start - 48), start)
        head = _head(prose, parsed, join.start()) if join else None
        if head is None:
            return None
        heads.insert(0, head)
    return heads


def _openings(prose: str, text: str) -> list[tuple[int, str]]:
    """Where a conversion may open: each "(" of the prose, and each "[" of the text that the prose masks and
    a "]" closes within the line (str.find scans: no pattern runs over the whole text)."""
    found = []
    at = prose.find("(")
    while at >= 0:
        found.append((at, "("))
        at = prose.find("(", at + 1)
    parentheses = len(found)
    at = text.find("[")
    while at >= 0:
        if prose[at] == " " and prose.find("]", at + 1, at + 80) >= 0:
            found.append((at, "["))
        at = text.find("[", at + 1)
    return sorted(found) if len(found) > parentheses else found


def _paren_pairs(prose: str, parsed: Figures, text: str | None = None) -> list[UnitPair]:
    pairs = []
    for at, opener in _openings(prose, text if text is not None else prose):
        paren = _paren(prose, parsed, at, opener)
        if paren:
            sides, inner_start, close = paren
            # Between the head and "(": spaces, perhaps a comma ("-225 F, (-143 C)") or a dash ("tall \u2014 (").
            lo = max(0, at - 8)
            end = lo + len(prose[lo:at].rstrip())
            if end > lo and prose[end - 1] in ",\u2013\u2014":
                end = lo + len(prose[lo : end - 1].rstrip())
            head = _head(prose, parsed, end, len(sides[0].quantities))
            if head is None and len(sides) == 1 and len(sides[0].quantities) == 1:
                head = _a_head(prose, end)
            if head is None and (noun := _NOUN_BEFORE.search(prose, max(0, end - 16), end)):
                head = _head(prose, parsed, noun.start(), len(sides[0].quantities))
                if head and (head.quantities[-1].unit_text.endswith("s") or head.adjective):
                    head = None  # "250 miles altitude (400 km)": only a unit written as an adjective
            if head and len(head.quantities) != 2 and (sides[0].joiner == "and" or (
                    len(sides) > 1 and any(s.joiner == "and" for s in sides))):
                head = None  # "(88 and 880 pounds)" converts a range written the same way, or nothing
            if head and len(sides) > 1 and (all(s.dimension for s in sides) or len({s.unit for s in sides}) == 1):
                # A list of dimensions, converted one by one ("12 feet long, 8 feet wide (3.7 m long, 2.4 m
                # wide)"); the same unit twice is never two conversions of one figure.
                heads = _list_heads(prose, parsed, head, len(sides))
                for h, side in zip(heads or (), sides, strict=False):
                    pairs.append(UnitPair(h, (side,), Span(h.span.start, close), side.span))
            elif head:
                pairs.append(
                    UnitPair(head, tuple(sides), Span(head.span.start, close), Span(inner_start, sides[-1].span.end))
                )
    return pairs


def _run_on_pairs(prose: str, parsed: Figures, paren: list[UnitPair]) -> list[UnitPair]:
    """Conversions written without parentheses, after a comma, "or" or a slash, outside the `paren` pairs."""
    pairs: list[UnitPair] = []
    inside, taken = 0, None
    cues = [cue.start() for cue in _RUN_ON_CUE.finditer(prose)]
    at = prose.find(" or ")
    while at >= 0:  # " or " found as a string: a pattern starting with a space would stop at every space
        if _FIGURE_NEXT.match(prose, at + 4):
            cues.append(at)
        at = prose.find(" or ", at + 1)
    for at in sorted(cues):
        if at and prose[at - 1] == " " and prose[at] in "/\u2013\u2014":
            at -= 1  # " / ", " \u2014 "
        before = prose[at - 1] if at else ""
        m = _RUN_ON.match(prose, at) if before.isalpha() or before in _UNIT_END else None
        if m is None:
            continue  # a join comes right after a unit word
        if taken is None:
            taken = _merged(paren)
        while inside < len(taken) and taken[inside].end <= m.start():
            inside += 1
        if inside < len(taken) and taken[inside].start <= m.start():
            continue  # within a parenthesised pair: its own list
        # After a slash the figure is read on its own (NUMBER will not start after "/", as in "1/2").
        slash = m.group("join").strip() == "/"
        conv = SIDE_AT.match(prose[m.end() : m.end() + 120]) if slash else SIDE_AT.match(prose, m.end())
        side = read_side(conv, parsed, m.end() if slash else 0) if conv else None
        comma = m.group("join").strip() in (",", "\u2013", "\u2014")  # a bare comma or a dash: an aside
        if side is None or ((comma or slash) and _LIST_AFTER.match(prose, side.span.end)):
            continue
        if comma and _RELATION_AFTER.match(prose, side.span.end):
            continue
        head = _head(prose, parsed, m.start(), len(side.quantities))
        if head is None or (comma and _LIST_BEFORE.search(prose, max(0, head.span.start - 24), head.span.start)):
            continue
        if head.adjective and side.adjective and head.adjective != side.adjective:
            continue  # "3 km wide, 5 miles long": two dimensions
        if head.unit == side.unit:
            continue  # "20 tons, 30 tons when full": one unit twice is two quantities, not a conversion
        if side.joiner == "and" and len(head.quantities) != 2:
            continue  # "20 miles, 40 km and 60 km": a list, not a range
        pairs.append(UnitPair(head, (side,), Span(head.span.start, side.span.end), side.span, loose=comma))
    return pairs


def _merged(pairs: list[UnitPair]) -> list[Span]:
    """The pairs' spans in order, merged where they overlap (the figures of a dimension list)."""
    taken: list[Span] = []
    for span in sorted(p.span for p in pairs):
        if taken and span.start < taken[-1].end:
            taken[-1] = Span(taken[-1].start, max(taken[-1].end, span.end))
        else:
            taken.append(span)
    return taken


def unit_pairs(doc: Document) -> tuple[UnitPair, ...]:
    """Every quantity followed by its conversion, in parentheses or run on, in the document's prose."""
    prose, parsed = doc.prose, memo(doc).scratch(Figures)
    paren = _paren_pairs(prose, parsed, doc.text)
    run_on = _run_on_pairs(prose, parsed, paren)
    if not run_on:
        return tuple(paren)
    return tuple(sorted(paren + run_on, key=lambda p: (p.span.start, p.span.end)))
