"""Faults injected by a real HTTP server on 127.0.0.1: every failed sync leaves the records byte-for-byte
as they were, exits non-zero and says why in one line (including how far it got)."""

from __future__ import annotations

import json
import socket

import pytest

from tests.helpers.ll2_fake import Fault, page, tree_hashes

LAUNCHES = "/2.0.0/launch/"
PAGE2 = 5  # offset of the second page


def _bad_zone_page() -> dict:
    bad = page("2.0.0-launch-page2.json")
    bad["results"][2]["pad"]["location"]["timezone_name"] = "Mars/Olympus_Mons"
    return bad


def _bad_net_page() -> dict:
    bad = page("2.0.0-launch-page2.json")
    bad["results"][0]["net"] = "soon"
    return bad


# (label, offset, faults, --timeout, status, words in the message, launches fetched before it stopped)
CASES = [
    (
        "read timeout",
        PAGE2,
        [Fault(delay=3.0)] * 4,
        "0.2",
        3,
        ["LL2 timed out", "read timeout 0.2 s"],
        "1 page(s), 5 launch(es)",
    ),
    (
        "HTTP 500 is not retried",
        0,
        [Fault(status=500, body=b'{"detail":"boom"}')],
        None,
        3,
        ["HTTP 500"],
        "0 page(s), 0 launch(es)",
    ),
    (
        "503 until retries run out",
        PAGE2,
        [Fault(status=503, body=b"busy")] * 4,
        None,
        3,
        ["HTTP 503 after 3 retries"],
        "1 page(s), 5 launch(es)",
    ),
    (
        "429 asks too long a wait",
        PAGE2,
        [Fault(status=429, headers={"Retry-After": "3600"}, body=b"{}")],
        None,
        3,
        ["rate limit", "Retry-After 3600 s", "smaller --limit"],
        "1 page(s), 5 launch(es)",
    ),
    (
        "429 without Retry-After",
        0,
        [Fault(status=429, body=b"{}")],
        None,
        3,
        ["rate limit", "no Retry-After"],
        "0 page(s), 0 launch(es)",
    ),
    (
        "malformed JSON",
        0,
        [Fault(body=b"<html><body>Bad gateway</body></html>")],
        None,
        3,
        ["not valid JSON"],
        "0 page(s), 0 launch(es)",
    ),
    ("truncated page", PAGE2, [Fault(truncate=700)], None, 3, ["not valid JSON"], "1 page(s), 5 launch(es)"),
    (
        "connection dropped mid-body",
        PAGE2,
        [Fault(drop_after=400)],
        None,
        3,
        ["connection broke"],
        "1 page(s), 5 launch(es)",
    ),
    (
        "not a launch list",
        0,
        [Fault(body=b'{"detail": "Request was throttled."}')],
        None,
        3,
        ["not a launch list"],
        "0 page(s), 0 launch(es)",
    ),
    (
        "schema-violating launch",
        PAGE2,
        [Fault(body=json.dumps(_bad_zone_page()).encode())],
        None,
        3,
        ["fails the record schema", "Mars/Olympus_Mons", "nothing written"],
        "2 page(s), 10 launch(es)",
    ),
    (
        "launch without a time",
        PAGE2,
        [Fault(body=json.dumps(_bad_net_page()).encode())],
        None,
        3,
        ["net is not a UTC time", "nothing written"],
        "2 page(s), 10 launch(es)",
    ),
]


@pytest.mark.server
@pytest.mark.parametrize(
    "label, offset, faults, timeout, status, words, progress", CASES, ids=[c[0] for c in CASES]
)
def test_a_failed_sync_leaves_every_file_unchanged(
    ll2_pages, ll2_data, ll2_sync, label, offset, faults, timeout, status, words, progress
):
    before = tree_hashes(ll2_data)
    ll2_pages.fail(LAUNCHES, *faults, offset=offset)
    argv = ["--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data)]
    code, out, err, _ = ll2_sync(*argv, *(["--timeout", timeout] if timeout else []))
    assert code == status, err
    assert tree_hashes(ll2_data) == before  # byte-for-byte, and no staging folder or state file left behind
    assert out == ""
    assert err.startswith("orbitcheck: error: sync ll2: ")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    for word in words:
        assert word in err
    assert f"stopped after {progress}" in err


@pytest.mark.server
def test_retries_back_off_through_the_injected_sleep_and_then_succeed(ll2_pages, ll2_data, ll2_sync):
    ll2_pages.fail(LAUNCHES, Fault(status=503, body=b"busy"), Fault(status=502, body=b"bad"), offset=PAGE2)
    code, out, err, sleeps = ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data))
    assert code == 0, err
    assert "10 added" in out
    # urllib3 backoff: no wait before the first retry, then backoff_factor * 2 ** (errors - 1)
    assert sleeps == [1.0]
    assert [r.query.get("offset") for r in ll2_pages.requests] == [None, "5", "5", "5"]


