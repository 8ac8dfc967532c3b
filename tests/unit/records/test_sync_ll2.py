"""`orbitcheck sync ll2` against a fake LL2 on 127.0.0.1: adds launches, is a no-op when repeated, updates
what changed, never touches curated records (reports where LL2 disagrees), keeps a high-water mark."""

from __future__ import annotations

import tomllib

import pytest

from orbitcheck.records.store import load_store
from tests.helpers.ll2_fake import page, tree_hashes

PAGE1_IDS = [launch["id"] for launch in page("2.0.0-launch-page1.json")["results"]]
PAGE2_IDS = [launch["id"] for launch in page("2.0.0-launch-page2.json")["results"]]


def _record(ll2_data, mission_id):
    return tomllib.loads((ll2_data / "missions" / f"{mission_id}.toml").read_text("utf-8"))


@pytest.mark.server
def test_two_pages_add_every_launch_and_a_second_run_changes_nothing(ll2_pages, ll2_data, ll2_sync):
    curated = {k: v for k, v in tree_hashes(ll2_data).items() if k.startswith("missions/") and k.endswith(".toml")}
    code, out, err, _ = ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data))
    assert code == 0, err
    assert err == ""
    assert out.splitlines()[-1].startswith("sync ll2: 10 launch(es) from 2 page(s): 10 added, 0 updated")
    store = load_store(ll2_data)  # what the service will load: valid, curated and synced together
    assert len(store) == len(curated) + 10
    synced = [m for m in store.missions() if m.sources.get("ll2")]
    assert sorted(m.sources["ll2"].url.rsplit("/", 2)[-2] for m in synced) == sorted(PAGE1_IDS + PAGE2_IDS)
    assert all(m.sources["ll2"].method == "synced" for m in synced)
    after = tree_hashes(ll2_data)
    assert all(after[k] == v for k, v in curated.items())  # the curated records are untouched
    assert not any(name.startswith(".sync-") for name in after)

    code, out, err, _ = ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data))
    assert code == 0, err
    assert "0 added, 0 updated, 10 unchanged" in out
    assert tree_hashes(ll2_data) == after  # byte-identical


@pytest.mark.server
def test_a_synced_launch_carries_its_source_and_scheduled_state(ll2_pages, ll2_data, ll2_sync):
    ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data))
    record = _record(ll2_data, "g60-polar-group-tbd")  # LL2: status Go, tbdtime true, NET 2025-06-05T20:45Z
    launch = record["launch"]
    assert launch["outcome"] == "scheduled"
    assert launch["uncertain"] is True  # a NET moves: never grounds for "contradicted"
    assert (launch["time"], launch["precision"]) == (
        "2025-06-05T00:00:00Z",
        "day",
    )  # the time is a placeholder
    assert "window 2025-06-05T20:36:00Z to 2025-06-05T20:56:00Z" in launch["note"]
    assert launch["vehicle"] == "Long March 6A" and launch["source"] == "ll2"
    assert "site" not in launch  # 2.0.0 gives no time zone, and a site needs one
    source = record["sources"]["ll2"]
    assert source["method"] == "synced"
    assert source["retrieved"] == "2026-11-25"
    assert "retrieved 2026-11-25T09:00:00Z" in source["note"]
    assert source["title"].startswith("The Space Devs — Launch Library 2: ")
    assert source["url"] == ll2_pages.url("/2.0.0/launch/b93d5dbe-f3c1-4845-8716-fbf43d1dfd66/")


@pytest.mark.server
def test_a_later_recording_updates_changed_launches_and_skips_those_in_flight(ll2_pages, ll2_data, ll2_sync):
    ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data))
    before = tree_hashes(ll2_data)
    # The same endpoint recorded three days later (one page): NETs moved, Sirius SXM-10 is "In Flight".
    ll2_pages.serve("/2.0.0/launch/", page("2.0.0-launch-2025-06-07.json"))
    code, out, err, _ = ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data))
    assert code == 0, err
    lines = out.splitlines()
    assert (
        "skipped: LL2 launch b3f7dd08-1e48-498c-8fcb-193b8d54ed6b (Sirius SXM-10): status 'In Flight' has no "
        "outcome yet" in lines
    )
    assert {"added: unknown-payload", "added: starlink-group-12-26", "added: starlink-group-15-9"} <= set(
        lines
    )
    assert "updated: starlink-group-15-8" in lines  # tbdtime cleared: day -> minute precision
    assert _record(ll2_data, "starlink-group-15-8")["launch"]["precision"] == "minute"
    after = tree_hashes(ll2_data)
    assert after["missions/sirius-sxm-10.toml"] == before["missions/sirius-sxm-10.toml"]
    assert after["missions/project-kuiper-ka-02.toml"] == before["missions/project-kuiper-ka-02.toml"]
    load_store(ll2_data)


