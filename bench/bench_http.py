"""HTTP throughput: a single-claim POST /v1/check against a plain Flask endpoint, same gunicorn config.

Both apps are served by `gunicorn -c service/gunicorn.conf.py` (sync workers = cores, preload) on loopback,
side by side in one run; a bounded load generator (a fixed number of requests from cores*2 threads, each
with its own http.client connection) loads one server at a time, in short alternating rounds. The figure is
orbitcheck's requests/s as a share of the plain endpoint's (goal >= 70%): the median of the ratios of
adjacent rounds (each pair run within a second or two of each other, so a burst of load from elsewhere
on this shared machine spoils one pair, not the figure), and the ratio of the best rounds. The load
generator shares the cores with the servers: absolute figures are low and only the ratio is meant.

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
REQUESTS_PER_ROUND = 400
ROUNDS = 5


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
    proc = subprocess.Popen([gunicorn, "-c", "service/gunicorn.conf.py", "--access-logfile", "/dev/null", target],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if _post(http.client.HTTPConnection("127.0.0.1", port, timeout=5)) == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{target} did not start")


def _post(conn: http.client.HTTPConnection) -> int:
    conn.request("POST", "/v1/check", body=BODY, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    return response.status


def _round(port: int, total: int, threads: int) -> tuple[float, int]:
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
                ok = _post(conn) == 200
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


def main() -> None:
    threads = (os.cpu_count() or 1) * 2
    servers = {"plain Flask": _serve("bench.bench_http:plain_app()"), "orbitcheck": _serve("service.app:create_app()")}
    rates: dict[str, list[float]] = {name: [] for name in servers}
    errors = 0
    try:
        for _, port in servers.values():
            _round(port, 100, threads)  # warm the workers
        for _ in range(ROUNDS):
            for name, (_, port) in servers.items():
                rate, failed = _round(port, REQUESTS_PER_ROUND, threads)
                rates[name].append(rate)
                errors += failed
    finally:
        for proc, _ in servers.values():
            proc.send_signal(signal.SIGTERM)
        for proc, _ in servers.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    plain, ours = rates["plain Flask"], rates["orbitcheck"]
    paired = statistics.median(o / p for o, p in zip(ours, plain))
    print(f"http: {threads} client threads, {REQUESTS_PER_ROUND} requests x {ROUNDS} alternating rounds each")
    for name, values in rates.items():
        print(f"  {name:12s} best {max(values):7.0f} req/s, median {statistics.median(values):7.0f} req/s")
    print(f"  single-claim POST /v1/check = {paired:.0%} of the plain Flask endpoint (median of paired rounds; "
          f"best vs best {max(ours) / max(plain):.0%}; goal >= 70%); errors: {errors}")
