"""The unit-pair forms of issue 15 stay linear on hostile runs of themselves: run-on joins, asides, lists of
dimensions and "and" ranges repeated over a megabyte. Growth is a log-log slope of CPU time, never seconds."""
from __future__ import annotations

import pytest

from orbitcheck.extract.pairs import unit_pairs
from orbitcheck.text import parse_document
from tests.helpers.growth import slope

SIZES = (10_000, 100_000, 1_000_000)
MAX_SLOPE = 1.15
RUNS = [
    "5 km, 3 miles, ",  # a list of run-on joins, each a candidate
    "about 22 km, or 14 miles or 9 km/6 mi \u2014 4 km \u2014 ",
    "12 feet long, 8 feet wide and 6 feet tall (3.7 meters long, 2.4 meters wide and ",  # lists never closed
    "40 and 400 kilograms (88 and 880 pounds, for those who ",  # asides never closed
    "(31 statute miles, for (or 96 km/h (that's ",  # openers without a side after them
    "a 400 km orbit (250 miles) ",
    "\u2014400\u00b0F, (\u2014204\u00b0C) ",
    "5 feet 9 inches 5 feet, and 9 inches (1.75 m) ",
    "about half a kilometer a million half a ",
    "2.1 kilometers [1.3 miles] [ 5 km [3 ",  # editor's brackets, closed and not
    "-90 degrees Celsius (-130 degrees Fahrenheit.) (5 km. ",  # a full stop before the close
    "about a mile (1.7km) an inch (a a a a (",  # "a" as the head's one
]


@pytest.mark.slow
@pytest.mark.parametrize("run", RUNS, ids=[f"run{i}" for i in range(len(RUNS))])
def test_unit_pair_forms_are_linear_on_long_runs(run):
    def make(size: int):
        doc = parse_document(run * (size // len(run)))
        return lambda: unit_pairs(doc)

    unit_pairs(parse_document(run * 10))  # warm up: the factor table and the regexes
    assert (found := slope(SIZES, make, repeat=2)) <= MAX_SLOPE, f"log-log slope {found:.2f} over {SIZES}"
