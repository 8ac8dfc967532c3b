"""Check time against size on hostile drafts (bench/hostile.py): 10 KB, 100 KB, 1 MB. Goal: linear.

The slope is that of log(time) against log(size) between the smallest and the largest text: 1.0 is linear,
2.0 quadratic. Each size is timed as the best of a few runs (the machine is shared and noisy); the whole
pipeline runs, Markdown masking and rendering to the JSON contract included, as a request would.
"""
from __future__ import annotations

import math
import time

from bench.hostile import hostile_text
from service.engine import check_text
from service.formats import FileResult
from service.formats.json import report_dict

SIZES = ((10 * 1024, 7), (100 * 1024, 3), (1024 * 1024, 2))  # characters (nearly all ASCII), runs


def _best_of(runs: int, text: str) -> tuple[float, int]:
    best, findings = math.inf, 0
    for _ in range(runs):
        start = time.perf_counter()
        report = check_text(text)
        report_dict([FileResult("draft.md", report)])
        best = min(best, time.perf_counter() - start)
        findings = len(report.findings)
    return best, findings


def main() -> None:
    check_text(hostile_text(2048))  # warm-up: first-use work (registry, tables) is not what we measure
    timings = []
    for size, runs in SIZES:
        seconds, findings = _best_of(runs, hostile_text(size))
        timings.append((size, seconds))
        print(f"scaling: {size // 1024:>5} KB hostile draft  {seconds * 1000:9.1f} ms  "
              f"{seconds * 1000 / (size / 1024):7.3f} ms/KB  {findings} findings", flush=True)
    (small, t_small), (large, t_large) = timings[0], timings[-1]
    slope = math.log(t_large / t_small) / math.log(large / small)
    per_kb = (t_large / large) / (t_small / small)
    verdict = "linear" if slope < 1.15 else "SUPERLINEAR"
    print(f"scaling: slope 10 KB -> 1 MB (log-log) {slope:.2f}, per-KB cost ratio {per_kb:.2f}x "
          f"(goal: linear, slope ~1.0) -> {verdict}")
