"""Sync against a misbehaving upstream (issue 17, items 11-15): cycles and endless pages, a trickling
server, an oversized page, a quadratic merge, a launch id with path characters."""
from __future__ import annotations

import copy
import time
from datetime import UTC, datetime

import pytest

from orbitcheck.records.ll2 import Ll2Client, UpstreamError
from orbitcheck.records.ll2_mapping import map_launch
from orbitcheck.records.ll2_merge import Existing, merge
from orbitcheck.records.tomlwrite import dump_record
from tests.helpers.growth import slope
from tests.helpers.ll2_fake import Fault, page, tree_hashes

LAUNCHES = "/2.0.0/launch/"
pytestmark = pytest.mark.server


def _with_next(name: str, next_url: str | None) -> dict:
    body = page(name)
    body["next"] = next_url
    return body


def test_a_next_link_that_cycles_stops_with_exit_3(ll2_server, ll2_data, ll2_sync):
    first = ll2_server.url(LAUNCHES + "?limit=5&offset=0")
    ll2_server.serve(LAUNCHES, _with_next("2.0.0-launch-page1.json", ll2_server.url(LAUNCHES + "?limit=5&offset=5")))
    ll2_server.serve(LAUNCHES, _with_next("2.0.0-launch-page2.json", first), offset=5)
    before = tree_hashes(ll2_data)
    code, out, err, _ = ll2_sync("--base-url", ll2_server.url("/2.0.0"), "--data-dir", str(ll2_data),
                                 "--limit", "1000")
    assert code == 3, err
    assert "cycle" in err and len(ll2_server.requests) <= 3
    assert tree_hashes(ll2_data) == before


def test_endless_pages_are_capped_per_run(ll2_server, ll2_data, ll2_sync):
    for offset in range(0, 500, 5):  # every page empty, each pointing at the next: never reaches --limit
        empty = {"count": 10_000, "results": [], "next": ll2_server.url(LAUNCHES + f"?limit=5&offset={offset + 5}")}
        ll2_server.serve(LAUNCHES, empty, offset=offset)
    code, out, err, _ = ll2_sync("--base-url", ll2_server.url("/2.0.0"), "--data-dir", str(ll2_data),
                                 "--limit", "5")
    assert code == 3, err
    assert "more than 4 pages" in err
    assert len(ll2_server.requests) == 4


def test_a_trickling_server_hits_the_total_deadline_not_just_the_read_timeout(ll2_server):
    ll2_server.serve(LAUNCHES, page("2.0.0-launch-page1.json"))
    ll2_server.fail(LAUNCHES, Fault(trickle=0.05))  # a byte every 50 ms: no single read ever times out
    client = Ll2Client(ll2_server.url("/2.0.0"), timeout=(1.0, 1.0), sleep=lambda s: None)
    start = time.monotonic()
    with pytest.raises(UpstreamError, match="in total"):
        client.fetch(since=None, limit=5)
    assert time.monotonic() - start < 3.0  # the 1 s deadline plus one read; the whole page would take minutes


@pytest.mark.parametrize("declared", [True, False])
def test_an_oversized_page_is_refused_while_streaming(ll2_server, declared):
    big = b'{"results": [], "next": null, "pad": "' + b"x" * 200_000 + b'"}'
    # Without a Content-Length to refuse up front, the cap is counted while streaming.
    ll2_server.fail(LAUNCHES, Fault(body=big, no_length=not declared))
    client = Ll2Client(ll2_server.url("/2.0.0"), max_page_bytes=100_000, sleep=lambda s: None)
    with pytest.raises(UpstreamError, match="100,000-byte cap"):
        client.fetch(since=None, limit=5)


def test_a_launch_id_with_path_characters_exits_3_naming_it(ll2_server, ll2_data, ll2_sync):
    bad = page("2.0.0-launch-page1.json")
    bad["next"] = None
    bad["results"][1]["id"] = "../../../tmp/evil"
    ll2_server.serve(LAUNCHES, bad)
    before = tree_hashes(ll2_data)
    code, out, err, _ = ll2_sync("--base-url", ll2_server.url("/2.0.0"), "--data-dir", str(ll2_data))
    assert code == 3, err
    assert "'../../../tmp/evil'" in err and "not a UUID" in err
    assert tree_hashes(ll2_data) == before


def _launches(n: int) -> list[dict]:
    template = page("2.0.0-launch-page1.json")["results"][0]
    out = []
    for i in range(n):
        launch = copy.deepcopy(template)
        launch["id"] = f"{i:08x}-0000-4000-8000-000000000000"
        launch["name"] = f"Rocket | Mission {i}"
        launch["url"] = f"https://ll.thespacedevs.com/2.0.0/launch/{launch['id']}/"
        if isinstance(launch.get("mission"), dict):
            launch["mission"] = {**launch["mission"], "name": f"Mission {i}"}
        out.append(launch)
    return out


def test_merge_time_grows_linearly_with_the_number_of_records():
    retrieved = datetime(2026, 11, 25, tzinfo=UTC)

    def make(n: int):
        results = [map_launch(launch, retrieved) for launch in _launches(n)]
        existing = [Existing(f"{r.record['id']}.toml", r.record) for r in results[: n // 2]]
        return lambda: merge(existing, results, dump_record)

    assert slope([100, 400, 1600], make, repeat=2) <= 1.15
