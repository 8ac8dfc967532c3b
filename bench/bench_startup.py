"""Cold start to ready (goals, issue 18: create_app() + first /readyz < 0.6 s, gunicorn boot < 0.8 s) and worker
memory after warm-up (goal < 120 MB RSS).

- in-process: a fresh interpreter imports the service, calls create_app() and gets 200 from /readyz (the
  figure timed inside that process, wall and CPU, plus the wall time including the interpreter's own start);
- gunicorn: from spawning gunicorn with service/gunicorn_conf.py to the first 200 from /readyz;
- each twice: "first start", with an empty cache directory (the unit factor table is derived with pint and
  written: what a fresh install or a new pint pays once), and "warm", reading the table written by a first
  start (every later start; a Docker image builds the table at `docker build`, so its first start is warm);
- RSS of each worker (/proc/<pid>/status, VmRSS) after a warm-up of check requests.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import figures
from bench.server import DRAFT, ROOT, SINGLE_CLAIM, gunicorn, request, rss_kib

RUNS = 5
WARM_UP_REQUESTS = 300
_IN_PROCESS = """
import time
start, cpu = time.perf_counter(), time.process_time()
from orbitcheck.app import create_app
app = create_app()
status = app.test_client().get("/readyz").status_code
print(status, time.perf_counter() - start, time.process_time() - cpu)
"""
# The floor on this machine at this moment: a one-route Flask app, same measurement.
_PLAIN_FLASK = """
import time
start, cpu = time.perf_counter(), time.process_time()
from flask import Flask
app = Flask("plain")
app.get("/readyz")(lambda: {"ready": True})
status = app.test_client().get("/readyz").status_code
print(status, time.perf_counter() - start, time.process_time() - cpu)
"""
CACHE_ENV = "ORBITCHECK_CACHE_DIR"


def _in_process(script: str = _IN_PROCESS, cache: Path | None = None) -> tuple[float, float, float]:
    """(wall seconds inside the fresh process, its CPU seconds, wall seconds including interpreter start-up)."""
    env = {**os.environ, **({CACHE_ENV: str(cache)} if cache is not None else {})}
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    wall = time.perf_counter() - started
    status, inside, cpu = out.stdout.split()
    if status != "200":
        raise RuntimeError(f"/readyz answered {status} in a fresh process")
    return float(inside), float(cpu), wall


def _warm_up(port: int) -> None:
    headers = {"Content-Type": "application/json"}
    for i in range(WARM_UP_REQUESTS):
        text = DRAFT if i % 2 else SINGLE_CLAIM
        body = json.dumps({"text": text, "published": "2018-11-20", "include_passing": True}).encode()
        status, _ = request(port, "POST", "/v1/check", body, headers)
        if status != 200:
            raise RuntimeError(f"warm-up request answered {status}")


def main() -> None:
    print(f"startup: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (times scale with it)")
    with tempfile.TemporaryDirectory() as tmp:
        warm_cache = Path(tmp) / "warm"
        _in_process(cache=warm_cache)  # a first start writes the table the warm runs read
        cold, warm = [], []
        for run in range(RUNS):  # alternate, so a burst of load elsewhere spoils both alike
            cold.append(_in_process(cache=Path(tmp) / f"cold{run}"))
            warm.append(_in_process(cache=warm_cache))
        plain = statistics.median(_in_process(_PLAIN_FLASK)[0] for _ in range(RUNS))
        for label, runs in (("first start (no table yet)", cold), ("warm (table on disk)", warm)):
            inside, cpu, wall = (statistics.median(column) for column in zip(*runs, strict=True))
            print(f"startup: create_app() + first /readyz 200 in a fresh process, {label}: median {inside:.3f} s "
                  f"wall, {cpu:.3f} s CPU (with interpreter start {wall:.3f} s; goal < 0.6 s); a one-route Flask "
                  f"app {plain:.3f} s, ratio {inside / plain:.1f}x", flush=True)
        for label, runs, goal in (("warm", warm, True), ("first start", cold, False)):
            inside, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            figures.record(f"create_app() + first /readyz, {label}", f"{inside:.3f} s (CPU {cpu:.3f} s)",
                           "< 0.6 s" if goal else "", (inside < 0.6) if goal else None)

        boots: dict[str, list[float]] = {"first start": [], "warm": []}
        for run in range(RUNS):
            for label, cache in (("first start", Path(tmp) / f"gcold{run}"), ("warm", warm_cache)):
                with gunicorn(env={CACHE_ENV: str(cache)}) as server:
                    boots[label].append(server.ready_after)
                    if run == RUNS - 1 and label == "warm":
                        master_rss = rss_kib(server.master)
                        _warm_up(server.port)
                        workers = {pid: rss_kib(pid) for pid in server.workers()}
    for label, values in boots.items():
        print(f"startup: gunicorn spawn -> first /readyz 200, {label}: median {statistics.median(values):.3f} s, "
              f"max {max(values):.3f} s over {RUNS} boots (goal < 0.8 s)", flush=True)
    boot = statistics.median(boots["warm"])
    figures.record("gunicorn boot -> first 200, warm (s)", f"{boot:.3f} s", "< 0.8 s", boot < 0.8)
    figures.record("gunicorn boot -> first 200, first start (s)", f"{statistics.median(boots['first start']):.3f} s",
                   "")
    worst = max(workers.values()) / 1024
    print(f"startup: worker RSS after {WARM_UP_REQUESTS} check requests  "
          + ", ".join(f"pid {pid} {kib / 1024:.1f} MB" for pid, kib in workers.items())
          + f"; master {master_rss / 1024:.1f} MB; max {worst:.1f} MB (goal < 120 MB) -> "
          + ("ok" if worst < 120 else "OVER"), flush=True)
    figures.record("worker RSS after warm-up (MB)", f"{worst:.1f} MB", "< 120 MB", worst < 120)
