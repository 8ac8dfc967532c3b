"""One `orbitcheck sync ll2` run: read the records and the high-water mark, fetch, map, merge, swap in.

All or nothing: any failure before the swap (network, rate limit, bad JSON, a launch the record schema
rejects, Ctrl-C) raises and leaves data_dir/missions and the state file exactly as they were.
The high-water mark (LL2's `last_updated` of the newest launch seen) lives in data_dir/sync-state.toml and is
written after the records, so a crash between the two only makes the next sync fetch a little more.
"""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import InputError
from .ll2 import Fetch, Ll2Client, Progress, Sleep, UpstreamError
from .ll2_mapping import LaunchDataError, Mapped, map_launch
from .ll2_merge import Existing, Plan, merge
from .snapshot import locked, write_file_atomically, write_snapshot
from .store import RecordError, load_store
from .tomlwrite import dump_record

STATE_FILE = "sync-state.toml"


@dataclass(frozen=True)
class SyncOptions:
    data_dir: Path
    base_url: str
    since: datetime | None = None
    limit: int = 100
    timeout: tuple[float, float] = (5.0, 30.0)
    token: str | None = None


@dataclass(frozen=True)
class SyncResult:
    fetch: Fetch
    plan: Plan
    since: datetime | None
    high_water_mark: str | None


def sync_ll2(
    options: SyncOptions,
    *,
    sleep: Sleep = time.sleep,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> SyncResult:
    data_dir = options.data_dir
    if not data_dir.is_dir():
        raise InputError(f"--data-dir {data_dir}: no such directory")
    with locked(data_dir):
        existing = _read_existing(data_dir)
        old_mark = _read_mark(data_dir)
        since = options.since or (_parse_mark(old_mark) if old_mark else None)
        client = Ll2Client(
            options.base_url,
            timeout=options.timeout,
            token=options.token,
            sleep=sleep,
            clock=lambda: clock().timestamp(),
        )
        try:
            fetch = client.fetch(since=since, limit=options.limit)
        finally:
            client.close()
        retrieved = clock().astimezone(UTC)
        progress = Progress(fetch.pages, len(fetch.launches))
        try:
            results = [map_launch(launch, retrieved) for launch in fetch.launches]
        except LaunchDataError as exc:
            raise UpstreamError(f"{exc}; {progress}; nothing written") from None
        plan = merge(existing, results, dump_record)
        if plan.writes:
            write_snapshot(data_dir, plan.writes, validate=lambda staged: _validate(staged, progress))
        marks: list[str] = [r.last_updated for r in results if isinstance(r, Mapped) and r.last_updated]
        mark = max(
            [m for m in marks if _is_mark(m)] + ([old_mark] if old_mark else []),
            key=_parse_mark,
            default=None,
        )
        if mark and mark != old_mark:
            write_file_atomically(data_dir / STATE_FILE, _state_text(mark))
    return SyncResult(fetch, plan, since, mark)


def _validate(staged: Path, progress: Progress) -> None:
    try:
        load_store(staged)
    except RecordError as exc:
        more = f" (+{len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        raise UpstreamError(
            f"LL2 data fails the record schema: {exc.problems[0]}{more}; {progress}; nothing written"
        ) from None


def _read_existing(data_dir: Path) -> list[Existing]:
    """The current records, raw; they must be valid already, or a merge could not be trusted."""
    folder = data_dir / "missions"
    if not folder.is_dir():
        return []
    try:
        load_store(data_dir)
    except RecordError as exc:
        raise InputError(
            f"the records in {folder} are invalid, fix them before syncing: {exc.problems[0]}"
            + (f" (+{len(exc.problems) - 1} more)" if len(exc.problems) > 1 else "")
        ) from None
    return [Existing(p.name, tomllib.loads(p.read_text("utf-8"))) for p in sorted(folder.glob("*.toml"))]


def _read_mark(data_dir: Path) -> str | None:
    path = data_dir / STATE_FILE
    if not path.exists():
        return None
    try:
        mark = tomllib.loads(path.read_text("utf-8")).get("ll2", {}).get("high_water_mark")
        _parse_mark(mark)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError, TypeError, ValueError):
        raise InputError(f"{path}: unreadable sync state; delete it and pass --since") from None
    return mark


def _parse_mark(text: str) -> datetime:
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if when.tzinfo is None:
        raise ValueError(text)
    return when


def _is_mark(text: str | None) -> bool:
    try:
        return bool(text) and _parse_mark(text) is not None  # type: ignore[arg-type]
    except ValueError:
        return False


def _state_text(mark: str) -> str:
    return (
        "# Written by `orbitcheck sync ll2`: the next sync asks LL2 for launches changed since this.\n"
        f'[ll2]\nhigh_water_mark = "{mark}"\n'
    )
