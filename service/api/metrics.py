"""GET /metrics in the Prometheus text format, written by us, correct across gunicorn's workers.

gunicorn forks several workers and a scrape reaches only one of them, so per-process counters would jump
around between scrapes. Instead the counters live in ONE anonymous shared memory map created by create_app,
which with `preload_app = True` runs in the gunicorn master before the fork, so every worker shares it.
Each process claims its own row (a row whose owner pid is gone is reused, so its counts carry on: totals
never go down) and is the only writer of that row, so the request path takes no lock; /metrics sums the
rows. Without preload each worker builds its own map and the figures are per worker (the process answering
the scrape); `orbitcheck_metrics_processes` says how many processes the figures add up.
"""
from __future__ import annotations

import mmap
import multiprocessing
import os
import time
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from flask import Blueprint, Flask, current_app, g, request
from flask.wrappers import Request, Response
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.http import HTTP_STATUS_CODES

from ..model import Finding, Verdict
from .spec import operation
from .state import current_store

EXTENSION = "orbitcheck.metrics"
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)  # seconds; +Inf is implicit
STATUSES = tuple(sorted(HTTP_STATUS_CODES))
VERDICTS = tuple(v.value for v in Verdict)
EVENTS = ("reload_ok", "reload_failed")
UNMATCHED = "unmatched"  # requests that matched no route (404s): one label, not one per URL a scanner tries
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

bp = Blueprint("metrics", __name__)


class SharedCounters:
    """float64 counters in a shared anonymous mmap: `rows` rows, each [owner pid, histograms, verdicts, events].

    Per (endpoint, status) pair a row holds one slot per bucket (not cumulative; the last is +Inf) and the
    sum of durations; the request count is the sum of the buckets.
    """

    def __init__(self, endpoints: Sequence[str], rows: int = 32) -> None:
        self.endpoints = tuple(endpoints)
        self._endpoint_index = {e: i for i, e in enumerate(self.endpoints)}
        self._status_index = {s: i for i, s in enumerate(STATUSES)}
        self.pair_len = len(BUCKETS) + 2
        self.histograms_len = len(self.endpoints) * len(STATUSES) * self.pair_len
        self.row_len = 1 + self.histograms_len + len(VERDICTS) + len(EVENTS)
        self.rows = rows
        self._map = mmap.mmap(-1, rows * self.row_len * 8)  # MAP_SHARED|MAP_ANONYMOUS: survives fork shared
        self._view = memoryview(self._map).cast("d")
        self._claim_lock = multiprocessing.Lock()  # taken only when a process claims its row
        self._pid = -1
        self._base = 0

    def _row(self) -> int:
        pid = os.getpid()
        if pid != self._pid:
            self._base = self._claim(pid)
            self._pid = pid
        return self._base

    def _claim(self, pid: int) -> int:
        locked = self._claim_lock.acquire(timeout=2.0)  # bounded: a worker killed mid-claim cannot wedge us
        try:
            for row in range(self.rows):
                base = row * self.row_len
                owner = int(self._view[base])
                if owner in (0, pid) or not _alive(owner):
                    self._view[base] = pid
                    return base
            return (self.rows - 1) * self.row_len  # every row owned by a live process: share the last one
        finally:
            if locked:
                self._claim_lock.release()

    def observe(self, endpoint: str, status: int, seconds: float) -> None:
        e = self._endpoint_index.get(endpoint, self._endpoint_index[UNMATCHED])
        s = self._status_index.get(status)
        if s is None:
            return
        at = self._row() + 1 + (e * len(STATUSES) + s) * self.pair_len
        self._view[at + bisect_left(BUCKETS, seconds)] += 1
        self._view[at + len(BUCKETS) + 1] += seconds

    def count_verdict(self, verdict: str, n: int = 1) -> None:
        self._view[self._row() + 1 + self.histograms_len + VERDICTS.index(verdict)] += n

    def count_event(self, event: str) -> None:
        self._view[self._row() + 1 + self.histograms_len + len(VERDICTS) + EVENTS.index(event)] += 1

    def totals(self) -> tuple[list[float], int]:
        """Element-wise sum of the claimed rows (without the owner slot), and how many rows were claimed."""
        total = [0.0] * (self.row_len - 1)
        used = 0
        for row in range(self.rows):
            base = row * self.row_len
            if self._view[base] == 0:
                continue
            used += 1
            total = [a + b for a, b in zip(total, self._view[base + 1: base + self.row_len], strict=True)]
        return total, used


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _counters() -> SharedCounters:
    return current_app.extensions[EXTENSION]


def count_findings(findings: Iterable[Finding]) -> None:
    counters = _counters()
    for finding in findings:
        if not finding.suppressed:
            counters.count_verdict(str(finding.verdict))


