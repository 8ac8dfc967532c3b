"""The reference store: loading, validation (one row per schema rule), lookup and search."""
from __future__ import annotations

import copy
import json
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from orbitcheck.records.store import (
    RecordError,
    ReferenceStore,
    data_dir_from_env,
    default_data_dir,
    load_store,
    name_key,
    resolve_data_dir,
)
from orbitcheck.records.tomlwrite import dump_record

GCAT = {"title": "GCAT launch.tsv", "url": "https://planet4589.org/space/gcat/", "retrieved": "2025-12-01",
        "licence": "CC-BY"}
VALID = {
    "id": "test-1", "name": "Test 1", "aliases": ["T1"], "cospar": "2018-091A", "kind": "cargo",
    "launch": {"time": "2018-11-16T18:14:08Z", "precision": "second", "site": "Baikonur Cosmodrome",
               "site_aliases": ["Baikonur"], "zone": "Asia/Almaty", "outcome": "success", "source": "gcat"},
    "events": [{"kind": "docking", "time": "2018-11-18T19:28:00Z", "precision": "minute", "source": "gcat"}],
    "masses": [{"kind": "cargo_up", "value": 2564, "unit": "kg", "source": "gcat"}],
    "crew": [{"name": "Ann Example", "agency": "NASA", "source": "gcat"}],
    "sources": {"gcat": GCAT},
}


def to_toml(record: dict) -> str:
    """A plain TOML writer for test records: unlike dump_record it keeps unknown fields and empty values."""
    def value(v):
        return json.dumps(v) if not isinstance(v, bool) else str(v).lower()

    lines = [f"{k} = {value(v)}" for k, v in record.items() if not isinstance(v, dict) and not _tables(v)]
    for key, v in record.items():
        if isinstance(v, dict) and key != "sources":
            lines += [f"[{key}]", *(f"{k} = {value(x)}" for k, x in v.items())]
        elif _tables(v):
            for item in v:
                lines += [f"[[{key}]]", *(f"{k} = {value(x)}" for k, x in item.items())]
    for name, source in record.get("sources", {}).items():
        lines += [f"[sources.{name}]", *(f"{k} = {value(x)}" for k, x in source.items())]
    if record.get("sources") == {}:
        lines += ["[sources]"]
    return "\n".join(lines) + "\n"


def _tables(v) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


def write(folder: Path, *records: dict, names: list[str] | None = None) -> Path:
    (folder / "missions").mkdir(parents=True, exist_ok=True)
    for i, record in enumerate(records):
        name = names[i] if names else "test-1" if i == 0 else record["id"]
        (folder / "missions" / f"{name}.toml").write_text(to_toml(record), encoding="utf-8")
    return folder


def broken(path: str, value) -> dict:
    """VALID with one value replaced (path like "launch.zone" or "masses.0.unit"); value None deletes it."""
    record = copy.deepcopy(VALID)
    *parents, last = path.split(".")
    node = record
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if value is None:
        del node[last]
    else:
        node[last] = value
    return record


def test_shipped_records_load():
    store = load_store()
    assert len(store) >= 8
    ms10 = store.get("progress-ms-10")
    assert ms10.name == "Progress MS-10"
    assert ms10.launch.time.isoformat() == "2018-11-16T18:14:08+00:00"
    assert ms10.launch.precision == "second"
    assert ms10.event("docking").target == "Zvezda aft"
    # every figure names a source that resolves (the schema guarantees it; the data must use it)
    for mission in store.missions():
        for figure in [mission.launch, *mission.events, *mission.masses, *mission.crew]:
            if figure is not None:
                assert figure.source in mission.sources


def test_valid_record_round_trips(tmp_path):
    store = load_store(write(tmp_path, VALID))
    mission = store.get("test-1")
    assert mission.mass("cargo_up").value == 2564
    assert mission.to_dict()["launch"]["time"] == "2018-11-16T18:14:08Z"
    assert mission.to_dict()["sources"]["gcat"]["licence"] == "CC-BY"


