"""Fault test (issue 17): reload in a loop while syncs and imports swap snapshots in; every version the
service serves is one complete snapshot (its version and record count are those of a published snapshot,
never a mix of two)."""
from __future__ import annotations

import threading

import pytest

from orbitcheck.api.state import EXTENSION
from orbitcheck.app import create_app
from orbitcheck.records.gcat_import import import_gcat
from orbitcheck.records.store import load_store
from tests.helpers.ll2_fake import page
from tests.helpers.paths import DATA

GCAT = DATA / "gcat"
LAUNCHES = "/2.0.0/launch/"
pytestmark = pytest.mark.server


def _one_page(name: str, step: int) -> dict:
    """The recorded page as LL2 might send it at a later run: every launch's time moved, so each sync
    rewrites every record it owns (a mix of two snapshots then shows in the version)."""
    body = page(name)
    body["next"] = None
    for launch in body["results"]:
        launch["net"] = launch["net"][:-3] + f"{10 + step:02d}Z"
    return body


def test_reloads_during_syncs_and_imports_serve_only_complete_snapshots(ll2_server, ll2_data, ll2_sync):
    app = create_app({"TESTING": True, "WARM_UP": False, "DATA_DIR": str(ll2_data)})
    holder = app.extensions[EXTENSION]
    client = app.test_client()
    first = load_store(ll2_data)
    published = {first.version: len(first)}
    served: list[tuple[str, int]] = []
    stop = threading.Event()

    def reload_loop():
        while not stop.is_set():
            holder.load()
            ready = client.get("/readyz").get_json()
            served.append((ready["reference_version"], ready["records"]))

    loaders = [threading.Thread(target=reload_loop) for _ in range(2)]
    for loader in loaders:
        loader.start()
    try:
        for step in range(6):
            for name in ("2.0.0-launch-page1.json", "2.0.0-launch-page2.json"):
                ll2_server.serve(LAUNCHES, _one_page(name, step))
                code, _, err, _ = ll2_sync("--base-url", ll2_server.url("/2.0.0"), "--data-dir", str(ll2_data),
                                           "--since", f"2000-01-0{step + 1}")
                assert code == 0, err
                now = load_store(ll2_data)
                published[now.version] = len(now)
            import_gcat(ll2_data, auxcat=GCAT / "auxcat-excerpt-2018-iss.tsv", add_iss_year=2018 + step % 2)
            now = load_store(ll2_data)
            published[now.version] = len(now)
    finally:
        stop.set()
        for loader in loaders:
            loader.join()
    assert len(published) >= 3 and len(served) > 10
    strays = [s for s in served if published.get(s[0]) != s[1]]
    assert not strays, strays[:3]
