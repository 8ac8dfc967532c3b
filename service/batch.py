"""Checking many drafts: one job per draft (its text and effective settings), run serially or in a pool.

By default a tree is checked on every core this process may use (`--jobs N` chooses), except when the
drafts are too small in all for a pool to pay: each worker is a forked process and results (documents and
findings) travel back pickled, which costs more than checking a few short drafts. `choose_workers` holds the
measured break-even (`make bench`: "ci_files", "archive"; README, "Many files"). Results come back in the
order of the jobs whatever the number of workers, so the output is identical to a serial run's.
"""
from __future__ import annotations

import argparse
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from .checks.context import CheckContext
from .config import Settings
from .engine import check_document, warm_up
from .formats import FileResult, Rendered
from .text import parse_document

if TYPE_CHECKING:
    from .records.store import MissionStore

# Below this many characters of drafts in all, a pool costs more than it saves (measured, see README).
PARALLEL_MIN_CHARS = 200_000
# At most this many drafts travel to a worker at once (see _pooled).
CHUNK_MAX = 16


@dataclass(frozen=True)
class Draft:
    label: str  # the path as given, or "-" for standard input
    text: str
    markdown: bool


@dataclass(frozen=True)
class Job:
    draft: Draft
    settings: Settings


def check_job(job: Job, store: MissionStore | None = None) -> FileResult:
    s = job.settings
    doc = parse_document(job.draft.text, markdown=job.draft.markdown, published=s.published,
                         date_field=s.published_field)
    context = CheckContext(published=doc.published, profile=s.profile, default_zone=s.default_zone, store=store)
    return FileResult(job.draft.label, check_document(doc, checks=s.checks, context=context))


def choose_workers(jobs: Sequence[Job], requested: int | None) -> int:
    """`--jobs N` wins; otherwise serial when the drafts are too few or too small for a pool to pay off,
    else one worker per usable core (never more workers than drafts)."""
    if requested is not None:
        return max(1, requested)
    if len(jobs) < 2 or sum(len(j.draft.text) for j in jobs) < PARALLEL_MIN_CHARS:
        return 1
    return max(1, min(len(jobs), usable_cores()))


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity (narrowed by taskset, cpusets, many container
    runtimes), else the machine's count."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on every platform
        return os.cpu_count() or 1


def positive_jobs(value: str) -> int:
    """argparse type for --jobs: a whole number of worker processes, at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of processes, at least 1, not {value!r}")
    return number


def run_jobs(jobs: Sequence[Job], *, workers: int = 1, store: MissionStore | None = None,
             on_done: Callable[[], None] = lambda: None,
             render: Callable[[FileResult], Rendered] | None = None) -> list[FileResult | Rendered]:
    """Results in the order of `jobs`; `on_done` is called once per finished draft (progress bar).

    With `render` (the json format's `rendered`), a pool's workers render each file's entry where they
    checked it and send back that text and its tally, not the whole Report: rendering in the workers runs on
    every core, and a Report's findings cost more to pickle, send and unpickle than to render. Checked here
    (one process), results stay FileResults; the format renders them the same way."""
    # What exists now (the records, the tables, the drafts) lives through the run: frozen out of the garbage
    # collector's sight, no collection traverses it (and forked workers leave its pages shared), as
    # gunicorn_conf.when_ready does for the service. Unfrozen after, so a caller's later garbage is collected.
    gc.freeze()
    try:
        if workers <= 1 or len(jobs) < 2:
            results: list[FileResult | Rendered] = []
            for job in jobs:
                results.append(check_job(job, store))
                on_done()
            return results
        return list(_pooled(jobs, workers, store, on_done, render))
    finally:
        gc.unfreeze()


_worker_store: MissionStore | None = None


def _init_worker(store: MissionStore | None) -> None:
    global _worker_store
    _worker_store = store


def _check_in_worker(job: Job, render: Callable[[FileResult], Rendered] | None = None) -> FileResult | Rendered:
    result = check_job(job, _worker_store)
    return result if render is None else render(result)


def _pooled(jobs: Sequence[Job], workers: int, store: MissionStore | None, on_done: Callable[[], None],
            render: Callable[[FileResult], Rendered] | None = None) -> Iterator[FileResult | Rendered]:
    # fork: workers inherit the parent's imported modules and every table built so far instead of re-importing
    # and rebuilding them each; the store reaches them through the initializer without being pickled. So the
    # lazily built tables (unit factors, zones, the store's gazetteer) are built here once, before the fork.
    import multiprocessing  # here, not at import: a serial run (most CI calls) never starts a pool
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    forking = "fork" in methods
    context = multiprocessing.get_context("fork" if forking else None)
    if forking:
        warm_up(store)
        gc.freeze()  # the tables warm_up built, too
    # Small chunks: the worker that takes the last chunk finishes alone. With an eighth of the run per chunk
    # that tail is ~45 ms per 1,000 drafts on 2 cores, with 16 drafts ~5 ms (scheduled from measured per-draft
    # times); a chunk's round trip costs well under a millisecond.
    chunk = max(1, min(CHUNK_MAX, len(jobs) // (workers * 4)))
    task = _check_in_worker if render is None else partial(_check_in_worker, render=render)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                             initargs=(store,)) as pool:
        for result in pool.map(task, jobs, chunksize=chunk):
            on_done()
            yield result
