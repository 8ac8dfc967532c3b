#!/usr/bin/env python3
"""Check the layer contracts in pyproject.toml ([tool.importlinter]) with import-linter.

import-linter reads a package from one folder, but orbitcheck is assembled from three (setuptools `package-dir`:
service/ is `orbitcheck`, schemas/ is `orbitcheck.schemas`, reference_data/ is `orbitcheck.reference_data`).
So this lays the package out as the wheel installs it, in a scratch folder, and lints that copy.

Usage: scripts/lint_imports.py [--root DIR]   (DIR: a source tree to lint instead of this one; tests use it)
Exit status: import-linter's (0 when every contract is kept).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = {"service": "orbitcheck", "schemas": "orbitcheck/schemas", "reference_data": "orbitcheck/reference_data"}


def assemble(root: Path, into: Path) -> None:
    for source, target in LAYOUT.items():
        shutil.copytree(root / source, into / target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.toml", "*.md", "missions", "sources",
                                                      "static", "templates"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    exe = Path(sys.executable).with_name("lint-imports")
    with tempfile.TemporaryDirectory() as tmp:
        assemble(args.root, Path(tmp))
        env = {**os.environ, "PYTHONPATH": tmp}
        return subprocess.run([str(exe), "--config", str(args.root / "pyproject.toml"), "--no-cache"],
                              cwd=tmp, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
