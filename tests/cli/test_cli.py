import json

import pytest


def test_json_output_has_the_contract_shape(cli, tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text("Nothing to check here.\n", encoding="utf-8")
    status, out, err = cli("check", "--format", "json", str(draft))
    assert status == 0, err
    report = json.loads(out)
    assert report["version"] == 1
    assert report["files"] == [{"path": str(draft), "findings": []}]
    assert report["summary"]["files"] == 1
    assert report["summary"]["findings"] == 0


def test_directory_is_walked_for_md_and_txt(cli, tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.md", "sub/b.txt", "c.py"):
        (tmp_path / name).write_text("text\n", encoding="utf-8")
    status, out, _ = cli("check", "--format", "json", str(tmp_path))
    assert status == 0
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert paths == [str(tmp_path / "a.md"), str(tmp_path / "sub" / "b.txt")]


def test_stdin_is_read_with_a_dash(cli, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"hello\n")))
    status, out, _ = cli("check", "--format", "json", "-")
    assert status == 0
    assert json.loads(out)["files"][0]["path"] == "-"


@pytest.mark.parametrize(
    "argv, needle",
    [
        (["check", "/no/such/file.md"], "no such file"),
        (["check", "--published", "20-11-2018", "{draft}"], "--published"),
        (["check", "--checks", "nope", "{draft}"], "unknown check"),
        (["check", "{binary}"], "not UTF-8"),
    ],
)
def test_bad_input_exits_2_with_one_line(cli, tmp_path, argv, needle):
    draft = tmp_path / "d.md"
    draft.write_text("ok\n", encoding="utf-8")
    binary = tmp_path / "b.md"
    binary.write_bytes(b"caf\xe9\n")
    argv = [a.format(draft=draft, binary=binary) for a in argv]
    status, out, err = cli(*argv)
    assert status == 2
    assert out == ""
    assert needle in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [[], ["check"], ["check", "--format", "xml", "x"], ["frobnicate"]])
def test_usage_errors_exit_2(cli, argv):
    status, _, err = cli(*argv)
    assert status == 2
    assert "usage" in err
