"""Remote mode (`orbitcheck check --server URL`): drafts are checked by a running orbitcheck service.

One requests Session for the run, a (connect, read) timeout on every call, and retries mounted on the
adapter for connection errors only. The answer is rebuilt into the same Reports local mode makes, so every
output format prints the same thing whichever side did the checking.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from .batch import Job
from .engine import Report
from .errors import InputError, OrbitcheckError
from .formats import FileResult
from .model import Finding, Fix, Severity, Span, Verdict
from .text import Document, parse_document

CONNECT_TIMEOUT = 3.05  # seconds; just over a multiple of 3 s, the TCP retransmission window
READ_TIMEOUT = 60.0  # a long draft on a busy server; the service answers a 1,000-word draft in milliseconds


class RemoteError(OrbitcheckError):
    """The server could not be reached or answered with an error: exit 2 with one line."""


def make_session(api_key: str | None, *, retries: int = 3, backoff: float = 0.2) -> requests.Session:
    session = requests.Session()
    # POST /v1/check is idempotent (the answer is a pure function of the body), so POST may be listed in
    # allowed_methods; but only *connect* errors are retried: then the request never reached the server.
    # A read timeout means a slow server, and resending would only multiply the wait. Status codes are
    # not retried (a 4xx will not change; a 5xx is reported), and Retry-After is not honoured, so a
    # misbehaving server cannot make the CLI sleep.
    retry = Retry(total=retries, connect=retries, read=0, status=0, other=0, redirect=0,
                  allowed_methods=frozenset({"POST"}), backoff_factor=backoff,
                  respect_retry_after_header=False, raise_on_status=False)
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["Accept"] = "application/json"
    if api_key:
        session.headers["Authorization"] = f"Bearer {api_key}"
    return session


class RemoteChecker:
    def __init__(self, base_url: str, *, api_key: str | None = None, session: requests.Session | None = None,
                 timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT)) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"--server must be an http:// or https:// URL, not {base_url!r}")
        self.url = base_url.rstrip("/") + "/v1/check"
        self.session = session or make_session(api_key)
        self.timeout = timeout

    def close(self) -> None:
        self.session.close()

    def check(self, job: Job) -> FileResult:
        s = job.settings
        # The document is parsed here too: the publication date follows the local config's
        # published_field, and line/column figures are computed from the same text the server saw.
        doc = parse_document(job.draft.text, markdown=job.draft.markdown, published=s.published,
                             date_field=s.published_field)
        body = {"text": job.draft.text, "published": doc.published.isoformat() if doc.published else None,
                "checks": list(s.checks) if s.checks is not None else None, "include_passing": True}
        payload = {k: v for k, v in body.items() if v is not None}
        answer = self._post(payload)
        return FileResult(job.draft.label, Report(doc, findings_from(answer, doc, self.url)))

    def _post(self, payload: Mapping[str, Any]) -> Any:
        try:
            response = self.session.post(self.url, json=payload, timeout=self.timeout)
        except requests.exceptions.ConnectTimeout:
            raise RemoteError(f"cannot reach {self.url}: no connection within {self.timeout[0]:g} s") from None
        except requests.exceptions.Timeout:
            raise RemoteError(f"{self.url}: no answer within {self.timeout[1]:g} s") from None
        except requests.exceptions.ConnectionError as exc:
            # With read retries off, requests reports a read timeout as a ConnectionError wrapping it.
            if isinstance(getattr(exc.args[0] if exc.args else None, "reason", None), ReadTimeoutError):
                raise RemoteError(f"{self.url}: no answer within {self.timeout[1]:g} s") from None
            raise RemoteError(f"cannot reach {self.url}: {_reason(exc)}") from None
        except requests.exceptions.RequestException as exc:
            raise RemoteError(f"{self.url}: {_reason(exc)}") from None
        if response.status_code >= 400:
            raise RemoteError(f"{self.url} answered {response.status_code} {response.reason}: {_problem(response)}")
        try:
            return response.json()
        except ValueError:
            raise RemoteError(f"{self.url} answered {response.status_code} with a body that is not JSON") from None


def findings_from(answer: Any, doc: Document, where: str) -> tuple[Finding, ...]:
    """Findings rebuilt from the service's JSON (the CLI's finding shape); RemoteError if it is not that."""
    try:
        items = answer["findings"]
        findings = tuple(_finding(item, doc) for item in items)
    except (KeyError, TypeError, ValueError) as exc:
        raise RemoteError(f"{where} answered with an unexpected response ({_short(exc)})") from None
    return tuple(sorted(findings, key=lambda f: (f.start, f.end, f.check)))


def _finding(item: Mapping[str, Any], doc: Document) -> Finding:
    start, end = int(item["start"]), int(item["end"])
    if not 0 <= start <= end <= len(doc.text):
        raise ValueError(f"offsets {start}..{end} outside the draft")
    details = item.get("details") or {}
    if not isinstance(details, Mapping):
        raise ValueError("details is not an object")
    fix = item.get("fix")
    if fix is not None:
        fix_span = Span(int(fix["start"]), int(fix["end"]))
        if fix_span.end > len(doc.text):
            raise ValueError(f"fix offsets {fix_span.start}..{fix_span.end} outside the draft")
        fix = Fix(fix_span, str(fix["replacement"]))
    return Finding(
        check=str(item["check"]), verdict=Verdict(item["verdict"]), severity=Severity(item["severity"]),
        span=Span(start, end), text=str(item["text"]), message=str(item["message"]),
        suggestion=item.get("suggestion"), details=dict(details), suppressed=bool(item.get("suppressed", False)),
        fix=fix,
    )


def _problem(response: requests.Response) -> str:
    """One line from an application/problem+json body (title, detail, first field error), else the text."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, Mapping):
        parts = [str(body[k]) for k in ("title", "detail") if body.get(k)]
        errors = body.get("errors")
        if isinstance(errors, Mapping) and errors:
            field, messages = next(iter(errors.items()))
            parts.append(f"{field}: {messages[0] if isinstance(messages, list) and messages else messages}")
        if parts:
            return _short(" - ".join(dict.fromkeys(parts)))
    return _short(response.text) or "no details"


def _reason(exc: BaseException) -> str:
    # urllib3 nests the cause deep inside; the innermost message is the one a person can act on.
    inner: BaseException = exc
    while True:
        nxt = getattr(inner, "reason", None) or inner.__cause__ or inner.__context__
        if not isinstance(nxt, BaseException) or nxt is inner:
            break
        inner = nxt
    return _short(str(inner)) or type(inner).__name__


def _short(text: object, limit: int = 200) -> str:
    one_line = " ".join(str(text).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
