"""gunicorn settings for orbitcheck: `gunicorn -c python:orbitcheck.gunicorn_conf 'orbitcheck.app:create_app()'`.

- Workers: one process per core (checking a draft is CPU work), each a threaded worker (`ThreadWorker`
  below, gunicorn's gthread with deadlines): a connection waits for its first byte in the worker's poller,
  not in a thread; once it starts, its request line and headers must arrive within HEADER_TIMEOUT seconds
  and its body within BODY_TIMEOUT, in total (not per read), or it is answered 408 and closed. Idle
  keep-alive connections are closed after `keepalive` seconds. So a slow client holds a thread for at most
  HEADER_TIMEOUT + BODY_TIMEOUT seconds, and it takes `threads` x `workers` of them at once to delay
  /healthz. In production put a buffering proxy in front (deploy/nginx.conf, deploy/compose.yaml): it
  reads the whole request before gunicorn sees it, which is what the gunicorn docs recommend.
- gunicorn's own errors (a bad request line 400, an over-long URL 414, too many or too large headers 431,
  a request that does not arrive in time 408, a crashed request 500) are answered as
  application/problem+json with a request id, like the app's; no `Server` banner is sent.
- `preload_app`: create_app (reference records, pint registry, the shared metrics table) runs once in the
  master, and the workers fork with it already loaded (copy-on-write).
- Access log: one JSON object per line on stdout, with the request id the app returns as `X-Request-ID`.
- Reload: `kill -HUP <master>` (or `POST /v1/admin/reload`, which validates the new records and then signals
  the master). With preload the master does not re-import the app on HUP, so `on_reload` below reloads the
  reference store in the master; if the new records are invalid it keeps the old ones. gunicorn then forks
  fresh workers (which inherit the new store) and stops the old ones gracefully: each finishes the request it
  is serving, and the listening socket never closes, so no request is dropped.

Environment: HOST (127.0.0.1), PORT (8000), WEB_CONCURRENCY (workers; default the number of cores),
GUNICORN_THREADS (threads per worker, default 8), ORBITCHECK_* (the app's settings, see service/app.py).
"""
from __future__ import annotations

import datetime as _dt
import gc as _gc
import json as _json
import multiprocessing as _mp
import os as _os
import re as _re
import secrets as _secrets
import signal as _signal
import time as _time

from gunicorn import util as _util
from gunicorn.glogging import Logger as _Logger
from gunicorn.http import wsgi as _wsgi
from gunicorn.workers import gthread as _gthread

bind = f"{_os.environ.get('HOST', '127.0.0.1')}:{_os.environ.get('PORT', '8000')}"
workers = int(_os.environ.get("WEB_CONCURRENCY", _mp.cpu_count()))
worker_class = "orbitcheck.gunicorn_conf.ThreadWorker"
threads = int(_os.environ.get("GUNICORN_THREADS", "8"))
keepalive = 5  # seconds an idle kept-alive connection may wait for its next request
HEADER_TIMEOUT = 10.0  # seconds from a request's first byte to the end of its headers, in total
BODY_TIMEOUT = 30.0  # seconds for the whole body once the headers are in (1 MB at 300 kbit/s)
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


_SECRET_PARAM = _re.compile(r"(?i)((?:^|&)[^=&]*(?:key|token|secret|password|auth)[^=&]*=)[^&]*")


def redact_query(query: str | None) -> str | None:
    """The query string with the value of every key-, token-, secret- or password-like parameter replaced:
    an API key sent in a URL is refused, but it must not be written to the log either."""
    return _SECRET_PARAM.sub(r"\1[redacted]", query) if query else None


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
            "query": redact_query(environ.get("QUERY_STRING")),
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


def problem_bytes(status: int, reason: str, detail: str, request_id: str) -> bytes:
    """A complete HTTP/1.1 response: the problem+json body the app itself would send for this status."""
    body = _json.dumps({"type": "about:blank", "title": reason, "status": status, "detail": detail,
                        "request_id": request_id}).encode("utf-8")
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n"
            f"X-Content-Type-Options: nosniff\r\nX-Request-ID: {request_id}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


_DETAILS = {
    400: "the request is not valid HTTP/1.1 (request line, header or chunked framing)",
    408: "the request did not arrive in time",
    414: "the request line is longer than {limit} bytes",
    431: "too many request headers, or one too large",
    500: "an internal error occurred; it has been logged",
}


def write_problem(sock, status_int, reason, mesg):  # gunicorn.util.write_error's signature
    """gunicorn's own error page, as problem+json. gunicorn's message (which may echo the request) is logged
    by gunicorn itself, not sent back."""
    detail = _DETAILS.get(int(status_int), reason).format(limit=limit_request_line)
    _util.write_nonblock(sock, problem_bytes(int(status_int), reason, detail, _secrets.token_hex(16)))


def _default_headers_without_server(original):
    def default_headers(self):
        return [line for line in original(self) if not line.startswith("Server:")]

    return default_headers


class RequestReadTimeout(Exception):
    """The client did not send its headers (or body) within the deadline. Not an OSError on purpose: gthread
    logs those with a traceback, while this one is answered 408 by ThreadWorker.handle_error."""

    http_status = 408


class _DeadlineSocket:
    """The parser's view of a client socket: every recv() is bounded by the connection's current deadline,
    so a client trickling one byte a second cannot hold a thread (a plain socket timeout is per read)."""

    def __init__(self, sock, conn) -> None:
        self._sock = sock
        self._conn = conn

    def recv(self, size):
        remaining = self._conn.read_deadline - _time.monotonic()
        if remaining <= 0:
            raise RequestReadTimeout()
        self._sock.settimeout(remaining)
        try:
            return self._sock.recv(size)
        except TimeoutError:
            raise RequestReadTimeout() from None
        finally:
            self._sock.settimeout(None)

    def __getattr__(self, name):
        return getattr(self._sock, name)


class ThreadWorker(_gthread.ThreadWorker):
    """gthread with a total deadline on reading each request (HEADER_TIMEOUT, then BODY_TIMEOUT)."""

    def handle(self, conn):
        conn.read_deadline = _time.monotonic() + HEADER_TIMEOUT
        if conn.initialized:  # a kept-alive connection: its parser exists already
            self._guard(conn)
        else:
            init = conn.init

            def init_and_guard():
                init()
                self._guard(conn)

            conn.init = init_and_guard
        return super().handle(conn)

    @staticmethod
    def _guard(conn):
        unreader = getattr(conn.parser, "unreader", None)
        if unreader is not None and not isinstance(getattr(unreader, "sock", None), _DeadlineSocket):
            unreader.sock = _DeadlineSocket(unreader.sock, conn)

    def handle_request(self, req, conn):
        conn.read_deadline = _time.monotonic() + BODY_TIMEOUT  # headers are in: the body's turn
        return super().handle_request(req, conn)

    def handle_error(self, req, client, addr, exc):
        if isinstance(exc, RequestReadTimeout):
            self.log.warning("request from %s not read within the deadline; answered 408", addr and addr[0])
            try:
                write_problem(client, 408, "Request Timeout", "")
            except Exception:
                self.log.debug("Failed to send the 408.")
            return
        super().handle_error(req, client, addr, exc)


def post_fork(server, worker):
    """In each worker: gunicorn's own error pages become problem+json, and no Server banner is sent."""
    _util.write_error = write_problem
    _wsgi.Response.default_headers = _default_headers_without_server(_wsgi.Response.default_headers)


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
