"""Shared fixtures (flaskr style): `app`, `client`, `runner` arrive with the HTTP service; `cli` runs main()."""
from __future__ import annotations

from pathlib import Path

import pytest
from ll2_fake import ll2_data, ll2_pages, ll2_server, ll2_sync  # noqa: F401 (fixtures for tests/test_sync_*.py)

from orbitcheck.app import create_app
from orbitcheck.cli import main

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process: returns (exit status, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            status = main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            status = int(exc.code or 0)
        out = capsys.readouterr()
        return status, out.out, out.err

    return run


@pytest.fixture
def app():
    """The HTTP service with the shipped reference data and no API keys (tests add config as they need)."""
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
