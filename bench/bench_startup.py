"""Cold start to ready (goal < 1 s) and worker memory after warm-up (goal < 120 MB RSS).

- in-process: a fresh interpreter imports the service, calls create_app() and gets 200 from /readyz (the
  figure timed inside that process, plus the wall time including the interpreter's own start);
- gunicorn: from spawning gunicorn with service/gunicorn_conf.py to the first 200 from /readyz;
- RSS of each worker (/proc/<pid>/status, VmRSS) after a warm-up of check requests.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

from bench.server import DRAFT, ROOT, SINGLE_CLAIM, gunicorn, request, rss_kib

RUNS = 5
WARM_UP_REQUESTS = 300
_IN_PROCESS = """
import time
start = time.perf_counter()
from orbitcheck.app import create_app
app = create_app()
status = app.test_client().get("/readyz").status_code
print(status, time.perf_counter() - start)
"""
# The floor on this machine at this moment: a one-route Flask app, same measurement.
_PLAIN_FLASK = """
import time
start = time.perf_counter()
from flask import Flask
app = Flask("plain")
app.get("/readyz")(lambda: {"ready": True})
status = app.test_client().get("/readyz").status_code
print(status, time.perf_counter() - start)
"""


def _in_process(script: str = _IN_PROCESS) -> tuple[float, float]:
    """(seconds inside the fresh process, wall seconds including interpreter start-up)."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    status, inside = out.stdout.split()
    if status != "200":
        raise RuntimeError(f"/readyz answered {status} in a fresh process")
    return float(inside), wall


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
    inside, wall = zip(*(_in_process() for _ in range(RUNS)), strict=True)
    plain = statistics.median(_in_process(_PLAIN_FLASK)[0] for _ in range(RUNS))
    ours = statistics.median(inside)
    print(f"startup: create_app() + first /readyz 200 in a fresh process  median {ours:.3f} s "
          f"(with interpreter start {statistics.median(wall):.3f} s; goal < 1 s); a one-route Flask app "
          f"{plain:.3f} s, ratio {ours / plain:.1f}x", flush=True)

    boots = []
    for run in range(RUNS):
        with gunicorn() as server:
            boots.append(server.ready_after)
            if run == RUNS - 1:
                master_rss = rss_kib(server.master)
                _warm_up(server.port)
                workers = {pid: rss_kib(pid) for pid in server.workers()}
    print(f"startup: gunicorn spawn -> first /readyz 200  median {statistics.median(boots):.3f} s, "
          f"max {max(boots):.3f} s over {RUNS} boots (goal < 1 s)", flush=True)
    worst = max(workers.values()) / 1024
    print(f"startup: worker RSS after {WARM_UP_REQUESTS} check requests  "
          + ", ".join(f"pid {pid} {kib / 1024:.1f} MB" for pid, kib in workers.items())
          + f"; master {master_rss / 1024:.1f} MB; max {worst:.1f} MB (goal < 120 MB) -> "
          + ("ok" if worst < 120 else "OVER"), flush=True)