@pytest.mark.server
def test_curated_records_win_and_disagreements_are_reported(ll2_server, ll2_data, ll2_sync):
    # A hand-written record for Sputnik 1, its time deliberately a minute off LL2's to provoke the report.
    curated = ll2_data / "missions" / "sputnik-1.toml"
    curated.write_text(
        'id = "sputnik-1"\nname = "Sputnik 1"\nkind = "other"\n\n'
        '[launch]\ntime = "1957-10-04T19:29:00Z"\nprecision = "minute"\nsite = "Baikonur"\n'
        'zone = "Asia/Qyzylorda"\noutcome = "success"\nsource = "test"\n\n'
        '[sources.test]\ntitle = "test record"\ndataset = "tests"\nretrieved = "2026-01-01"\n'
        'licence = "MIT"\nmethod = "curated"\n',
        encoding="utf-8",
    )
    original = curated.read_bytes()
    ll2_server.serve("/2.3.0/launches/", page("2.3.0-launches-sputnik.json"))
    code, out, err, _ = ll2_sync("--base-url", ll2_server.url("/2.3.0"), "--data-dir", str(ll2_data))
    assert code == 0, err
    assert curated.read_bytes() == original
    conflicts = [line for line in out.splitlines() if line.startswith("conflict:")]
    assert conflicts == [
        "conflict: sputnik-1: launch.time: curated 1957-10-04T19:29:00Z (minute), "
        "LL2 1957-10-04T19:28:34Z (second); kept curated"
    ]
    assert "added: sputnik-2" in out
    sputnik2 = _record(ll2_data, "sputnik-2")
    assert sputnik2["cospar"] == "1957-002"
    assert sputnik2["launch"]["zone"] == "Asia/Qyzylorda"
    assert sputnik2["launch"]["site"] == "Baikonur Cosmodrome, Republic of Kazakhstan"


@pytest.mark.server
def test_the_high_water_mark_makes_the_next_sync_incremental(ll2_server, ll2_data, ll2_sync):
    ll2_server.serve("/2.3.0/launches/", page("2.3.0-launches-sputnik.json"))
    code, out, err, _ = ll2_sync("--base-url", ll2_server.url("/2.3.0"), "--data-dir", str(ll2_data))
    assert code == 0, err
    assert "last_updated__gte" not in ll2_server.requests[0].query
    marks = sorted(launch["last_updated"] for launch in page("2.3.0-launches-sputnik.json")["results"])
    state = tomllib.loads((ll2_data / "sync-state.toml").read_text("utf-8"))
    assert state["ll2"]["high_water_mark"] == marks[-1]
    assert out.rstrip().endswith(f"high-water mark {marks[-1]}")

    after_first = tree_hashes(ll2_data)
    ll2_sync("--base-url", ll2_server.url("/2.3.0"), "--data-dir", str(ll2_data))
    assert tree_hashes(ll2_data) == after_first  # records and state file byte-identical
    assert ll2_server.requests[1].query["last_updated__gte"] == marks[-1]
    assert ll2_server.requests[1].query["ordering"] == "last_updated"

    ll2_sync("--base-url", ll2_server.url("/2.3.0"), "--data-dir", str(ll2_data), "--since", "2020-02-29")
    assert ll2_server.requests[2].query["last_updated__gte"] == "2020-02-29T00:00:00Z"


@pytest.mark.server
def test_limit_caps_the_launches_and_says_more_remain(ll2_pages, ll2_data, ll2_sync):
    code, out, err, _ = ll2_sync(
        "--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data), "--limit", "3"
    )
    assert code == 0, err
    assert ll2_pages.requests[0].query["limit"] == "3"
    assert len(ll2_pages.requests) == 1
    assert "3 added" in out and "more remain" in out
    assert sum(1 for line in out.splitlines() if line.startswith("added: ")) == 3


