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


def test_worker_count_follows_the_flag_then_size_then_cores(monkeypatch):
    from orbitcheck import batch
    from orbitcheck.config import Settings

    small = [batch.Job(batch.Draft(f"{i}.md", "x" * 100, True), Settings()) for i in range(8)]
    large = [batch.Job(batch.Draft(f"{i}.md", "x" * (batch.PARALLEL_MIN_CHARS // 2), True), Settings())
             for i in range(8)]
    assert batch.choose_workers(small, 3) == 3
    assert batch.choose_workers(small, 0) == 1
    monkeypatch.setattr(batch, "usable_cores", lambda: 4)
    assert batch.choose_workers(small, None) == 1  # too little text for a pool to pay
    assert batch.choose_workers(large, None) == 4  # the default: every usable core
    assert batch.choose_workers(large[:2], None) == 2  # never more workers than drafts
    assert batch.choose_workers(large[:1], None) == 1


def test_usable_cores_is_the_affinity_when_known():
    import os

    from orbitcheck import batch

    cores = batch.usable_cores()
    assert 1 <= cores <= (os.cpu_count() or 1)
    if hasattr(os, "sched_getaffinity"):
        assert cores == len(os.sched_getaffinity(0))


def test_jobs_must_be_a_positive_whole_number(cli, tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text(PASS, encoding="utf-8")
    for bad in ("0", "-2", "two", "1.5"):
        status, out, err = cli("check", "--jobs", bad, str(draft))
        assert status == 2 and out == ""
        assert "--jobs" in err and "at least 1" in err and "Traceback" not in err


def test_an_archive_checked_in_two_processes_reads_exactly_like_a_serial_run(cli, tmp_path):
    from bench.archive import make_archive

    paths = make_archive(tmp_path, 50)
    for fmt in ("json", "text", "sarif"):
        serial = cli("check", "--format", fmt, "--fail-on", "never", "--jobs", "1", str(tmp_path))
        pooled = cli("check", "--format", fmt, "--fail-on", "never", "--jobs", "2", str(tmp_path))
        assert pooled == serial  # exit status, stdout and stderr, byte for byte
    files = json.loads(cli("check", "--format", "json", "--jobs", "2", str(tmp_path))[1])["files"]
    assert [f["path"] for f in files] == [str(p) for p in paths]
    assert sum(len(f["findings"]) for f in files) > 500  # real work: many claims, not empty drafts


def test_the_progress_bar_advances_once_per_draft_in_a_pool():
    from orbitcheck import batch
    from orbitcheck.config import Settings

    jobs = [batch.Job(batch.Draft(f"{i}.md", f"It is {i} miles (1 km) away.", True), Settings()) for i in range(9)]
    ticks = []
    results = batch.run_jobs(jobs, workers=2, on_done=lambda: ticks.append(1))
    assert len(ticks) == 9
    assert [r.path for r in results] == [j.draft.label for j in jobs]
