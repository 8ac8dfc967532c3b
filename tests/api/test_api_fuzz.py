"""The HTTP API against its own /openapi.json (schemathesis, in-process WSGI), and the body limit when the
body is chunked: through raw WSGI input and through a real gunicorn on loopback."""
from __future__ import annotations

import http.client
import io
import json
import re
import select
import socket
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from werkzeug.test import EnvironBuilder

from bench.hostile import hostile_text
from bench.server import gunicorn, request
from orbitcheck.app import create_app

LIMIT = 4096  # a small body limit keeps the oversized bodies small
EXAMPLES = 110  # per operation and generation mode: >= 1,000 requests in all, checked below
MIN_REQUESTS = 1000
ANNOTATION = re.compile(r'^\s*\{\s*"annotation"')


def _breaks_a_stated_cross_field_rule(case) -> bool:
    """Rules each operation's description states but JSON Schema (OpenAPI 3.0) cannot encode for a form or a
    query string: such a request is not valid data, and the server's 4xx for it is asserted elsewhere
    (tests/api/test_api_languagetool.py, test_api_check.py)."""
    if case.operation.path == "/v2/check":
        fields = {**(case.query or {}), **(case.body if isinstance(case.body, dict) else {})}
        if "text" not in fields and "data" not in fields:
            return True  # "text or data"
        if "data" in fields and not ANNOTATION.match(str(fields["data"])):
            return True  # `data` is the annotation JSON, in a string
        if fields.get("preferredVariants") and fields.get("language") != "auto":
            return True  # "only with language=auto"
    if case.operation.path == "/v1/check/batch" and isinstance(case.body, dict):
        ids = [d.get("id") for d in case.body.get("documents") or () if isinstance(d, dict)]
        if len(ids) != len(set(map(str, ids))):
            return True  # x-unique-item-property: id
    return False


@pytest.mark.slow
def test_every_operation_conforms_to_its_documented_schema_with_every_check():
    """Every schemathesis check, "valid data is accepted" (positive_data_acceptance) and "invalid data is
    rejected" included: no 5xx; status code, content type, headers and body as documented.

    TESTING is off: an unhandled error must come back as the service's own 500, as a client would see it.
    (Each operation is driven by hand: schemathesis's lazy pytest fixture loader breaks on pytest 9.)
    """
    app = create_app({"TESTING": False, "BATCH_LIMIT": 5})
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    calls: Counter[str] = Counter()
    statuses: Counter[int] = Counter()
    fuzzed = set()
    for mode in schemathesis.GenerationMode:
        for operation in operations:
            @settings(max_examples=EXAMPLES, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))
            def conforms(case):
                if case.meta.generation.mode.is_positive:
                    assume(not _breaks_a_stated_cross_field_rule(case))
                response = case.call_and_validate()  # every check: none excluded
                calls[case.operation.label] += 1
                statuses[response.status_code] += 1
                assert response.status_code < 500, (case.operation.label, response.text[:300])

            try:
                conforms()
            except Unsatisfiable:
                # Negative mode only: an operation with no input, or only free-form strings, has no invalid input.
                assert mode is schemathesis.GenerationMode.NEGATIVE, operation.label
                continue
            fuzzed.add(operation.label)
    print(f"schemathesis: {sum(calls.values())} requests, statuses {dict(sorted(statuses.items()))}")
    assert sum(calls.values()) >= MIN_REQUESTS, calls
    assert {"POST /v1/check", "POST /v1/check/batch", "POST /v2/check", "GET /v2/check"} <= fuzzed
    assert {413, 415, 422} & set(statuses), statuses  # the invalid requests reached the documented errors


# --- chunked bodies --------------------------------------------------------------------------------------

def _chunked_environ(path: str, body: bytes, content_type: str) -> dict:
    """What a server that de-chunks (gunicorn) hands the app: no Content-Length, input_terminated set."""
    environ = EnvironBuilder(path=path, method="POST", content_type=content_type).get_environ()
    environ.pop("CONTENT_LENGTH", None)
    environ.update({"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input": io.BytesIO(body),
                    "wsgi.input_terminated": True})
    return environ


def _call(app, environ) -> tuple[int, str, bytes]:
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response))
    return int(seen["status"].split()[0]), seen["headers"].get("Content-Type", ""), body


BODIES = [
    ("/v1/check", "application/json", lambda n: json.dumps({"text": "x" * n}).encode()),
    ("/v1/check/batch", "application/json",
     lambda n: json.dumps({"documents": [{"id": "a", "text": "x" * n}]}).encode()),
    ("/v2/check", "application/x-www-form-urlencoded", lambda n: b"language=en-US&text=" + b"x" * n),
]


