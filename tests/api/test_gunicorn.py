"""The real server: gunicorn with service/gunicorn_conf.py on a free loopback port, real HTTP with requests."""
from __future__ import annotations

import signal
import time

import pytest
import requests

from tests.helpers.paths import ROOT
from tests.helpers.server import Server

pytestmark = pytest.mark.server


@pytest.fixture
def server(tmp_path):
    srv = Server(tmp_path, ORBITCHECK_MAX_CONTENT_LENGTH="4096")
    yield srv
    srv.stop()


def test_real_http_requests_request_ids_and_json_access_log(server):
    response = server.session.post(f"{server.url}/v1/check", json={"text": "Auñón-Chancellor 🚀"},
                                   headers={"X-Request-ID": "it-1234"}, timeout=10)
    assert response.status_code == 200
    assert response.headers["X-Request-ID"] == "it-1234"
    assert set(response.json()) == {"findings", "summary", "reference_version"}

    fresh = server.session.get(f"{server.url}/v1/nowhere", timeout=10)
    assert fresh.status_code == 404
    assert fresh.headers["Content-Type"] == "application/problem+json"
    fresh_id = fresh.headers["X-Request-ID"]
    assert fresh.json()["request_id"] == fresh_id

    deadline = time.monotonic() + 10  # the access log is written just after the response
    while not {"it-1234", fresh_id} <= {line["request_id"] for line in server.access_lines()}:
        assert time.monotonic() < deadline, server.out_path.read_text()
        time.sleep(0.05)
    by_id = {line["request_id"]: line for line in server.access_lines()}
    assert by_id["it-1234"]["method"] == "POST" and by_id["it-1234"]["path"] == "/v1/check"
    assert by_id["it-1234"]["status"] == 200 and by_id["it-1234"]["duration_ms"] >= 0
    assert by_id[fresh_id]["status"] == 404


def test_size_limit_holds_for_chunked_bodies_over_real_http(server):
    def chunks(total: int):
        yield b'{"text": "'
        for _ in range(total // 100):
            yield b"x" * 100
        yield b'"}'

    small = server.session.post(f"{server.url}/v1/check", data=chunks(1000), timeout=10,
                                headers={"Content-Type": "application/json"})
    assert small.status_code == 200
    big = server.session.post(f"{server.url}/v1/check", data=chunks(8000), timeout=10,
                              headers={"Content-Type": "application/json"})
    assert big.request.headers.get("Transfer-Encoding") == "chunked"
    assert big.status_code == 413
    assert big.json()["status"] == 413


def test_metrics_add_up_across_workers(server):
    for _ in range(20):  # connections are not kept alive by sync workers: requests spread over both
        assert server.session.get(f"{server.url}/healthz", timeout=10).status_code == 200
    deadline = time.monotonic() + 10  # each access line is written just after its response
    while sum(line["path"] == "/healthz" for line in server.access_lines()) < 21:
        assert time.monotonic() < deadline, server.out_path.read_text()
        time.sleep(0.05)
    served = {line["pid"] for line in server.access_lines()}  # the workers that have counted something
    text = server.session.get(f"{server.url}/metrics", timeout=10).text
    line = next(x for x in text.splitlines() if x.startswith('orbitcheck_http_requests_total{endpoint="/healthz"'))
    assert float(line.rsplit(" ", 1)[1]) >= 21  # 20 + the readiness polls, whichever worker answered
    processes = next(x for x in text.splitlines() if x.startswith("orbitcheck_metrics_processes "))
    assert int(processes.split()[1]) == len(served)


def test_shuts_down_cleanly_on_sigterm(tmp_path):
    srv = Server(tmp_path)
    assert srv.stop() == 0
    assert "Shutting down: Master" in srv.err_path.read_text()


def _wait_for_version(srv: Server, predicate, what: str) -> str:
    """Poll /readyz until every answer (several workers) satisfies `predicate`; bounded."""
    deadline = time.monotonic() + 30
    while True:
        versions = {srv.session.get(f"{srv.url}/readyz", timeout=10).json()["reference_version"] for _ in range(6)}
        if all(predicate(v) for v in versions):
            return versions.pop()
        assert time.monotonic() < deadline, f"{what}: still {versions}"
        time.sleep(0.2)


def test_reload_on_sighup_and_admin_drops_no_request(tmp_path):
    import shutil
    import threading

    data = tmp_path / "reference_data"
    shutil.copytree(ROOT / "reference_data", data)
    record = data / "missions" / "progress-ms-10.toml"
    original = record.read_text(encoding="utf-8")
    srv = Server(tmp_path, ORBITCHECK_DATA_DIR=str(data), ORBITCHECK_ADMIN_KEYS="root-key")
    statuses: list[int] = []
    failures: list[str] = []
    stop = threading.Event()

    def traffic() -> None:
        with requests.Session() as session:
            while not stop.is_set():
                try:
                    r = session.post(f"{srv.url}/v1/check", json={"text": "5,652 pounds (2,564 kg)"}, timeout=10)
                    statuses.append(r.status_code)
                except requests.RequestException as exc:
                    failures.append(repr(exc))

    thread = threading.Thread(target=traffic)
    thread.start()
    try:
        first = _wait_for_version(srv, lambda v: True, "start")
        record.write_text(original.replace("aliases = [", 'aliases = ["Cargo One", ', 1), encoding="utf-8")
        srv.proc.send_signal(signal.SIGHUP)
        second = _wait_for_version(srv, lambda v: v != first, "after SIGHUP")

        record.write_text("id = [broken\n", encoding="utf-8")
        srv.proc.send_signal(signal.SIGHUP)  # the master refuses them, and keeps serving the old ones
        deadline = time.monotonic() + 30  # the master handles the signal in its own loop: wait for its word
        while "reference reload failed, keeping version" not in srv.err_path.read_text():
            assert time.monotonic() < deadline, srv.err_path.read_text()
            time.sleep(0.1)
        assert _wait_for_version(srv, lambda v: v == second, "after a refused reload") == second
        refused = srv.session.post(f"{srv.url}/v1/admin/reload", headers={"X-API-Key": "root-key"}, timeout=10)
        assert refused.status_code == 409 and second in refused.json()["detail"]

        record.write_text(original.replace("aliases = [", 'aliases = ["Cargo Two", ', 1), encoding="utf-8")
        accepted = srv.session.post(f"{srv.url}/v1/admin/reload", headers={"X-API-Key": "root-key"}, timeout=10)
        assert accepted.status_code == 200 and accepted.json()["workers_restarting"] is True
        third = accepted.json()["reference_version"]
        assert _wait_for_version(srv, lambda v: v == third, "after admin reload") == third
        time.sleep(0.5)
    finally:
        stop.set()
        thread.join(timeout=30)
        srv.stop()
    assert failures == [] and len(statuses) > 10 and set(statuses) == {200}
    assert "reference records reloaded: version " + third in srv.err_path.read_text()
