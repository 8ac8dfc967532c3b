"""GET /metrics: Prometheus text format, counts by route and status, latency histograms, across processes."""
from __future__ import annotations

import multiprocessing
import re

from orbitcheck.api.metrics import BUCKETS, SharedCounters, render

SAMPLE = re.compile(r'^(?P<name>[a-z_]+)(?:\{(?P<labels>[^}]*)\})? (?P<value>[0-9.e+-]+)$')


def parse(text: str) -> dict[tuple[str, frozenset], float]:
    """A strict reader of the exposition format: every line a comment or a valid sample."""
    samples = {}
    for line in text.splitlines():
        if line.startswith("# HELP ") or line.startswith("# TYPE "):
            continue
        m = SAMPLE.match(line)
        assert m, f"not a valid sample line: {line!r}"
        labels = frozenset(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m["labels"] or ""))
        samples[(m["name"], labels)] = float(m["value"])
    return samples


def test_requests_are_counted_by_route_and_status(client):
    for _ in range(3):
        client.post("/v1/check", json={"text": "x"})
    client.post("/v1/check", json={"nope": 1})
    client.get("/no/such/page")
    client.get("/v1/check")  # wrong method on a real route
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
    samples = parse(response.get_data(as_text=True))
    ok = frozenset({("endpoint", "/v1/check"), ("status", "200")})
    assert samples[("orbitcheck_http_requests_total", ok)] == 3
    assert samples[("orbitcheck_http_requests_total", frozenset({("endpoint", "/v1/check"), ("status", "422")}))] == 1
    # an unknown URL is one label, not one series per URL a scanner tries
    assert samples[("orbitcheck_http_requests_total", frozenset({("endpoint", "unmatched"), ("status", "404")}))] == 1
    assert not any("/no/such/page" in str(key) for key in samples)
    assert samples[("orbitcheck_http_requests_total", frozenset({("endpoint", "/v1/check"), ("status", "405")}))] == 1
    # the histogram is cumulative and its +Inf bucket equals the count
    buckets = [samples[("orbitcheck_http_request_duration_seconds_bucket", ok | {("le", le)})]
               for le in (*map(str, BUCKETS), "+Inf")]
    assert buckets == sorted(buckets) and buckets[-1] == 3
    assert samples[("orbitcheck_http_request_duration_seconds_count", ok)] == 3
    assert samples[("orbitcheck_http_request_duration_seconds_sum", ok)] > 0
    assert samples[("orbitcheck_metrics_processes", frozenset())] == 1


def test_help_and_type_precede_each_family(client):
    client.get("/healthz")
    text = client.get("/metrics").get_data(as_text=True)
    for family, kind in [("orbitcheck_http_requests_total", "counter"),
                         ("orbitcheck_http_request_duration_seconds", "histogram"),
                         ("orbitcheck_findings_total", "counter")]:
        assert f"# TYPE {family} {kind}\n" in text
        assert text.index(f"# HELP {family} ") < text.index(f"# TYPE {family} ")


def _child_records(counters: SharedCounters, together=None) -> None:
    for _ in range(5):
        counters.observe("/v1/check", 200, 0.003)
    counters.count_verdict("inconsistent", 2)
    if together is not None:
        together.wait(timeout=30)  # stay alive until the other worker has claimed its row too


def test_counts_from_forked_workers_add_up():
    """What gunicorn does with preload: the table is created, then processes fork and each writes its row."""
    counters = SharedCounters(["/v1/check", "unmatched"], rows=4)
    counters.observe("/v1/check", 200, 0.2)
    fork = multiprocessing.get_context("fork")
    together = fork.Barrier(2)
    children = [fork.Process(target=_child_records, args=(counters, together)) for _ in range(2)]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=30)
        assert child.exitcode == 0
    samples = parse(render(counters, records=7))
    ok = frozenset({("endpoint", "/v1/check"), ("status", "200")})
    assert samples[("orbitcheck_http_requests_total", ok)] == 11
    assert samples[("orbitcheck_http_request_duration_seconds_bucket", ok | {("le", "0.005")})] == 10
    assert samples[("orbitcheck_http_request_duration_seconds_bucket", ok | {("le", "0.25")})] == 11
    assert samples[("orbitcheck_findings_total", frozenset({("verdict", "inconsistent")}))] == 4
    assert samples[("orbitcheck_metrics_processes", frozenset())] == 3
    assert samples[("orbitcheck_reference_records", frozenset())] == 7


def test_a_dead_workers_row_is_reused_and_its_counts_kept():
    counters = SharedCounters(["/v1/check", "unmatched"], rows=2)
    fork = multiprocessing.get_context("fork")
    for _ in range(3):  # three short-lived workers in turn, more than the two rows
        child = fork.Process(target=_child_records, args=(counters,))
        child.start()
        child.join(timeout=30)
        assert child.exitcode == 0
    samples = parse(render(counters, records=None))
    assert samples[("orbitcheck_http_requests_total", frozenset({("endpoint", "/v1/check"), ("status", "200")}))] == 15
    assert samples[("orbitcheck_metrics_processes", frozenset())] == 1
