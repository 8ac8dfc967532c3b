"""What `orbitcheck check` imports: only what checking needs. Every command's parser is built on each start, so a
command's heavy dependencies (requests for `sync`, the importers for `import`, marshmallow for validating TOML
records, multiprocessing for a pool) must wait for the command that uses them; a CI job that checks a few files
pays for every module it imports, on every call."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Run the command in a fresh interpreter, then list which of the watched modules it imported.
PROBE = """
import json, sys
from orbitcheck.cli import main
status = main(sys.argv[2:])
watched = json.loads(sys.argv[1])
print(json.dumps({"status": status, "imported": sorted(m for m in watched if m in sys.modules)}))
"""
HEAVY = ["requests", "urllib3", "marshmallow", "multiprocessing", "concurrent.futures.process",
         "orbitcheck.records.ll2", "orbitcheck.records.catalogue", "orbitcheck.records.gcat_import",
         "orbitcheck.remote"]


def _imported(*argv: str, cwd: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(HEAVY), *argv], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_checking_files_here_imports_none_of_the_other_commands_dependencies(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Its orbit is 35,926 km (22,314 miles) high.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Progress delivered 5,652 pounds (2,564 kg) of cargo.\n", encoding="utf-8")
    result = _imported("check", "--format", "json", "--fail-on", "never", "--jobs", "1", str(tmp_path),
                       cwd=tmp_path)
    assert result == {"status": 0, "imported": []}


@pytest.mark.parametrize(("argv", "needed"), [
    (["check", "--format", "json", "--fail-on", "never", "--jobs", "2", "."], "multiprocessing"),
])
def test_a_pool_still_imports_what_it_needs(tmp_path: Path, argv: list[str], needed: str) -> None:
    # The probe of the test above would pass if nothing were ever imported; here the same probe sees a module
    # that the run does need, imported when it is needed.
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_text("Its orbit is 35,926 km (22,314 miles) high.\n", encoding="utf-8")
    result = _imported(*argv, cwd=tmp_path)
    assert result["status"] == 0
    assert needed in result["imported"]
