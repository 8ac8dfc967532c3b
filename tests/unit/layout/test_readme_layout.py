"""README's layout map matches the tree: every path it names exists, and every package folder is on the map."""
from __future__ import annotations

import re

from tests.helpers.paths import ROOT

SECTION = (ROOT / "README.md").read_text(encoding="utf-8").split("## Layout", 1)[1].split("\n## ", 1)[0]


def test_every_path_the_map_names_exists():
    named = set(re.findall(r"\b((?:service|schemas|reference_data|tests|scripts|docs|bench)/[\w/.<>-]*)", SECTION))
    missing = [p for p in named if "<" not in p and not (ROOT / p.rstrip("/.")).exists()]
    assert not missing, missing


def test_every_package_folder_is_on_the_map():
    folders = {p.name for p in (ROOT / "service").iterdir() if (p / "__init__.py").exists()}
    unmapped = [f for f in folders if f"service/{f}/" not in SECTION and f"{f}/" not in SECTION]
    assert not unmapped, unmapped
