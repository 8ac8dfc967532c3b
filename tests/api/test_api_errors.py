"""Every error the API can give is application/problem+json (RFC 9457), never a traceback or a 500."""
from __future__ import annotations

import io
import json

import pytest

from orbitcheck.app import create_app

PROBLEM = "application/problem+json"
BIG = 1024 * 1024


def _chunked(body: bytes) -> dict:
    """A chunked upload as a WSGI server presents it: no Content-Length, the stream framed by the server."""
    return {
        "input_stream": io.BytesIO(body),
        "headers": {"Transfer-Encoding": "chunked"},
        "environ_overrides": {"wsgi.input_terminated": True},
    }


BAD_REQUESTS = [
    # (id, method, path, request kwargs, status, field or phrase the problem must name)
    ("malformed-json", "post", "/v1/check", {"data": "{text:", "content_type": "application/json"}, 400, "not valid JSON"),
    ("truncated-json", "post", "/v1/check", {"data": '{"text": "a', "content_type": "application/json"}, 400, "not valid JSON"),
    ("not-utf8", "post", "/v1/check", {"data": b'{"text": "\xff"}', "content_type": "application/json"}, 400, "UTF-8"),
    ("deep-nesting", "post", "/v1/check", {"data": "[" * 100_000, "content_type": "application/json"}, 400, "nested"),
    ("empty-body", "post", "/v1/check", {"data": "", "content_type": "application/json"}, 400, "not valid JSON"),
    ("form-not-json", "post", "/v1/check", {"data": {"text": "x"}}, 415, "application/json"),
    ("text-plain", "post", "/v1/check", {"data": '{"text": "x"}', "content_type": "text/plain"}, 415, "text/plain"),
    ("no-content-type", "post", "/v1/check", {"data": '{"text": "x"}'}, 415, "application/json"),
    ("missing-text", "post", "/v1/check", {"json": {}}, 422, "text"),
    ("text-not-string", "post", "/v1/check", {"json": {"text": 42}}, 422, "text"),
    ("null-text", "post", "/v1/check", {"json": {"text": None}}, 422, "text"),
    ("unknown-field", "post", "/v1/check", {"json": {"text": "x", "publised": "2018-11-20"}}, 422, "publised"),
    ("bad-date", "post", "/v1/check", {"json": {"text": "x", "published": "20-11-2018"}}, 422, "published"),
    ("impossible-date", "post", "/v1/check", {"json": {"text": "x", "published": "2018-02-30"}}, 422, "published"),
    ("unknown-check", "post", "/v1/check", {"json": {"text": "x", "checks": ["no-such-check"]}}, 422, "checks"),
    ("checks-not-list", "post", "/v1/check", {"json": {"text": "x", "checks": "unit-pair"}}, 422, "checks"),
    ("passing-not-bool", "post", "/v1/check", {"json": {"text": "x", "include_passing": "yes"}}, 422, "include_passing"),
    ("passing-zero", "post", "/v1/check", {"json": {"text": "x", "include_passing": 0}}, 422, "include_passing"),
    ("body-is-list", "post", "/v1/check", {"json": ["x"]}, 422, "_schema"),
    ("body-is-string", "post", "/v1/check", {"json": "x"}, 422, "_schema"),
    ("too-large", "post", "/v1/check", {"json": {"text": "x" * BIG}}, 413, "limit"),
    ("too-large-chunked", "post", "/v1/check",
     {**_chunked(json.dumps({"text": "x" * BIG}).encode()), "content_type": "application/json"}, 413, "limit"),
    ("unknown-route", "get", "/v1/nope", {}, 404, "no such resource"),
    ("unknown-root", "post", "/wp-login.php", {"data": "x"}, 404, "no such resource"),
    ("get-on-check", "get", "/v1/check", {}, 405, "POST"),
    ("delete-health", "delete", "/healthz", {}, 405, "GET"),
]


@pytest.mark.parametrize("case", BAD_REQUESTS, ids=[c[0] for c in BAD_REQUESTS])
def test_bad_requests_get_a_problem(client, case):
    _, method, path, kwargs, status, needle = case
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and isinstance(body["detail"], str)
    assert needle in body["detail"] or needle in body.get("errors", {}), body
    assert "Traceback" not in response.get_data(as_text=True)
    assert body["request_id"] == response.headers["X-Request-ID"]


