"""The files a newsroom copies: the pre-commit hook and the README's GitHub Actions workflow."""
import re
import shlex

import yaml

from tests.helpers.paths import ROOT


def test_pre_commit_hook_runs_orbitcheck_check_on_markdown_and_text(cli, tmp_path, fixture_registry):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "orbitcheck" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "plain-text"} and hook["types"] == ["text"]
    program, *argv = shlex.split(hook["entry"])
    assert program == "orbitcheck"
    # pre-commit appends the staged file names to the entry.
    bad = tmp_path / "bad.md"
    bad.write_text("It fell 254 miles (400 km) away.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Progress delivered 5,652 pounds (2,564 kg).\n", encoding="utf-8")
    assert cli(*argv, str(good))[0] == 0
    assert cli(*argv, str(good), str(bad))[0] == 1


def test_readme_workflow_is_the_example_file_and_uploads_the_sarif_file_it_writes():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## CI on drafts and editor integration", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```yaml\n(# \.github/workflows/.*?)```", section, re.S).group(1)
    # the README shows the file tests/e2e/test_installed.py runs step by step, verbatim
    assert block == (ROOT / "examples" / "github-actions.yml").read_text("utf-8")
    workflow = yaml.safe_load(block)
    steps = workflow["jobs"]["drafts"]["steps"]
    written = [re.search(r"--format sarif --output (\S+)", s.get("run", "")) for s in steps]
    sarif_file = next(m.group(1) for m in written if m)
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == sarif_file
    assert workflow["permissions"]["security-events"] == "write"


def test_readme_pre_commit_config_names_the_hook_the_repository_declares():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### pre-commit", 1)[1].split("\n### ", 1)[0]
    config = yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))
    (repo,) = config["repos"]
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    assert [h["id"] for h in repo["hooks"]] == ["orbitcheck"] and "orbitcheck" in hooks
    assert repo["rev"] and repo["repo"].startswith("https://")
