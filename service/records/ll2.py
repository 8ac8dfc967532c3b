"""Launch Library 2 client: paged, incremental, polite reads of `/launches/` with `requests`.

The only module that talks to the network (with the `sync` command that drives it). Rules it keeps:
- one `requests.Session` per client, a (connect, read) timeout on every call (requests has no session-wide
  timeout);
- retries live on the HTTPAdapter (urllib3 `Retry`): GET only, on connection errors, read timeouts and
  502/503/504, with exponential backoff capped at `BACKOFF_MAX`. urllib3 would sleep for any `Retry-After`
  it sees, unbounded by default, so it is told to ignore the header and 429 is handled here: a wait up to
  `retry_after_max` is honoured, a longer one stops the fetch cleanly, saying how far it got;
- pagination by the `next` links only, and only while they stay on the base URL's origin (the token must
  never be sent to another host);
- the API token travels in the `Authorization` header and is never part of a message, log line or URL.
Sleeping goes through an injected `sleep` so tests never wait for real.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from ..errors import OrbitcheckError
from .ll2_api import DEFAULT_BASE_URL

MAX_PAGE_SIZE = 100  # LL2 refuses larger pages
BACKOFF_FACTOR = 0.5
BACKOFF_MAX = 10.0
RETRIES = 3
MAX_PAGE_BYTES = 32 * 1024 * 1024  # a detailed page of 100 launches is ~1.5 MB; more is not LL2
EXTRA_PAGES = 3  # pages allowed beyond what --limit needs (LL2 may repeat a launch when it changes mid-sync)

Sleep = Callable[[float], None]


class UpstreamError(OrbitcheckError):
    """LL2 could not be read completely; the message is one line and says how far the fetch got."""


@dataclass(frozen=True)
class Progress:
    pages: int = 0
    launches: int = 0

    def __str__(self) -> str:
        return f"stopped after {self.pages} page(s), {self.launches} launch(es)"


@dataclass(frozen=True)
class Fetch:
    """What one sync read: the launch objects as LL2 sent them, in order."""

    launches: tuple[dict[str, Any], ...]
    pages: int
    # False when --limit stopped the fetch before LL2 ran out of `next` pages.
    complete: bool


class _Retry(Retry):
    """urllib3 Retry whose backoff sleeps through an injected function (tests pass a recorder)."""

    def __init__(self, *args: Any, sleeper: Sleep = time.sleep, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sleeper = sleeper

    def new(self, **kw: Any) -> _Retry:
        retry = super().new(**kw)
        retry.sleeper = self.sleeper
        return retry

    def sleep(self, response: Any = None) -> None:
        # respect_retry_after_header is off, so this is the capped exponential backoff only.
        backoff = self.get_backoff_time()
        if backoff > 0:
            self.sleeper(backoff)


def launches_path(base_url: str) -> str:
    """LL2 renamed the collection: `/launch/` up to 2.2.0, `/launches/` from 2.3.0 on."""
    version = re.search(r"/(\d+)\.(\d+)\.(\d+)(?:/|$)", urlsplit(base_url).path)
    if version and tuple(int(v) for v in version.groups()) < (2, 3, 0):
        return "launch/"
    return "launches/"


class Ll2Client:
    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: tuple[float, float] = (5.0, 30.0),
        max_page_bytes: int = MAX_PAGE_BYTES,
        token: str | None = None,
        sleep: Sleep = time.sleep,
        clock: Callable[[], float] = time.time,
        retry_after_max: float = 60.0,
        rate_limit_waits: int = 2,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"--base-url must be an http(s) URL, got {base_url!r}")
        self.base_url = base_url.rstrip("/") + "/"
        self._origin = (parts.scheme, parts.netloc)
        self.timeout = timeout
        self.max_page_bytes = max_page_bytes
        self.sleep = sleep
        self.clock = clock
        self.retry_after_max = retry_after_max
        self.rate_limit_waits = rate_limit_waits
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "orbitcheck-sync"
        self.session.headers["Accept"] = "application/json"
        if token:
            self.session.headers["Authorization"] = f"Token {token}"
        retry = _Retry(
            total=RETRIES,
            connect=RETRIES,
            read=RETRIES,
            status=RETRIES,
            other=0,
            redirect=0,
            allowed_methods=frozenset({"GET"}),
            status_forcelist=frozenset({502, 503, 504}),
            backoff_factor=BACKOFF_FACTOR,
            backoff_max=BACKOFF_MAX,
            respect_retry_after_header=False,
            raise_on_status=False,
            sleeper=sleep,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def first_page_url(self, *, since: datetime | None, page_size: int) -> str:
        # Oldest change first, so a fetch cut short by --limit still has a correct high-water mark.
        query: dict[str, str] = {"mode": "detailed", "ordering": "last_updated", "limit": str(page_size)}
        if since is not None:
            query["last_updated__gte"] = since.strftime("%Y-%m-%dT%H:%M:%SZ")
        return self.base_url + launches_path(self.base_url) + "?" + urlencode(query)

    def fetch(self, *, since: datetime | None, limit: int) -> Fetch:
        """Up to `limit` launches changed since `since`, following `next` links; UpstreamError on failure."""
        launches: list[dict[str, Any]] = []
        pages = 0
        page_size = min(limit, MAX_PAGE_SIZE)
        url: str | None = self.first_page_url(since=since, page_size=page_size)
        max_pages = -(-limit // page_size) + EXTRA_PAGES
        seen: set[str] = set()
        cut = False
        while url is not None and len(launches) < limit:
            if url in seen:
                raise UpstreamError(f"LL2 `next` link points back to a page already read ({_short(url)}): "
                                    f"a cycle; {Progress(pages, len(launches))}")
            if pages >= max_pages:
                raise UpstreamError(f"LL2 sent more than {max_pages} pages for --limit {limit} without "
                                    f"reaching it; {Progress(pages, len(launches))}")
            seen.add(url)
            page = self._get_json(url, Progress(pages, len(launches)))
            results, url = _page_parts(page, url, Progress(pages, len(launches)))
            pages += 1
            cut = len(results) > limit - len(launches)
            launches.extend(results[: limit - len(launches)])
            if url is not None and len(launches) < limit:
                url = self._same_origin(url, Progress(pages, len(launches)))
        return Fetch(tuple(launches), pages, complete=url is None and not cut)

    def _same_origin(self, url: str, progress: Progress) -> str:
        """The `next` URL if it stays on the base URL's host (https kept: a proxy may write http)."""
        parts = urlsplit(url)
        if parts.netloc == self._origin[1] and parts.scheme == "http" and self._origin[0] == "https":
            return parts._replace(scheme="https").geturl()
        if (parts.scheme, parts.netloc) != self._origin:
            where = parts.netloc or url
            raise UpstreamError(f"LL2 `next` link leaves {self._origin[1]} for {where!r}; {progress}")
        return url

    def _get_json(self, url: str, progress: Progress) -> Any:
        waits = 0
        while True:
            started = time.monotonic()
            response = self._get(url, progress)
            if response.status_code != 200:
                response.close()  # unread body: give the connection back before waiting or failing
            if response.status_code == 429:
                delay = _retry_after(response.headers.get("Retry-After"), self.clock())
                if delay is None or delay > self.retry_after_max or waits >= self.rate_limit_waits:
                    asked = "no Retry-After" if delay is None else f"Retry-After {delay:g} s"
                    raise UpstreamError(
                        f"LL2 rate limit (HTTP 429, {asked}, waiting at most {self.retry_after_max:g} s "
                        f"{self.rate_limit_waits} time(s)) at {_short(url)}; {progress}; "
                        "try again later or with a smaller --limit"
                    )
                waits += 1
                self.sleep(delay)
                continue
            if response.status_code != 200:
                retried = f" after {RETRIES} retries" if response.status_code in (502, 503, 504) else ""
                raise UpstreamError(
                    f"LL2 answered HTTP {response.status_code}{retried} for {_short(url)}; {progress}"
                )
            body = self._read_body(response, url, progress, started)
            try:
                return json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise UpstreamError(
                    f"LL2 sent a page that is not valid JSON ({_reason(exc)}) for {_short(url)}; {progress}"
                ) from None

    def _read_body(self, response: requests.Response, url: str, progress: Progress, started: float) -> bytes:
        """The body, streamed: at most max_page_bytes, and all of it within the read timeout counted from the
        request's start (requests' own timeout is per socket read, so a trickling server would never end)."""
        deadline = started + self.timeout[1]
        declared = response.headers.get("Content-Length", "")
        try:
            if declared.isdigit() and int(declared) > self.max_page_bytes:
                raise UpstreamError(f"LL2 page at {_short(url)} is {int(declared):,} bytes, over the "
                                    f"{self.max_page_bytes:,}-byte cap; {progress}")
            chunks: list[bytes] = []
            size = 0
            while chunk := _read_some(response):
                size += len(chunk)
                if size > self.max_page_bytes:
                    raise UpstreamError(f"LL2 page at {_short(url)} is over the {self.max_page_bytes:,}-byte "
                                        f"cap; {progress}")
                if time.monotonic() > deadline:
                    raise UpstreamError(f"LL2 took more than {self.timeout[1]:g} s in total to send "
                                        f"{_short(url)} (timeout per request); {progress}")
                chunks.append(chunk)
            return b"".join(chunks)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise UpstreamError(
                f"LL2 connection broke while reading {_short(url)} ({type(exc).__name__}); {progress}"
            ) from None
        finally:
            response.close()

    def _get(self, url: str, progress: Progress) -> requests.Response:
        try:
            return self.session.get(url, timeout=self.timeout, stream=True, allow_redirects=False)
        except requests.exceptions.RetryError:
            raise UpstreamError(
                f"LL2 kept failing for {_short(url)} after {RETRIES} retries; {progress}"
            ) from None
        except requests.Timeout:
            raise UpstreamError(
                f"LL2 timed out for {_short(url)} (timeout {self.timeout[0]:g} s connect, "
                f"{self.timeout[1]:g} s read, {RETRIES} retries); {progress}"
            ) from None
        except requests.ConnectionError as exc:
            if isinstance(getattr(exc.args[0], "reason", None) if exc.args else None, ReadTimeoutError):
                raise UpstreamError(
                    f"LL2 timed out for {_short(url)} (read timeout {self.timeout[1]:g} s, "
                    f"{RETRIES} retries); {progress}"
                ) from None
            raise UpstreamError(
                f"cannot reach LL2 at {_short(url)} ({_root_cause(exc)}, {RETRIES} retries); {progress}"
            ) from None
        except requests.RequestException as exc:
            raise UpstreamError(
                f"LL2 request failed for {_short(url)} ({type(exc).__name__}); {progress}"
            ) from None


