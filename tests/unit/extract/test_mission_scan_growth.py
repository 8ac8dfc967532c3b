"""Issue 17 item 1: "HTV-7 Abc Cosmodrome. " repeated made the mission scan quadratic (each "... Cosmodrome" match
re-tested every mission found so far). The scan's time must grow linearly with the text: measured as a ratio of
CPU times (log-log slope from 10 KB through 100 KB to 1 MB), never against seconds."""
from __future__ import annotations

import math
import time

import pytest

from orbitcheck.checks.reference.claims import gazetteer
from orbitcheck.extract.missions import mission_extractor
from orbitcheck.text import parse_document

UNIT = "HTV-7 Abc Cosmodrome. "


def _cpu(scan, doc, runs: int) -> float:
    best = math.inf
    for _ in range(runs):
        start = time.process_time()
        scan(doc)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.slow
def test_the_mission_scan_is_linear_in_the_text(store):
    scan = mission_extractor(gazetteer(store))
    sizes = (10_000, 100_000, 1_000_000)
    docs = [parse_document((UNIT * (n // len(UNIT) + 1))[:n], markdown=False) for n in sizes]
    found = scan(docs[0])
    assert sum(m.kind == "name" for m in found) == docs[0].text.count("HTV-7")  # every mention still found
    times = [_cpu(scan, doc, runs) for doc, runs in zip(docs, (15, 5, 2), strict=True)]
    slope = math.log(times[2] / times[0]) / math.log(sizes[2] / sizes[0])
    assert slope <= 1.15, (times, slope)
