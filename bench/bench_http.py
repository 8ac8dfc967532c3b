"""HTTP throughput: a single-claim POST /v1/check against a plain Flask endpoint, same gunicorn config.

Both apps are served by `gunicorn -c python:orbitcheck.gunicorn_conf` (sync workers = cores, preload) on loopback,
side by side in one run; a bounded load generator (a fixed number of requests from cores*2 threads, each
with its own http.client connection) loads one server at a time, in short alternating rounds. The figure is
orbitcheck's requests/s as a share of the plain endpoint's (goal >= 75%): the median of the ratios of
adjacent rounds (each pair run within a second or two of each other, so a burst of load from elsewhere
on this shared machine spoils one pair, not the figure). Also printed: the servers' CPU time per request
(read from /proc, steadier than requests/s on a busy machine), and a third series, "edge only", the same
orbitcheck request with `"checks": []`, which separates the HTTP service's own cost from the checking
engine's. The load generator shares the cores with the servers: only the ratios are meant. Last, the
latency of a 1,000-word draft (bench_engine.DRAFT, every check, the full catalogue) under load: the same
client threads post it back to back and each request's time is kept: p50 and p99 (goal, issue 18: reported).

    python -m bench http
"""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from flask import Flask, jsonify, request

ROOT = Path(__file__).resolve().parents[1]
# One claim (a unit pair the checker finds wrong, so the answer carries one finding with its arithmetic).
BODY = json.dumps({"text": "Its orbit is 35,926 km (22,314 miles) high."}).encode()
BODY_NO_CHECKS = json.dumps({"text": "Its orbit is 35,926 km (22,314 miles) high.", "checks": []}).encode()
REQUESTS_PER_ROUND = 300
ROUNDS = 5
DRAFT_REQUESTS = 200


def plain_app() -> Flask:
    """The ceiling: Flask parsing the same JSON body and answering a small JSON object, nothing else."""
    app = Flask(__name__)

    @app.post("/v1/check")
    def plain():
        return jsonify({"findings": [], "length": len(request.get_json()["text"])})

    return app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(target: str) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port)}
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    proc = subprocess.Popen([gunicorn, "-c", "python:orbitcheck.gunicorn_conf", "--access-logfile", "/dev/null",
                             target], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if _post(http.client.HTTPConnection("127.0.0.1", port, timeout=5)) == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{target} did not start")


def _server_cpu(master: int) -> float:
    """CPU seconds used so far by a gunicorn master and its workers (Linux /proc): unlike requests/s, this
    hardly moves when other jobs on the machine take the cores, so it backs up the ratio on a busy box."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that just exited
        pid, ppid = int(stat.parent.name), int(fields[1])
        if master in (pid, ppid):
            total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


def _post(conn: http.client.HTTPConnection, body: bytes = BODY) -> int:
    conn.request("POST", "/v1/check", body=body, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    return response.status


def _round(port: int, body: bytes, total: int, threads: int) -> tuple[float, int]:
    """(requests per second, errors) for `total` requests shared by `threads` client threads."""
    remaining = [total]
    errors = [0]
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while True:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            try:
                ok = _post(conn, body) == 200
            except OSError:
                ok = False
                conn.close()
            if not ok:
                with lock:
                    errors[0] += 1
        conn.close()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    started = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=120)
    return total / (time.perf_counter() - started), errors[0]


def _latencies(port: int, body: bytes, total: int, threads: int) -> tuple[list[float], int]:
    """Each request's seconds (and the errors) for `total` requests shared by `threads` client threads."""
    remaining = [total]
    found: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                ok = _post(conn, body) == 200
            except OSError:
                ok = False
                conn.close()
            spent = time.perf_counter() - started
            with lock:
                found.append(spent)
                errors[0] += not ok
        conn.close()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=300)
    return sorted(found), errors[0]


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    threads = (os.cpu_count() or 1) * 2
    plain, ours = _serve("bench.bench_http:plain_app()"), _serve("orbitcheck.app:create_app()")
    # (label, server, body): the third series is orbitcheck's HTTP edge alone (no checks run), which
    # separates the service's own overhead from the checking engine's time.
    series = [("plain Flask", plain, BODY), ("orbitcheck", ours, BODY), ("  edge only", ours, BODY_NO_CHECKS)]
    rates: dict[str, list[float]] = {label: [] for label, _, _ in series}
    cpu = {label: 0.0 for label, _, _ in series}
    errors = 0
    try:
        for _, (_, port), body in series:
            _round(port, body, 100, threads)  # warm the workers
        for _ in range(ROUNDS):
            for label, (proc, port), body in series:
                before = _server_cpu(proc.pid)
                rate, failed = _round(port, body, REQUESTS_PER_ROUND, threads)
                cpu[label] += _server_cpu(proc.pid) - before
                rates[label].append(rate)
                errors += failed
        from bench.bench_engine import DRAFT

        draft_body = json.dumps({"text": DRAFT, "published": "2018-11-20"}).encode()
        latencies, draft_errors = _latencies(ours[1], draft_body, DRAFT_REQUESTS, threads)
    finally:
        _stop([plain[0], ours[0]])
    print(f"http: {threads} client threads, {REQUESTS_PER_ROUND} requests x {ROUNDS} alternating rounds each")
    per_request = {label: seconds / (ROUNDS * REQUESTS_PER_ROUND) * 1e6 for label, seconds in cpu.items()}
    ceiling = rates["plain Flask"]
    for label, values in rates.items():
        paired = statistics.median(v / c for v, c in zip(values, ceiling, strict=True))
        print(f"  {label:12s} best {max(values):6.0f} req/s, median {statistics.median(values):6.0f} req/s, "
              f"{paired:4.0%} of plain (median of paired rounds); server CPU {per_request[label]:5.0f} us/request")
    paired = statistics.median(o / c for o, c in zip(rates["orbitcheck"], ceiling, strict=True))
    from bench import figures

    figures.record("single-claim POST /v1/check vs plain Flask", f"{paired:.0%}", ">= 75%", paired >= 0.75)
    edge = statistics.median(o / c for o, c in zip(rates["  edge only"], ceiling, strict=True))
    figures.record("  the HTTP edge alone (checks: []) vs plain Flask", f"{edge:.0%}", "")
    p50 = statistics.median(latencies)
    p99 = latencies[int(0.99 * (len(latencies) - 1))]
    print(f"  1,000-word draft under load ({threads} client threads, {DRAFT_REQUESTS} requests): latency p50 "
          f"{p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms; errors {draft_errors}")
    figures.record("1,000-word draft latency under load, p99", f"{p99 * 1000:.1f} ms (p50 {p50 * 1000:.1f})",
                   "reported", None)
    print(f"  single-claim POST /v1/check = {paired:.0%} of the plain Flask endpoint (goal >= 75%); "
          f"by server CPU per request {per_request['plain Flask'] / per_request['orbitcheck']:.0%}; errors: {errors}")