@pytest.mark.parametrize("path, content_type, make", BODIES, ids=[b[0] for b in BODIES])
def test_a_chunked_body_over_the_limit_is_refused_with_413(path, content_type, make):
    app = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": LIMIT})
    status, kind, body = _call(app, _chunked_environ(path, make(LIMIT * 4), content_type))
    assert status == 413
    if path.startswith("/v2/"):  # LanguageTool's route answers in plain text, as LanguageTool does
        assert kind.startswith("text/plain") and body.startswith(b"Error: ")
    else:
        assert kind.startswith("application/problem+json")
        assert json.loads(body)["status"] == 413


@pytest.mark.parametrize("path, content_type, make", BODIES, ids=[b[0] for b in BODIES])
def test_a_chunked_body_under_the_limit_is_read_whole(path, content_type, make):
    app = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": LIMIT})
    status, _, _ = _call(app, _chunked_environ(path, make(LIMIT // 2), content_type))
    assert status == 200


def _send_chunked(port: int, path: str, body: bytes, content_type: str) -> tuple[int, dict, bytes]:
    """POST `body` chunked, as a careful client does: stop sending once the server has answered (a server
    that refuses a body answers before reading it all, then closes; writing on would only get a reset)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        pieces = [body[i:i + 1000] for i in range(0, len(body), 1000)] + [b""]
        for piece in pieces:
            if select.select([sock], [], [], 0)[0]:
                break  # the answer is in
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            except (BrokenPipeError, ConnectionResetError):
                break
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, dict(response.getheaders()), response.read()


@pytest.mark.server
def test_the_limit_holds_for_chunked_bodies_through_gunicorn():
    with gunicorn(workers=1, env={"ORBITCHECK_MAX_CONTENT_LENGTH": str(LIMIT)}) as server:
        workers = server.workers()
        for path, content_type, make in BODIES:
            status, headers, body = _send_chunked(server.port, path, make(LIMIT * 50), content_type)
            assert status == 413, (path, body[:200])
            wanted = "text/plain" if path.startswith("/v2/") else "application/problem+json"
            assert headers["Content-Type"].startswith(wanted)
            status, _, _ = _send_chunked(server.port, path, make(LIMIT // 2), content_type)
            assert status == 200, path
        # A declared length over the limit is refused too, and the worker survives all of it.
        status, _ = request(server.port, "POST", "/v1/check", json.dumps({"text": "x" * LIMIT * 2}).encode(),
                            {"Content-Type": "application/json"})
        assert status == 413
        assert request(server.port, "GET", "/healthz")[0] == 200
        assert server.workers() == workers


# --- offsets through the API -----------------------------------------------------------------------------

CLAIMS = st.sampled_from([
    "Progress delivered 5,652 pounds (2,564 kg).", "The orbit reaches 35,926 km (22,314 miles).",
    "Launch is at 6:31 a.m. EST Dec. 3 (1131 GMT).", "It launched Friday, Nov. 16, 2018.",
    "Serena Auñón-Chancellor 🚀 arrived.", "👩‍🚀", "\U0001F6F0️ 10 km (6 mi)", "\n\n",
])
DRAFTS = st.lists(st.one_of(CLAIMS, st.text(max_size=8)), max_size=12).map(" ".join)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture(scope="module")
def shared_client():
    """One app for every example of a property test (hypothesis runs them all in one test call)."""
    return create_app({"TESTING": True}).test_client()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=DRAFTS)
def test_api_offsets_point_at_the_claim_in_code_points_and_utf16(shared_client, text):
    """What an editor does with a finding: slice the text by code points, or a JS string by UTF-16 units."""
    client = shared_client
    body = {"text": text, "published": "2018-11-20", "include_passing": True}
    response = client.post("/v1/check", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    for f in response.get_json()["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]
        assert (f["start_utf16"], f["end_utf16"]) == (_utf16(text[:f["start"]]), _utf16(text[:f["end"]]))
    response = client.post("/v2/check", data={"text": text, "language": "en-US"})
    assert response.status_code == 200, response.get_data(as_text=True)
    units = text.encode("utf-16-le")
    for match in response.get_json()["matches"]:
        start, end = 2 * match["offset"], 2 * (match["offset"] + match["length"])
        assert 0 <= start < end <= len(units)
        units[start:end].decode("utf-16-le")  # a span that splits a surrogate pair does not decode


def test_a_large_hostile_draft_through_the_api(client):
    # 1 MB through the engine is tests/unit/engine/test_hostile.py's job; here, the API layer on a large draft.
    text = hostile_text(190 * 1024)  # within the 200,000-character budget (over it: a 413, test_api_budget.py)
    response = client.post("/v1/check", json={"text": text, "include_passing": True})
    assert response.status_code == 200
    for f in response.get_json()["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]
