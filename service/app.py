"""The Flask application factory (flaskr style). Nothing happens at import time; create_app does it all.

Configuration, later sources winning: the defaults below, then `ORBITCHECK_<KEY>` environment variables,
then `test_config`. The reference records (and the shared pint registry) are loaded here, once per process;
with gunicorn's `preload_app = True` that is once, in the master, before the workers fork.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from flask import Flask
from flask.json.provider import DefaultJSONProvider

if TYPE_CHECKING:
    from werkzeug.sansio.response import Response

    from .records.store import MissionStore

DEFAULTS: dict[str, Any] = {
    "MAX_CONTENT_LENGTH": 1024 * 1024,  # bytes; larger bodies get a 413 (chunked ones too)
    "API_KEYS": (),  # when non-empty every /v1 and /v2 route needs one of these keys
    "ADMIN_KEYS": (),  # POST /v1/admin/reload needs one of these; empty disables it
    # Origins allowed to call from a browser: exact origins, "scheme://*" patterns, "*" for any, "none" for
    # no one. By default browser add-ons (their pages and content scripts' requests) and no web site.
    "CORS_ORIGINS": ("chrome-extension://*", "moz-extension://*", "safari-web-extension://*"),
    "BATCH_LIMIT": 20,  # documents per POST /v1/check/batch
    "MAX_CHARACTERS": 200_000,  # characters checked per request (a batch: all documents together); see api/budget.py
    "MAX_FINDINGS": 1000,  # findings listed per document; more: `truncated` and `findings_total`
    "DATA_DIR": None,  # reference records directory; None: the shipped reference_data/
    "METRICS_PROCESSES": 32,  # rows in the shared metrics table: more than workers, to survive restarts
    "WARM_UP": True,  # check a sample draft in create_app, so lazily built tables exist before the fork
}


def _as_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _as_int(name: str) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = -1
        if number < 1:
            raise ValueError(f"ORBITCHECK_{name} must be a positive whole number, not {value!r}")
        return number

    return parse


_PARSERS: dict[str, Callable[[str], Any]] = {
    "MAX_CONTENT_LENGTH": _as_int("MAX_CONTENT_LENGTH"),
    "API_KEYS": _as_list,
    "ADMIN_KEYS": _as_list,
    "CORS_ORIGINS": _as_list,
    "BATCH_LIMIT": _as_int("BATCH_LIMIT"),
    "MAX_CHARACTERS": _as_int("MAX_CHARACTERS"),
    "MAX_FINDINGS": _as_int("MAX_FINDINGS"),
    "DATA_DIR": str,
    "METRICS_PROCESSES": _as_int("METRICS_PROCESSES"),
    "WARM_UP": lambda value: value.strip().lower() not in ("0", "false", "no", "off"),
}


def config_from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    """`ORBITCHECK_<KEY>` for every key in DEFAULTS, parsed; a bad value raises ValueError naming it."""
    return {key: parse(environ[f"ORBITCHECK_{key}"]) for key, parse in _PARSERS.items()
            if environ.get(f"ORBITCHECK_{key}", "") != ""}


class JSONProvider(DefaultJSONProvider):
    """Flask's provider with the contract's field order (no sort_keys), and its compact response body
    (what DefaultJSONProvider.response writes outside debug mode, byte for byte) written by one encoder
    built here rather than a new one per response. Any other setting goes through Flask's own code."""

    sort_keys = False

    def __init__(self, app: Flask) -> None:
        super().__init__(app)
        self._settings = (self.default, self.ensure_ascii, self.sort_keys)
        self._compact = json.JSONEncoder(default=self.default, ensure_ascii=self.ensure_ascii,
                                         sort_keys=self.sort_keys, separators=(",", ":"))

    def response(self, *args: Any, **kwargs: Any) -> Response:
        if (self.compact is False or (self.compact is None and self._app.debug)
                or (self.default, self.ensure_ascii, self.sort_keys) != self._settings):
            return super().response(*args, **kwargs)
        body = self._compact.encode(self._prepare_response_obj(args, kwargs))
        return self._app.response_class(f"{body}\n", mimetype=self.mimetype)


class OrbitcheckFlask(Flask):
    """Flask with the JSON provider above, and `ensure_sync` answered once per function: Flask asks it of
    every hook and the view on every request, and each answer is an `inspect.iscoroutinefunction` call
    (the override Flask documents for changing how functions are run; the answer is Flask's own)."""

    json_provider_class = JSONProvider

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sync: dict[Callable[..., Any], Callable[..., Any]] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        try:
            return self._sync[func]
        except KeyError:
            sync = self._sync[func] = super().ensure_sync(func)
            return sync
        except TypeError:  # a callable that cannot be a key
            return super().ensure_sync(func)


def _reference_loader(app: Flask) -> Callable[[], MissionStore]:
    """Reads DATA_DIR each time it is called, so a reload picks up a changed setting as well as new files."""

    def load() -> MissionStore:
        from .records.store import load_store

        return load_store(app.config["DATA_DIR"])  # None: the shipped reference_data/

    return load


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = OrbitcheckFlask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_mapping(config_from_env(os.environ))
    if test_config is not None:
        app.config.from_mapping(test_config)

    from . import web
    from .api import admin, check, compat_lt, health, metrics, missions, openapi, problems, security
    from .api.state import EXTENSION, StoreHolder

    problems.init_app(app)
    metrics.init_app(app)
    security.init_app(app)
    for blueprint in (health.bp, check.bp, missions.bp, admin.bp, compat_lt.bp, openapi.bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(web.bp)  # the editor's page at /
    metrics.create_counters(app)

    holder = StoreHolder(_reference_loader(app))
    holder.load()  # invalid records raise here: the service refuses to start rather than serve half the data
    app.extensions[EXTENSION] = holder
    if app.config["WARM_UP"]:
        from .engine import warm_up

        warm_up(holder.store)  # the lazily built tables, before gunicorn forks
    with app.app_context():
        openapi.spec()  # built once here, so that forked workers share it
    return app