@pytest.mark.parametrize(
    "path, value, field, reason",
    [
        ("id", "Test_1", "id", "lowercase"),
        ("name", None, "name", "required"),
        ("kind", "robotic", "kind", "Must be one of"),
        ("cospar", "91A", "cospar", "COSPAR"),
        ("aliases", "T1", "aliases", "Not a valid list"),
        ("launch.time", "2018-11-16 18:14:08", "launch.time", "UTC time"),
        ("launch.time", "2018-11-16T18:14:08+06:00", "launch.time", "UTC time"),
        ("launch.time", "2018-02-30T18:14:08Z", "launch.time", "not a real date"),
        ("launch.precision", "fortnight", "launch.precision", "Must be one of"),
        ("launch.precision", "minute", "launch.time", "has seconds but precision is 'minute'"),
        ("launch.precision", "day", "launch.time", "has hours"),
        ("launch.zone", "Asia/Baikonur", "launch.zone", "is not an IANA time zone"),
        ("launch.zone", None, "launch.zone", "needs its IANA zone"),
        ("launch.outcome", "exploded", "launch.outcome", "Must be one of"),
        ("launch.source", "nowhere", "launch.source", "no [sources.nowhere] entry"),
        ("launch.source", None, "launch.source", "required"),
        ("launch.colour", "red", "launch.colour", "Unknown field"),
        ("events.0.kind", "splashdown", "events[0].kind", "Must be one of"),
        ("events.0.source", "nowhere", "events[0].source", "no [sources.nowhere] entry"),
        ("masses.0.kind", "cargo", "masses[0].kind", "Must be one of"),
        ("masses.0.unit", "lb", "masses[0].unit", "Must be one of"),
        ("masses.0.value", -5, "masses[0].value", "greater than 0"),
        ("masses.0.value", "heavy", "masses[0].value", "Not a valid number"),
        ("crew.0.name", "", "crew[0].name", "Shorter than minimum"),
        ("crew.0.source", "nowhere", "crew[0].source", "no [sources.nowhere] entry"),
        ("expeditions", ["58"], "expeditions_source", "need a source"),
        ("expeditions", ["fifty-eight"], "expeditions[0]", "expedition number"),
        ("sources", {}, "sources", "Shorter than minimum"),
        ("sources.gcat.url", None, "sources.gcat.value.url", "url or a dataset"),
        ("sources.gcat.url", "planet4589.org", "sources.gcat.value.url", "Not a valid URL"),
        ("sources.gcat.retrieved", None, "sources.gcat.value.retrieved", "required"),
        ("sources.gcat.retrieved", "Dec 2025", "sources.gcat.value.retrieved", "YYYY-MM-DD"),
        ("sources.gcat.licence", None, "sources.gcat.value.licence", "required"),
        ("sources.gcat.title", None, "sources.gcat.value.title", "required"),
        ("sources.gcat.method", "guessed", "sources.gcat.value.method", "Must be one of"),
        ("flavour", "odd", "flavour", "Unknown field"),
    ],
)
def test_each_schema_rule_names_file_field_and_reason(tmp_path, path, value, field, reason):
    with pytest.raises(RecordError) as info:
        load_store(write(tmp_path, broken(path, value)))
    assert any(p.startswith(f"test-1.toml: {field}: ") and reason in p for p in info.value.problems), \
        info.value.problems


def test_masses_of_one_kind_are_not_mixed(tmp_path):
    record = copy.deepcopy(VALID)
    record["masses"].append({"kind": "cargo_up", "value": 2500, "unit": "kg", "source": "gcat"})
    with pytest.raises(RecordError, match=r"test-1.toml: masses\[1\].kind: a second 'cargo_up' mass"):
        load_store(write(tmp_path, record))


def test_id_must_equal_file_name(tmp_path):
    with pytest.raises(RecordError, match="other.toml: id: 'test-1' must equal the file name 'other'"):
        load_store(write(tmp_path, VALID, names=["other"]))


def test_aliases_are_unique_across_records_ignoring_case_and_punctuation(tmp_path):
    other = copy.deepcopy(VALID) | {"id": "test-2", "name": "Test 2", "aliases": ["t-1"]}
    with pytest.raises(RecordError, match="test-2.toml: aliases: 't-1' is already a name or alias of 'test-1'"):
        load_store(write(tmp_path, VALID, other))


def test_every_problem_is_reported_at_once(tmp_path):
    bad = broken("kind", "robotic")
    bad["launch"]["zone"] = "Mars/Olympus"
    bad["masses"][0]["source"] = "nowhere"
    other = broken("id", "x") | {"name": "Other"}
    with pytest.raises(RecordError) as info:
        load_store(write(tmp_path, bad, other, names=["test-1", "test-2"]))
    problems = info.value.problems
    assert [p.split(":")[0] for p in problems] == ["test-1.toml"] * 3 + ["test-2.toml"]
    assert "4 problem(s)" in str(info.value)


