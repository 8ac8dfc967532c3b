"""The layer contracts (pyproject.toml [tool.importlinter]) hold, and they would catch an upward import."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.helpers.paths import ROOT

LINT = ROOT / "scripts" / "lint_imports.py"


def _lint(root) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(LINT), "--root", str(root)], capture_output=True, text=True,
                          check=False)


def _copy(tmp_path):
    tree = tmp_path / "tree"
    for folder in ("service", "schemas", "reference_data"):
        shutil.copytree(ROOT / folder, tree / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_contracts_are_kept():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "upward"),
    [
        ("service/extract/dates.py", "from ..checks import all_checks"),  # extract must not know the checks
        ("service/vocabulary/zones.py", "from ..text import Document"),  # the vocabulary is the bottom
        ("service/checks/unit_pair.py", "from ..formats import renderers"),  # checks know no output format
        ("service/records/store.py", "from ..extract.dates import extract_dates"),  # records know no drafts
    ],
)
def test_an_upward_import_breaks_the_contract(tmp_path, module, upward):
    tree = _copy(tmp_path)
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{upward}  # noqa\n", encoding="utf-8")
    result = _lint(tree)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
