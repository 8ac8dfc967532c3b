"""A bounded load run on loopback against gunicorn (service/gunicorn_conf.py) at saturation.

Threads with http.client send a mix of requests (a single claim, a short draft, health and readiness) as
fast as the server answers, for BENCH_LOAD_SECONDS (default 60). Reported: requests, req/s, latency, errors
(goal 0), worker restarts (worker pids before vs after; goal none) and worker memory (RSS after warm-up vs
after the run; goal: not growing). Concurrency: BENCH_LOAD_CONCURRENCY (default 4 per worker).
"""
from __future__ import annotations

import http.client
import json
import os
import statistics
import threading
import time
from collections import Counter

from bench.server import DRAFT, SINGLE_CLAIM, gunicorn, rss_kib

JSON = {"Content-Type": "application/json"}
# (method, path, body): weighted towards the checks, which is where the work is.
MIX = (
    [("POST", "/v1/check", json.dumps({"text": SINGLE_CLAIM}).encode())] * 5
    + [("POST", "/v1/check",
        json.dumps({"text": DRAFT, "published": "2018-11-20", "include_passing": True}).encode())] * 3
    + [("GET", "/healthz", None), ("GET", "/readyz", None)]
)
GROWTH_LIMIT_MB = 5.0  # RSS may settle a little after warm-up; a leak grows with the request count


class _Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter[str] = Counter()
        self.latencies: list[float] = []


def _client(port: int, deadline: float, offset: int, tally: _Tally) -> None:
    """One connection at a time: gunicorn's sync workers close after each response, so reconnect."""
    statuses: Counter[str] = Counter()
    latencies: list[float] = []
    i = offset
    while time.perf_counter() < deadline:
        method, path, body = MIX[i % len(MIX)]
        i += 1
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=JSON if body else {})
            response = conn.getresponse()
            response.read()
            statuses[str(response.status)] += 1
        except (OSError, http.client.HTTPException) as exc:
            statuses[type(exc).__name__] += 1
        finally:
            conn.close()
        latencies.append(time.perf_counter() - started)
    with tally.lock:
        tally.statuses.update(statuses)
        tally.latencies.extend(latencies)


def _drive(port: int, seconds: float, concurrency: int) -> _Tally:
    tally = _Tally()
    deadline = time.perf_counter() + seconds
    threads = [threading.Thread(target=_client, args=(port, deadline, n, tally)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def main() -> None:
    seconds = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
    with gunicorn() as server:
        workers_before = server.workers()
        concurrency = int(os.environ.get("BENCH_LOAD_CONCURRENCY", str(4 * len(workers_before))))
        _drive(server.port, min(5.0, seconds / 4), concurrency)  # warm-up: imports, caches, first allocations
        rss_before = {pid: rss_kib(pid) for pid in workers_before}
        started = time.perf_counter()
        tally = _drive(server.port, seconds, concurrency)
        elapsed = time.perf_counter() - started
        workers_after = server.workers()
        rss_after = {pid: rss_kib(pid) for pid in workers_after if pid in rss_before}
        alive = server.process.poll() is None

    total = sum(tally.statuses.values())
    errors = sum(n for status, n in tally.statuses.items() if not status.startswith("2"))
    latencies = sorted(tally.latencies)
    p99 = latencies[int(0.99 * (len(latencies) - 1))] if latencies else float("nan")
    print(f"load: {seconds:.0f} s at saturation, {concurrency} connections, {len(workers_before)} workers: "
          f"{total} requests, {total / elapsed:.0f} req/s, latency p50 "
          f"{statistics.median(latencies) * 1000:.1f} ms p99 {p99 * 1000:.1f} ms", flush=True)
    print(f"load: errors {errors} of {total} (goal 0)  statuses {dict(sorted(tally.statuses.items()))}")
    restarted = sorted(set(workers_before) ^ set(workers_after))
    print(f"load: worker restarts {len(restarted)} (goal 0)  "
          f"pids before {workers_before} after {workers_after}"
          + ("" if alive else "  MASTER DIED"))
    growth = max(((rss_after[p] - rss_before[p]) / 1024 for p in rss_after), default=float("nan"))
    print("load: worker RSS before -> after  "
          + ", ".join(f"pid {p} {rss_before[p] / 1024:.1f} -> {rss_after[p] / 1024:.1f} MB"
                      for p in rss_after)
          + f"; max growth {growth:+.1f} MB (goal: not growing, < {GROWTH_LIMIT_MB:.0f} MB) -> "
          + ("stable" if growth < GROWTH_LIMIT_MB else "GROWING"), flush=True)
