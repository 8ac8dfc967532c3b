"""The unit factor table on disk: the same factors as a freshly built pint registry, keyed, never trusted blindly."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orbitcheck.normalise import unitcache, units

# Every pair of unit keys the checks may convert between (and many they never will): conversions() for each.
_DUMP = """
import json, sys
from orbitcheck.normalise import units
keys = sorted(units.READINGS)
out = {f"{a}|{b}": [[c.reading, c.scale, c.offset, c.difference] for c in units.conversions(a, b)]
       for a in keys for b in keys}
print(json.dumps({"pint_imported": "pint" in sys.modules, "table": str(units.prepare()), "conversions": out}))
"""


def _run(cache: Path | None, code: str = _DUMP) -> dict:
    env = {k: v for k, v in os.environ.items() if k != unitcache.ENV}
    if cache is not None:
        env[unitcache.ENV] = str(cache)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture
def fresh_units(monkeypatch):
    """units with no table (every factor from a freshly built registry), caches cleared before and after."""
    def clear() -> None:
        for cached in (units._table, units._factor, units.conversions):
            cached.cache_clear()

    clear()
    monkeypatch.setattr(units, "_table", lambda: (None, None))
    yield units
    monkeypatch.undo()
    clear()


@pytest.fixture
def table_env(monkeypatch, tmp_path):
    """THE table read from (and written to) a temporary cache directory in this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(unitcache.ENV, str(folder))
    units._table.cache_clear()
    units._factor.cache_clear()
    yield folder
    units._table.cache_clear()
    units._factor.cache_clear()


def test_factors_from_the_cache_equal_a_freshly_built_registry(tmp_path, fresh_units):
    cold = _run(tmp_path)  # builds the table with pint and writes it
    (written,) = tmp_path.glob(f"{unitcache.PREFIX}*.json")
    assert cold["table"] == str(written)
    warm = _run(tmp_path)  # reads it
    assert warm["pint_imported"] is False  # the whole point: a warm start never imports pint
    assert warm["conversions"] == cold["conversions"]
    keys = sorted(units.READINGS)
    fresh = {f"{a}|{b}": [[c.reading, c.scale, c.offset, c.difference] for c in fresh_units.conversions(a, b)]
             for a in keys for b in keys}
    assert warm["conversions"] == fresh  # exactly: JSON keeps every bit of a float
    assert sum(map(len, fresh.values())) > 200  # the table covers real work, not a handful of pairs


@pytest.mark.parametrize("key_a, key_b, scale, offset", [
    ("mi", "km", 1.609344, 0.0),
    ("km", "mi", 1 / 1.609344, 0.0),
    ("lb", "kg", 0.45359237, 0.0),
    ("ft", "m", 0.3048, 0.0),
    ("ton", "tonne", 0.90718474, 0.0),
    ("mph", "km/h", 1.609344, 0.0),
    ("knot", "km/h", 1.852, 0.0),
    ("lbf", "N", 4.4482216152605, 0.0),
    ("mi2", "km2", 2.589988110336, 0.0),
    ("degF", "degC", 5 / 9, -160 / 9),
    ("degC", "K", 1.0, 273.15),
])
def test_the_table_holds_the_standard_factors(table_env, key_a, key_b, scale, offset):
    first = units.conversions.__wrapped__(key_a, key_b)[0]
    assert (first.scale, first.offset) == (pytest.approx(scale, rel=1e-12), pytest.approx(offset, abs=1e-9))
    assert list(table_env.glob(f"{unitcache.PREFIX}*.json"))


def test_different_kinds_of_quantity_have_no_factor_from_the_table(table_env):
    table, _ = units._table()
    assert table is not None
    assert table.lookup("kilometer", "kilogram") is None
    assert table.lookup("kilometer", "not_a_unit") is unitcache.Missing.MISSING  # left to pint
    assert units._factor("kilometer", "kilogram") is None


