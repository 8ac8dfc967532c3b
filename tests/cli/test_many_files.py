"""Many drafts: a directory tree, serial and pooled runs agree, progress only on a terminal, summary line."""
import io
import json

from orbitcheck.progress import ProgressBar

ERROR = "It fell 254 miles (400 km) away.\n"
WARNING = "The station passed 35,926 km (22,314 miles) overhead.\n"
PASS = "Progress delivered 5,652 pounds (2,564 kg).\n"


def tree(root):
    files = {"a.md": ERROR + PASS, "news/b.md": WARNING, "news/deep/c.txt": PASS,
             "news/deep/d.md": "<!-- orbitcheck-disable -->\n" + ERROR, "notes.py": ERROR}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_tree_summary_line_on_stderr(cli, tmp_path, fixture_registry):
    status, out, err = cli("check", str(tree(tmp_path)))
    assert status == 1
    assert len(out.splitlines()) == 2  # the error and the warning; .py is not a draft
    assert err == "orbitcheck: 4 files, 5 claims checked, 2 findings (1 error, 1 warning), 1 suppressed\n"


def test_pool_gives_the_same_report_as_serial(cli, tmp_path, fixture_registry):
    root = tree(tmp_path)
    serial = cli("check", "--format", "json", "--jobs", "1", str(root))
    pooled = cli("check", "--format", "json", "--jobs", "2", str(root))
    assert pooled == serial
    assert [f["path"] for f in json.loads(pooled[1])["files"]] == sorted(
        str(p) for p in root.rglob("*") if p.suffix in (".md", ".txt"))


def test_no_progress_bar_when_stderr_is_not_a_terminal(cli, tmp_path, fixture_registry):
    err = cli("check", str(tree(tmp_path)))[2]
    assert "\r" not in err and "checking" not in err


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_draws_on_a_terminal_and_clears_its_line():
    stream = Terminal()
    bar = ProgressBar(4, stream)
    for _ in range(4):
        bar.advance()
    bar.close()
    drawn = stream.getvalue()
    assert "\rchecking 1/4 [#######" in drawn
    assert "\rchecking 4/4 [" + "#" * ProgressBar.WIDTH + "]" in drawn
    assert drawn.endswith("\r\033[K")


def test_progress_bar_is_silent_on_a_pipe_or_for_one_file():
    for stream, total in ((io.StringIO(), 5), (Terminal(), 1)):
        bar = ProgressBar(total, stream)
        bar.advance()
        bar.close()
        assert stream.getvalue() == ""


def test_worker_count_follows_the_flag_then_size_then_idle_cores(monkeypatch):
    from orbitcheck import batch
    from orbitcheck.config import Settings

    small = [batch.Job(batch.Draft(f"{i}.md", "x" * 100, True), Settings()) for i in range(8)]
    large = [batch.Job(batch.Draft(f"{i}.md", "x" * (batch.PARALLEL_MIN_CHARS // 2), True), Settings())
             for i in range(8)]
    assert batch.choose_workers(small, 3) == 3
    assert batch.choose_workers(small, 0) == 1
    monkeypatch.setattr(batch, "idle_cores", lambda: 4)
    assert batch.choose_workers(small, None) == 1
    assert batch.choose_workers(large, None) == 4
    assert batch.choose_workers(large[:2], None) == 2
    monkeypatch.setattr(batch, "idle_cores", lambda: -6)  # a saturated machine
    assert batch.choose_workers(large, None) == 1
