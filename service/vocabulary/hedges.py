"""Hedge words, once: what a writer puts before a figure or a clock time to say it is not exact.

Before a figure ("about 3,000 pounds"), APPROX widens the written interval both ways, ABOVE and BELOW make
one-sided bounds. Before a clock time ("around 3 a.m.", "shortly after 6"), any hedge widens the tolerance.
Inside a pair's parenthesis only the plain approximate words are read ("(about 1130 GMT)").
"""
from __future__ import annotations

APPROX, ABOVE, BELOW = "approx", "above", "below"

# Approximate words that read the same before a figure and before a time.
_APPROXIMATE = ("about", "nearly", "roughly", "around", "approximately", "approx.", "almost", "some", "~")

QUANTITY: dict[str, tuple[str, ...]] = {
    APPROX: (*_APPROXIMATE, "an estimated"),
    ABOVE: ("more than", "over", "at least", "upward of", "upwards of"),
    BELOW: ("up to", "less than", "under", "at most", "fewer than"),
}

# Before a clock time: the approximate words, and the phrases that place a time near an instant.
TIME: tuple[str, ...] = (
    "shortly before", "shortly after", "just before", "just after", "soon after", "close to",
    *_APPROXIMATE, "circa", "ca.",
)

# Opening a pair's parenthesis before its clock time.
TIME_IN_PARENTHESES: tuple[str, ...] = tuple(w for w in _APPROXIMATE if w != "approx.") + ("circa",)