def test_not_toml_is_a_problem_not_a_crash(tmp_path):
    write(tmp_path, VALID)
    (tmp_path / "missions" / "broken.toml").write_text("id = = 3\n")
    with pytest.raises(RecordError, match="broken.toml: not valid TOML"):
        load_store(tmp_path)


def test_missing_folder_is_a_record_error(tmp_path):
    with pytest.raises(RecordError, match="no such folder"):
        load_store(tmp_path / "nowhere")


def test_version_is_a_content_hash(tmp_path):
    one = load_store(write(tmp_path, VALID)).version
    assert load_store(tmp_path).version == one
    write(tmp_path, broken("masses.0.value", 2565))
    assert load_store(tmp_path).version != one


def test_store_is_immutable(tmp_path):
    store = load_store(write(tmp_path, VALID))
    with pytest.raises(FrozenInstanceError):
        store.get("test-1").name = "changed"
    with pytest.raises(TypeError):
        store._by_id["x"] = None  # the index is a read-only view
    assert isinstance(store.missions(), tuple)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("soyuz ms", ["soyuz-ms-01", "soyuz-ms-02", "soyuz-ms-03", "soyuz-ms-04", "soyuz-ms-05", "soyuz-ms-06",
                      "soyuz-ms-07", "soyuz-ms-08", "soyuz-ms-09", "soyuz-ms-10", "soyuz-ms-11", "soyuz-ms-12",
                      "soyuz-ms-13", "soyuz-ms-14", "soyuz-ms-15", "soyuz-ms-16", "soyuz-ms-17", "soyuz-ms-18",
                      "soyuz-ms-19", "soyuz-ms-20", "soyuz-ms-21", "soyuz-ms-22", "soyuz-ms-23", "soyuz-ms-24",
                      "soyuz-ms-25", "soyuz-ms-26", "soyuz-ms-27", "soyuz-ms-28"]),
        ("Soyuz MS 11", ["soyuz-ms-11"]),
        ("ISS 71P", ["progress-ms-10"]),
        ("2018-098", ["soyuz-ms-11"]),
        ("gerst", ["soyuz-tma-13m", "soyuz-ms-09"]),  # both of Alexander Gerst's flights, in launch order
        ("aunon", ["soyuz-ms-09"]),
        ("expedition 58", ["soyuz-ms-11"]),
        ("nothing like it", []),
    ],
)
def test_search(query, expected):
    assert [m.id for m in load_store().search(query)] == expected


def test_empty_search_lists_everything_in_launch_order():
    store = load_store()
    assert store.search("") == list(store.missions())
    times = [m.launch.time for m in store.missions() if m.launch]
    assert times == sorted(times)


def test_name_key_ignores_case_accents_and_punctuation():
    assert name_key("Soyuz MS-11") == name_key("soyuz ms 11") == name_key("SOYUZ MS11") == "soyuz ms 11"
    assert name_key("Auñón-Chancellor") == "aunon chancellor"


def test_data_dir_resolution(tmp_path):
    assert data_dir_from_env({}) is None
    assert data_dir_from_env({"ORBITCHECK_DATA_DIR": str(tmp_path)}) == tmp_path
    assert resolve_data_dir(None, {}) == default_data_dir()
    assert resolve_data_dir(None, {"ORBITCHECK_DATA_DIR": str(tmp_path)}) == tmp_path
    assert resolve_data_dir("given", {"ORBITCHECK_DATA_DIR": str(tmp_path)}) == Path("given")
    assert (default_data_dir() / "missions").is_dir()


def test_store_can_be_built_from_missions_directly():
    store = ReferenceStore(load_store().missions()[:2], "v")
    assert len(store) == 2 and store.version == "v"


def test_shipped_records_are_in_the_writers_canonical_layout():
    import tomllib

    for path in sorted((default_data_dir() / "missions").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        assert dump_record(tomllib.loads(text)) == text, path.name


def test_writer_refuses_fields_it_does_not_know():
    with pytest.raises(ValueError, match="colour"):
        dump_record(broken("launch.colour", "red"))
