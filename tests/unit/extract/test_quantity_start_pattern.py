"""quantities() matches at each number start with a pattern that tries only "~" as a hedge there (no hedge
word begins where a number does); it must match exactly what the full pattern matches at those starts."""
from __future__ import annotations

import random

from orbitcheck.extract import quantities
from orbitcheck.extract.numbers import HEDGES


def _texts(count: int = 4000) -> list[str]:
    rng = random.Random(153)
    words = [*HEDGES, "one", "seven", "twenty-five", "a million", "half a", "minus", "negative", "5", "~5", "~ 5",
             "1,500", "3.7", "\u22123", "\u20133", "km", "miles", "kg", "pounds", "metric tons", "\u00b0F", "-", "."]
    return [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 14))) for _ in range(count)]


def test_the_start_pattern_matches_what_the_full_one_does_at_every_number_start() -> None:
    tried = matched = 0
    for text in _texts():
        for start in quantities.START.finditer(text):
            full = quantities._QUANTITY.match(text, start.start())
            fast = quantities._QUANTITY_AT_START.match(text, start.start())
            assert (fast and (fast.span(), fast.groupdict())) == (full and (full.span(), full.groupdict())), text
            tried += 1
            matched += full is not None
    assert tried > 5000 and matched > 1000