@pytest.mark.server
def test_a_fresh_data_dir_gets_a_missions_folder(ll2_pages, tmp_path, ll2_sync):
    code, out, err, _ = ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(tmp_path))
    assert code == 0, err
    assert len(load_store(tmp_path)) == 10


@pytest.mark.parametrize(
    "argv, needle",
    [
        (["--since", "last tuesday"], "--since"),
        (["--since", "2025-02-30"], "--since"),
        (["--limit", "0"], "--limit"),
        (["--timeout", "-1"], "--timeout"),
        (["--base-url", "ftp://ll.thespacedevs.com/2.3.0"], "--base-url"),
        (["--data-dir", "/no/such/dir"], "no such directory"),
    ],
)
def test_bad_input_exits_2_with_one_line(ll2_sync, argv, needle, tmp_path):
    code, out, err, _ = ll2_sync("--base-url", "http://127.0.0.1:9/2.3.0", "--data-dir", str(tmp_path), *argv)
    assert code == 2
    assert needle in err
    assert out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 or "usage:" in err


def test_invalid_existing_records_are_refused_before_any_request(ll2_server, ll2_data, ll2_sync):
    (ll2_data / "missions" / "broken.toml").write_text('id = "broken"\n', encoding="utf-8")
    before = tree_hashes(ll2_data)
    code, _, err, _ = ll2_sync("--base-url", ll2_server.url("/2.3.0"), "--data-dir", str(ll2_data))
    assert code == 2
    assert "invalid" in err and "broken.toml" in err
    assert ll2_server.requests == []
    assert tree_hashes(ll2_data) == before


@pytest.mark.server
def test_limit_inside_the_last_page_still_says_more_remain(ll2_server, ll2_data, ll2_sync):
    ll2_server.serve("/2.0.0/launch/", page("2.0.0-launch-2025-06-07.json"))  # one page of 10, no `next`
    code, out, err, _ = ll2_sync(
        "--base-url", ll2_server.url("/2.0.0"), "--data-dir", str(ll2_data), "--limit", "4"
    )
    assert code == 0, err
    assert "4 launch(es) from 1 page(s)" in out and "more remain" in out


@pytest.mark.server
def test_a_running_service_serves_the_synced_launches_after_a_reload(ll2_server, ll2_data, ll2_sync):
    from orbitcheck.app import create_app

    app = create_app({"TESTING": True, "DATA_DIR": str(ll2_data), "ADMIN_KEYS": ("admin-key",)})
    client = app.test_client()
    admin = {"Authorization": "Bearer admin-key"}
    assert client.get("/v1/missions/sputnik-2").status_code == 404
    ll2_server.serve("/2.3.0/launches/", page("2.3.0-launches-sputnik.json"))
    code, _, err, _ = ll2_sync("--base-url", ll2_server.url("/2.3.0"), "--data-dir", str(ll2_data))
    assert code == 0, err
    assert client.get("/v1/missions/sputnik-2").status_code == 404  # nothing changes until the reload
    assert client.post("/v1/admin/reload", headers=admin).status_code == 200
    mission = client.get("/v1/missions/sputnik-2")
    assert mission.status_code == 200
    assert "1957-11-03" in mission.get_data(as_text=True)


@pytest.mark.server
def test_a_rename_onto_a_curated_name_is_skipped_not_a_failure(ll2_server, ll2_data, ll2_sync):
    listing = page("2.3.0-launches-sputnik.json")
    ll2_server.serve("/2.3.0/launches/", listing)
    assert ll2_sync("--base-url", ll2_server.url("/2.3.0"), "--data-dir", str(ll2_data))[0] == 0
    before = tree_hashes(ll2_data)
    listing["results"][1]["mission"]["name"] = "Progress 71"  # an alias of the curated progress-ms-10
    listing["results"][1]["last_updated"] = "2025-01-01T00:00:00Z"
    code, out, err, _ = ll2_sync("--base-url", ll2_server.url("/2.3.0"), "--data-dir", str(ll2_data))
    assert code == 0, err
    assert (
        "skipped: LL2 launch f8c9f344-a6df-4f30-873a-90fe3a7840b3 (Progress 71): new name already belongs "
        "to record 'progress-ms-10'; sputnik-2 left as it was"
    ) in out.splitlines()
    after = tree_hashes(ll2_data)
    assert {k for k in after if after[k] != before[k]} == {"sync-state.toml"}
