"""quantities() matches at each number start with a pattern that tries only "~" as a hedge there (no hedge
word begins where a number does); it must match exactly what the full pattern matches at those starts."""
from __future__ import annotations

import random

from orbitcheck.extract import quantities
from orbitcheck.extract.numbers import A_SCALE, HALF_A, HEDGES, WORD_VALUES
from orbitcheck.vocabulary.patterns import trie

# What START matches, written plainly: the oracle of its fast form.
START_PLAIN = (
    rf"(?<![\w.,:/])(?:[-\u2212\u2013\u2014~]?\.?\d|(?i:{trie([*WORD_VALUES, 'minus', 'negative'])}|{A_SCALE}|{HALF_A})"
    r"(?!\w))"
)


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


def test_mass_quantities_are_the_quantities_with_a_mass_unit() -> None:
    """mass_quantities reads a figure only where a mass unit may follow it; it must find every mass that
    quantities() finds, and nothing else."""
    from bench.archive import drafts  # real-style drafts of our own
    from bench.bench_engine import DRAFT
    from orbitcheck.text import parse_document

    rng = random.Random(190)
    units = ["kg", "Kg", "kilos", "pounds", "lbs.", "lb", "tons", "metric-tons", "tonnes", "t", "grams", "g", "oz",
             "short tons", "U.S. tons", "long ton", "pounds of thrust", "tons-force", "km", "mph", "\u00b0F", "kN"]
    figures = ["5", "~5", "about 5", "more than 1,500", "2.5", "twenty", "a million", "\u22123", "1.4 million"]
    texts = [DRAFT, *drafts().values()] + [
        " ".join(f"{rng.choice(figures)}{rng.choice(['', ' ', '-'])}{rng.choice(units)}{rng.choice(['', '.', ','])}"
                 for _ in range(rng.randrange(1, 12))) for _ in range(2000)]
    masses = 0
    for text in texts:
        doc = parse_document(text)
        expected = tuple(q for q in quantities.quantities(doc) if q.unit in quantities.MASS_UNITS)
        assert quantities.mass_quantities(doc) == expected, text
        masses += len(expected)
    assert masses > 2000


def test_start_finds_what_the_plain_pattern_finds() -> None:
    """START opens with its first characters' class (fast to skip to); it must find the plain pattern's
    number starts, span for span, over a whole text and in a window of one."""
    import re

    from bench.archive import drafts
    from bench.bench_engine import DRAFT

    plain = re.compile(START_PLAIN)
    rng = random.Random(50)
    pieces = [*"0123456789.,:/-~ aAhHsS\u017foOtTzZ\u2212\u2013\u2014_\u00e9", "one", "Twelve", "ninety", "a million",
              "half a", "halfa", "Minus", "negative", "seventeen", "sixty-six", "\u017fix", "SIX", "1/2", "3:45"]
    texts = [DRAFT, *drafts().values()] + ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))
                                           for _ in range(5000)]
    found = 0
    for text in texts:
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in quantities.START.finditer(text)] == want, text
        found += len(want)
        lo = rng.randrange(0, len(text) + 1)
        hi = rng.randrange(lo, len(text) + 1)
        assert [m.span() for m in quantities.START.finditer(text, lo, hi)] == [
            m.span() for m in plain.finditer(text, lo, hi)], (text, lo, hi)
    assert found > 5000
