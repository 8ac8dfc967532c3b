"""`orbitcheck missions`, and --data-dir / ORBITCHECK_DATA_DIR on the commands that read records."""
import json
import shutil

from orbitcheck.records.store import default_data_dir


def test_missions_text_lists_matches_one_per_line(cli):
    status, out, err = cli("missions", "soyuz")
    assert status == 0, err
    assert [line.split()[0] for line in out.splitlines()] == ["soyuz-ms-09", "soyuz-ms-10", "soyuz-ms-11"]
    assert "launch 2018-12-03 11:31:52 UTC  Baikonur Cosmodrome" in out


def test_missions_json_carries_the_store_version_and_sources(cli):
    status, out, _ = cli("missions", "--format", "json", "Progress 71")
    assert status == 0
    data = json.loads(out)
    assert data["count"] == 1 and len(data["version"]) == 16
    mission = data["missions"][0]
    assert mission["id"] == "progress-ms-10"
    cargo = next(m for m in mission["masses"] if m["kind"] == "cargo_up")
    assert cargo["value"] == 2564 and "CC-BY" in mission["sources"][cargo["source"]]["licence"]


def test_missions_without_a_query_lists_everything(cli):
    status, out, _ = cli("missions")
    assert status == 0 and len(out.splitlines()) == len(list((default_data_dir() / "missions").glob("*.toml")))


def test_data_dir_and_environment_override_the_shipped_records(cli, tmp_path, monkeypatch):
    (tmp_path / "missions").mkdir()
    shutil.copy(default_data_dir() / "missions" / "soyuz-ms-11.toml", tmp_path / "missions")
    status, out, _ = cli("missions", "--data-dir", str(tmp_path))
    assert status == 0 and [line.split()[0] for line in out.splitlines()] == ["soyuz-ms-11"]
    monkeypatch.setenv("ORBITCHECK_DATA_DIR", str(tmp_path))
    status, out, _ = cli("missions")
    assert [line.split()[0] for line in out.splitlines()] == ["soyuz-ms-11"]


def test_invalid_records_exit_2_naming_file_and_field(cli, tmp_path):
    (tmp_path / "missions").mkdir()
    text = (default_data_dir() / "missions" / "soyuz-ms-11.toml").read_text(encoding="utf-8")
    (tmp_path / "missions" / "soyuz-ms-11.toml").write_text(text.replace('"Asia/Almaty"', '"Asia/Nowhere"'))
    for argv in (["missions"], ["check", str(tmp_path / "missions" / "soyuz-ms-11.toml")]):
        status, out, err = cli(*argv, "--data-dir", str(tmp_path))
        assert status == 2 and out == ""
        assert "soyuz-ms-11.toml: launch.zone: 'Asia/Nowhere' is not an IANA time zone" in err
        assert len(err.strip().splitlines()) == 1
