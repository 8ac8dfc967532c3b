"""One import package: pyproject.toml's package list is the tree, and the data travels as package data."""
from __future__ import annotations

import tomllib
from importlib import resources

from tests.helpers.paths import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _packages_in_tree() -> set[str]:
    found = set()
    for folder, prefix in PYPROJECT["tool"]["setuptools"]["package-dir"].items():
        base = ROOT / prefix
        for init in base.rglob("__init__.py"):
            rel = init.parent.relative_to(base)
            found.add(".".join([folder, *rel.parts]) if rel.parts else folder)
    return found


def test_the_declared_packages_are_the_folders_with_an_init():
    assert set(PYPROJECT["tool"]["setuptools"]["packages"]) == _packages_in_tree()


def test_one_top_level_import_package():
    assert {p.split(".")[0] for p in PYPROJECT["tool"]["setuptools"]["packages"]} == {"orbitcheck"}


def test_the_records_and_vocabulary_are_found_with_importlib_resources():
    assert resources.files("orbitcheck.reference_data").joinpath("missions").is_dir()
    assert resources.files("orbitcheck.vocabulary").joinpath("zones.toml").is_file()
    assert resources.files("orbitcheck.vocabulary").joinpath("units.txt").is_file()
