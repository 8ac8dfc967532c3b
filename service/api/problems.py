"""ONE error-handler family: every error leaves as `application/problem+json` (RFC 9457).

Views raise `Problem` (or let marshmallow's `ValidationError`, werkzeug's `HTTPException` or the engine's
`OrbitcheckError` escape); the handlers here turn each into {type, title, status, detail[, errors]}. Anything
else is a bug: it is logged with its traceback and answered with a bare 500 problem that reveals nothing.
"""
from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from flask import Flask, current_app, g, json, request
from flask.wrappers import Response
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from ..errors import OrbitcheckError

MEDIA_TYPE = "application/problem+json"
# LanguageTool answers a bad request in plain text ("Error: ...") and its clients show that body: the
# LanguageTool-compatible routes do the same unless the client asks for problem+json.
PLAIN_TEXT_BLUEPRINTS = frozenset({"languagetool"})


def _plain_text_wanted() -> bool:
    return request.blueprint in PLAIN_TEXT_BLUEPRINTS and not any(
        mime == MEDIA_TYPE for mime, _ in request.accept_mimetypes)


class Problem(Exception):
    """An error a client can act on: raised by views, rendered by the handlers below."""

    def __init__(self, status: int, detail: str, *, errors: Mapping[str, Any] | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = dict(headers or {})


def problem_response(status: int, detail: str, *, errors: Mapping[str, Any] | None = None,
                     headers: Mapping[str, str] | None = None) -> Response:
    body: dict[str, Any] = {
        # "about:blank": the status code says it all, so the title is the status phrase (RFC 9457 §4.2.1).
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    request_id = g.get("request_id")
    if request_id:
        body["request_id"] = request_id
    if _plain_text_wanted():
        response = current_app.response_class(f"Error: {detail}\n", status=status, mimetype="text/plain")
    else:
        response = current_app.response_class(json.dumps(body), status=status, mimetype=MEDIA_TYPE)
    response.headers.update(headers or {})
    return response


def _field_list(messages: Any) -> str:
    if isinstance(messages, Mapping):
        return ", ".join(str(k) for k in messages)
    return "body"


def handle_problem(exc: Problem) -> Response:
    return problem_response(exc.status, exc.detail, errors=exc.errors, headers=exc.headers)


ERRORS_SHOWN = 5  # per level of `errors`: a body with 100,000 bad items gets a short answer


def bounded(messages: Any, keep: int = ERRORS_SHOWN) -> Any:
    """marshmallow's messages with at most `keep` entries per dict or list, the rest counted under "_more"
    (110,000 unknown check ids once made an 11.5 MB 422): the first few are named, the count is kept."""
    if isinstance(messages, Mapping):
        items = list(messages.items())
        out: dict[Any, Any] = {k: bounded(v, keep) for k, v in items[:keep]}
        if len(items) > keep:
            out["_more"] = f"{len(items) - keep:,} more invalid item(s), {len(items):,} in all"
        return out
    if isinstance(messages, list):
        shown: list[Any] = [bounded(v, keep) for v in messages[:keep]]
        if len(messages) > keep:
            shown.append(f"... {len(messages) - keep:,} more")
        return shown
    return messages


def handle_validation(exc: ValidationError) -> Response:
    messages = exc.messages if isinstance(exc.messages, Mapping) else {"_schema": exc.messages}
    return problem_response(422, f"invalid field(s): {_field_list(messages)}", errors=bounded(messages))


def handle_input(exc: OrbitcheckError) -> Response:
    return problem_response(422, str(exc))


def handle_http(exc: HTTPException) -> Response:
    status = exc.code or 500
    if status == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        detail = f"the request body is larger than the limit of {limit} bytes"
    elif status == 404:
        detail = "no such resource; see /docs for the endpoints"
    elif status == 405:
        allowed = ", ".join(getattr(exc, "valid_methods", None) or ())
        detail = f"method not allowed here; allowed: {allowed}" if allowed else "method not allowed here"
    else:
        detail = exc.description or HTTPStatus(status).phrase
    headers = {k: v for k, v in exc.get_headers() if k.lower() not in ("content-type", "content-length")}
    return problem_response(status, detail, headers=headers)


def handle_unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):  # flask routes these here only when no closer handler matched
        return handle_http(exc)
    current_app.logger.exception("unhandled error (request id %s)", g.get("request_id", "-"))
    return problem_response(500, "an internal error occurred; it has been logged")


def init_app(app: Flask) -> None:
    app.register_error_handler(Problem, handle_problem)
    app.register_error_handler(ValidationError, handle_validation)
    app.register_error_handler(OrbitcheckError, handle_input)
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(Exception, handle_unexpected)
