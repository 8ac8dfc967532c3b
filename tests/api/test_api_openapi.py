"""GET /openapi.json validates as OpenAPI 3 and describes every route; GET /docs renders it offline."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from openapi_spec_validator import validate

from orbitcheck.api.spec import _path


def test_document_validates_as_openapi_3(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"].startswith("3.")
    validate(document)  # raises on any violation


def test_every_route_is_described(app, client):
    document = client.get("/openapi.json").get_json()
    routes = {(_path(rule.rule), method.lower())
              for rule in app.url_map.iter_rules() if rule.endpoint != "static"
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    described = {(path, method) for path, ops in document["paths"].items() for method in ops}
    assert routes == described
    assert {"/v1/check", "/v1/check/batch", "/v1/missions", "/v1/missions/{mission_id}", "/healthz", "/readyz",
            "/metrics", "/openapi.json", "/docs", "/v2/check", "/v2/languages", "/v2/info", "/v2/maxtextlength", "/v2/configinfo",
            "/v1/admin/reload", "/"} == {p for p, _ in described}


def test_schemas_come_from_marshmallow(client):
    document = client.get("/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    check = schemas["CheckRequest"]
    assert check["required"] == ["text"]
    assert check["additionalProperties"] is False  # unknown fields are refused (422)
    assert set(check["properties"]) == {"text", "published", "checks", "include_passing"}
    finding = schemas["Finding"]["properties"]
    assert {"start_utf16", "end_utf16", "verdict", "suggestion"} <= set(finding)
    assert finding["verdict"]["enum"] == ["consistent", "inconsistent", "ambiguous", "supported",
                                          "contradicted", "unverified"]
    op = document["paths"]["/v1/check"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/CheckRequest"}
    assert "default" not in op["responses"]  # each error its own status, so a client can tell 413 from 422
    for status in ("400", "413", "415", "422"):
        assert op["responses"][status]["content"] == {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def test_security_is_declared_only_when_keys_are_required():
    from orbitcheck.app import create_app

    open_doc = create_app({"TESTING": True}).test_client().get("/openapi.json").get_json()
    assert "security" not in open_doc["paths"]["/v1/check"]["post"]
    locked = create_app({"TESTING": True, "API_KEYS": ("k",)}).test_client().get("/openapi.json").get_json()
    assert locked["paths"]["/v1/check"]["post"]["security"] == [{"bearer": []}, {"apiKey": []}]
    assert "security" not in locked["paths"]["/healthz"]["get"]


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.scripts = 0
        self.section_ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href"):
            if re.match(r"(https?:)?//", attrs.get(name) or ""):
                self.external.append(attrs[name])
        if tag == "section":
            self.section_ids.append(attrs["id"])


def test_docs_page_is_self_contained_and_lists_every_operation(client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    parser = _Assets()
    parser.feed(html)
    assert parser.external == [] and parser.scripts == 0  # works with no internet access
    document = client.get("/openapi.json").get_json()
    operation_ids = [op["operationId"] for ops in document["paths"].values() for op in ops.values()]
    assert sorted(parser.section_ids) == sorted(operation_ids + ["errors"])
    assert "include_passing" in html and "start_utf16" in html and "application/problem+json" in html


def _errors(document, path, method):
    return {s for s in document["paths"][path][method]["responses"] if not s.startswith("2")}


def test_each_operation_lists_exactly_the_errors_it_returns(client):
    document = client.get("/openapi.json").get_json()
    json_body = {"400", "413", "415", "422"}
    assert _errors(document, "/v1/check", "post") == json_body
    assert _errors(document, "/v1/check/batch", "post") == json_body
    assert _errors(document, "/v2/check", "post") == {"400", "413"}
    assert _errors(document, "/v2/check", "get") == {"400"}
    assert _errors(document, "/v1/missions", "get") == {"422", "503"}
    assert _errors(document, "/v1/missions/{mission_id}", "get") == {"404", "503"}
    assert _errors(document, "/v1/admin/reload", "post") == {"403", "409"}  # no admin keys: HTTP reload is off
    assert _errors(document, "/readyz", "get") == {"503"}
    for path in ("/healthz", "/metrics", "/openapi.json", "/docs", "/", "/v2/info", "/v2/languages"):
        assert _errors(document, path, "get") == set(), path


def test_the_documented_errors_are_the_ones_the_server_sends(app, client):
    """Each documented error of /v1/check and /v2/check provoked, with the documented media type."""
    document = client.get("/openapi.json").get_json()
    small = app.config["MAX_CONTENT_LENGTH"]
    v1 = {"400": client.post("/v1/check", data="{", content_type="application/json"),
          "413": client.post("/v1/check", json={"text": "x" * (small + 1)}),
          "415": client.post("/v1/check", data="text", content_type="text/plain"),
          "422": client.post("/v1/check", json={"text": "x", "checks": ["no-such-check"]})}
    for status, response in v1.items():
        assert str(response.status_code) == status
        assert response.mimetype in document["paths"]["/v1/check"]["post"]["responses"][status]["content"]
    v2 = {"400": client.post("/v2/check", data={"text": "x", "language": "fr"}),
          "413": client.post("/v2/check", data={"text": "x" * (small + 1), "language": "en"})}
    for status, response in v2.items():
        assert str(response.status_code) == status
        content = document["paths"]["/v2/check"]["post"]["responses"][status]["content"]
        assert set(content) == {"text/plain", "application/problem+json"}  # plain unless problem+json is asked
        assert response.mimetype == "text/plain" and response.get_data(as_text=True).startswith("Error: ")
        asked = client.post("/v2/check", data={"text": "x" * (small + 1) if status == "413" else "x",
                                               "language": "en" if status == "413" else "fr"},
                            headers={"Accept": "application/problem+json"})
        assert asked.status_code == int(status) and asked.mimetype == "application/problem+json"


def test_401_is_documented_when_keys_are_required():
    from orbitcheck.app import create_app

    locked = create_app({"TESTING": True, "API_KEYS": ("k",), "ADMIN_KEYS": ("a",)}).test_client()
    document = locked.get("/openapi.json").get_json()
    assert "401" in _errors(document, "/v1/check", "post")
    assert set(document["paths"]["/v2/check"]["post"]["responses"]["401"]["content"]) == {
        "text/plain", "application/problem+json"}
    assert _errors(document, "/v1/admin/reload", "post") == {"401", "409"}
    assert document["paths"]["/v1/admin/reload"]["post"]["security"]
    assert locked.post("/v1/check", json={"text": "x"}).status_code == 401


def test_check_ids_batch_limit_and_unique_ids_are_stated(client):
    from orbitcheck.app import create_app
    from orbitcheck.checks import all_checks

    document = create_app({"TESTING": True, "BATCH_LIMIT": 7}).test_client().get("/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    ids = [c.ID for c in all_checks()]
    assert schemas["CheckRequest"]["properties"]["checks"]["items"]["enum"] == ids
    assert schemas["BatchDocument"]["properties"]["checks"]["items"]["enum"] == ids
    documents = schemas["BatchRequest"]["properties"]["documents"]
    assert (documents["minItems"], documents["maxItems"]) == (1, 7)
    assert documents["x-unique-item-property"] == "id" and "unique" in documents["description"]


def test_v2_check_declares_both_form_encodings(client):
    document = client.get("/openapi.json").get_json()
    content = document["paths"]["/v2/check"]["post"]["requestBody"]["content"]
    assert set(content) == {"application/x-www-form-urlencoded", "multipart/form-data"}
    for media in content.values():
        assert media["schema"] == {"$ref": "#/components/schemas/LanguageToolForm"}
