"""A real gunicorn (service/gunicorn_conf.py) on a free loopback port, and what /proc says about it.

Used by bench_startup, bench_load and the server tests (tests/api/test_api_fuzz.py). Only the processes started
here are ever signalled, by their own pid.
"""
from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = "python:orbitcheck.gunicorn_conf"
APP = "orbitcheck.app:create_app()"

# A short draft of our own with one claim of each kind, for warm-up and load.
DRAFT = (
    "Progress MS-10 launched from Baikonur on Friday, Nov. 16, 2018, and delivered 5,652 pounds (2,564 kg) "
    "of cargo to the space station Nov. 18. The station orbits about 250 miles (400 kilometers) up. The next "
    "crew is expected to leave Earth at 6:31 a.m. EST Dec. 3 (1131 GMT) on Soyuz MS-11.\n\n"
    "The Soyuz rocket stands 151 feet (46 meters) tall and its first stage burns for about two minutes. "
    "Temperatures at the pad fell to minus 4 °F (minus 20 °C) on Dec. 3, 2018."
)
SINGLE_CLAIM = "Progress delivered 5,652 pounds (2,564 kg) to the station."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 10.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def rss_kib(pid: int) -> int:
    """Resident set size from /proc/<pid>/status (VmRSS, KiB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (gunicorn's workers, for its master)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    ready_after: float  # seconds from spawning gunicorn to the first 200 from /readyz

    @property
    def master(self) -> int:
        return self.process.pid

    def workers(self) -> list[int]:
        return children(self.master)


@contextmanager
def gunicorn(*, workers: int | None = None, env: dict[str, str] | None = None, app: str = APP,
             boot_timeout: float = 60.0) -> Iterator[Server]:
    """Start gunicorn with the project's config, wait until /readyz answers 200 (and every worker is up)."""
    port = free_port()
    environ = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), **(env or {})}
    if workers is not None:
        environ["WEB_CONCURRENCY"] = str(workers)
    with tempfile.TemporaryFile() as log:  # gunicorn's error log: a pipe nobody drains would block it
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", CONF, app], cwd=ROOT,
                                   env=environ, stdout=subprocess.DEVNULL, stderr=log)
        try:
            ready_after = _wait_ready(process, port, started, boot_timeout, log)
            expected = workers or int(environ.get("WEB_CONCURRENCY") or os.cpu_count() or 1)
            while len(children(process.pid)) < expected and time.perf_counter() - started < boot_timeout:
                time.sleep(0.02)
            yield Server(process, port, ready_after)
        finally:
            _stop(process)


def _wait_ready(process: subprocess.Popen, port: int, started: float, boot_timeout: float, log) -> float:
    while time.perf_counter() - started < boot_timeout:
        if process.poll() is not None:
            log.seek(0)
            tail = log.read()[-2000:].decode(errors="replace")
            raise RuntimeError(f"gunicorn exited with {process.returncode}: {tail}")
        try:
            status, _ = request(port, "GET", "/readyz", timeout=2.0)
        except OSError:
            time.sleep(0.01)
            continue
        if status == 200:
            return time.perf_counter() - started
        time.sleep(0.01)
    raise RuntimeError(f"gunicorn not ready after {boot_timeout:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