def test_validation_problems_carry_marshmallow_messages_per_field(client):
    body = client.post("/v1/check", json={"text": 1, "extra": True}).get_json()
    assert body["errors"] == {"text": ["Not a valid string."], "extra": ["Unknown field."]}
    assert "text" in body["detail"] and "extra" in body["detail"]


def test_chunked_body_within_the_limit_is_read_whole():
    client = create_app({"TESTING": True, "MAX_CHARACTERS": BIG}).test_client()  # the body limit, not the budget
    body = json.dumps({"text": "x" * (BIG - 100), "checks": []}).encode()  # no checks: this is about reading
    assert len(body) < BIG
    response = client.post("/v1/check", content_type="application/json", **_chunked(body))
    assert response.status_code == 200


@pytest.mark.parametrize("terminated", [False, True])
def test_a_body_shorter_than_its_content_length_is_a_400_problem(client, terminated):
    """The client hung up part way (or lied about the length): refused by name, whether or not the server
    frames the body itself, rather than parsed as the truncated JSON it would be."""
    body = b'{"text": "Its orbit is 35,926 km (22,314 miles) high."}'
    environ = {"CONTENT_LENGTH": str(len(body)), **({"wsgi.input_terminated": True} if terminated else {})}
    response = client.post("/v1/check", content_type="application/json", input_stream=io.BytesIO(body[:20]),
                           environ_overrides=environ)
    assert response.status_code == 400 and response.mimetype == PROBLEM
    assert "cannot be read" in response.get_json()["detail"]


def test_a_body_of_exactly_its_content_length_is_read_whole(client):
    body = b'{"text": "Its orbit is 35,926 km (22,314 miles) high.", "include_passing": true}'
    response = client.post("/v1/check", content_type="application/json", input_stream=io.BytesIO(body + b"junk"),
                           environ_overrides={"CONTENT_LENGTH": str(len(body))})
    assert response.status_code == 200
    assert response.get_json()["findings"][0]["text"] == "35,926 km (22,314 miles)"


@pytest.mark.parametrize("size, status", [(100, 200), (101, 413)])
def test_limit_is_configurable_and_exact(size, status):
    app = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 100})
    body = json.dumps({"text": "x" * (size - 12)}).encode()
    assert len(body) == size
    for kwargs in ({"data": body}, _chunked(body)):
        response = app.test_client().post("/v1/check", content_type="application/json", **kwargs)
        assert response.status_code == status


def test_unexpected_exception_is_a_bare_500_problem(app, monkeypatch, caplog):
    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("orbitcheck.api.check.check_text", explode)
    response = app.test_client().post("/v1/check", json={"text": "x"})
    assert response.status_code == 500
    assert response.mimetype == PROBLEM
    text = response.get_data(as_text=True)
    assert "secret internals" not in text and "Traceback" not in text
    assert "secret internals" in caplog.text  # logged for us, not shown to the client


def test_no_tested_input_produces_a_server_error(client):
    """Every bad request above, and a few hostile ones, answered below 500."""
    hostile = [
        {"json": {"text": "\ud800 lone surrogate"}},
        {"json": {"text": "\x00" * 1000}},
        {"json": {"text": "(" * 10_000 + "5 km" + ")" * 10_000}},
        {"json": {"text": "x", "published": "9999-12-31"}},
        {"json": {"text": "x", "checks": []}},
        {"data": b"\xef\xbb\xbf{\"text\": \"bom\"}", "content_type": "application/json"},
        {"data": '{"text": "x"}', "content_type": "application/json; charset=latin-1"},
        {"data": "null", "content_type": "application/json"},
    ]
    cases = [(c[1], c[2], c[3]) for c in BAD_REQUESTS] + [("post", "/v1/check", h) for h in hostile]
    for method, path, kwargs in cases:
        if "input_stream" in kwargs:
            kwargs = {**kwargs, "input_stream": io.BytesIO(kwargs["input_stream"].getvalue())}
        response = getattr(client, method)(path, **kwargs)
        assert response.status_code < 500, (path, kwargs.get("json") or kwargs.get("data"), response.get_data())
