"""Issue 17, over real HTTP (gunicorn with service/gunicorn_conf.py): malformed chunked bodies (item 16),
gunicorn's own errors as problem+json (17), API keys in a query string redacted in the access log (18),
security headers and no Server banner (19), slow clients answered 408 (5)."""
from __future__ import annotations

import json
import socket
import time

import pytest

from tests.helpers.server import Server

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("hardening"), ORBITCHECK_MAX_CONTENT_LENGTH="65536")
    yield srv
    srv.stop()


def raw(server: Server, data: bytes, timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are, read the whole answer (the server closes or says Content-Length)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(data)
        received = b""
        while b"\r\n\r\n" not in received:
            part = sock.recv(65536)
            if not part:
                break
            received += part
        head, _, body = received.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
        length = int(headers.get("content-length", "0"))
        while len(body) < length:
            part = sock.recv(65536)
            if not part:
                break
            body += part
        return int(lines[0].split()[1]), headers, body


def chunked(path: str, body: bytes, content_type: str) -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode() + body


@pytest.mark.parametrize("path, content_type", [
    ("/v1/check", "application/json"),
    ("/v2/check", "application/x-www-form-urlencoded"),
])
def test_a_malformed_chunked_body_is_a_400_problem_not_a_500(server, path, content_type):
    before = _status_count(server, "500")
    status, headers, body = raw(server, chunked(path, b"zz\r\nabc\r\n0\r\n\r\n", content_type))
    assert status == 400
    if path.startswith("/v2/"):  # LanguageTool's own error shape: plain text, as its clients expect
        assert headers["content-type"].startswith("text/plain")
        assert body.decode().startswith("Error:") and "chunked" in body.decode()
    else:
        assert headers["content-type"] == "application/problem+json"
        problem = json.loads(body)
        assert problem["status"] == 400 and "chunked" in problem["detail"] and problem["request_id"]
    assert "Traceback" not in server.err_path.read_text()
    assert _status_count(server, "500") == before


def _status_count(server: Server, status: str) -> float:
    text = server.session.get(f"{server.url}/metrics", timeout=10).text
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith("orbitcheck_http_requests_total{") and f'status="{status}"' in line)


@pytest.mark.parametrize("request_bytes, status", [
    (b"GARBAGE\r\n\r\n", 400),
    (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: 1\r\n" % i for i in range(150)) + b"\r\n", 431),
])
def test_gunicorns_own_errors_are_problem_json_with_a_request_id(server, request_bytes, status):
    got, headers, body = raw(server, request_bytes)
    assert got == status
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == status and problem["request_id"] == headers["x-request-id"]
    assert "server" not in headers


def test_api_keys_in_a_query_string_are_redacted_in_the_access_log(server):
    secret = "sk-live-0123456789abcdef"
    server.session.get(f"{server.url}/healthz?apiKey={secret}&lang=en&access_token={secret}", timeout=10)
    deadline = time.monotonic() + 10
    while not any((line.get("query") or "").startswith("apiKey=") for line in server.access_lines()):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert secret not in server.out_path.read_text()
    line = next(x for x in server.access_lines() if (x.get("query") or "").startswith("apiKey="))
    assert line["query"] == "apiKey=[redacted]&lang=en&access_token=[redacted]"


@pytest.mark.parametrize("path", ["/", "/docs", "/healthz", "/openapi.json", "/v1/nowhere", "/metrics"])
def test_nosniff_everywhere_and_no_server_banner(server, path):
    response = server.session.get(f"{server.url}{path}", timeout=10)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Server" not in response.headers


def test_the_docs_page_has_a_content_security_policy(server):
    response = server.session.get(f"{server.url}/docs", timeout=10)
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


def test_a_client_trickling_its_headers_gets_a_408_within_the_deadline(server):
    from orbitcheck.gunicorn_conf import HEADER_TIMEOUT

    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=HEADER_TIMEOUT + 10) as sock:
        answer = b""
        for byte in b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 1000:
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                break
            sock.settimeout(0.5)
            try:
                answer = sock.recv(4096)
            except TimeoutError:
                continue
            break
    assert answer.startswith(b"HTTP/1.1 408"), answer
    assert time.monotonic() - start < HEADER_TIMEOUT + 5