def count_event(event: str) -> None:
    _counters().count_event(event)


def _route_label(req: Request) -> str:
    if req.url_rule is not None:
        return req.url_rule.rule
    wrong_method = req.routing_exception
    if isinstance(wrong_method, MethodNotAllowed) and wrong_method.valid_methods:
        # A 405 is about a route that exists: label it with that route, not as unmatched.
        adapter = current_app.url_map.bind_to_environ(req.environ)
        try:
            rule, _ = adapter.match(method=next(iter(wrong_method.valid_methods)), return_rule=True)
            return rule.rule
        except HTTPException:
            pass
    return UNMATCHED


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def render(counters: SharedCounters, records: int | None) -> str:
    total, used = counters.totals()
    requests = ["# HELP orbitcheck_http_requests_total HTTP requests answered, by route and status.",
                "# TYPE orbitcheck_http_requests_total counter"]
    latency = ["# HELP orbitcheck_http_request_duration_seconds Time spent answering, by route and status.",
               "# TYPE orbitcheck_http_request_duration_seconds histogram"]
    for e, endpoint in enumerate(counters.endpoints):
        for s, status in enumerate(STATUSES):
            at = (e * len(STATUSES) + s) * counters.pair_len
            buckets = total[at: at + len(BUCKETS) + 1]
            count = sum(buckets)
            if not count:
                continue
            labels = f'endpoint="{_label(endpoint)}",status="{status}"'
            requests.append(f"orbitcheck_http_requests_total{{{labels}}} {_number(count)}")
            running = 0.0
            for le, n in zip((*map(str, BUCKETS), "+Inf"), buckets, strict=True):
                running += n
                latency.append(f'orbitcheck_http_request_duration_seconds_bucket{{{labels},le="{le}"}} '
                               f"{_number(running)}")
            latency.append(f"orbitcheck_http_request_duration_seconds_sum{{{labels}}} "
                           f"{_number(total[at + len(BUCKETS) + 1])}")
            latency.append(f"orbitcheck_http_request_duration_seconds_count{{{labels}}} {_number(count)}")
    at = counters.histograms_len
    lines = requests + latency
    lines += ["# HELP orbitcheck_findings_total Claims checked, by verdict (suppressed ones not counted).",
              "# TYPE orbitcheck_findings_total counter"]
    lines += [f'orbitcheck_findings_total{{verdict="{v}"}} {_number(total[at + i])}' for i, v in enumerate(VERDICTS)]
    at += len(VERDICTS)
    lines += ["# HELP orbitcheck_reference_reloads_total Reference store reloads, by result.",
              "# TYPE orbitcheck_reference_reloads_total counter"]
    lines += [f'orbitcheck_reference_reloads_total{{result="{ev.removeprefix("reload_")}"}} '
              f"{_number(total[at + i])}" for i, ev in enumerate(EVENTS)]
    lines += ["# HELP orbitcheck_reference_records Mission records loaded in the process answering.",
              "# TYPE orbitcheck_reference_records gauge", f"orbitcheck_reference_records {records or 0}",
              "# HELP orbitcheck_metrics_processes Processes whose counts these figures add up.",
              "# TYPE orbitcheck_metrics_processes gauge", f"orbitcheck_metrics_processes {used}"]
    return "\n".join(lines) + "\n"


@bp.get("/metrics")
@operation(summary="Prometheus metrics", tag="operations", auth=False,
           responses={200: (None, "Prometheus text exposition format 0.0.4", "text/plain")})
def metrics() -> Response:
    store = current_store()
    body = render(_counters(), None if store is None else len(store))
    return current_app.response_class(body, mimetype=None, content_type=CONTENT_TYPE)


def init_app(app: Flask) -> None:
    """First of the request hooks, so the timer covers authentication and the rest."""

    def start_timer() -> None:
        g.metrics_started = time.perf_counter()

    def record(response: Response) -> Response:
        started = g.pop("metrics_started", None)
        elapsed = time.perf_counter() - started if started is not None else 0.0
        counters: SharedCounters = app.extensions[EXTENSION]
        counters.observe(_route_label(request._get_current_object()),  # type: ignore[attr-defined]
                         response.status_code, elapsed)
        return response

    app.before_request(start_timer)
    app.after_request(record)
    app.register_blueprint(bp)


def create_counters(app: Flask) -> None:
    """After every blueprint is registered (the route labels are fixed here) and before any fork."""
    endpoints = sorted({rule.rule for rule in app.url_map.iter_rules()} | {UNMATCHED})
    app.extensions[EXTENSION] = SharedCounters(endpoints, rows=app.config["METRICS_PROCESSES"])
