"""Reading a request body: content type (415), size (413, chunked too), JSON syntax (400), schema (422)."""
from __future__ import annotations

import functools
import io
import json
import re
from typing import Any
from urllib.parse import unquote_to_bytes

from flask import request
from flask.wrappers import Request
from marshmallow import Schema, ValidationError, missing
from marshmallow.fields import Field
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import ClientDisconnected, RequestEntityTooLarge
from werkzeug.http import parse_options_header
from werkzeug.wrappers import Request as WerkzeugRequest

from .problems import Problem

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def read_body(req: Request | None = None) -> bytes:
    """The raw body, refusing more than MAX_CONTENT_LENGTH bytes with a 413.

    With a Content-Length the body is refused before it is read when the length is over the limit, and
    otherwise read in one call of exactly that many bytes (werkzeug's limited stream would read it in 64 KiB
    steps through a wrapper); fewer bytes than announced is a client that hung up, a 400. A chunked body
    has no length, and werkzeug's limited stream then stops quietly AT the limit (a truncated body, not a
    413), so we read it ourselves, one byte past the limit at most, from a server that frames it
    (wsgi.input_terminated). With no length and no framing nothing is read (werkzeug's safe fallback).
    """
    if req is None:
        req = request._get_current_object()  # type: ignore[attr-defined]
    environ = req.environ
    stream = environ["wsgi.input"]
    length = req.content_length
    if length is not None:
        limit = req.max_content_length
        if limit is not None and length > limit:
            raise RequestEntityTooLarge()
        if length == 0:
            return b""
        try:
            data = stream.read(length)
        except Exception as exc:
            raise _unreadable(exc) from None
        if len(data) < length:
            raise _unreadable(ClientDisconnected())
        return data
    if "wsgi.input_terminated" not in environ:
        return b""
    limit = req.max_content_length
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
    req: Request = request._get_current_object()  # type: ignore[attr-defined]
    # The usual header first, as is: werkzeug parses the header's parameters for `is_json` on every call.
    if req.environ.get("CONTENT_TYPE") != "application/json" and not req.is_json:
        raise Problem(415, f"send the body as application/json (got {req.mimetype or 'no content type'})")
    raw = read_body(req)
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


FieldPlan = tuple[tuple[str, str, Field], ...]  # (key in the data, key in the result, field), in load order


@functools.cache
def _field_plan(cls: type[Schema]) -> FieldPlan | None:
    """The schema's fields, when loading with it is nothing but each field's own deserialize (with its
    validators) and a refusal of unknown keys: no pre/post-load or schema-level hooks, no `many`, no
    `partial`, no dotted attribute. None otherwise (or if marshmallow's internals look different)."""
    instance = schema(cls)
    hooks = getattr(instance, "_hooks", None)
    if (not isinstance(hooks, dict) or any(hooks.values()) or instance.many or instance.partial
            or getattr(instance, "dict_class", None) is not dict):
        return None
    plan = tuple((field.data_key or name, field.attribute or name, field)
                 for name, field in instance.load_fields.items())
    return None if any("." in attr for _, attr, _ in plan) else plan


def load_valid(cls: type[Schema], data: Any) -> dict[str, Any]:
    """`schema(cls).load(data)`, with marshmallow's per-load machinery (error store, unknown-field and hook
    passes) skipped when it cannot matter: a dict of known keys whose every field deserializes (each
    field's own deserialize and validators, as Schema.load calls them) gives the same result here. Any
    unknown key or invalid value goes through Schema.load, so every error is marshmallow's own."""
    plan = _field_plan(cls)
    if plan is not None and type(data) is dict and len(data) <= len(plan):
        out: dict[str, Any] = {}
        seen = 0
        try:
            for key, attr, field in plan:
                raw = data.get(key, missing)
                seen += raw is not missing
                value = field.deserialize(raw, key, data)
                if value is not missing:
                    out[attr] = value
        except ValidationError:
            pass
        else:
            if seen == len(data):  # no key the schema does not know
                return out
    return schema(cls).load(data)


def load_json(cls: type[Schema]) -> dict[str, Any]:
    """The JSON body validated by schema `cls`; marshmallow's ValidationError becomes a 422 problem."""
    return load_valid(cls, json_body())


def raw_body() -> bytes:
    """The body, read once per request (read_body's limits hold) and kept for later readers."""
    if "_orbitcheck_raw" not in request.environ:
        request.environ["_orbitcheck_raw"] = read_body()
    return request.environ["_orbitcheck_raw"]


def parse_form(raw: bytes, content_type: str) -> MultiDict[str, str]:
    """All form fields of `raw`: multipart when the content type says so, else urlencoded, whatever the
    content type claims (LanguageTool reads a body with none, or with text/plain, as a urlencoded form)."""
    environ = {"REQUEST_METHOD": "POST", "wsgi.input": io.BytesIO(raw), "CONTENT_LENGTH": str(len(raw)),
               "CONTENT_TYPE": content_type if content_type.startswith("multipart/form-data")
               else "application/x-www-form-urlencoded"}
    parsed = WerkzeugRequest(environ)
    parsed.max_content_length = None  # already enforced while reading
    parsed.max_form_memory_size = None
    return parsed.form


def form_body(*, any_type: bool = False) -> MultiDict[str, str]:
    """Form fields (urlencoded or multipart), read through read_body so the size limit holds here too.
    `any_type`: a body with no or another content type is read as urlencoded (LanguageTool's rule)."""
    if not any_type and request.mimetype not in FORM_TYPES:
        raise Problem(415, f"send the body as {' or '.join(FORM_TYPES)} (got {request.mimetype or 'no content type'})")
    if "_orbitcheck_form" not in request.environ:
        request.environ["_orbitcheck_form"] = parse_form(raw_body(), request.content_type or "")
    return request.environ["_orbitcheck_form"]


_URLENCODED_FIELD = {name: re.compile(rb"(?:^|&)" + name.encode() + rb"=([^&]*)") for name in ("apiKey",)}


def form_field_without_parsing(name: str) -> str:
    """One field of the form body, found by a linear scan of the raw bytes instead of a full parse, so a
    request can be authenticated before its (up to MAX_CONTENT_LENGTH) form is decoded. Multipart: the
    part whose Content-Disposition names the field; otherwise the body is read as urlencoded."""
    raw = raw_body()
    content_type = request.content_type or ""
    if content_type.startswith("multipart/form-data"):
        boundary = parse_options_header(content_type)[1].get("boundary", "")
        if not boundary:
            return ""
        wanted = f'name="{name}"'.encode()
        for part in raw.split(b"--" + boundary.encode()):
            head, sep, value = part.partition(b"\r\n\r\n")
            if sep and wanted in head:
                return value.removesuffix(b"\r\n").decode("utf-8", "replace")
        return ""
    pattern = _URLENCODED_FIELD.get(name) or re.compile(rb"(?:^|&)" + re.escape(name.encode()) + rb"=([^&]*)")
    m = pattern.search(raw)
    return unquote_to_bytes(m.group(1).replace(b"+", b" ")).decode("utf-8", "replace") if m else ""
