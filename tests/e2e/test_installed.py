"""orbitcheck as users install it: the wheel in a fresh venv outside the repository, the pre-commit hook
through `pre-commit try-repo`, and the GitHub Actions recipe (examples/github-actions.yml) step by step.

One wheel and one venv per session (building and installing take a minute); every command runs from a
temporary directory, so nothing can be found through the source tree.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers.paths import ROOT

pytestmark = pytest.mark.slow

WRONG = "The orbit is 35,926 km (22,314 miles) high.\n"
RIGHT = "Progress delivered 5,652 pounds (2,564 kg) to the station.\n"


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600
         ) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ORBITCHECK_", "PYTHON", "VIRTUAL_ENV"))}
    return subprocess.run(cmd, cwd=cwd, env={**clean, **(env or {})}, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)], cwd=out)
    assert built.returncode == 0, built.stderr[-3000:]
    (path,) = out.glob("orbitcheck-*.whl")
    return path


@pytest.fixture(scope="session")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv outside the repository with the wheel and its dependencies from the package index."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    assert _run([sys.executable, "-m", "venv", str(venv)], cwd=venv.parent).returncode == 0
    pip = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=venv.parent)
    assert pip.returncode == 0, pip.stderr[-3000:]
    return venv / "bin"


def test_the_wheel_holds_one_import_package_and_its_data(wheel):
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"orbitcheck"}  # no generic `service` or `schemas` beside it
    assert any(n.startswith("orbitcheck/reference_data/missions/") and n.endswith(".toml") for n in names)
    assert "orbitcheck/vocabulary/zones.toml" in names and "orbitcheck/templates/editor.html" in names


def test_the_installed_command_checks_and_lists_missions_from_anywhere(installed, tmp_path):
    (tmp_path / "draft.md").write_text(WRONG, encoding="utf-8")
    where = _run([str(installed / "python"), "-c", "import orbitcheck; print(orbitcheck.__file__)"], cwd=tmp_path)
    assert str(ROOT) not in where.stdout and "site-packages" in where.stdout
    check = _run([str(installed / "orbitcheck"), "check", "draft.md"], cwd=tmp_path)
    assert check.returncode == 1, check.stderr
    assert check.stdout.startswith("draft.md:1:14: error: 35,926 km is 22,323.4 miles, not 22,314 miles.")
    missions = _run([str(installed / "orbitcheck"), "missions", "soyuz"], cwd=tmp_path)
    assert missions.returncode == 0, missions.stderr
    assert "soyuz-ms-11" in missions.stdout and "Baikonur Cosmodrome" in missions.stdout
    reference = _run([str(installed / "orbitcheck"), "check", "--checks", "reference", "--published",
                      "2018-11-20", "-"], cwd=tmp_path)
    assert reference.returncode == 0


def _scratch_repo(path: Path, text: str) -> Path:
    path.mkdir()
    (path / "draft.md").write_text(text, encoding="utf-8")
    for cmd in (["git", "init", "-q"], ["git", "add", "draft.md"]):
        assert _run(cmd, cwd=path).returncode == 0
    return path


def _hook_source(tmp_path: Path) -> Path:
    """A copy of the work tree as a git repository with one commit, as pre-commit clones a hook's repo."""
    source = tmp_path / "orbitcheck-src"
    ignore = shutil.ignore_patterns(".venv", ".git", "test-output", "__pycache__", "*.egg-info", "build")
    shutil.copytree(ROOT, source, ignore=ignore)
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "snapshot"]):
        assert _run(cmd, cwd=source, env=env).returncode == 0
    return source


def test_pre_commit_try_repo_fails_on_a_wrong_conversion_and_passes_a_right_one(tmp_path):
    source = _hook_source(tmp_path)
    env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(source), "orbitcheck", "--all-files"]
    wrong = _run(pre_commit, cwd=_scratch_repo(tmp_path / "wrong", WRONG), env=env)
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    assert "draft.md:1:14: error: 35,926 km is 22,323.4 miles, not 22,314 miles." in wrong.stdout
    right = _run(pre_commit, cwd=_scratch_repo(tmp_path / "right", RIGHT), env=env)
    assert right.returncode == 0, right.stdout + right.stderr
    assert "Passed" in right.stdout


def _steps() -> list[dict]:
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text(encoding="utf-8"))
    return workflow["jobs"]["drafts"]["steps"]


def test_the_actions_recipe_runs_step_by_step(installed, wheel, tmp_path):
    """Each `run:` step of examples/github-actions.yml, in a shell, in a drafts checkout; the install step
    with the built wheel in place of the git URL; then the SARIF file as upload-sarif would take it."""
    drafts = tmp_path / "newsroom"
    (drafts / "drafts").mkdir(parents=True)
    (drafts / "drafts" / "launch.md").write_text(RIGHT + WRONG, encoding="utf-8")
    (drafts / "node_modules").mkdir()
    (drafts / "node_modules" / "readme.md").write_text(WRONG, encoding="utf-8")  # never checked
    assert _run(["git", "init", "-q"], cwd=drafts).returncode == 0
    env = {"PATH": f"{installed}{os.pathsep}{os.environ['PATH']}"}
    outcomes = {}
    for step in _steps():
        if "run" not in step or "if" in step:
            continue
        script = step["run"].replace('"orbitcheck @ git+${{ vars.ORBITCHECK_GIT_URL }}"', str(wheel))
        assert "${{" not in script, script
        done = _run(["bash", "-eo", "pipefail", "-c", script], cwd=drafts, env=env)
        outcomes[step.get("id", step.get("name"))] = done
        if not step.get("continue-on-error"):
            assert done.returncode == 0, (script, done.stderr)
    annotations = outcomes["Annotate the drafts"].stdout
    assert annotations.startswith("::error file=drafts/launch.md,line=2,col=14,")
    assert outcomes["check"].returncode == 1  # the last step then fails the job
    sarif = json.loads((drafts / "orbitcheck.sarif").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    (run,) = sarif["runs"]
    (result,) = run["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "drafts/launch.md", "uriBaseId": "%SRCROOT%"}
    assert "%SRCROOT%" in run["originalUriBaseIds"] and str(drafts) not in json.dumps(sarif)
    assert all(rule["help"]["text"] for rule in run["tool"]["driver"]["rules"])
    assert len(result["fixes"]) == 1
