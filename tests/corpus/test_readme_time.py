"""README's "Times and dates" examples are real: each command gives the lines shown under it."""
from __future__ import annotations

import io
import json
import re
import shlex
import sys

from tests.helpers.paths import ROOT

SECTION = ROOT.joinpath("README.md").read_text(encoding="utf-8").split(
    "## Times and dates", 1)[1].split("\n## ", 1)[0]
COMMANDS = re.findall(r"printf '(.*?)\\n' \\\n\s*\| \.venv/bin/orbitcheck (check[^\n]*) -\n((?:# [^\n]*\n)*)",
                      SECTION)


def _run(cli, monkeypatch, draft: str, args: str):
    stdin = io.TextIOWrapper(io.BytesIO((draft + "\n").encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    return cli(*shlex.split(args), "-")


def test_readme_has_the_examples():
    assert len(COMMANDS) == 3


def test_readme_text_examples_give_the_lines_shown(cli, monkeypatch):
    for draft, args, shown in COMMANDS:
        expected = [line[2:] for line in shown.splitlines() if line.startswith("# -:")]
        if not expected:
            continue
        status, out, _ = _run(cli, monkeypatch, draft, args)
        assert status == 1
        assert out.splitlines() == expected


def test_readme_json_example(cli, monkeypatch):
    draft, args, _ = next(c for c in COMMANDS if "--format json" in c[1])
    status, out, _ = _run(cli, monkeypatch, draft, args)
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert status == 0 and finding["verdict"] == "consistent"
    (side,) = finding["details"]["sides"]
    assert side["first_utc"] == side["other_utc"] == "2025-06-25T06:31:00Z"
    assert side["first_zone"] == {"reading": "US Eastern Daylight Time", "zone": "America/New_York",
                                  "daylight": True}
    assert side["other_zone"]["zone"] == "Asia/Kolkata"
