"""Issue 17 figures: slow clients against /healthz (sync workers vs the shipped gthread ThreadWorker), and a
worker's RSS after twenty 1 MB drafts.

- slow clients: N sockets each trickling a request one byte a second (reconnecting when the server closes
  them, as an attacker would); the figure is the smallest N at which /healthz takes more than 1 s, for
  2 workers. Before: `--worker-class sync` and stock `gthread`; after: service/gunicorn_conf.py as shipped.
- memory: one worker, twenty different 1 MB drafts through POST /v1/check (the character budget raised for
  the bench), then VmRSS of the worker (goal: under 120 MB).
"""
from __future__ import annotations

import json
import socket
import threading
import time

from .server import gunicorn, request, rss_kib

STEPS = (1, 2, 4, 8, 12, 16, 20, 24, 32, 48, 64, 96, 128)
WINDOW = 4.0  # seconds of /healthz probes per step


def _trickler(port: int, stop: threading.Event) -> None:
    payload = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 4000
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
                for byte in payload:
                    if stop.wait(1.0):
                        return
                    sock.sendall(bytes([byte]))
        except OSError:
            stop.wait(0.1)  # closed (408) or refused: reconnect


def _healthz_worst(port: int, seconds: float) -> float:
    worst = 0.0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        start = time.monotonic()
        try:
            request(port, "GET", "/healthz", timeout=5.0)
            worst = max(worst, time.monotonic() - start)
        except OSError:
            worst = max(worst, 5.0)
        time.sleep(0.2)
    return worst


def slow_sockets_to_stall(env: dict[str, str]) -> tuple[int | None, float]:
    """The smallest number of slow sockets that pushes /healthz past 1 s (None: not within STEPS)."""
    with gunicorn(workers=2, env=env) as server:
        stop = threading.Event()
        started = 0
        try:
            for n in STEPS:
                for _ in range(n - started):
                    threading.Thread(target=_trickler, args=(server.port, stop), daemon=True).start()
                started = n
                time.sleep(1.5)  # let them connect and start trickling
                worst = _healthz_worst(server.port, WINDOW)
                if worst > 1.0:
                    return n, worst
            return None, worst
        finally:
            stop.set()


def rss_after_drafts(count: int = 20, size: int = 1024 * 1024) -> float:
    env = {"ORBITCHECK_MAX_CHARACTERS": str(2 * size), "ORBITCHECK_MAX_CONTENT_LENGTH": str(4 * size)}
    with gunicorn(workers=1, env=env) as server:
        (worker,) = server.workers()
        for i in range(count):
            unit = f"Probe {i} flew {i % 90 + 5} km ({(i % 90 + 5) * 0.62:.0f} mi) on 6:31 a.m. EST. "
            text = (unit * (size // len(unit) + 1))[:size]
            status, _ = request(server.port, "POST", "/v1/check", json.dumps({"text": text}).encode(),
                                {"Content-Type": "application/json"}, timeout=600)
            assert status == 200, status
        return rss_kib(worker) / 1024


def main() -> None:
    for label, env in (("sync workers", {"GUNICORN_CMD_ARGS": "--worker-class sync"}),
                       ("stock gthread (before)", {"GUNICORN_CMD_ARGS": "--worker-class gthread"}),
                       ("ThreadWorker reading in its poller (shipped)", {})):
        n, worst = slow_sockets_to_stall(env)
        said = f">{STEPS[-1]}" if n is None else str(n)
        print(f"slow clients, 2 workers, {label}: {said} slow sockets push /healthz past 1 s "
              f"(worst {worst:.2f} s)", flush=True)
    print(f"memory: worker RSS after twenty 1 MB drafts: {rss_after_drafts():.0f} MB (goal < 120 MB)", flush=True)
