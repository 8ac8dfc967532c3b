"""`--color {auto,always,never}` and NO_COLOR for the text format; `exclude = [...]` in .orbitcheck.toml."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

WRONG = "Progress delivered 5,652 pounds (3,000 kg).\n"  # 2,564 kg: a unit-pair error
RED_ERROR = "\x1b[1;31merror\x1b[0m"
RUN_CLI = "import sys; from orbitcheck.cli import main; sys.exit(main(sys.argv[1:]))"


def _on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run the CLI with its stdout on a pseudo-terminal, as in an interactive shell; what it wrote."""
    leader, follower = pty.openpty()
    with subprocess.Popen([sys.executable, "-c", RUN_CLI, *args], cwd=cwd, stdout=follower,
                          stderr=subprocess.DEVNULL, env=env) as proc:
        os.close(follower)  # the child holds the terminal now: reading ends (EIO) when it exits
        chunks = []
        try:
            while chunk := os.read(leader, 65536):
                chunks.append(chunk)
        except OSError:
            pass
        finally:
            os.close(leader)
        assert proc.wait(timeout=120) == 1
    return b"".join(chunks).decode()


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "launch.md"
    path.write_text(WRONG, encoding="utf-8")
    return path


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    return {**env, "TERM": "xterm", **extra}


def test_a_terminal_gets_the_severity_in_colour(draft):
    out = _on_a_terminal(["check", draft.name], draft.parent, _env())
    assert RED_ERROR in out and "[unit-pair]" in out


@pytest.mark.parametrize("value", ["1", "yes", "0"])
def test_no_color_with_any_non_empty_value_turns_it_off(draft, value):
    out = _on_a_terminal(["check", draft.name], draft.parent, _env(NO_COLOR=value))
    assert "\x1b[" not in out and ": error: " in out


def test_an_empty_no_color_does_not(draft):
    assert RED_ERROR in _on_a_terminal(["check", draft.name], draft.parent, _env(NO_COLOR=""))


def test_color_never_on_a_terminal_and_always_over_no_color(draft):
    assert "\x1b[" not in _on_a_terminal(["check", "--color", "never", draft.name], draft.parent, _env())
    out = _on_a_terminal(["check", "--color", "always", draft.name], draft.parent, _env(NO_COLOR="1"))
    assert RED_ERROR in out  # the flag beats the environment (no-color.org)


def test_a_pipe_or_a_file_gets_no_colour_unless_asked(cli, draft, tmp_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    status, out, _ = cli("check", str(draft))
    assert status == 1 and "\x1b[" not in out and ": error: " in out
    status, out, _ = cli("check", "--color", "always", str(draft))
    assert status == 1 and RED_ERROR in out
    report = tmp_path / "report.txt"
    cli("check", "--output", str(report), str(draft))
    assert "\x1b[" not in report.read_text(encoding="utf-8")


def test_colour_touches_only_the_text_format(cli, draft):
    status, out, _ = cli("check", "--color", "always", "--format", "json", str(draft))
    assert status == 1 and "\x1b[" not in out
    assert json.loads(out)["files"][0]["findings"]


def test_an_unknown_color_mode_is_a_usage_error(cli, draft):
    status, _, err = cli("check", "--color", "sometimes", str(draft))
    assert status == 2 and "--color" in err


# --- exclude in .orbitcheck.toml ---------------------------------------------------------------------------

def _tree(root: Path, files: list[str], config: str | None) -> None:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(WRONG, encoding="utf-8")
    if config is not None:
        (root / ".orbitcheck.toml").write_text(config, encoding="utf-8")


def _checked(cli, *args: str) -> list[str]:
    status, out, err = cli("check", "--format", "json", *args)
    assert status in (0, 1), err
    return sorted(Path(f["path"]).as_posix() for f in json.loads(out)["files"])


def test_config_exclude_is_honoured_like_the_flag(cli, tmp_path):
    _tree(tmp_path, ["keep.md", "old/a.md", "notes/b.skip.md", "notes/c.md"], 'exclude = ["old", "*.skip.md"]\n')
    files = _checked(cli, str(tmp_path))
    assert [Path(f).relative_to(tmp_path).as_posix() for f in files] == ["keep.md", "notes/c.md"]
    # The same tree without the config file walks everything; --exclude alone does the same job.
    (tmp_path / ".orbitcheck.toml").unlink()
    assert len(_checked(cli, str(tmp_path))) == 4
    flagged = _checked(cli, "--exclude", "old", "--exclude", "*.skip.md", str(tmp_path))
    assert [Path(f).relative_to(tmp_path).as_posix() for f in flagged] == ["keep.md", "notes/c.md"]


def test_config_globs_are_relative_to_the_config_file_even_when_a_subfolder_is_walked(cli, tmp_path):
    _tree(tmp_path, ["docs/archive/a.md", "docs/new.md", "archive/top.md"], 'exclude = ["docs/archive/*"]\n')
    files = _checked(cli, str(tmp_path / "docs"))
    assert [Path(f).name for f in files] == ["new.md"]
    assert len(_checked(cli, str(tmp_path))) == 2  # archive/top.md is not under docs/archive


def test_a_file_named_on_the_command_line_is_checked_even_when_excluded(cli, tmp_path):
    _tree(tmp_path, ["old/a.md"], 'exclude = ["old"]\n')
    assert len(_checked(cli, str(tmp_path / "old" / "a.md"))) == 1


def test_a_config_that_excludes_every_draft_is_a_clear_error(cli, tmp_path):
    _tree(tmp_path, ["a.md"], 'exclude = ["*.md"]\n')
    status, _, err = cli("check", str(tmp_path))
    assert status == 2 and "no draft found" in err and "exclude" in err


@pytest.mark.parametrize("value", ['"old"', "[1]", '[""]'])
def test_a_bad_exclude_value_names_the_key(cli, tmp_path, value):
    _tree(tmp_path, ["a.md"], f"exclude = {value}\n")
    status, _, err = cli("check", str(tmp_path))
    assert status == 2 and "exclude" in err
