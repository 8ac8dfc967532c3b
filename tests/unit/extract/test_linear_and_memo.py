"""Extraction stays linear on hostile forms and keeps no document alive after its check (issue 17, items 1, 20).

Growth is measured by ratio (log-log slope over 10 KB -> 100 KB -> 1 MB), never by seconds: the machine is
shared and noisy, a quadratic path is not (it multiplies the time by 100 for 10 times the text).
"""
from __future__ import annotations

import gc
import math
import weakref
from datetime import date

import pytest

from orbitcheck.engine import check_document
from orbitcheck.extract import Extraction, memo
from orbitcheck.extract.clock import extract_clock_times, extract_time_pairs
from orbitcheck.extract.dates import anchor_before, extract_dates, sentence_bounds
from orbitcheck.text import parse_document
from tests.helpers.growth import best_time

SIZES = (10_000, 100_000, 1_000_000)
MAX_SLOPE = 1.15
# Weekdays and clock times in one long sentence: each time's date anchoring used to walk back over every
# weekday before it (100 KB 3.6 s, 200 KB 15.7 s).
WEEKDAYS_AND_TIMES = "Monday and 6:31 a.m. EST and Friday at 0815 GMT (3:15 a.m. EST) and "


def _cpu(text: str) -> float:
    doc = parse_document(text, published=date(2018, 11, 20))  # each check_document builds its own Extraction
    return best_time(lambda: check_document(doc, checks=["time-pair", "zone-abbreviation", "weekday-date"]), 2)


def _slope(unit: str) -> float:
    _cpu(unit * 10)  # warm up: the zone table and the regexes are built on first use
    times = [_cpu(unit * (n // len(unit))) for n in SIZES]
    return math.log(times[-1] / times[0]) / math.log(SIZES[-1] / SIZES[0])


@pytest.mark.slow
def test_weekdays_and_times_in_one_sentence_are_linear():
    slope = _slope(WEEKDAYS_AND_TIMES)
    assert slope <= MAX_SLOPE, f"log-log slope {slope:.2f} over {SIZES}"


# Round 6's time-pair forms repeated over a megabyte: comma asides (closed and never closed), ranges whose
# start writes the zone, "or" between weekdays on both sides of midnight.
ROUND6_RUNS = [
    "at 11:18pm US Eastern (8:18pm US Pacific, where the lab is) and (0318 GMT, where where where ",
    "between 4:23 a.m. EDT and 6:00 a.m. EDT (0823 to 1000 GMT) and 7:00 a.m. EDT and ",
    "at 11:41 p.m. PST Monday or 2:41 a.m. EST Tuesday or 3:41 a.m. EST Wednesday, ",
]


@pytest.mark.slow
@pytest.mark.parametrize("run", ROUND6_RUNS, ids=[f"run{i}" for i in range(len(ROUND6_RUNS))])
def test_round6_time_forms_are_linear(run):
    slope = _slope(run)
    assert slope <= MAX_SLOPE, f"log-log slope {slope:.2f} over {SIZES}"


def test_a_time_is_anchored_to_the_date_before_it_across_weekdays():
    text = "On Nov. 16, 2018, Monday, Tuesday and Wednesday passed before 6:31 a.m. EST (1131 GMT) came."
    doc = parse_document(text)
    first = extract_time_pairs(doc)[0].first[0]
    assert first.anchor is not None and first.anchor.text == "Nov. 16, 2018"
    assert first.local_date == date(2018, 11, 16)
    assert anchor_before(doc, text.index("6:31")) == first.anchor


def test_no_anchor_from_an_earlier_sentence():
    text = "It flew on Nov. 16, 2018. Then on Monday at 6:31 a.m. EST the hatch opened."
    doc = parse_document(text)
    assert anchor_before(doc, text.index("6:31")) is None
    assert sentence_bounds(doc, text.index("6:31"))[0] == text.index("Then")


def test_a_document_is_freed_after_its_check():
    doc = parse_document("Liftoff: 6:31 a.m. EST Dec. 3, 2018 (1131 GMT), 5,652 pounds (2,564 kg), Friday, Nov. 16.",
                         published=date(2018, 11, 20))
    report = check_document(doc)
    assert report.findings
    ref = weakref.ref(doc)
    del doc, report
    gc.collect()
    assert ref() is None, "a module-level cache still holds the document"


def test_extractors_share_the_engine_memo():
    doc = parse_document("At 6:31 a.m. EST Dec. 3, 2018 (1131 GMT) it flew.")
    extraction = Extraction(doc)
    assert memo(doc) is extraction
    times = extraction.get(extract_clock_times)
    assert extract_clock_times(doc) is times  # the helper found the live memo: no second scan
    assert extract_dates(doc) == extraction.get(extract_dates)
    del extraction
    gc.collect()
    assert memo(doc).get(extract_clock_times) is not times  # a new memo once the old one is gone


def test_figures_are_parsed_once_per_document_and_shared(monkeypatch):
    from orbitcheck.extract import quantities as quantities_mod
    from orbitcheck.extract.pairs import unit_pairs

    parsed: list[str] = []
    real = quantities_mod.parse_number

    def counting(text: str):
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(quantities_mod, "parse_number", counting)
    text = "It delivered about 5,652 pounds (2,564 kg) and later 5,652 pounds (2,564 kg) again."
    doc = parse_document(text)
    extraction = Extraction(doc)
    pairs = extraction.get(unit_pairs)
    found = extraction.get(quantities_mod.quantities)
    assert [p.head.quantities[0].number.value for p in pairs] == [5652.0, 5652.0]
    assert pairs[0].head.quantities[0].number.hedge is not None  # the hedge is applied to the shared figure
    assert pairs[1].head.quantities[0].number.hedge is None  # ... and not kept in the memo
    assert [q.number.value for q in found] == [5652.0, 2564.0, 5652.0, 2564.0]
    assert sorted(parsed) == ["2,564", "5,652"]  # each figure text once, for both extractors
    assert extraction.scratch(quantities_mod.Figures) is extraction.scratch(quantities_mod.Figures)
    other = Extraction(parse_document(text))
    other.get(quantities_mod.quantities)
    assert sorted(parsed) == ["2,564", "2,564", "5,652", "5,652"]  # another document has its own memo
