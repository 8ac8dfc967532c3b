"""The engine's per-stage timer: same findings with it on, every stage named, nothing counted twice."""
from __future__ import annotations

import time

from orbitcheck import engine
from orbitcheck.checks import all_checks
from orbitcheck.engine import StageTimes, check_text

DRAFT = ("Progress MS-10 delivered 5,652 pounds (2,564 kg) to the station on Friday, Nov. 16, 2018, after a "
         "launch at 1:14 p.m. EST (1814 GMT) from Baikonur. It orbits 250 miles (400 km) up.")


def _key(report):
    return [(f.check, f.start, f.end, f.verdict, f.message) for f in report.findings]


def test_timed_and_untimed_runs_find_the_same(store):
    times = StageTimes()
    assert _key(check_text(DRAFT, store=store, timings=times)) == _key(check_text(DRAFT, store=store))
    stages = set(times.seconds)
    assert {"document", "report", *(f"check {c.ID}" for c in all_checks())} <= stages
    assert {"extract unit_pairs", "extract extract_time_pairs"} <= stages
    assert all(seconds >= 0 for seconds in times.seconds.values())


def test_stage_times_add_up_to_no_more_than_the_whole(store):
    times = StageTimes()
    start = time.process_time()
    for _ in range(20):
        check_text(DRAFT, store=store, timings=times)
    whole = time.process_time() - start
    assert 0 < sum(times.seconds.values()) <= whole  # exclusive stages: an extractor is not also its check's


def test_a_check_is_not_charged_for_the_extractor_it_set_off():
    ticks = iter(range(10_000))
    times = StageTimes(clock=lambda: float(next(ticks)))
    check_text(DRAFT, checks=["unit-pair"], timings=times)
    # One clock tick per call: the check's interval holds the extractor's two readings, which are its own.
    extract = times.seconds["extract unit_pairs"]
    assert extract == 1.0
    assert times.seconds["check unit-pair"] == 3.0 - extract  # start, extractor start+end, end -> 3, minus 1


def test_off_costs_no_wrapper(monkeypatch):
    made = []
    monkeypatch.setattr(engine, "_TimedExtraction", lambda *a: made.append(a))
    check_text(DRAFT)
    assert made == []
