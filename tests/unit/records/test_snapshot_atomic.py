"""A snapshot is one atomic thing to read (issue 17, items 8 and 10): the loader resolves missions/ once and
reads only inside it, whatever a writer swaps in meanwhile; files are fsynced before the swap; stale staging
copies are cleared at the start of the next writer."""
from __future__ import annotations

import os
import shutil
import threading

import pytest

from orbitcheck.records import snapshot, store
from orbitcheck.records.store import load_store
from tests.helpers.ll2_fake import SHIPPED


def _record(mission_id: str, generation: int) -> str:
    return (f'id = "{mission_id}"\nname = "Probe {mission_id} gen {generation}"\nkind = "other"\n'
            f'[sources.s]\ntitle = "test generation {generation}"\nretrieved = 2026-11-25\nlicence = "test"\ndataset = "test"\n')


def _generation(ids: list[str], generation: int) -> dict[str, str]:
    return {f"{i}.toml": _record(i, generation) for i in ids}


@pytest.fixture
def data(tmp_path):
    data_dir = tmp_path / "data"
    (data_dir / "missions").mkdir(parents=True)
    return data_dir


def generations(st) -> set[int]:
    return {int(m.name.rsplit(" ", 1)[1]) for m in st.missions()}


def test_a_load_during_a_swap_reads_only_the_snapshot_it_opened(data, monkeypatch):
    ids = [f"p{i:02d}" for i in range(20)]
    with snapshot.locked(data):
        snapshot.write_snapshot(data, _generation(ids, 1), validate=lambda staged: None)
    real_read = store._read_at
    swapped = []

    def read_then_swap(fd, name):  # halfway through the load, a writer publishes generation 2
        if name == "p10.toml" and not swapped:
            swapped.append(True)
            snapshot.write_snapshot(data, _generation(ids, 2), validate=lambda staged: None)
        return real_read(fd, name)

    monkeypatch.setattr(store, "_read_at", read_then_swap)
    mixed = load_store(data)
    assert swapped and len(mixed) == 20 and generations(mixed) == {1}
    monkeypatch.undo()
    assert generations(load_store(data)) == {2}


def test_a_plain_missions_folder_still_loads_and_the_first_swap_keeps_it_readable(tmp_path, monkeypatch):
    data_dir = tmp_path / "ref"
    shutil.copytree(SHIPPED, data_dir)
    shipped = load_store(SHIPPED)
    assert not (data_dir / "missions").is_symlink()
    assert load_store(data_dir).version == shipped.version  # the plain folder, read as today

    real_read = store._read_at
    swapped = []

    def read_then_swap(fd, name):
        if not swapped:
            swapped.append(True)
            snapshot.write_snapshot(data_dir, {"zz-new.toml": _record("zz-new", 1)}, validate=lambda s: None)
        return real_read(fd, name)

    monkeypatch.setattr(store, "_read_at", read_then_swap)
    during = load_store(data_dir)
    assert swapped and during.version == shipped.version and during.get("zz-new") is None
    monkeypatch.undo()
    after = load_store(data_dir)
    assert (data_dir / "missions").is_symlink() and after.get("zz-new") is not None
    assert len(after) == len(shipped) + 1


def test_a_retired_snapshot_a_reader_holds_is_kept_until_the_next_writer(data):
    with snapshot.locked(data):
        snapshot.write_snapshot(data, _generation(["a"], 1), validate=lambda s: None)
    first = (data / "missions").resolve()
    fd = os.open(data / "missions", os.O_RDONLY | os.O_DIRECTORY)
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_SH)  # a reader in the middle of a load
    snapshot.write_snapshot(data, _generation(["a"], 2), validate=lambda s: None)
    assert first.is_dir() and sorted(os.listdir(fd)) == ["a.toml"]
    os.close(fd)
    with snapshot.locked(data):  # the next writer clears it
        pass
    assert not first.exists()
    assert generations(load_store(data)) == {2}


def test_every_file_and_folder_is_fsynced_before_the_swap(data, monkeypatch):
    (data / "missions" / "old.toml").write_text(_record("old", 1), encoding="utf-8")
    synced: list[str] = []
    real_fsync = os.fsync
    published: list[bool] = []

    def fsync(fd):
        synced.append(os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    real_publish = snapshot._publish

    def publish(data_dir, staged):
        published.append(True)
        assert {"old.toml", "new.toml", "missions"} <= set(synced)  # copied, written, and their folder
        return real_publish(data_dir, staged)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(snapshot, "_publish", publish)
    snapshot.write_snapshot(data, {"new.toml": _record("new", 1)}, validate=lambda s: None)
    assert published


def test_stale_staging_copies_and_links_are_cleared_at_the_next_start(data):
    stale = data / f"{snapshot.STAGING_PREFIX}killed" / "missions"
    stale.mkdir(parents=True)
    (stale / "x.toml").write_text("half", encoding="utf-8")
    os.symlink(".snapshots/nowhere", data / ".missions-link-dead")
    with snapshot.locked(data):
        pass
    assert sorted(p.name for p in data.iterdir()) == ["missions"]


def test_concurrent_loads_during_many_swaps_never_mix(data):
    ids = [f"p{i:03d}" for i in range(30)]
    with snapshot.locked(data):
        snapshot.write_snapshot(data, _generation(ids, 0), validate=lambda s: None)
    seen: list[set[int]] = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            st = load_store(data)
            seen.append(generations(st) if len(st) == len(ids) else {-1})
            stop.wait(0.005)  # let the writer have the GIL between loads

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for generation in range(1, 7):
            with snapshot.locked(data):
                snapshot.write_snapshot(data, _generation(ids, generation), validate=lambda s: None)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert seen and all(len(g) == 1 and -1 not in g for g in seen), [g for g in seen if len(g) != 1][:3]
