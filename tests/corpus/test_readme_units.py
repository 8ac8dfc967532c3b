"""README's "Unit conversions" example is real: the draft shown gives the lines and JSON shown."""

import json
import re
from pathlib import Path

from tests.helpers.paths import ROOT

SECTION = (
    ROOT.joinpath("README.md")
    .read_text(encoding="utf-8")
    .split("## Unit conversions", 1)[1]
    .split("\n## ", 1)[0]
)
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", SECTION, re.DOTALL)


def test_readme_draft_gives_the_lines_shown(cli, tmp_path, monkeypatch):
    (_, draft), (_, lines) = BLOCKS[0], BLOCKS[1]
    monkeypatch.chdir(tmp_path)
    Path("draft.md").write_text(draft, encoding="utf-8")
    status, out, _ = cli("check", "draft.md")
    assert status == 1
    assert out == lines


def test_readme_json_finding_matches(cli, tmp_path, monkeypatch):
    draft, shown = BLOCKS[0][1], json.loads(BLOCKS[2][1])
    monkeypatch.chdir(tmp_path)
    Path("draft.md").write_text(draft, encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", "draft.md")
    findings = [f for f in json.loads(out)["files"][0]["findings"] if f["check"] == "unit-pair"]
    assert findings[0]["verdict"] == "consistent"
    assert findings[1] == shown
