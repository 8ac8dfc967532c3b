"""A real gunicorn on a free loopback port, for the tests that need real HTTP (tests/api, tests/e2e)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.helpers.paths import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp: Path, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.out_path, self.err_path = tmp / "access.log", tmp / "error.log"
        self.out, self.err = self.out_path.open("wb"), self.err_path.open("wb")
        environ = {**os.environ, "PORT": str(self.port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": "2", **env}
        self.proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "python:orbitcheck.gunicorn_conf",
             "orbitcheck.app:create_app()"],
            cwd=ROOT, env=environ, stdout=self.out, stderr=self.err)
        self.session = requests.Session()
        deadline = time.monotonic() + 30
        while True:
            assert self.proc.poll() is None, f"gunicorn exited: {self.err_path.read_text()}"
            try:
                if self.session.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer /healthz within 30 s"
            time.sleep(0.1)

    def access_lines(self) -> list[dict]:
        return [json.loads(line) for line in self.out_path.read_text().splitlines() if line.startswith("{")]

    def stop(self) -> int:
        self.session.close()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait(timeout=10)
        self.out.close()
        self.err.close()
        return code
