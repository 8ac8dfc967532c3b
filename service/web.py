"""The editor's page: one HTML page at `/` and its static assets, all served by the service itself.

No build step, no CDN, no external fonts: a newsroom with no internet access can still use it. The page
talks to `POST /v1/check` like any other client; nothing here knows about checking.
"""
from __future__ import annotations

from flask import Blueprint, Response, render_template, request

from . import __version__
from .api.spec import operation
from .checks import all_checks

# The assets (service/static/editor.js, editor.css) are served by the app's own /static route: the app and
# this module live in the same package, so Flask already serves that folder.
bp = Blueprint("web", __name__, template_folder="templates")

# The page runs only its own files; evidence links open other sites, which a CSP does not restrict.
_CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
))


@bp.get("/")
@operation(summary="The editor's page: paste a draft, see every claim highlighted with its verdict",
           tag="page", auth=False, responses={200: (None, "HTML", "text/html")})
def editor() -> Response:
    checks = [(check.ID, check.DESCRIPTION) for check in all_checks()]
    html = render_template(
        "editor.html",
        checks=checks,
        version=__version__,
        # Relative to wherever the service is mounted (SCRIPT_NAME), not to the host's root.
        check_url=f"{request.script_root}/v1/check",
    )
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = _CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
