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
    assert op["responses"]["default"]["content"]["application/problem+json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"}


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
