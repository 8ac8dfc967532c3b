"""Reference records: store load time, and what the reference check adds to checking the seed article.

Figures: load_store() on the shipped records (parse + validate every file), search, and the seed article
(plus the seed repeated 20 times, about 70 KB) checked with every check but `reference` and with all checks,
as the ratio of the two measured side by side in this run. Best of a few runs: the machine is shared.
"""
from __future__ import annotations

import itertools
import math
import time
from datetime import date
from pathlib import Path

from orbitcheck.checks import all_checks
from orbitcheck.engine import check_text
from orbitcheck.records.store import load_store

SEED = Path(__file__).resolve().parents[1] / "tests" / "data" / "seed" / "progress-ms-10-timelapse.txt"


def _best(runs: int, work) -> float:
    best = math.inf
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    store = load_store()  # first load: imports marshmallow and the schemas too
    load = _best(5, load_store)
    search = _best(5, lambda: [store.search(q) for q in ("soyuz", "Progress 71", "gerst", "2018-098")]) / 4
    print(f"reference: load_store {len(store)} records  {load * 1000:8.1f} ms  (version {store.version})")
    print(f"reference: search                 {search * 1e6:8.1f} µs per query")
    others = [c.ID for c in all_checks() if c.ID != "reference"]
    text = SEED.read_text(encoding="utf-8")
    fresh = itertools.count()
    for label, draft in (("seed", text), ("seed x20", "\n\n".join([text] * 20))):
        def run(checks, draft=draft):
            # A new text each run: extractors memoise per document, and a cache hit is not what we measure.
            return lambda: check_text(f"{draft}\n{next(fresh)}", published=date(2018, 11, 20), markdown=False,
                                      checks=checks, store=store)
        run(None)()  # warm-up: gazetteer, pint registry, zone table
        without = _best(3, run(others))
        with_ref = _best(3, run(None))
        print(f"reference: {label:<9} {len(draft) // 1024:>3} KB  without {without * 1000:8.1f} ms  "
              f"with {with_ref * 1000:8.1f} ms  ratio {with_ref / without:5.2f}", flush=True)
