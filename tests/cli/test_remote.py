"""Remote mode against real HTTP servers on 127.0.0.1: the orbitcheck service itself (create_app), and
small real servers for the ways a service can fail (down, dropping connections, error answers, silence)."""
import json
import socket
import threading

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from orbitcheck.batch import Draft, Job
from orbitcheck.config import Settings
from orbitcheck.remote import RemoteChecker, RemoteError
from tests.helpers.paths import DATA

DRAFT = DATA / "ci" / "draft.md"

pytestmark = pytest.mark.server


@pytest.fixture
def serve():
    """Start a WSGI app on a free loopback port in a thread; returns its base URL."""
    servers = []

    def start(app) -> str:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class Recorder:
    """A WSGI app answering every request the same way and remembering what it was sent."""

    def __init__(self, status: int, body: str, content_type: str = "application/problem+json"):
        self.status, self.body, self.content_type = status, body, content_type
        self.requests: list[tuple[str, dict, dict]] = []

    def __call__(self, environ, start_response):
        request = Request(environ)
        self.requests.append((request.path, dict(request.headers), request.get_json(silent=True)))
        return Response(self.body, self.status, content_type=self.content_type)(environ, start_response)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_line_error(result) -> str:
    status, out, err = result
    assert (status, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    return err


def test_a_server_that_is_down_exits_2_with_one_line(cli):
    url = f"http://127.0.0.1:{free_port()}"
    err = one_line_error(cli("check", "--server", url, str(DRAFT)))
    assert f"cannot reach {url}/v1/check" in err and "refused" in err.lower()


def test_an_error_answer_exits_2_with_the_problem_and_is_not_retried(cli, serve):
    app = Recorder(503, json.dumps({"type": "about:blank", "title": "Service Unavailable",
                                    "status": 503, "detail": "reference records are reloading"}))
    url = serve(app)
    err = one_line_error(cli("check", "--server", url, str(DRAFT)))
    assert "answered 503" in err and "Service Unavailable - reference records are reloading" in err
    assert len(app.requests) == 1


def test_a_validation_problem_names_the_field(cli, serve):
    url = serve(Recorder(422, json.dumps({"title": "Unprocessable Entity", "detail": "invalid request",
                                          "errors": {"checks": ["unknown check 'x'"]}})))
    err = one_line_error(cli("check", "--server", url, str(DRAFT)))
    assert "checks: unknown check 'x'" in err


@pytest.mark.parametrize("body, content_type, needle", [
    ("<html>proxy error page</html>", "text/html", "not JSON"),
    ('{"results": []}', "application/json", "unexpected response"),
    ('{"findings": [{"check": "x", "verdict": "maybe", "severity": "error", "start": 0, "end": 1,'
     ' "text": "a", "message": "m"}]}', "application/json", "unexpected response"),
    ('{"findings": [{"check": "x", "verdict": "inconsistent", "severity": "error", "start": 0,'
     ' "end": 99999, "text": "a", "message": "m"}]}', "application/json", "outside the draft"),
])
def test_a_malformed_answer_exits_2(cli, serve, body, content_type, needle):
    url = serve(Recorder(200, body, content_type))
    assert needle in one_line_error(cli("check", "--server", url, str(DRAFT)))


def test_a_dropped_connection_is_not_resent(cli):
    """Read errors are not retried: the request may have reached the server."""
    accepted = []
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def drop():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            accepted.append(conn.recv(65536))
            conn.close()

    threading.Thread(target=drop, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        err = one_line_error(cli("check", "--server", url, str(DRAFT)))
    finally:
        listener.close()
    assert url in err
    assert len(accepted) == 1 and accepted[0].startswith(b"POST /v1/check ")


def test_a_refused_connection_is_retried_and_then_succeeds(cli, serve, monkeypatch):
    """The first connection attempt is refused (as while a service restarts); the retry reaches it."""
    import urllib3.util.connection as connection

    app = Recorder(200, json.dumps({"findings": [], "summary": {}}), "application/json")
    url = serve(app)
    real = connection.create_connection
    attempts = []

    def refuse_first(*args, **kwargs):
        attempts.append(args[0])
        if len(attempts) == 1:
            raise ConnectionRefusedError(111, "Connection refused")
        return real(*args, **kwargs)

    monkeypatch.setattr(connection, "create_connection", refuse_first)
    status, out, err = cli("check", "--server", url, "--format", "json", str(DRAFT))
    assert status == 0, err
    assert len(attempts) == 2 and len(app.requests) == 1


def test_a_silent_server_times_out_with_one_line():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()  # accepts (the kernel does) but never answers
    try:
        checker = RemoteChecker(f"http://127.0.0.1:{listener.getsockname()[1]}", timeout=(1.0, 0.2))
        with pytest.raises(RemoteError, match=r"no answer within 0.2 s"):
            checker.check(Job(Draft("d.md", "text", True), Settings()))
    finally:
        listener.close()


def test_request_body_and_api_key(cli, serve, monkeypatch, fixture_registry):
    app = Recorder(200, json.dumps({"findings": [], "summary": {}}), "application/json")
    url = serve(app)
    monkeypatch.setenv("ORBITCHECK_API_KEY", "s3cret")
    status, _, err = cli("check", "--server", url + "/", "--checks", "fixture-pair", str(DRAFT))
    assert status == 0, err
    ((path, headers, body),) = app.requests
    assert path == "/v1/check"
    assert headers["Authorization"] == "Bearer s3cret"
    assert body == {"text": DRAFT.read_text("utf-8"), "published": "2018-11-20", "checks": ["fixture-pair"],
                    "include_passing": True}


@pytest.mark.parametrize("url", ["127.0.0.1:8000", "ftp://host/", "http://"])
def test_a_bad_server_url_exits_2(cli, url):
    assert "--server must be an http" in one_line_error(cli("check", "--server", url, str(DRAFT)))


def test_retries_are_mounted_for_connect_errors_only():
    checker = RemoteChecker("http://127.0.0.1:9")
    retry = checker.session.get_adapter("http://127.0.0.1:9/v1/check").max_retries
    assert (retry.connect, retry.read, retry.status) == (3, 0, 0)
    assert "POST" in retry.allowed_methods and retry.respect_retry_after_header is False


# --- against the orbitcheck service itself --------------------------------------------------------------

REAL = DATA / "ci" / "real" / "launch.md"


@pytest.fixture
def service_url(serve):
    from orbitcheck.app import create_app

    return serve(create_app({"TESTING": True}))


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "github", "rdjson"])
def test_remote_prints_what_local_prints(cli, service_url, fmt):
    local = cli("check", "--format", fmt, str(REAL))
    remote = cli("check", "--format", fmt, "--server", service_url, str(REAL))
    assert remote == local
    assert local[0] == 1  # the draft has a wrong conversion: the comparison is not between empty outputs


