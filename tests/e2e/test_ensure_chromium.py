"""scripts/ensure-chromium: nothing to do when the browser is there, a clear message when it cannot install it.

(Installing for real is what `make test` does on a fresh Debian machine; these cases need no network.)
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.helpers.paths import ROOT

SCRIPT = ROOT / "scripts" / "ensure-chromium"


def _run(tmp_path: Path, chromium: Path, tools: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the script with only `tools` (name -> executable) on PATH, so it cannot reach the real apt-get."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, target in tools.items():
        os.symlink(target, bin_dir / name)
    return subprocess.run(["/bin/sh", str(SCRIPT)], capture_output=True, text=True, timeout=30,
                          env={"PATH": str(bin_dir), "CHROMIUM": str(chromium)})


def _script(path: Path, body: str) -> str:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return str(path)


def test_an_installed_browser_is_left_alone(tmp_path):
    browser = _script(tmp_path / "chromium", "")
    done = _run(tmp_path, Path(browser), {})
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_a_machine_without_apt_gets_a_clear_message(tmp_path):
    done = _run(tmp_path, tmp_path / "missing-chromium", {"id": shutil.which("id")})
    assert done.returncode == 1
    assert "missing-chromium is missing and this machine has no apt-get" in done.stderr
    assert "apt-get install -y --no-install-recommends chromium" in done.stderr


def test_a_failing_install_says_what_failed(tmp_path):
    apt = _script(tmp_path / "fake-apt-get", "echo 'E: Could not get lock' >&2\nexit 100\n")
    done = _run(tmp_path, tmp_path / "missing-chromium", {"id": shutil.which("id"), "apt-get": apt})
    assert done.returncode == 1
    assert ("apt-get update failed" if os.geteuid() == 0 else "installing it needs root") in done.stderr
