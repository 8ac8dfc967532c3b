"""Hostile drafts: text made of what extractors look for, with no sentence or paragraph breaks to stop them.

Shared by tests/unit/engine/test_hostile.py (the 1 MB case finishes) and bench/bench_scaling.py (time against size).
Long runs of one repeated token are what push a regular expression with nested or overlapping
quantifiers into backtracking; a mixture of claim-shaped tokens exercises the paired-claim logic.
"""
from __future__ import annotations

import random

TOKENS = (
    "1", "12", "5,652", "2,564", "1,5", "1.5", "0", "-3", "1e308", "9" * 40, ",", ", ", " ", "  ", "(", ")",
    "((", "))", "()", "-", "to", "about", "million", "km", "kilometers", "mi", "miles", "ft", "feet", "m",
    "lb", "lbs", "pounds", "kg", "t", "tons", "metric tons", "mph", "km/h", "knots", "AU", "°F", "°C",
    "degrees", "Fahrenheit", "pounds of thrust", "meganewtons", "6:31", "a.m.", "p.m.", "1131", "1814:08",
    "GMT", "UTC", "EST", "EDT", "Moscow time", "Baikonur time", "local time", "noon", "Dec. 3", "Nov. 16",
    "2018", "Friday", "Progress MS-10", "Soyuz MS-11", "launch", "delivered",
)
# Each repeated for a long stretch: the inputs that make backtracking regexes quadratic or worse.
RUNS = (
    "1", "1,", "1, ", "1 ", "1.", "1,0", "(", ")", "((1 ", "1 km ", "km ", "5 km (", "1:", "12:00 ", "a.m. ",
    "1-", "- ", "_", "a_", "`", "*", " ", "\t", "1e", "GMT ", "EST (", "(1131 GMT) ", "miles (", "to ",
    "million ", "Dec. ", "Friday, ",
)


def hostile_text(size: int, seed: int = 0) -> str:
    """About `size` characters (exactly `size`), deterministic for a given seed."""
    rnd = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        if rnd.random() < 0.2:
            chunk = rnd.choice(RUNS) * rnd.randint(50, 2000)
        else:
            chunk = " ".join(rnd.choice(TOKENS) for _ in range(rnd.randint(5, 60))) + " "
        parts.append(chunk)
        length += len(chunk)
    return "".join(parts)[:size]
