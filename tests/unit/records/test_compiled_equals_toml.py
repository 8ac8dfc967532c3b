"""The compiled start-up snapshot gives the same records as reading and validating every TOML file."""
from orbitcheck.records import compiled
from orbitcheck.records.store import default_data_dir, load_store


def test_the_shipped_compiled_snapshot_is_fresh_and_gives_the_toml_records():
    folder = default_data_dir() / "missions"
    fast_missions = compiled.load_fresh(folder, compiled.digest(compiled.toml_files(folder)))
    assert fast_missions is not None  # else load_store would silently read the TOML and this test prove nothing
    slow = load_store(use_compiled=False)
    assert list(fast_missions) == list(slow.missions())
    assert [m.to_dict() for m in fast_missions] == [m.to_dict() for m in slow.missions()]
