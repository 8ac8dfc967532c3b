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
from .problems import PLAIN_TEXT_BLUEPRINTS

PLAIN_TEXT_BLUEPRINTS_PREFIX = tuple(f"{name}." for name in PLAIN_TEXT_BLUEPRINTS)

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
    # status -> when it happens: each error the operation really returns (problem+json; plain text too on the
    # LanguageTool routes). 401 is added by build_spec when keys are required.
    errors: Mapping[int, str] = field(default_factory=dict)
    auth: bool | str = True  # True: an API key when ORBITCHECK_API_KEYS is set; "admin": ORBITCHECK_ADMIN_KEYS


# The errors of every operation that reads a JSON body against a schema (service/api/body.py).
JSON_BODY_ERRORS: Mapping[int, str] = {
    400: "The body is not valid JSON (or not UTF-8, or nested too deeply)",
    413: "The body is larger than MAX_CONTENT_LENGTH (ORBITCHECK_MAX_CONTENT_LENGTH)",
    415: "The body is not sent as application/json",
    422: "The JSON is well formed but invalid: `errors` names each field",
}


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
        info={"description": "Fact-checking service for space news. Errors are application/problem+json, one "
              "response per status (the LanguageTool routes /v2/*: plain text unless Accept asks for it)."},
        plugins=[plugin := MarshmallowPlugin()],
    )
    plugin.map_to_openapi_type(records.UtcTime, "string", "date-time")
    plugin.map_to_openapi_type(records.IsoDate, "string", "date")
    spec.components.schema("Problem", schema=schemas.ProblemSchema)
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.security_scheme("apiKey", {"type": "apiKey", "in": "header", "name": "X-API-Key"})
    problem_only = {PROBLEM: {"schema": "Problem"}}
    # LanguageTool's routes answer in plain text unless the client asks for problem+json (problems.py).
    problem_or_text = {"text/plain": {"schema": {"type": "string", "pattern": "^Error: "}}, **problem_only}
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
            keys = app.config.get("ADMIN_KEYS" if meta.auth == "admin" else "API_KEYS") if meta.auth else None
            errors = dict(meta.errors)
            if meta.auth == "admin":
                errors[403 if not keys else 401] = ("Reloading over HTTP is disabled (no ORBITCHECK_ADMIN_KEYS)"
                                                     if not keys else "A missing or wrong admin key")
            elif keys:
                errors[401] = "A missing or wrong API key"
            content = problem_or_text if rule.endpoint.startswith(PLAIN_TEXT_BLUEPRINTS_PREFIX) else problem_only
            for status, when in sorted(errors.items()):
                if str(status) not in responses:
                    responses[str(status)] = {"description": when, "content": content}
            op["responses"] = responses
            if keys:
                op["security"] = [{"bearer": []}, {"apiKey": []}]
            paths.setdefault(_path(rule.rule), {})[method.lower()] = op
    for path, operations in paths.items():
        spec.path(path=path, operations=operations)
    document = spec.to_dict()
    _state_batch_rules(document, app.config["BATCH_LIMIT"])
    return document


def _state_batch_rules(document: dict[str, Any], limit: int) -> None:
    """What the batch schema cannot say by itself: the limit is configuration (ORBITCHECK_BATCH_LIMIT), and
    ids must be unique, which JSON Schema's uniqueItems (whole items) cannot express: stated in words and as
    the extension `x-unique-item-property`; the server answers a repeated id with a 422."""
    documents = document["components"]["schemas"]["BatchRequest"]["properties"]["documents"]
    documents["maxItems"] = limit
    documents["x-unique-item-property"] = "id"
    documents["description"] = (f"1 to {limit} drafts (ORBITCHECK_BATCH_LIMIT). Each `id` must be unique in the "
                                "batch: a repeated id is a 422.")