@pytest.mark.parametrize("damage", [
    b"", b"{", b"not json at all", b"[]", b'{"format": 1}', b"\x80\x81\xff",
    "truncated", "wrong key", "nan factor", "string factor", "missing dimensions",
])
def test_a_damaged_table_is_rebuilt_not_trusted(table_env, damage):
    table, path = units._table()  # build and save a good one
    assert path is not None and table is not None
    good = path.read_bytes()
    data = json.loads(good)
    if damage == "truncated":
        raw = good[: len(good) // 2]
    elif damage == "wrong key":
        raw = json.dumps({**data, "key": "0" * 64}).encode()
    elif damage == "nan factor":
        data["factors"][0][2] = float("nan")
        raw = json.dumps(data).encode()
    elif damage == "string factor":
        data["factors"][0][2] = "1.6"
        raw = json.dumps(data).encode()
    elif damage == "missing dimensions":
        del data["dimensions"]
        raw = json.dumps(data).encode()
    else:
        raw = damage if isinstance(damage, bytes) else damage.encode()
    path.write_bytes(raw)
    assert unitcache.load(path, table.key) is None
    units._table.cache_clear()
    units._factor.cache_clear()
    rebuilt, again = units._table()
    assert rebuilt == table
    assert again == path and path.read_bytes() == good  # replaced by a good one


def test_a_table_that_cannot_be_written_still_serves_the_process(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(unitcache.ENV, str(blocker / "cache"))  # mkdir fails under a regular file
    units._table.cache_clear()
    units._factor.cache_clear()
    try:
        table, path = units._table()
        assert table is not None and path is None
        assert units.prepare() is None
        assert units.conversions.__wrapped__("mi", "km")[0].scale == pytest.approx(1.609344)
    finally:
        units._table.cache_clear()
        units._factor.cache_clear()


def _table(letter: str) -> unitcache.FactorTable:
    return unitcache.FactorTable(letter * 64, {"mile": "[length]", "kilometer": "[length]"},
                                 {("mile", "kilometer"): (1.609344, 0.0)})


def test_save_is_atomic_and_keeps_only_the_newest_tables(tmp_path):
    olds = []
    for age, letter in enumerate("acdef", start=1):  # five older tables, "a" the newest of them
        old = tmp_path / f"{unitcache.PREFIX}{letter * 32}.json"
        old.write_text("{}")
        os.utime(old, (1_000_000_000 - age, 1_000_000_000 - age))
        olds.append(old.name)
    table = _table("b")
    written = unitcache.save(tmp_path, table)
    assert written == unitcache.path_for(tmp_path, table.key)
    # no temporary left; the new one and the KEEP - 1 newest of the others stay
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([written.name, *olds[:unitcache.KEEP - 1]])
    assert unitcache.load(written, table.key) == table


def test_two_versions_sharing_a_cache_directory_keep_both_tables(tmp_path):
    # Two installs with different unit tables start in turn: neither deletes the other's table (each would then
    # rebuild with pint on every start).
    one, two = _table("b"), _table("c")
    for _ in range(3):
        unitcache.save(tmp_path, one)
        unitcache.save(tmp_path, two)
    assert {p.name for p in tmp_path.iterdir()} == {unitcache.path_for(tmp_path, t.key).name for t in (one, two)}


def test_the_key_follows_pint_version_definitions_and_units():
    base = {"pint_version": "0.25.3", "definitions": b"tonne_force = 1000 * kilogram_force\n",
            "units": ["mile", "kilometer"]}
    k = unitcache.key(**base)
    assert k == unitcache.key(**{**base, "units": ["kilometer", "mile", "mile"]})  # a set, in any order
    assert k != unitcache.key(**{**base, "pint_version": "0.25.4"})
    assert k != unitcache.key(**{**base, "definitions": base["definitions"] + b"# a comment\n"})
    assert k != unitcache.key(**{**base, "units": ["mile", "kilometer", "foot"]})


def test_cache_directory_resolution(monkeypatch, tmp_path):
    assert unitcache.cache_dir({unitcache.ENV: str(tmp_path)}) == tmp_path
    assert unitcache.cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "orbitcheck"
    home = tmp_path / "home"
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    assert unitcache.cache_dir({"XDG_CACHE_HOME": "relative/ignored"}) == home / ".cache" / "orbitcheck"
    assert unitcache.cache_dir({}) == home / ".cache" / "orbitcheck"

    def no_home(cls):
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", classmethod(no_home))
    assert unitcache.cache_dir({}) is None


def test_never_in_the_package_directory():
    package = Path(units.__file__).resolve().parents[1]
    found = unitcache.cache_dir()
    assert found is None or package not in found.resolve().parents


def test_the_image_step_builds_the_table(tmp_path):
    env = {**os.environ, unitcache.ENV: str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "orbitcheck.normalise.unitcache"], env=env, capture_output=True,
                         text=True, check=True)
    (written,) = tmp_path.glob(f"{unitcache.PREFIX}*.json")
    assert out.stdout.strip() == str(written)
