"""The Dockerfile cannot be built here (no Docker engine), so check what it promises: a pinned slim base,
a non-root user, gunicorn with our config, and a HEALTHCHECK command that really works against the server."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.helpers.paths import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def _instruction(name: str) -> list[str]:
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)  # continuation lines
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.split(None, 1)[:1] == [name]]


def test_base_image_is_an_exact_slim_python_release():
    (base,) = _instruction("FROM")
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", base), base


def test_runs_as_a_non_root_user():
    users = _instruction("USER")
    assert users and users[-1] not in ("root", "0")


def test_command_is_gunicorn_with_the_project_config():
    (cmd,) = _instruction("CMD")
    assert json.loads(cmd) == ["gunicorn", "-c", "python:orbitcheck.gunicorn_conf", "orbitcheck.app:create_app()"]
    for copied in ("service", "schemas", "reference_data", "pyproject.toml"):
        assert any(copied in line for line in _instruction("COPY")), copied


def _healthcheck_argv() -> list[str]:
    (healthcheck,) = _instruction("HEALTHCHECK")
    argv = json.loads(healthcheck.split("CMD", 1)[1])
    assert argv[0] == "python"  # slim images have no curl
    return [sys.executable, *argv[1:]]


@pytest.mark.server
def test_the_healthcheck_command_passes_against_a_live_server_and_fails_without_one(tmp_path):
    from tests.helpers.server import Server, free_port

    srv = Server(tmp_path)
    try:
        alive = subprocess.run(_healthcheck_argv(), env={"PORT": str(srv.port)}, timeout=30, capture_output=True)
        assert alive.returncode == 0, alive.stderr
    finally:
        srv.stop()
    dead = subprocess.run(_healthcheck_argv(), env={"PORT": str(free_port())}, timeout=30, capture_output=True)
    assert dead.returncode != 0
