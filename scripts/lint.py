#!/usr/bin/env python3
"""`make lint`: ruff on the tree, then mypy and the import-linter layer contracts on the package as installed.

The package is assembled from three folders (service/, schemas/, reference_data/; see pyproject.toml), so mypy and
import-linter read a copy laid out as the wheel lays it out, never the folders one by one.
Exit status: 0 when all three are clean, else 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lint_imports import ROOT, assemble  # noqa: E402


def main() -> int:
    bin_dir = Path(sys.executable).parent
    failed = []
    if subprocess.run([str(bin_dir / "ruff"), "check", "service", "schemas", "tests", "bench", "scripts"],
                      cwd=ROOT, check=False).returncode:
        failed.append("ruff")
    with tempfile.TemporaryDirectory() as tmp:
        assemble(ROOT, Path(tmp))
        env = {**os.environ, "PYTHONPATH": tmp, "MYPYPATH": tmp}
        config = str(ROOT / "pyproject.toml")
        if subprocess.run([str(bin_dir / "mypy"), "--config-file", config, "--cache-dir", os.path.join(tmp, ".mypy"),
                           "-p", "orbitcheck"], cwd=tmp, env=env, check=False).returncode:
            failed.append("mypy")
        if subprocess.run([str(bin_dir / "lint-imports"), "--config", config, "--no-cache"],
                          cwd=tmp, env=env, check=False).returncode:
            failed.append("import-linter")
    if failed:
        print(f"lint failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
