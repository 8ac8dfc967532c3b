"""The compiled start-up snapshot gives the same records as reading and validating every TOML file."""
from orbitcheck.records.store import load_store


def test_compiled_and_toml_loads_give_the_same_missions():
    fast, slow = load_store(), load_store(use_compiled=False)
    assert fast.version == slow.version
    assert fast.missions() == slow.missions()
    assert [m.to_dict() for m in fast.missions()] == [m.to_dict() for m in slow.missions()]
