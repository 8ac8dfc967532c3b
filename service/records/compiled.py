"""A compiled snapshot of the records: missions/compiled.json, built by the importers, read at start-up.

Loading several hundred TOML files costs seconds, half in tomllib and half in the schema's validation
(measured: `python -m bench startup`). The import has just validated every record with the one schema, so it
writes what the loader would build, as JSON, beside the TOML files, with the digest of those files (the store's
`version`: SHA-256 over names and bytes). `load_store` uses it only when that digest matches the TOML files it
finds; after any edit, sync or copy that changes a TOML file the digest differs and the TOML files are read
and validated as before. It is written inside the staged snapshot, so it is swapped in with the records it
describes, never at serve time.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

FILE = "compiled.json"
FORMAT = 1


def digest(files: Iterable[tuple[str, bytes]]) -> str:
    """The store's version: SHA-256 of each file's name and bytes, in name order (16 hex digits)."""
    h = hashlib.sha256()
    for name, raw in files:
        h.update(name.encode() + b"\0" + raw + b"\0")
    return h.hexdigest()[:16]


def toml_files(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.toml"))]


def compile_text(missions: Iterable[Any], version: str) -> str:
    """JSON of the missions in their schema's dump form (the API's shape), with the version they match."""
    return json.dumps({"format": FORMAT, "version": version, "missions": [m.to_dict() for m in missions]},
                      ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def load_fresh(folder: Path, version: str) -> list[Any] | None:
    """The compiled missions if missions/compiled.json matches `version`, else None (read the TOML)."""
    try:
        raw = (folder / FILE).read_bytes()
    except OSError:
        return None
    return load_fresh_text(raw, version)


def load_fresh_text(raw: bytes, version: str) -> list[Any] | None:
    """The missions of a compiled.json's bytes if they match `version`, else None (read the TOML)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != version:
        return None
    try:
        return [_mission(d) for d in data["missions"]]
    except (KeyError, TypeError, ValueError):
        return None  # a damaged file is a stale file


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _mission(d: dict[str, Any]) -> Any:
    """A Mission from its dump: the dumped text times and dates back to values, then the store's one builder."""
    from .store import mission_from_dict

    launch = d.get("launch")
    return mission_from_dict({
        **d,
        "launch": {**launch, "time": _when(launch["time"])} if launch else None,
        "events": [{**e, "time": _when(e["time"])} for e in d.get("events") or ()],
        "sources": {k: {**v, "retrieved": date.fromisoformat(v["retrieved"])}
                    for k, v in (d.get("sources") or {}).items()},
    })
