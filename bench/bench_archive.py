"""A newsroom archive: `orbitcheck check --jobs N DIR` on 1,000 real-style drafts (bench/archive.py), with
--jobs 1 and --jobs 2, whole command timed (process start, imports, the records, every draft, the JSON).

Printed: files per second for each, the speed-up (goal, issue 18: close to 2x on 2 cores, which needs 2 idle
cores), the peak memory of the whole process tree (the sum of the RSS of the command and its workers,
sampled from /proc every 20 ms), and whether the two outputs are identical byte for byte (goal: yes).

    python -m bench archive
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import figures
from bench.archive import make_archive
from bench.server import children, rss_kib

FILES = int(os.environ.get("BENCH_ARCHIVE_FILES", "1000"))


def _tree_rss_kib(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += rss_kib(current)
        except (OSError, RuntimeError):  # ended while we looked
            continue
        todo.extend(children(current))
    return total


def _run(argv: list[str]) -> tuple[float, int, bytes, int, float]:
    """(wall seconds, peak tree RSS in KiB, stdout, exit status, CPU seconds of the command and its workers)."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss_kib(proc.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, wait_status, usage = os.wait4(proc.pid, 0)  # rusage includes the workers it waited for
        wall = time.perf_counter() - started
        status = os.waitstatus_to_exitcode(wait_status)
        proc.returncode = status
        done.set()
        sampler.join()
        out.seek(0)
        return wall, peak[0], out.read(), status, usage.ru_utime + usage.ru_stime


def main() -> None:
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_archive(Path(tmp), FILES)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        base = [sys.executable, "-m", "orbitcheck.cli", "check", "--format", "json", "--fail-on", "never"]
        runs = {}
        for jobs in (1, 2):
            load = figures.load_average()
            wall, peak, output, status, cpu = _run(base + ["--jobs", str(jobs), tmp])
            if status != 0:
                raise RuntimeError(f"orbitcheck check --jobs {jobs} exited with {status}")
            runs[jobs] = (wall, peak, output)
            print(f"archive: {FILES} drafts ({words:,} words), --jobs {jobs}: {wall:.2f} s, "
                  f"{FILES / wall:.0f} files/s, {cpu:.2f} s CPU, peak memory {peak / 1024:.0f} MB (command and "
                  f"workers); "
                  f"load average {load:.1f}", flush=True)
            figures.record(f"archive --jobs {jobs} (files/s)", f"{FILES / wall:.0f} files/s",
                           "" if jobs == 1 else "~2x --jobs 1", None)
            figures.record(f"archive --jobs {jobs} peak memory", f"{peak / 1024:.0f} MB", "reported", None)
    speedup = runs[1][0] / runs[2][0]
    identical = runs[1][2] == runs[2][2]
    print(f"archive: speed-up --jobs 2 / --jobs 1 = {speedup:.2f}x on {cores} cores (goal: close to 2x with 2 idle "
          f"cores); output identical: {'yes' if identical else 'NO'} ({len(runs[1][2]):,} bytes of JSON)")
    figures.record("archive speed-up, --jobs 2 vs 1", f"{speedup:.2f}x", "close to 2x", speedup >= 1.7)
    figures.record("archive output, --jobs 2 identical to --jobs 1", "yes" if identical else "NO", "yes", identical)
