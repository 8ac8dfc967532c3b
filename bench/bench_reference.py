"""Reference records: store load time, and what the reference check adds to checking the seed article.

Figures: load_store() on the shipped records (parse + validate every file), search, and the seed article
(plus the seed repeated 20 times, about 70 KB) checked with every check but `reference` and with all checks,
as the ratio of the two measured side by side in this run. Best of a few runs: the machine is shared.

Then the reference check's own cost per 1,000 words on the bench draft (bench_engine.DRAFT): all checks minus
all checks but `reference`, median CPU time, with the shipped records and with 500 synthetic records added
(copies of the shipped ones under new names, aliases, crews and dates): the cost must not grow with the records.
"""
from __future__ import annotations

import itertools
import math
import statistics
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from orbitcheck.checks import all_checks
from orbitcheck.engine import check_text
from orbitcheck.records.store import CrewMember, ReferenceStore, load_store

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
    reference_cost()


def synthetic_store(base, count: int) -> ReferenceStore:
    """`base`'s missions plus `count` synthetic ones: each a shipped record under a new name, alias, crew and
    dates (shifted by whole weeks), so the gazetteer and the indexes grow as a catalogue of `count` would."""
    shipped = base.missions()
    extra = []
    for i in range(count):
        m = shipped[i % len(shipped)]
        shift = timedelta(weeks=i + 1)
        launch = replace(m.launch, time=m.launch.time + shift) if m.launch else None
        events = tuple(replace(e, time=e.time + shift) for e in m.events)
        crew = tuple(CrewMember(f"Synthia Crewmember{i:03d}x{k}", c.source) for k, c in enumerate(m.crew))
        extra.append(replace(m, id=f"synth-{i:03d}", name=f"Synthex {m.family} {i:03d}",
                             aliases=(f"SX-{i:03d}", f"Synthex {i:03d}"), launch=launch, events=events, crew=crew,
                             expeditions=tuple(str(200 + i) for _ in m.expeditions[:1])))
    return ReferenceStore([*shipped, *extra], f"{base.version}+{count}")


def _median_cpu(work, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.process_time()
        work()
        samples.append(time.process_time() - start)
    return statistics.median(samples)


def reference_cost() -> None:
    from bench.bench_engine import DRAFT

    words = len(DRAFT.split())
    others = [c.ID for c in all_checks() if c.ID != "reference"]
    fresh = itertools.count()
    base = load_store()
    for label, store in (("shipped", base), ("+500 synthetic", synthetic_store(base, 500))):
        def run(checks, store=store):
            return lambda: check_text(f"{DRAFT}\n{next(fresh)}", checks=checks, store=store)
        run(None)()  # warm-up: the gazetteer and indexes of this store
        without = _median_cpu(run(others), 60)
        with_ref = _median_cpu(run(None), 60)
        per_k = (with_ref - without) * 1000 * 1000 / words
        print(f"reference: cost per 1,000 words, {len(store):>3} records ({label}): {per_k:6.2f} ms CPU "
              f"(all checks {with_ref * 1000:6.2f} ms, without reference {without * 1000:6.2f} ms, {words} words)",
              flush=True)
