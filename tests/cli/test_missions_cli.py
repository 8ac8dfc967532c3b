"""`orbitcheck missions`, and --data-dir / ORBITCHECK_DATA_DIR on the commands that read records."""
import json
import shutil

from orbitcheck.records.store import default_data_dir


def test_missions_text_lists_matches_one_per_line(cli):
    status, out, err = cli("missions", "soyuz ms", "--year", "2018")
    assert status == 0, err
    assert [line.split()[0] for line in out.splitlines()] == ["soyuz-ms-08", "soyuz-ms-09", "soyuz-ms-10",
                                                             "soyuz-ms-11"]
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


def test_missions_pages_and_filters(cli):
    _, every, _ = cli("missions", "--vehicle", "progress")
    ids = [line.split()[0] for line in every.splitlines()]
    assert len(ids) > 100 and all(i.startswith("progress-") for i in ids)
    _, page, _ = cli("missions", "--vehicle", "progress", "--limit", "10", "--offset", "20")
    assert [line.split()[0] for line in page.splitlines()] == ids[20:30]
    _, crewed, _ = cli("missions", "--crewed", "--year", "2025", "--format", "json")
    data = json.loads(crewed)
    assert data["count"] == len(data["missions"]) > 0 and {m["kind"] for m in data["missions"]} == {"crewed"}


def test_missions_stats_on_the_shipped_records(cli):
    status, out, _ = cli("missions", "--stats", "--format", "json")
    assert status == 0
    rows = {r["field"]: (r["have"], r["of"]) for r in json.loads(out)}
    assert rows["records"][0] >= 380
    assert rows["launch time"] == rows["records"]
    have, of = rows["crew, crewed flights launched to 2019"]
    assert have == of > 100
    have, of = rows["up cargo (total or pressurized), cargo flights"]
    assert have > 150


def test_missions_bad_arguments_exit_2(cli):
    status, _, err = cli("missions", "--limit", "-1")
    assert status == 2 and "--limit" in err
