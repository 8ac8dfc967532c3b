"""Growth with input size, measured as a log-log slope of run time (never an absolute time).

slope 1.0 is linear, 2.0 quadratic. Each size is timed best-of-`repeat` and counted in CPU time (thread_time), so one scheduler hiccup or a busy machine cannot
fail a test; a linear path measured 10 KB -> 100 KB -> 1 MB stays well under 1.15.
"""
from __future__ import annotations

import contextlib
import gc
import math
import time
from collections.abc import Callable, Sequence


@contextlib.contextmanager
def collector_paused():
    """The cyclic garbage collector off (after a full collection) inside the block: a collection that happens to
    fall in the largest run, over the objects it made, is the collector's growth, not the code's."""
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def best_time(run: Callable[[], object], repeat: int = 3) -> float:
    """Best CPU time of `repeat` runs, each with the cyclic garbage collector paused (collector_paused)."""
    best = math.inf
    for _ in range(repeat):
        with collector_paused():
            start = time.thread_time()
            run()
            best = min(best, time.thread_time() - start)
    return best


def slope(sizes: Sequence[int], make: Callable[[int], Callable[[], object]], repeat: int = 3) -> float:
    """Least-squares slope of log(time) on log(size); `make(size)` builds the input and returns the work."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(best_time(make(s), repeat), 1e-6)) for s in sizes]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
