"""`orbitcheck sync ll2`: bring the reference records up to date from Launch Library 2.

Exit status: 0 synced (conflicts with curated records are reported, not failures); 2 usage or input error;
3 LL2 could not be read or sent data the records cannot hold (nothing written); 1 the snapshot could not be
written locally (nothing swapped in); 130 interrupted (nothing swapped in unless the summary was printed).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import InputError

UPSTREAM_FAILED = 3
WRITE_FAILED = 1
INTERRUPTED = 130


@dataclass(frozen=True)
class Env:
    """What a sync takes from the outside world; tests replace `default_env` to inject fakes."""

    sleep: Callable[[float], None]
    clock: Callable[[], datetime]
    environ: Mapping[str, str]


def default_env() -> Env:
    return Env(sleep=time.sleep, clock=lambda: datetime.now(UTC), environ=os.environ)


def register(sub: argparse._SubParsersAction) -> None:
    from ..records.ll2_api import DEFAULT_BASE_URL, TOKEN_ENV  # not ll2 itself: requests is for `sync` only

    p = sub.add_parser(
        "sync",
        help="update the reference records from an upstream database",
        description="Update the reference records from an upstream database.",
    )
    sources = p.add_subparsers(dest="upstream", metavar="UPSTREAM", required=True)
    ll2 = sources.add_parser(
        "ll2",
        help="Launch Library 2 (The Space Devs)",
        description="Fetch launches changed since the last sync (or --since) from Launch Library 2, "
        "merge them into the records (curated fields always win) and swap in the new snapshot atomically. "
        f"An API token is read from ${TOKEN_ENV}.",
    )
    ll2.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        help=f"LL2 API root (default {DEFAULT_BASE_URL}; https://lldev.thespacedevs.com/2.3.0 "
        "is the development server)",
    )
    ll2.add_argument(
        "--since",
        metavar="DATE",
        help="launches changed since YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (default: the last sync's "
        "high-water mark; none: everything)",
    )
    ll2.add_argument(
        "--limit",
        type=_positive_int,
        default=100,
        metavar="N",
        help="fetch at most N launches (default 100; the free tier allows about 15 calls an hour)",
    )
    ll2.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the records' data dir (default: ORBITCHECK_DATA_DIR, else the shipped reference_data/)",
    )
    ll2.add_argument(
        "--timeout",
        type=_positive_float,
        default=30.0,
        metavar="SECONDS",
        help="read timeout per request (connect: at most 10 s; default 30)",
    )
    ll2.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..records.ll2 import UpstreamError
    from ..records.ll2_api import TOKEN_ENV
    from ..records.ll2_sync import SyncOptions, sync_ll2
    from ..records.store import resolve_data_dir

    env = default_env()
    options = SyncOptions(
        data_dir=resolve_data_dir(args.data_dir, env.environ),
        base_url=_base_url(args.base_url),
        since=parse_since(args.since) if args.since else None,
        limit=args.limit,
        timeout=(min(10.0, args.timeout), args.timeout),
        token=env.environ.get(TOKEN_ENV, "").strip() or None,
    )
    try:
        result = sync_ll2(options, sleep=env.sleep, clock=env.clock)
    except UpstreamError as exc:
        return _fail(f"sync ll2: {exc}", UPSTREAM_FAILED)
    except KeyboardInterrupt:
        return _fail(
            "sync ll2: interrupted; the records are the old snapshot or the new one, never a mix", INTERRUPTED
        )
    except OSError as exc:
        return _fail(
            f"sync ll2: cannot write the new snapshot ({exc.strerror or exc}); records unchanged",
            WRITE_FAILED,
        )
    plan = result.plan
    for line in [
        *(f"added: {i}" for i in plan.added),
        *(f"updated: {i}" for i in plan.updated),
        *(f"skipped: LL2 launch {s.ll2_id} ({s.name}): {s.reason}" for s in plan.skipped),
        *plan.conflicts,
    ]:
        print(line)
    fetched = result.fetch
    print(
        f"sync ll2: {len(fetched.launches)} launch(es) from {fetched.pages} page(s)"
        + (f" changed since {result.since:%Y-%m-%dT%H:%M:%SZ}" if result.since else "")
        + f": {len(plan.added)} added, {len(plan.updated)} updated, {len(plan.unchanged)} unchanged, "
        f"{len(plan.skipped)} skipped, {len(plan.conflicts)} conflict(s)"
        + (f"; high-water mark {result.high_water_mark}" if result.high_water_mark else "")
        + ("" if fetched.complete else f"; more remain: run again (--limit {args.limit})")
    )
    return 0


def parse_since(text: str) -> datetime:
    """YYYY-MM-DD (midnight UTC) or a UTC time YYYY-MM-DDThh:mm[:ss]Z; InputError otherwise."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        text += "T00:00:00Z"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z", text):
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
    raise InputError(f"--since: expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC), got {text!r}")


def _base_url(text: str) -> str:
    if not re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", text.strip()):
        raise InputError(f"--base-url: expected an http(s) URL without query, got {text!r}")
    return text.strip()


def _fail(message: str, status: int) -> int:
    print(f"orbitcheck: error: {message}", file=sys.stderr)
    return status


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < 3600:
        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 3600, got {text!r}")
    return value
