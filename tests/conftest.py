"""Shared fixtures (flaskr style): `app` and `client` for the HTTP service, `cli` runs main() in-process.

Helper fixtures live in tests/helpers/ and are registered here, once, for every test folder:
`fixture_registry` (a registry holding one fixture check) and the fake Launch Library 2 server
(`ll2_server`, `ll2_pages`, `ll2_data`, `ll2_sync`).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from orbitcheck.app import create_app
from orbitcheck.cli import main
from orbitcheck.records.store import ReferenceStore, load_store
from tests.helpers.paths import DATA

pytest_plugins = ["tests.helpers.checks", "tests.helpers.ll2_fake"]


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def store() -> ReferenceStore:
    """The shipped reference records, loaded once for the session (a store is immutable)."""
    return load_store()


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
