"""Check time against size on hostile drafts (bench/hostile.py): 10 KB, 100 KB, 1 MB. Goal: linear.

    python -m bench scaling

The slope is that of log(time) against log(size) between the smallest and the largest text: 1.0 is linear,
2.0 quadratic. Each size is timed as the best of a few runs (the machine is shared and noisy); the whole
pipeline runs, Markdown masking and rendering to the JSON contract included, as a request would.
"""
from __future__ import annotations

import math
import statistics
import time
from datetime import date

from bench import figures
from bench.hostile import hostile_text
from orbitcheck.engine import check_text
from orbitcheck.formats import FileResult
from orbitcheck.formats.json import report_dict
from orbitcheck.records.store import load_store

PUBLISHED = date(2018, 11, 20)
BLOCK = 10 * 1024  # characters (nearly all ASCII)
BLOCKS = 100  # 1,000 KB in all


def _best_of(runs: int, text: str, store: object) -> tuple[float, int]:
    best, findings = math.inf, 0
    for _ in range(runs):
        start = time.perf_counter()
        report = check_text(text, published=PUBLISHED, store=store)
        report_dict([FileResult("draft.md", report)])
        best = min(best, time.perf_counter() - start)
        findings = len(report.findings)
    return best, findings


def main() -> None:
    # The same 1 MB of hostile text at every size: one 1 MB draft, ten 100 KB drafts, a hundred 10 KB drafts
    # (one seed per 10 KB block); per size, the mean time per draft. A KB then costs the same at every size
    # unless the pipeline itself is superlinear.
    blocks = [hostile_text(BLOCK, seed=i) for i in range(BLOCKS)]
    store = load_store()  # every check runs, the reference check included, as in the service
    check_text(blocks[0], store=store)  # warm-up: first-use work (registry, tables) is not what we measure
    timings = []
    for per_draft, runs in ((1, 3), (10, 2), (BLOCKS, 2)):
        drafts = ["".join(blocks[i:i + per_draft]) for i in range(0, BLOCKS, per_draft)]
        results = [_best_of(runs, draft, store) for draft in drafts]
        timings.append((BLOCK * per_draft, statistics.mean(t for t, _ in results),
                        statistics.mean(n for _, n in results)))
    for size, seconds, findings in timings:
        print(f"scaling: {size // 1024:>5} KB hostile draft  {seconds * 1000:9.1f} ms  "
              f"{seconds * 1000 / (size / 1024):7.3f} ms/KB  {findings:.1f} findings per draft", flush=True)
    (small_size, t_small, _), (large_size, t_large, _) = timings[0], timings[-1]
    slope = math.log(t_large / t_small) / math.log(large_size / small_size)
    per_kb = (t_large / large_size) / (t_small / small_size)
    verdict = "linear" if slope < 1.15 else "SUPERLINEAR"
    print(f"scaling: slope 10 KB -> 1 MB (log-log) {slope:.2f}, per-KB cost ratio {per_kb:.2f}x "
          f"(goal: linear, slope ~1.0) -> {verdict}")
    figures.record("hostile drafts, slope 10 KB -> 1 MB (log-log)", f"{slope:.2f}", "~1.0 (< 1.15)", slope < 1.15)
