"""The atomic swap of data_dir/missions: all new or all old, with or without renameat2, never two at once."""

from __future__ import annotations

import pytest

from orbitcheck.errors import InputError
from orbitcheck.records import snapshot
from tests.helpers.ll2_fake import tree_hashes


@pytest.fixture
def data_dir(tmp_path):
    (tmp_path / "missions").mkdir()
    (tmp_path / "missions" / "a.toml").write_text("old a\n", encoding="utf-8")
    (tmp_path / "missions" / "b.toml").write_text("old b\n", encoding="utf-8")
    return tmp_path


def _contents(data_dir):
    return {p.name: p.read_text("utf-8") for p in sorted((data_dir / "missions").iterdir())}


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two renames"])
def test_the_new_snapshot_replaces_the_old_whole(data_dir, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(snapshot, "_renameat2_exchange", lambda a, b: False)
    seen = []
    snapshot.write_snapshot(
        data_dir,
        {"b.toml": "new b\n", "c.toml": "new c\n"},
        validate=lambda staged: seen.append(_contents(staged)),
    )
    expected = {"a.toml": "old a\n", "b.toml": "new b\n", "c.toml": "new c\n"}
    assert seen == [expected]  # validation saw exactly what was swapped in
    assert _contents(data_dir) == expected
    # missions/ now points at the one snapshot left: the old folder and the staging copy are gone
    assert sorted(p.name for p in data_dir.iterdir()) == [".snapshots", "missions"]
    assert (data_dir / "missions").is_symlink()
    assert [p.name for p in (data_dir / ".snapshots").iterdir()] == [(data_dir / "missions").resolve().name]


def test_a_snapshot_that_fails_validation_is_never_swapped_in(data_dir):
    before = tree_hashes(data_dir)

    def refuse(staged):
        raise ValueError("invalid")

    with pytest.raises(ValueError):
        snapshot.write_snapshot(data_dir, {"a.toml": "new a\n"}, validate=refuse)
    assert tree_hashes(data_dir) == before


def test_a_second_sync_is_refused_while_one_holds_the_lock(data_dir):
    with snapshot.locked(data_dir), pytest.raises(InputError, match="another sync is running"), \
            snapshot.locked(data_dir):
        pass
    with snapshot.locked(data_dir):  # released again
        pass


def test_staging_left_by_a_killed_sync_is_cleared_under_the_lock(data_dir):
    stale = data_dir / f"{snapshot.STAGING_PREFIX}killed" / "missions"
    stale.mkdir(parents=True)
    (stale / "a.toml").write_text("half\n", encoding="utf-8")
    with snapshot.locked(data_dir):
        pass
    assert sorted(p.name for p in data_dir.iterdir()) == ["missions"]


def test_the_state_file_is_replaced_in_one_rename(tmp_path):
    target = tmp_path / "sync-state.toml"
    target.write_text("old\n", encoding="utf-8")
    snapshot.write_file_atomically(target, "new\n")
    assert target.read_text("utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["sync-state.toml"]
