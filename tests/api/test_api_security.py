"""API keys (on and off, both headers, constant-time comparison) and CORS (simple and preflight requests)."""
from __future__ import annotations

import pytest

from orbitcheck.api.security import key_matches
from orbitcheck.app import create_app

KEYS = ("k-alpha", "k-beta")


@pytest.fixture
def locked():
    return create_app({"TESTING": True, "API_KEYS": KEYS, "ADMIN_KEYS": ("root-key",)}).test_client()


V1 = [("post", "/v1/check", {"json": {"text": "x"}}),
      ("post", "/v1/check/batch", {"json": {"documents": [{"id": "a", "text": "x"}]}}),
      ("post", "/v2/check", {"data": {"text": "x", "language": "en-US"}}),
      ("get", "/v1/missions", {}),
      ("get", "/v1/missions/progress-ms-10", {})]


@pytest.mark.parametrize("method, path, kwargs", V1, ids=[p for _, p, _ in V1])
def test_without_keys_configured_v1_is_open(client, method, path, kwargs):
    assert getattr(client, method)(path, **kwargs).status_code != 401


@pytest.mark.parametrize("method, path, kwargs", V1, ids=[p for _, p, _ in V1])
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-API-Key": "k-alph"},
                                     {"Authorization": "Basic k-alpha"}, {"X-API-Key": ""},
                                     {"X-API-Key": "k-alpha\u00e9"}])
def test_with_keys_every_v1_route_refuses_a_missing_or_wrong_key(locked, method, path, kwargs, headers):
    response = getattr(locked, method)(path, headers=headers, **kwargs)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    if path.startswith("/v2/"):  # LanguageTool's routes answer errors in plain text, as LanguageTool does
        assert response.mimetype == "text/plain" and "API key" in response.get_data(as_text=True)
    else:
        assert response.mimetype == "application/problem+json"
        assert "API key" in response.get_json()["detail"]


@pytest.mark.parametrize("headers", [{"Authorization": "Bearer k-alpha"}, {"Authorization": "bearer k-beta"},
                                     {"X-API-Key": "k-beta"}])
def test_a_listed_key_in_either_header_is_accepted(locked, headers):
    response = locked.post("/v1/check", json={"text": "x"}, headers=headers)
    assert response.status_code == 200


def test_languagetool_clients_may_send_the_key_as_a_form_field(locked):
    response = locked.post("/v2/check", data={"text": "x", "language": "en-US", "apiKey": "k-alpha"})
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics", "/openapi.json", "/docs", "/v2/languages"])
def test_health_metrics_and_docs_stay_open(locked, path):
    assert locked.get(path).status_code == 200


def test_admin_routes_need_an_admin_key_not_an_api_key(locked):
    assert locked.post("/v1/admin/reload", headers={"X-API-Key": "k-alpha"}).status_code == 401
    assert locked.post("/v1/admin/reload", headers={"X-API-Key": "root-key"}).status_code != 401


def test_admin_reload_is_disabled_without_admin_keys(client):
    response = client.post("/v1/admin/reload")
    assert response.status_code == 403
    assert "ORBITCHECK_ADMIN_KEYS" in response.get_json()["detail"]


@pytest.mark.parametrize("given, expected", [("k-alpha", True), ("k-beta", True), ("k-alphaX", False),
                                             ("", False), ("K-ALPHA", False), ("ñ", False)])
def test_key_matching(given, expected):
    assert key_matches(given, KEYS) is expected


def test_key_matching_compares_every_key(monkeypatch):
    """No early exit: the time taken does not tell which key (or how many) matched."""
    compared = []
    import hmac

    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: compared.append(b) or real(a, b))
    assert key_matches("k-alpha", KEYS)
    assert compared == [k.encode() for k in KEYS]


def test_keys_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ORBITCHECK_API_KEYS", " one, two ,")
    app = create_app({"TESTING": True})
    assert app.config["API_KEYS"] == ("one", "two")
    client = app.test_client()
    assert client.post("/v1/check", json={"text": "x"}).status_code == 401
    assert client.post("/v1/check", json={"text": "x"}, headers={"X-API-Key": "two"}).status_code == 200


