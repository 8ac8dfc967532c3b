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

from flask import Config, Flask, g, request
from flask.wrappers import Request, Response

from .body import form_field_without_parsing
from .problems import Problem

REQUEST_ID = "X-Request-ID"
_SANE_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
_PROTECTED = ("/v1/", "/v2/")
# LanguageTool plugins probe these at start-up, before any key is set; they tell nothing about the records.
_OPEN = frozenset({"/v2/languages", "/v2/info", "/v2/maxtextlength", "/v2/configinfo"})
_ADMIN = "/v1/admin/"
_ALLOWED_HEADERS = "Authorization, Content-Type, X-API-Key, X-Request-ID"


def _assign_request_id(req: Request) -> None:
    incoming = req.environ.get("HTTP_X_REQUEST_ID", "")  # request.headers[REQUEST_ID], without the lookup
    g.request_id = incoming if _SANE_ID.fullmatch(incoming) else secrets.token_hex(16)


def key_matches(given: str, keys: Sequence[str]) -> bool:
    """Constant time: every key is compared in full, whether or not an earlier one matched."""
    given_bytes = given.encode("utf-8")
    found = False
    for key in keys:
        found |= hmac.compare_digest(given_bytes, key.encode("utf-8"))
    return found and bool(given)


def _presented_key(req: Request) -> str:
    auth = req.headers.get("Authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    if req.headers.get("X-API-Key"):
        return req.headers["X-API-Key"].strip()
    if req.path.startswith("/v2/"):  # LanguageTool clients send their key as a parameter
        if req.args.get("apiKey"):
            return req.args["apiKey"]
        if req.method == "POST":
            # Found by a scan of the raw body: the form itself is decoded only once the key is good.
            return form_field_without_parsing("apiKey")
    return ""


def _is_preflight(req: Request) -> bool:
    return req.method == "OPTIONS" and "Access-Control-Request-Method" in req.headers


def _authenticate(req: Request, config: Config) -> None:
    # A request that matched no route (404) or not with this method (405) gets that answer, not a 401:
    # the routes are public in /openapi.json anyway, and a 401 would send the client hunting for a key.
    path = req.path
    if (req.routing_exception is not None or not path.startswith(_PROTECTED)
            or path in _OPEN or _is_preflight(req)):
        return
    admin = path.startswith(_ADMIN)
    keys = config["ADMIN_KEYS" if admin else "API_KEYS"]
    if not keys:
        if admin:
            raise Problem(403, "reloading over HTTP is disabled: set ORBITCHECK_ADMIN_KEYS (or send SIGHUP)")
        return
    if not key_matches(_presented_key(req), keys):
        kind = "an admin key" if admin else "an API key"
        raise Problem(401, f"{kind} is required: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'",
                      headers={"WWW-Authenticate": 'Bearer realm="orbitcheck"'})


def origin_allowed(origin: str, allowed: Sequence[str]) -> bool:
    """An exact origin, a "scheme://*" pattern (any add-on id under that scheme) or "*"."""
    return any(entry == "*" or entry == origin or (entry.endswith("://*") and origin.startswith(entry[:-1])
                                                    and len(origin) > len(entry) - 1)
               for entry in allowed if entry != "none")


def _allowed_origin(req: Request, config: Config) -> str | None:
    origin = req.environ.get("HTTP_ORIGIN")  # request.headers["Origin"], without the lookup
    if not origin:
        return None
    allowed = config["CORS_ORIGINS"]
    if not origin_allowed(origin, allowed):
        return None
    return "*" if "*" in allowed else origin


def _preflight(req: Request, app: Flask) -> Response | None:
    if not _is_preflight(req) or not [o for o in app.config["CORS_ORIGINS"] if o != "none"]:
        return None
    origin = _allowed_origin(req, app.config)
    if origin is None:
        raise Problem(403, f"origin {req.headers.get('Origin', '(none)')!r} is not allowed "
                           "(ORBITCHECK_CORS_ORIGINS)")
    response = app.response_class(status=204)
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = _ALLOWED_HEADERS
    response.headers["Access-Control-Max-Age"] = "600"
    return response


def init_app(app: Flask) -> None:
    """Two hooks, each reading the request once (they run on every request, and each `request`, `g` or
    `current_app` lookup costs a context-variable lookup); `app.config` is read at request time, so a
    setting changed after create_app is seen."""

    def before_request() -> Response | None:
        """The request id, then the CORS preflight (answered here, before authentication), then the key."""
        req: Request = request._get_current_object()  # type: ignore[attr-defined]
        _assign_request_id(req)
        answer = _preflight(req, app)
        if answer is not None:
            return answer
        _authenticate(req, app.config)
        return None

    def after_request(response: Response) -> Response:
        """On every response, errors included: `X-Content-Type-Options: nosniff` (browsers must never sniff
        JSON or problem+json into HTML), the request id, and the CORS headers for an allowed origin."""
        headers = response.headers
        headers["X-Content-Type-Options"] = "nosniff"
        headers[REQUEST_ID] = g.get("request_id") or secrets.token_hex(16)
        origin = _allowed_origin(request._get_current_object(), app.config)  # type: ignore[attr-defined]
        if origin is not None:
            headers["Access-Control-Allow-Origin"] = origin
            headers["Access-Control-Expose-Headers"] = REQUEST_ID
            if origin != "*":
                response.vary.add("Origin")
        return response

    app.before_request(before_request)
    app.after_request(after_request)
