"""gunicorn settings for orbitcheck: `gunicorn -c python:orbitcheck.gunicorn_conf 'orbitcheck.app:create_app()'`.

- Sync workers, one per core: checking a draft is CPU work, so more workers than cores only adds switching.
- `preload_app`: create_app (reference records, pint registry, the shared metrics table) runs once in the
  master, and the workers fork with it already loaded (copy-on-write).
- Access log: one JSON object per line on stdout, with the request id the app returns as `X-Request-ID`.
- Reload: `kill -HUP <master>` (or `POST /v1/admin/reload`, which validates the new records and then signals
  the master). With preload the master does not re-import the app on HUP, so `on_reload` below reloads the
  reference store in the master; if the new records are invalid it keeps the old ones. gunicorn then forks
  fresh workers (which inherit the new store) and stops the old ones gracefully: each finishes the request it
  is serving, and the listening socket never closes, so no request is dropped.

Environment: HOST (127.0.0.1), PORT (8000), WEB_CONCURRENCY (workers; default the number of cores),
ORBITCHECK_* (the app's settings, see service/app.py).
"""
from __future__ import annotations

import datetime as _dt
import gc as _gc
import json as _json
import multiprocessing as _mp
import os as _os
import signal as _signal

from gunicorn.glogging import Logger as _Logger

bind = f"{_os.environ.get('HOST', '127.0.0.1')}:{_os.environ.get('PORT', '8000')}"
workers = int(_os.environ.get("WEB_CONCURRENCY", _mp.cpu_count()))
worker_class = "sync"
preload_app = True
timeout = 30
graceful_timeout = 20
accesslog = "-"
errorlog = "-"
# gunicorn 24+ opens a control socket at one fixed path per user; we do not use it, and two servers on one
# machine (tests, bench) would fight over it.
control_socket_disable = True
# Refuse absurd request lines and headers before the app sees them (the body limit is the app's).
limit_request_line = 8190
limit_request_fields = 100


class JsonAccessLogger(_Logger):
    """Access log lines as JSON objects (one per line); never the raw format string, so no quoting bugs."""

    def access(self, resp, req, environ, request_time):  # noqa: D102 (gunicorn's signature)
        if not self.access_log_enabled:
            return
        headers = dict((name.lower(), value) for name, value in (resp.headers or ()))
        record = {
            "time": _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds"),
            "request_id": headers.get("x-request-id"),
            "remote": environ.get("REMOTE_ADDR"),
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": environ.get("QUERY_STRING") or None,
            "status": int(str(resp.status).split()[0]) if resp.status else None,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 3),
            "user_agent": environ.get("HTTP_USER_AGENT"),
            "pid": _os.getpid(),
        }
        try:
            self.access_log.info(_json.dumps(record, ensure_ascii=False))
        except Exception:  # a log line must never break a response
            self.exception("access log")


logger_class = JsonAccessLogger


def _holder(server):
    """The app's reference store holder; None for an app that is not orbitcheck's (bench's plain app)."""
    from .api.state import EXTENSION

    extensions = getattr(server.app.wsgi(), "extensions", {})
    return extensions.get(EXTENSION)


def when_ready(server):
    """In the master, after preload and before the first fork."""
    # Move everything loaded so far (pint registry, records, tables) out of the garbage collector's sight:
    # a worker's collections then never touch those pages, so they stay shared with the master instead of
    # being copied into every worker (Python's documented advice for fork without exec).
    _gc.freeze()
    # Let the admin endpoint (in a worker) ask the master to reload and re-fork.
    holder = _holder(server)
    if holder is not None:
        master = server.pid
        holder.notify_master = lambda: _os.kill(master, _signal.SIGHUP)


def on_reload(server):
    """SIGHUP in the master: reload the reference records before gunicorn forks the new workers."""
    from .api.metrics import EXTENSION as METRICS

    app = server.app.wsgi()
    holder = _holder(server)
    if holder is None:
        return
    try:
        store = holder.load()
    except Exception as exc:  # invalid records: keep serving the old ones, say why
        server.log.error("reference reload failed, keeping version %s: %s",
                         getattr(holder.store, "version", None), exc)
        app.extensions[METRICS].count_event("reload_failed")
        return
    app.extensions[METRICS].count_event("reload_ok")
    server.log.info("reference records reloaded: version %s", getattr(store, "version", None))
