"""Reading a request body: content type (415), size (413, chunked too), JSON syntax (400), schema (422)."""
from __future__ import annotations

import functools
import io
import json
from typing import Any

from flask import current_app, request
from marshmallow import Schema
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Request

from .problems import Problem

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def read_body() -> bytes:
    """The raw body, refusing more than MAX_CONTENT_LENGTH bytes with a 413.

    With a Content-Length werkzeug refuses an oversized body before reading it. A chunked body has none,
    and werkzeug's limited stream then stops quietly AT the limit (a truncated body, not a 413), so we read
    it ourselves, one byte past the limit at most, from a server that frames it (wsgi.input_terminated).
    """
    if request.content_length is not None or "wsgi.input_terminated" not in request.environ:
        try:
            return request.get_data(cache=False)  # with no length and no framing werkzeug safely reads nothing
        except RequestEntityTooLarge:
            raise
        except Exception as exc:
            raise _unreadable(exc) from None
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    stream = request.environ["wsgi.input"]
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = stream.read(64 * 1024 if limit is None else min(64 * 1024, limit + 1 - size))
        except Exception as exc:
            raise _unreadable(exc) from None
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if limit is not None and size > limit:
            raise RequestEntityTooLarge()
        chunks.append(chunk)


def _unreadable(exc: Exception) -> Problem:
    """The server could not read the body: bad chunked framing (gunicorn's InvalidChunkSize and kin), a
    client that hung up (werkzeug's ClientDisconnected) or stalled past the server's deadline (408). The
    client's fault, never a 500: the body is refused with a problem naming the cause."""
    status = getattr(exc, "http_status", 400)
    if status == 408:
        return Problem(408, "the request body did not arrive in time")
    reason = str(exc).strip() or type(exc).__name__
    return Problem(400, f"the request body cannot be read ({type(exc).__name__}: {reason[:80]}); "
                        "send valid chunked framing or a Content-Length")


def json_body() -> Any:
    if not request.is_json:
        raise Problem(415, f"send the body as application/json (got {request.mimetype or 'no content type'})")
    raw = read_body()
    try:
        return json.loads(raw)
    except RecursionError:
        raise Problem(400, "the JSON body is nested too deeply") from None
    except UnicodeDecodeError:
        raise Problem(400, "the JSON body is not valid UTF-8") from None
    except ValueError as exc:
        raise Problem(400, f"the body is not valid JSON: {exc}") from None


@functools.cache
def schema(cls: type[Schema]) -> Schema:
    """One instance per schema class and process: building one deep-copies its fields (~0.3 ms), loading
    with it is stateless, so it is built on first use and reused."""
    return cls()


def load_json(cls: type[Schema]) -> dict[str, Any]:
    """The JSON body validated by schema `cls`; marshmallow's ValidationError becomes a 422 problem."""
    return schema(cls).load(json_body())


def form_body() -> MultiDict[str, str]:
    """Form fields (urlencoded or multipart), read through read_body so the size limit holds here too."""
    if request.mimetype not in FORM_TYPES:
        raise Problem(415, f"send the body as {' or '.join(FORM_TYPES)} (got {request.mimetype or 'no content type'})")
    if "_orbitcheck_form" not in request.environ:
        raw = read_body()
        environ = dict(request.environ)
        environ.pop("wsgi.input_terminated", None)
        environ.pop("HTTP_TRANSFER_ENCODING", None)  # else werkzeug ignores CONTENT_LENGTH and reads nothing
        environ.update({"wsgi.input": io.BytesIO(raw), "CONTENT_LENGTH": str(len(raw))})
        parsed = Request(environ)
        parsed.max_content_length = None  # already enforced while reading
        parsed.max_form_memory_size = None
        request.environ["_orbitcheck_form"] = parsed.form
    return request.environ["_orbitcheck_form"]
