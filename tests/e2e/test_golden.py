"""Outputs are byte-identical to tests/data/golden/: the seed article, the development corpus and the bench draft
in every format (scripts/golden.py builds them). A refactor must not change a byte; a deliberate change of output
regenerates the folder (`.venv/bin/python scripts/golden.py tests/data/golden`) in the same commit."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers.paths import DATA, ROOT

GOLDEN = DATA / "golden"


@pytest.fixture(scope="module")
def produced(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "golden.py"), str(out)], check=True)
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir()))
def test_output_is_byte_identical_to_the_golden_copy(produced, name):
    assert (produced / name).read_bytes() == (GOLDEN / name).read_bytes(), f"{name} changed"


def test_every_input_and_format_is_covered():
    assert len(list(GOLDEN.iterdir())) == 3 * 5  # seed, corpus, bench x text, json, sarif, github, rdjson