@pytest.mark.parametrize("name, value", [("ORBITCHECK_BATCH_LIMIT", "many"), ("ORBITCHECK_MAX_CONTENT_LENGTH", "0")])
def test_a_bad_environment_value_is_refused_naming_it(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        create_app({"TESTING": True})


ORIGIN = "https://cms.example.org"


@pytest.fixture
def cors():
    return create_app({"TESTING": True, "CORS_ORIGINS": (ORIGIN,), "API_KEYS": KEYS}).test_client()


def test_cors_preflight_is_answered_without_a_key(cors):
    response = cors.options("/v1/check", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                                                  "Access-Control-Request-Headers": "content-type, x-api-key"})
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed = response.headers["Access-Control-Allow-Headers"].lower()
    assert "content-type" in allowed and "x-api-key" in allowed and "authorization" in allowed
    assert "Origin" in response.headers["Vary"]


def test_cors_headers_on_real_responses_expose_the_request_id(cors):
    response = cors.post("/v1/check", json={"text": "x"}, headers={"Origin": ORIGIN, "X-API-Key": "k-beta"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert response.headers["Access-Control-Expose-Headers"] == "X-Request-ID"
    # errors carry them too, or the browser hides the problem from the page
    refused = cors.post("/v1/check", json={"text": "x"}, headers={"Origin": ORIGIN})
    assert refused.status_code == 401 and refused.headers["Access-Control-Allow-Origin"] == ORIGIN


def test_cors_refuses_other_origins(cors):
    other = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    assert cors.options("/v1/check", headers=other).status_code == 403
    response = cors.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_wildcard_and_off():
    wildcard = create_app({"TESTING": True, "CORS_ORIGINS": ("*",)}).test_client()
    assert wildcard.get("/healthz", headers={"Origin": "https://a.example"}).headers["Access-Control-Allow-Origin"] == "*"
    default = create_app({"TESTING": True}).test_client()  # add-ons only: no web site
    assert "Access-Control-Allow-Origin" not in default.get("/healthz", headers={"Origin": ORIGIN}).headers


ADDON = "chrome-extension://oldceeleldhonbafppcapldpdifcinji"


def test_cors_default_lets_browser_add_ons_in_and_web_sites_out():
    client = create_app({"TESTING": True}).test_client()
    for origin in (ADDON, "moz-extension://2a4b9c1e-0000-4000-8000-000000000000"):
        preflight = client.options("/v2/check", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
        assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == origin
        answer = client.post("/v2/check", data={"text": "x", "language": "en-US"}, headers={"Origin": origin})
        assert answer.headers["Access-Control-Allow-Origin"] == origin
    site = client.options("/v2/check", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert site.status_code == 403
    bare = client.post("/v2/check", data={"text": "x", "language": "en-US"}, headers={"Origin": "chrome-extension://"})
    assert "Access-Control-Allow-Origin" not in bare.headers


def test_cors_none_turns_it_off():
    client = create_app({"TESTING": True, "CORS_ORIGINS": ("none",)}).test_client()
    assert "Access-Control-Allow-Origin" not in client.get("/healthz", headers={"Origin": ADDON}).headers


def test_v2_check_authenticates_before_it_decodes_the_form(monkeypatch):
    """Issue 17 item 7: an unauthenticated 1 MB form is refused without being parsed."""
    from orbitcheck.api import body

    parsed: list[int] = []
    real = body.parse_form
    monkeypatch.setattr(body, "parse_form", lambda raw, ctype: parsed.append(len(raw)) or real(raw, ctype))
    client = create_app({"TESTING": True, "API_KEYS": KEYS, "MAX_CONTENT_LENGTH": 2 * 1024 * 1024}).test_client()
    big = {"language": "en-US", "text": "The orbit is 35,926 km (22,314 miles) high. " * 23_000}
    for content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        refused = client.post("/v2/check", data={**big, "apiKey": "wrong"}, content_type=content_type)
        assert refused.status_code == 401
        assert client.post("/v2/check", data=big, content_type=content_type).status_code == 401
        assert parsed == []
    small = {"language": "en-US", "text": "The orbit is 35,926 km (22,314 miles) high.", "apiKey": "k-beta"}
    for content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        ok = client.post("/v2/check", data=small, content_type=content_type)
        assert ok.status_code == 200 and len(ok.get_json()["matches"]) == 1
    assert client.get("/v2/check", query_string=small).status_code == 200
    assert len(parsed) == 2  # each accepted POST decoded once
