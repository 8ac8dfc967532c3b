"""A fake Launch Library 2 on 127.0.0.1: a real ThreadingHTTPServer that replays recorded pages.

Pages are keyed by (path, offset). Faults are queued per page and used up one request at a time, so a test
can say "page 2 answers 503 twice, then works". Every request is recorded (path, query, headers) so tests can
check what the client sent. The recorded pages name the public host; it is rewritten to this server's
address when served, as the sample README asks.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.helpers.paths import DATA, ROOT

RECORDED_ORIGIN = "https://ll.thespacedevs.com"


@dataclass
class Fault:
    """What one request gets instead of the page. Fields left at their defaults do nothing."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # replaces the page
    delay: float = 0.0  # seconds before answering (longer than the client's read timeout: a timeout)
    truncate: int | None = None  # send only this many bytes, with a matching Content-Length
    drop_after: int | None = None  # promise the whole page, send this many bytes, close the socket
    trickle: float = 0.0  # seconds between bytes of the body (a server that never times out a read)
    no_length: bool = False  # send no Content-Length: the body runs until the server closes the socket


@dataclass
class Request:
    path: str
    query: dict[str, str]
    headers: dict[str, str]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up on a slow answer is part of the test, not an error to print


class FakeLl2:
    def __init__(self) -> None:
        self.pages: dict[tuple[str, int], Any] = {}
        self.faults: dict[tuple[str, int], list[Fault]] = {}
        self.requests: list[Request] = []
        self._release = threading.Event()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def serve(self, path: str, page: Any, offset: int = 0) -> None:
        self.pages[(path, offset)] = page

    def fail(self, path: str, *faults: Fault, offset: int = 0) -> None:
        self.faults.setdefault((path, offset), []).extend(faults)

    def start(self) -> FakeLl2:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()  # wake handlers that are simulating a slow upstream
        self._server.shutdown()
        self._server.server_close()

    def _body(self, key: tuple[str, int]) -> bytes:
        text = json.dumps(self.pages[key], ensure_ascii=False)
        return text.replace(RECORDED_ORIGIN, self.origin).encode("utf-8")

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                fake.requests.append(Request(parts.path, query, dict(self.headers.items())))
                key = (parts.path, int(query.get("offset", "0")))
                queued = fake.faults.get(key)
                fault = queued.pop(0) if queued else Fault()
                if fault.delay:
                    fake._release.wait(fault.delay)
                if key not in fake.pages and fault.body is None:
                    return self._send(404, {}, b'{"detail": "Not found."}')
                body = fault.body if fault.body is not None else fake._body(key)
                if fault.truncate is not None:
                    body = body[: fault.truncate]
                if fault.drop_after is not None:
                    self._send(fault.status, fault.headers, body[: fault.drop_after], length=len(body))
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                if fault.no_length:
                    self.send_response(fault.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.close_connection = True
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(body)
                    return
                if fault.trickle:
                    self._send(fault.status, fault.headers, b"", length=len(body))
                    for byte in body:
                        if fake._release.wait(fault.trickle):
                            return
                        try:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                        except (BrokenPipeError, ConnectionResetError):
                            return
                    return
                self._send(fault.status, fault.headers, body)

            def _send(
                self, status: int, headers: dict[str, str], body: bytes, length: int | None = None
            ) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body) if length is None else length))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (its timeout)
                    self.close_connection = True

        return Handler


# ---- helpers shared by tests/test_sync_*.py -------------------------------------------------------------

LL2 = DATA / "ll2"


def page(name: str) -> Any:
    return json.loads((LL2 / name).read_text("utf-8"))


def tree_hashes(root: Any) -> dict[str, str]:
    """Every file and folder under root, relative path -> sha256 of its bytes ("dir" for folders).

    Symlinked folders are followed (missions/ is a symlink to the current snapshot once a sync has run)."""
    root = Path(root)
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root, followlinks=True):
        base = Path(folder)
        for name in dirs:
            found[str((base / name).relative_to(root))] = "dir"
        for name in files:
            found[str((base / name).relative_to(root))] = hashlib.sha256((base / name).read_bytes()).hexdigest()
    return dict(sorted(found.items()))


# ---- pytest fixtures (imported by the test modules that use them) -----------------------------------------

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
SHIPPED = ROOT / "reference_data"


@pytest.fixture
def ll2_server():
    server = FakeLl2().start()
    yield server
    server.stop()


@pytest.fixture
def ll2_pages(ll2_server):
    """The recorded 2.0.0 page sliced in two (5 + 5 launches), served under /2.0.0/launch/."""
    ll2_server.serve("/2.0.0/launch/", page("2.0.0-launch-page1.json"), offset=0)
    ll2_server.serve("/2.0.0/launch/", page("2.0.0-launch-page2.json"), offset=5)
    return ll2_server


@pytest.fixture
def ll2_data(tmp_path) -> Path:
    """A copy of the shipped reference_data/ (curated records) that a sync may change."""
    target = tmp_path / "reference_data"
    shutil.copytree(SHIPPED, target)
    return target


@pytest.fixture
def ll2_sync(monkeypatch, capsys):
    """Run `orbitcheck sync ll2 ...` through main() with a recorded sleep and a fixed clock.

    Returns run(*argv, environ=None) -> (status, stdout, stderr, sleeps).
    """
    from orbitcheck.cli import main
    from orbitcheck.commands import sync as command

    def run(*argv: str, environ: dict[str, str] | None = None):
        sleeps: list[float] = []
        env = command.Env(sleep=sleeps.append, clock=lambda: NOW, environ=environ or {})
        monkeypatch.setattr(command, "default_env", lambda: env)
        try:
            status = main(["sync", "ll2", *argv])
        except SystemExit as exc:
            status = int(exc.code or 0)
        out = capsys.readouterr()
        return status, out.out, out.err, sleeps

    return run
