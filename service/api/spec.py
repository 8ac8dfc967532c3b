"""OpenAPI metadata attached to views, and the document built from them with apispec's MarshmallowPlugin.

Each view says what it takes and returns with `@operation(...)` (marshmallow schema classes, not JSON
written by hand); `build_spec(app)` walks the app's URL map, so a route without metadata is caught by the
test that compares the document with the URL map.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask
from marshmallow import Schema

from orbitcheck.schemas import api as schemas
from orbitcheck.schemas import records

from .problems import MEDIA_TYPE as PROBLEM

F = Callable[..., Any]


@dataclass(frozen=True)
class Operation:
    summary: str
    description: str = ""
    tag: str = "check"
    request: type[Schema] | Schema | None = None
    request_media: str | tuple[str, ...] = "application/json"
    query: type[Schema] | None = None
    # status -> (schema class or None, description[, media type])
    responses: Mapping[int, tuple] = field(default_factory=dict)
    auth: bool = True  # needs an API key when ORBITCHECK_API_KEYS is set


def operation(**kwargs: Any) -> Callable[[F], F]:
    def mark(view: F) -> F:
        view.openapi = Operation(**kwargs)  # type: ignore[attr-defined]
        return view

    return mark


def _path(rule: str) -> str:
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)


def _content(schema: type[Schema] | Schema | None, media: str | tuple[str, ...]) -> dict[str, Any]:
    types = (media,) if isinstance(media, str) else media
    if schema is None:
        return {m: {"schema": {"type": "string"}} for m in types}
    return {m: {"schema": schema} for m in types}


def build_spec(app: Flask) -> dict[str, Any]:
    from .. import __version__

    spec = APISpec(
        title="orbitcheck",
        version=__version__,
        openapi_version="3.0.3",
        info={"description": "Fact-checking service for space news. Errors are application/problem+json."},
        plugins=[plugin := MarshmallowPlugin()],
    )
    plugin.map_to_openapi_type(records.UtcTime, "string", "date-time")
    plugin.map_to_openapi_type(records.IsoDate, "string", "date")
    spec.components.schema("Problem", schema=schemas.ProblemSchema)
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.security_scheme("apiKey", {"type": "apiKey", "in": "header", "name": "X-API-Key"})
    problem = {"description": "A problem (RFC 9457)", "content": {PROBLEM: {"schema": "Problem"}}}
    paths: dict[str, dict[str, Any]] = {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        meta: Operation | None = getattr(app.view_functions[rule.endpoint], "openapi", None)
        if meta is None:
            continue  # the static route and other undocumented internals
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            op: dict[str, Any] = {"summary": meta.summary, "tags": [meta.tag], "operationId": rule.endpoint}
            if meta.description:
                op["description"] = meta.description
            params = [{"in": "path", "name": a, "required": True, "schema": {"type": "string"}}
                      for a in sorted(rule.arguments)]
            if meta.query is not None:
                params.append({"in": "query", "schema": meta.query})
            if params:
                op["parameters"] = params
            if meta.request is not None:
                op["requestBody"] = {"required": True, "content": _content(meta.request, meta.request_media)}
            responses: dict[str, Any] = {}
            for status, (schema, description, *media) in meta.responses.items():
                responses[str(status)] = {"description": description,
                                          "content": _content(schema, media[0] if media else "application/json")}
            responses["default"] = problem
            op["responses"] = responses
            if meta.auth and app.config.get("API_KEYS"):
                op["security"] = [{"bearer": []}, {"apiKey": []}]
            paths.setdefault(_path(rule.rule), {})[method.lower()] = op
    for path, operations in paths.items():
        spec.path(path=path, operations=operations)
    return spec.to_dict()