def test_remote_report_has_every_claim_and_the_suppressed_one(cli, service_url):
    status, out, err = cli("check", "--format", "json", "--server", service_url, str(REAL))
    findings = json.loads(out)["files"][0]["findings"]
    claims = [(f["check"], f["verdict"], f.get("suppressed", False)) for f in findings]
    assert claims[0] == ("unit-pair", "inconsistent", False)
    assert claims[-1] == ("unit-pair", "inconsistent", True)  # the suppressed one comes back marked
    assert ("unit-pair", "consistent", False) in claims and ("time-pair", "consistent", False) in claims
    assert err.strip().endswith("1 finding (1 error, 0 warnings), 1 suppressed")


def test_remote_api_key_from_the_environment(cli, serve, monkeypatch):
    from orbitcheck.app import create_app

    url = serve(create_app({"TESTING": True, "API_KEYS": ("k-123",)}))
    monkeypatch.delenv("ORBITCHECK_API_KEY", raising=False)
    err = one_line_error(cli("check", "--server", url, str(REAL)))
    assert "answered 401" in err
    monkeypatch.setenv("ORBITCHECK_API_KEY", "k-123")
    assert cli("check", "--server", url, str(REAL))[0] == 1


def test_remote_many_files_and_config(cli, service_url, tmp_path):
    (tmp_path / ".orbitcheck.toml").write_text('[checks]\nenable = ["time-pair"]\n', encoding="utf-8")
    for name in ("a.md", "b/c.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(REAL.read_text("utf-8"), encoding="utf-8")
    status, out, err = cli("check", "--format", "json", "--server", service_url, str(tmp_path))
    assert status == 0, err  # only time-pair runs: the wrong conversion is not checked
    files = json.loads(out)["files"]
    assert [len(f["findings"]) for f in files] == [1, 1]
    assert err.strip() == "orbitcheck: 2 files, 2 claims checked, 0 findings"
