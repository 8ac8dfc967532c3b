"""deploy/nginx.conf run for real (Debian's nginx, installed by `make test` like chromium): it passes
`nginx -t`, proxies to a real gunicorn with the request id kept, buffers whole requests, and answers its own
errors (413 over the body limit, 502 with gunicorn down) as application/problem+json."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.helpers.paths import ROOT
from tests.helpers.server import Server, free_port

NGINX = Path("/usr/sbin/nginx")
pytestmark = pytest.mark.server


def render(conf: str, tmp: Path, upstream: int, listen: int) -> Path:
    """The shipped config with only the addresses (compose names) and writable paths changed for a test."""
    text, n = re.subn(r"server orbitcheck:8000;", f"server 127.0.0.1:{upstream};", conf)
    text, m = re.subn(r"listen 8080;", f"listen 127.0.0.1:{listen};", text)
    assert (n, m) == (1, 1), "the upstream and listen lines moved: update this test with them"
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = "".join(f"    {kind}_temp_path {tmp / kind};\n" for kind in kinds)
    text = text.replace("pid /tmp/nginx.pid;", f"pid {tmp / 'nginx.pid'};").replace("http {\n", "http {\n" + temp, 1)
    path = tmp / "nginx.conf"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    app = Server(tmp_path_factory.mktemp("behind-nginx"))
    port = free_port()
    conf = render((ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8"), tmp, app.port, port)
    proc = subprocess.Popen([str(NGINX), "-c", str(conf), "-p", str(tmp), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=(tmp / "nginx.err").open("wb"))
    deadline = time.monotonic() + 20
    while True:
        assert proc.poll() is None, (tmp / "nginx.err").read_text()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "nginx did not listen within 20 s"
            time.sleep(0.05)
    yield app, f"http://127.0.0.1:{port}", conf
    proc.terminate()
    proc.wait(timeout=20)
    app.stop()


def test_the_shipped_config_passes_nginx_t(proxied):
    _, _, conf = proxied
    done = subprocess.run([str(NGINX), "-t", "-c", str(conf), "-p", str(conf.parent)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and "syntax is ok" in done.stderr, done.stderr


def test_requests_reach_the_app_with_nginx_request_id(proxied):
    app, url, _ = proxied
    response = requests.post(f"{url}/v1/check", json={"text": "It weighs 5,652 pounds (2,000 kg)."}, timeout=10)
    assert response.status_code == 200
    assert [f["verdict"] for f in response.json()["findings"] if f["check"] == "unit-pair"] == ["inconsistent"]
    rid = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", rid)
    deadline = time.monotonic() + 10
    while not any(line.get("request_id") == rid for line in app.access_lines()):  # gunicorn logged nginx's id
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert "nginx/" not in response.headers.get("Server", "")  # server_tokens off: no version


def test_a_body_over_the_limit_is_a_problem_json_413_from_nginx(proxied):
    app, url, _ = proxied
    before = len(app.access_lines())
    response = requests.post(f"{url}/v1/check", data=b"{" + b" " * (1024 * 1024 + 10) + b"}",
                             headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 413
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 413 and problem["request_id"] == response.headers["X-Request-ID"]
    time.sleep(0.2)
    assert len(app.access_lines()) == before  # refused by nginx: gunicorn never saw it


def test_a_stalled_client_never_reaches_gunicorn(proxied):
    app, url, _ = proxied
    port = int(url.rsplit(":", 1)[1])
    before = len(app.access_lines())
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"text\": ")
        time.sleep(0.5)
        assert requests.get(f"{url}/healthz", timeout=5).status_code == 200
    assert len(app.access_lines()) == before + 1  # the /healthz only: nginx still holds the partial body


def test_gunicorn_down_is_a_problem_json_502(tmp_path):
    port, dead = free_port(), free_port()
    conf = render((ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8"), tmp_path, dead, port)
    proc = subprocess.Popen([str(NGINX), "-c", str(conf), "-p", str(tmp_path), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                response = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        assert response.status_code == 502
        assert response.headers["Content-Type"] == "application/problem+json"
        assert json.loads(response.text)["status"] == 502
    finally:
        proc.terminate()
        proc.wait(timeout=20)
