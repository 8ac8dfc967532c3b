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


@pytest.fixture(scope="module")
def one_thread(tmp_path_factory):
    """One worker with one thread: any request a thread waits on would stall every other request."""
    srv = Server(tmp_path_factory.mktemp("one-thread"), WEB_CONCURRENCY="1", GUNICORN_THREADS="1",
                 ORBITCHECK_MAX_CONTENT_LENGTH="65536")
    yield srv
    srv.stop()


def _stalled(server: Server, data: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    sock.sendall(data)
    return sock


@pytest.mark.parametrize("stall", [
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaa",  # headers never finished
    b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"te",
])
def test_stalled_clients_hold_no_thread(one_thread, stall):
    """Before: gthread gave each connection to a thread at its first byte, so three stalled clients held the
    only thread for HEADER_TIMEOUT (10 s) each and /healthz waited 30 s. Now they wait in the poller."""
    socks = [_stalled(one_thread, stall) for _ in range(3)]
    try:
        time.sleep(0.3)  # each has been accepted and read
        for _ in range(3):
            assert one_thread.session.get(f"{one_thread.url}/healthz", timeout=3).status_code == 200
    finally:
        for sock in socks:
            sock.close()


def test_a_request_trickled_within_the_deadline_is_served_whole(one_thread):
    body = json.dumps({"text": "It weighs 5,652 pounds (2,000 kg)."}).encode()
    request_bytes = (b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    with socket.create_connection(("127.0.0.1", one_thread.port), timeout=10) as sock:
        for i in range(0, len(request_bytes), 7):
            sock.sendall(request_bytes[i:i + 7])
            time.sleep(0.005)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, payload = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head
    pairs = [f for f in json.loads(payload)["findings"] if f["check"] == "unit-pair"]
    assert [(p["text"], p["verdict"]) for p in pairs] == [("5,652 pounds (2,000 kg)", "inconsistent")]


def test_pipelined_and_kept_alive_requests_are_each_served_once(one_thread):
    one = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    with socket.create_connection(("127.0.0.1", one_thread.port), timeout=10) as sock:
        sock.sendall(one + one)  # two at once
        answer = b""
        while answer.count(b"HTTP/1.1 200") < 2:
            answer += sock.recv(65536)
        sock.sendall(one)  # and one more on the kept-alive connection
        more = b""
        while b"HTTP/1.1 200" not in more:
            more += sock.recv(65536)
        sock.settimeout(0.5)
        with pytest.raises(TimeoutError):  # nothing replayed after it
            sock.recv(65536)
    assert answer.count(b"HTTP/1.1 200") == 2


def test_expect_100_continue_is_answered_without_waiting_for_the_body(one_thread):
    body = json.dumps({"text": "x"}).encode()
    with socket.create_connection(("127.0.0.1", one_thread.port), timeout=10) as sock:
        sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Expect: 100-continue\r\nConnection: close\r\nContent-Length: " + str(len(body)).encode()
                     + b"\r\n\r\n")
        assert sock.recv(65536).startswith(b"HTTP/1.1 100")  # curl waits for this before sending a body
        sock.sendall(body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]


def test_headers_over_the_poller_limit_are_a_431_problem(one_thread):
    from orbitcheck.gunicorn_conf import HEAD_LIMIT

    status, headers, body = raw(one_thread, b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                                + b"X-Big: " + b"a" * HEAD_LIMIT)
    assert status == 431 and headers["content-type"] == "application/problem+json"
    assert json.loads(body)["status"] == 431
