"""GET /openapi.json (built from the marshmallow schemas) and GET /docs (that document as one HTML page).

/docs is rendered on the server from the same document, with no script and no external asset, so it reads
the same in a newsroom with no internet access.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, render_template_string

from .problems import MEDIA_TYPE as PROBLEM
from .spec import build_spec, operation

bp = Blueprint("openapi", __name__)
_CACHE = "orbitcheck.openapi"


def spec() -> dict[str, Any]:
    cached = current_app.extensions.get(_CACHE)
    if cached is None:
        cached = current_app.extensions[_CACHE] = build_spec(current_app)
    return cached


@bp.get("/openapi.json")
@operation(summary="This API as an OpenAPI 3 document", tag="docs", auth=False,
           responses={200: (None, "OpenAPI 3.0 document")})
def openapi_json() -> dict[str, Any]:
    return spec()


def _resolve(node: Any, components: dict[str, Any], depth: int = 0) -> Any:
    """Inline $refs for display (bounded, in case a schema ever refers to itself)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref and depth < 6:
            return _resolve(components.get(ref.rsplit("/", 1)[-1], {}), components, depth + 1)
        return {k: _resolve(v, components, depth) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v, components, depth) for v in node]
    return node


def _fields(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for a table: name, type, required, description (one level; nested objects named by type)."""
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    required = set(schema.get("required", ()))
    rows = []
    for name, prop in (schema.get("properties") or {}).items():
        kind = prop.get("type", "object")
        if kind == "array":
            kind = f"array of {prop.get('items', {}).get('type', 'object')}"
        if prop.get("format"):
            kind += f" ({prop['format']})"
        if prop.get("enum"):
            kind += ": " + " | ".join(map(str, prop["enum"]))
        rows.append({"name": name, "type": kind, "required": name in required,
                     "nullable": bool(prop.get("nullable")), "description": prop.get("description", "")})
    return rows


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    components = document.get("components", {}).get("schemas", {})
    ops = []
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            op = _resolve(op, components)
            request = None
            for media, content in (op.get("requestBody", {}).get("content") or {}).items():
                request = {"media": media, "fields": _fields(content.get("schema", {}))}
            params = []
            for p in op.get("parameters", ()):
                if p.get("in") == "query" and "properties" in p.get("schema", {}):
                    params += [{**row, "in": "query"} for row in _fields(p["schema"])]
                else:
                    params.append({"name": p["name"], "in": p["in"], "type": p.get("schema", {}).get("type", ""),
                                   "required": p.get("required", False), "description": ""})
            responses = []
            for status, resp in op.get("responses", {}).items():
                media, schema = next(iter((resp.get("content") or {"": {}}).items()))
                problem = media == PROBLEM  # described once, in the Errors section
                responses.append({"status": status, "description": resp.get("description", ""), "media": media,
                                  "problem": problem,
                                  "fields": _fields(schema.get("schema", {})) if schema and not problem else []})
            ops.append({"id": op.get("operationId", f"{method}-{path}"), "method": method.upper(), "path": path,
                        "summary": op.get("summary", ""), "description": op.get("description", ""),
                        "tag": (op.get("tags") or [""])[0], "auth": bool(op.get("security")),
                        "params": params, "request": request, "responses": responses})
    return ops


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ info.title }} {{ info.version }}: HTTP API</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}h2{border-top:1px solid #ccc;padding-top:1rem}
.m{display:inline-block;min-width:4rem;font-weight:bold}.GET{color:#05603a}.POST{color:#0b4f9c}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;
text-align:left;vertical-align:top}nav li{list-style:none}
</style></head><body>
<h1>{{ info.title }} {{ info.version }}: HTTP API</h1>
<p>{{ info.description }} Machine-readable: <a href="openapi.json">openapi.json</a>.</p>
<p>Every error is <code>application/problem+json</code> (RFC 9457): see <a href="#errors">Errors</a>.</p>
<nav><ul>{% for op in ops %}<li><a href="#{{ op.id }}"><span class="m {{ op.method }}">{{ op.method }}</span>
<code>{{ op.path }}</code></a> {{ op.summary }}</li>{% endfor %}</ul></nav>
{% for op in ops %}<section id="{{ op.id }}"><h2><span class="m {{ op.method }}">{{ op.method }}</span>
<code>{{ op.path }}</code></h2><p><strong>{{ op.summary }}</strong>{% if op.auth %} (API key required){% endif %}</p>
{% if op.description %}<p>{{ op.description }}</p>{% endif %}
{% if op.params %}<h3>Parameters</h3><table><tr><th>Name</th><th>In</th><th>Type</th><th>Required</th>
<th>Description</th></tr>{% for p in op.params %}<tr><td><code>{{ p.name }}</code></td><td>{{ p.in }}</td>
<td>{{ p.type }}</td><td>{{ "yes" if p.required else "no" }}</td><td>{{ p.description }}</td></tr>{% endfor %}
</table>{% endif %}
{% if op.request %}<h3>Request body <code>{{ op.request.media }}</code></h3><table><tr><th>Field</th><th>Type</th>
<th>Required</th><th>Description</th></tr>{% for f in op.request.fields %}<tr><td><code>{{ f.name }}</code></td>
<td>{{ f.type }}</td><td>{{ "yes" if f.required else "no" }}</td><td>{{ f.description }}</td></tr>{% endfor %}
</table>{% endif %}
<h3>Responses</h3>{% for r in op.responses %}<p><strong>{{ r.status }}</strong> {{ r.description }}
{% if r.media %}<code>{{ r.media }}</code>{% endif %}{% if r.problem %} (<a href="#errors">fields</a>){% endif %}</p>\
{% if r.fields %}<table><tr><th>Field</th><th>Type</th>
<th>Description</th></tr>{% for f in r.fields %}<tr><td><code>{{ f.name }}</code>{% if f.nullable %} (or null)
{% endif %}</td><td>{{ f.type }}</td><td>{{ f.description }}</td></tr>{% endfor %}</table>{% endif %}{% endfor %}
</section>{% endfor %}
<section id="errors"><h2>Errors</h2><p>Any status of 400 or above comes as <code>application/problem+json</code>
with these fields (the LanguageTool routes answer in plain text unless the request asks for it);
<code>errors</code> maps each invalid field to marshmallow's messages.</p><table><tr><th>Field</th>
<th>Type</th><th>Description</th></tr>{% for f in problem %}<tr><td><code>{{ f.name }}</code></td><td>{{ f.type }}</td>
<td>{{ f.description }}</td></tr>{% endfor %}</table></section>
</body></html>
"""


# Inline <style> only; no script, image, frame or form target of any kind.
DOCS_CSP = ("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


@bp.get("/docs")
@operation(summary="This API as a readable page (works offline)", tag="docs", auth=False,
           responses={200: (None, "HTML", "text/html")})
def docs() -> Response:
    document = spec()
    problem = _fields(document["components"]["schemas"]["Problem"])
    html = render_template_string(_PAGE, info=document["info"], ops=_operations(document), problem=problem)
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = DOCS_CSP  # the page has no script and no external asset
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
