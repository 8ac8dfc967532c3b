"""gunicorn settings for orbitcheck: `gunicorn -c python:orbitcheck.gunicorn_conf 'orbitcheck.app:create_app()'`.

- Workers: one process per core (checking a draft is CPU work), each a threaded worker (`ThreadWorker`
  below: gunicorn's gthread that reads requests in its poller). A request is read without blocking by the
  worker's main loop, as a buffering proxy would: its request line and headers within HEADER_TIMEOUT
  seconds in total and, when its Content-Length fits the app's body limit, its body within BODY_TIMEOUT;
  else it is answered 408 and closed. Only a complete request reaches a thread, so slow or stalled clients
  cost the worker a few kilobytes each, never a thread (chunked bodies, `Expect: 100-continue` and TLS are
  read by the thread, under the same total deadlines). Idle keep-alive connections are closed after
  `keepalive` seconds. In production put a buffering proxy in front anyway (deploy/nginx.conf,
  deploy/compose.yaml), as the gunicorn docs recommend: it also bounds chunked bodies and TLS.
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

import contextlib as _contextlib
import datetime as _dt
import errno as _errno
import functools as _functools
import gc as _gc
import json as _json
import multiprocessing as _mp
import os as _os
import re as _re
import secrets as _secrets
import selectors as _selectors
import signal as _signal
import time as _time

from gunicorn import util as _util
from gunicorn.glogging import Logger as _Logger
from gunicorn.http import wsgi as _wsgi
from gunicorn.http2 import negotiation as _negotiation
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


_HEAD_END = b"\r\n\r\n"
HEAD_LIMIT = 64 * 1024  # bytes of request line and headers read in the poller; more is a 431
BUFFER_BUDGET = 64 * 1024 * 1024  # bytes of request bodies one worker holds in its poller at once
# Header lines that decide whether a body is read in the poller (case-insensitive, at a line start).
_CONTENT_LENGTH = _re.compile(rb"(?im)^content-length[ \t]*:[ \t]*(\d{1,12})[ \t]*\r?$")
_NOT_BUFFERED = _re.compile(rb"(?im)^(?:transfer-encoding|expect|upgrade)[ \t]*:")


class ThreadWorker(_gthread.ThreadWorker):
    """gthread that reads each request in its poller before a thread sees it, as a buffering proxy would.

    gthread hands a connection to a thread as soon as its first byte arrives, and the thread then blocks on
    the rest: a client trickling its headers holds a thread for as long as it trickles, so `threads` such
    clients stall the worker. Here a connection (new or kept alive) is read without blocking by the
    worker's main loop until its headers are complete (HEADER_TIMEOUT in total from its first read, else
    408; more than HEAD_LIMIT bytes, 431) and, for a body with a Content-Length up to the app's
    MAX_CONTENT_LENGTH, until the body is complete too (BODY_TIMEOUT; at most BUFFER_BUDGET bytes of bodies
    per worker). Only then is it given to a thread, which parses what was read from memory. So a slow client
    costs a few kilobytes in the poller, not a thread. Bodies that are chunked, larger, announced with
    `Expect: 100-continue` (the client waits for our answer before sending it) or beyond the budget are
    read by the thread, under the same total deadlines (`_DeadlineSocket`). TLS and HTTP/2 connections are
    left to gthread as it is.
    """

    def init_process(self):
        self.reading = {}  # connections being read in the poller -> bytes of budget they reserved
        self.buffered = 0  # bytes of body reserved by those connections
        super().init_process()

    def _body_limit(self):
        config = getattr(self.wsgi, "config", None) or {}
        return int(config.get("MAX_CONTENT_LENGTH") or 1024 * 1024)

    def _reads_in_poller(self, conn):
        return not self.cfg.is_ssl and not _negotiation.prior_knowledge_allowed(self.cfg, conn.client)

    def accept(self, listener):
        try:
            client_sock, client_addr = listener.accept()
        except OSError as exc:
            if exc.errno not in (_errno.EAGAIN, _errno.ECONNABORTED, _errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = _gthread.TConn(self.cfg, client_sock, client_addr, listener.getsockname())
        if self._reads_in_poller(conn):
            self._start_reading(conn)
        else:
            client_sock.setblocking(True)
            self.enqueue_req(conn)

    def on_client_socket_readable(self, conn, client):
        """A kept-alive connection's next request: read it in the poller too."""
        if not self._reads_in_poller(conn):
            return super().on_client_socket_readable(conn, client)
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._start_reading(conn)

    def _start_reading(self, conn):
        conn.sock.setblocking(False)
        conn.inbox = bytearray()
        conn.need = None  # bytes the request takes in all, once its headers are in
        conn.read_deadline = _time.monotonic() + HEADER_TIMEOUT
        self.reading[conn] = 0
        self.poller.register(conn.sock, _selectors.EVENT_READ, _functools.partial(self._on_readable, conn))

    def _on_readable(self, conn, _sock):
        try:
            data = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client went away
            self._drop(conn)
            return
        seen = len(conn.inbox)
        conn.inbox += data
        if conn.need is None:
            end = conn.inbox.find(_HEAD_END, max(0, seen - 3))
            if end < 0:
                if len(conn.inbox) > HEAD_LIMIT:
                    self._refuse(conn, 431, "Request Header Fields Too Large")
                return
            head = bytes(conn.inbox[:end])
            lengths = _CONTENT_LENGTH.findall(head)
            length = int(lengths[0]) if len(set(lengths)) == 1 else 0
            if (_NOT_BUFFERED.search(head) or len(set(lengths)) > 1 or length > self._body_limit()
                    or self.buffered + length > BUFFER_BUDGET):
                self._dispatch(conn)  # the thread reads the body (or refuses the request), under deadlines
                return
            conn.need = end + len(_HEAD_END) + length
            conn.read_deadline = _time.monotonic() + BODY_TIMEOUT
            self.reading[conn] = length
            self.buffered += length
        if len(conn.inbox) >= conn.need:
            self._dispatch(conn)

    def _forget(self, conn):
        self.poller.unregister(conn.sock)
        self.buffered -= self.reading.pop(conn, 0)

    def _dispatch(self, conn):
        self._forget(conn)
        conn.head_bytes, conn.inbox = bytes(conn.inbox), None
        conn.data_ready = True
        self.enqueue_req(conn)

    def _drop(self, conn):
        self._forget(conn)
        self.nr_conns -= 1
        conn.close()

    def _refuse(self, conn, status, reason):
        with _contextlib.suppress(OSError):  # the client may be gone already
            write_problem(conn.sock, status, reason, "")
        self._drop(conn)

    def murder_pending(self):
        super().murder_pending()
        now = _time.monotonic()
        for conn in [c for c in self.reading if c.read_deadline <= now]:
            self.log.warning("request from %s not read within the deadline; answered 408",
                             conn.client and conn.client[0])
            self._refuse(conn, 408, "Request Timeout")

    def handle(self, conn):
        """In a thread: the bytes read in the poller first, then the socket, under the total deadlines."""
        conn.read_deadline = _time.monotonic() + HEADER_TIMEOUT
        read = getattr(conn, "head_bytes", None)
        conn.head_bytes = None
        if conn.initialized:  # a kept-alive connection: its parser exists already
            self._guard(conn, read)
        else:
            init = conn.init

            def init_and_guard():  # once: gthread calls conn.init() again for every kept-alive request
                conn.init = init
                init()
                self._guard(conn, read)

            conn.init = init_and_guard
        return super().handle(conn)

    @staticmethod
    def _guard(conn, read=None):
        unreader = getattr(conn.parser, "unreader", None)
        if unreader is None:
            return
        if not isinstance(getattr(unreader, "sock", None), _DeadlineSocket):
            unreader.sock = _DeadlineSocket(unreader.sock, conn)
        if read:
            unreader.unread(read)

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