@pytest.mark.server
def test_a_short_retry_after_is_honoured_once_then_the_page_is_fetched(ll2_pages, ll2_data, ll2_sync):
    ll2_pages.fail(LAUNCHES, Fault(status=429, headers={"Retry-After": "7"}, body=b"{}"), offset=PAGE2)
    code, out, err, sleeps = ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data))
    assert code == 0, err
    assert sleeps == [7.0]
    assert "10 added" in out


@pytest.mark.server
def test_429_that_keeps_coming_stops_after_the_allowed_waits(ll2_pages, ll2_data, ll2_sync):
    before = tree_hashes(ll2_data)
    ll2_pages.fail(LAUNCHES, *[Fault(status=429, headers={"Retry-After": "5"}, body=b"{}")] * 5, offset=PAGE2)
    code, _, err, sleeps = ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data))
    assert code == 3
    assert sleeps == [5.0, 5.0]  # bounded: two waits, then a clean stop
    assert "rate limit" in err and "stopped after 1 page(s), 5 launch(es)" in err
    assert tree_hashes(ll2_data) == before


@pytest.mark.server
def test_an_unreachable_server_is_retried_then_reported(ll2_data, ll2_sync):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    before = tree_hashes(ll2_data)
    code, out, err, sleeps = ll2_sync(
        "--base-url", f"http://127.0.0.1:{port}/2.3.0", "--data-dir", str(ll2_data)
    )
    assert code == 3
    assert "cannot reach LL2" in err and "connection refused" in err
    assert sleeps == [1.0, 2.0]  # three retries: 0 s, 1 s, 2 s of backoff
    assert tree_hashes(ll2_data) == before


@pytest.mark.server
def test_a_next_link_to_another_host_is_not_followed(ll2_server, ll2_data, ll2_sync):
    first = page("2.0.0-launch-page1.json")
    first["next"] = "http://example.invalid/2.0.0/launch/?offset=5"
    ll2_server.serve(LAUNCHES, first)
    before = tree_hashes(ll2_data)
    code, _, err, _ = ll2_sync(
        "--base-url",
        ll2_server.url("/2.0.0"),
        "--data-dir",
        str(ll2_data),
        environ={"ORBITCHECK_LL2_TOKEN": "s3cret-token"},
    )
    assert code == 3
    assert "leaves 127.0.0.1" in err and "example.invalid" in err
    assert len(ll2_server.requests) == 1
    assert tree_hashes(ll2_data) == before


@pytest.mark.server
def test_an_interrupted_write_leaves_the_records_unchanged(ll2_pages, ll2_data, ll2_sync, monkeypatch):
    from orbitcheck.records import snapshot

    written = []
    real_write = snapshot._write_synced

    def write_then_interrupt(path, data):
        if len(written) == 3:
            raise KeyboardInterrupt
        written.append(path.name)
        real_write(path, data)

    monkeypatch.setattr(snapshot, "_write_synced", write_then_interrupt)
    before = tree_hashes(ll2_data)
    code, out, err, _ = ll2_sync("--base-url", ll2_pages.url("/2.0.0"), "--data-dir", str(ll2_data))
    assert code == 130
    assert len(written) == 3
    assert "interrupted" in err and len(err.strip().splitlines()) == 1
    assert tree_hashes(ll2_data) == before


@pytest.mark.server
def test_the_token_is_sent_but_never_printed(ll2_pages, ll2_data, ll2_sync):
    token = "s3cret-token-value"
    ll2_pages.fail(LAUNCHES, Fault(status=500, body=token.encode()), offset=PAGE2)
    code, out, err, _ = ll2_sync(
        "--base-url",
        ll2_pages.url("/2.0.0"),
        "--data-dir",
        str(ll2_data),
        environ={"ORBITCHECK_LL2_TOKEN": token},
    )
    assert code == 3
    assert [r.headers.get("Authorization") for r in ll2_pages.requests] == [f"Token {token}"] * 2
    assert token not in out + err