def _read_some(response: requests.Response) -> bytes:
    """What the socket has now (up to 64 KB, at least one byte unless the body is done): read1, not read,
    which would wait for the full 64 KB from a server that trickles."""
    return response.raw.read1(64 * 1024, decode_content=True)  # type: ignore[no-any-return]


def _page_parts(page: Any, url: str, progress: Progress) -> tuple[list[dict[str, Any]], str | None]:
    """The launches and the next URL of a list page, or UpstreamError when the page has another shape."""
    if not isinstance(page, dict) or not isinstance(page.get("results"), list):
        raise UpstreamError(f"LL2 page at {_short(url)} is not a launch list (no `results` list); {progress}")
    nxt = page.get("next")
    if nxt is not None and not isinstance(nxt, str):
        raise UpstreamError(f"LL2 page at {_short(url)} has a `next` that is not a URL; {progress}")
    bad = [i for i, item in enumerate(page["results"]) if not isinstance(item, dict)]
    if bad:
        raise UpstreamError(f"LL2 page at {_short(url)}: result {bad[0]} is not an object; {progress}")
    return page["results"], nxt or None


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date); None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        from email.utils import parsedate_to_datetime

        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def _short(url: str) -> str:
    """The URL without its query string: short enough for a one-line message."""
    parts = urlsplit(url)
    offset = re.search(r"(?:^|&)offset=(\d+)", parts.query)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" + (f" (offset {offset.group(1)})" if offset else "")


def _root_cause(exc: requests.ConnectionError) -> str:
    """'connection refused' rather than urllib3's nested MaxRetryError repr."""
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    text = str(reason or exc)
    for known in ("refused", "reset", "Name or service not known", "No route to host", "timed out"):
        if known.lower() in text.lower():
            return f"connection {known.lower()}" if known in ("refused", "reset") else known.lower()
    return type(reason or exc).__name__


def _reason(exc: Exception) -> str:
    return str(exc).splitlines()[0][:80]
