"""Per-request edges: request ids, API keys, CORS. Registered by create_app in this order, before the views.

- Request id: an incoming `X-Request-ID` is kept when it is sane (so a proxy's id follows the request
  through our logs), else a fresh one is made; it is returned as `X-Request-ID` and the gunicorn access log
  line carries it.
- API keys (`ORBITCHECK_API_KEYS`): when set, every /v1 and /v2 route needs one, as `Authorization: Bearer
  KEY` or `X-API-Key: KEY` (or LanguageTool's `apiKey` form field on /v2/check). /v1/admin routes need an
  admin key (`ORBITCHECK_ADMIN_KEYS`) instead. Health, metrics, docs and /v2/languages stay open.
- CORS (`ORBITCHECK_CORS_ORIGINS`, comma-separated origins, `scheme://*` patterns, `*`, or `none`; default the
  browser add-on schemes chrome-extension://*, moz-extension://*, safari-web-extension://*): answers preflight
  OPTIONS requests itself (before authentication: browsers send no credentials on a preflight) and adds the
  headers.
"""
from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Sequence

from flask import Flask, current_app, g, request
from flask.wrappers import Response

from .body import form_field_without_parsing
from .problems import Problem

REQUEST_ID = "X-Request-ID"
_SANE_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
_PROTECTED = ("/v1/", "/v2/")
# LanguageTool plugins probe these at start-up, before any key is set; they tell nothing about the records.
_OPEN = frozenset({"/v2/languages", "/v2/info", "/v2/maxtextlength", "/v2/configinfo"})
_ADMIN = "/v1/admin/"
_ALLOWED_HEADERS = "Authorization, Content-Type, X-API-Key, X-Request-ID"


def _assign_request_id() -> None:
    incoming = request.headers.get(REQUEST_ID, "")
    g.request_id = incoming if _SANE_ID.fullmatch(incoming) else secrets.token_hex(16)


def _echo_request_id(response: Response) -> Response:
    response.headers[REQUEST_ID] = g.get("request_id") or secrets.token_hex(16)
    return response


def key_matches(given: str, keys: Sequence[str]) -> bool:
    """Constant time: every key is compared in full, whether or not an earlier one matched."""
    given_bytes = given.encode("utf-8")
    found = False
    for key in keys:
        found |= hmac.compare_digest(given_bytes, key.encode("utf-8"))
    return found and bool(given)


def _presented_key() -> str:
    auth = request.headers.get("Authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    if request.headers.get("X-API-Key"):
        return request.headers["X-API-Key"].strip()
    if request.path.startswith("/v2/"):  # LanguageTool clients send their key as a parameter
        if request.args.get("apiKey"):
            return request.args["apiKey"]
        if request.method == "POST":
            # Found by a scan of the raw body: the form itself is decoded only once the key is good.
            return form_field_without_parsing("apiKey")
    return ""


def _is_preflight() -> bool:
    return request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers


def _authenticate() -> None:
    # A request that matched no route (404) or not with this method (405) gets that answer, not a 401:
    # the routes are public in /openapi.json anyway, and a 401 would send the client hunting for a key.
    if (request.routing_exception is not None or not request.path.startswith(_PROTECTED)
            or request.path in _OPEN or _is_preflight()):
        return
    admin = request.path.startswith(_ADMIN)
    keys = current_app.config["ADMIN_KEYS" if admin else "API_KEYS"]
    if not keys:
        if admin:
            raise Problem(403, "reloading over HTTP is disabled: set ORBITCHECK_ADMIN_KEYS (or send SIGHUP)")
        return
    if not key_matches(_presented_key(), keys):
        kind = "an admin key" if admin else "an API key"
        raise Problem(401, f"{kind} is required: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'",
                      headers={"WWW-Authenticate": 'Bearer realm="orbitcheck"'})


def origin_allowed(origin: str, allowed: Sequence[str]) -> bool:
    """An exact origin, a "scheme://*" pattern (any add-on id under that scheme) or "*"."""
    return any(entry == "*" or entry == origin or (entry.endswith("://*") and origin.startswith(entry[:-1])
                                                    and len(origin) > len(entry) - 1)
               for entry in allowed if entry != "none")


def _allowed_origin() -> str | None:
    origin = request.headers.get("Origin")
    allowed = current_app.config["CORS_ORIGINS"]
    if not origin or not origin_allowed(origin, allowed):
        return None
    return "*" if "*" in allowed else origin


def _preflight() -> Response | None:
    if not _is_preflight() or not [o for o in current_app.config["CORS_ORIGINS"] if o != "none"]:
        return None
    origin = _allowed_origin()
    if origin is None:
        raise Problem(403, f"origin {request.headers.get('Origin', '(none)')!r} is not allowed "
                           "(ORBITCHECK_CORS_ORIGINS)")
    response = current_app.response_class(status=204)
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = _ALLOWED_HEADERS
    response.headers["Access-Control-Max-Age"] = "600"
    return response


def _cors_headers(response: Response) -> Response:
    origin = _allowed_origin()
    if origin is not None:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = REQUEST_ID
        if origin != "*":
            response.vary.add("Origin")
    return response


def _security_headers(response: Response) -> Response:
    """On every response, errors included: browsers must never sniff JSON or problem+json into HTML."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def init_app(app: Flask) -> None:
    app.before_request(_assign_request_id)
    app.before_request(_preflight)
    app.before_request(_authenticate)
    app.after_request(_cors_headers)
    app.after_request(_echo_request_id)
    app.after_request(_security_headers)
