"""The factors pint derives, kept on disk between processes: built once per installed pint and units.txt.

Importing pint and building its registry is most of a cold start (about 0.25 s CPU of a quiet machine's
0.5 s), yet all the checks need from it is one (scale, offset) per pair of units in `units.READINGS`. So the
first process that needs a factor derives every pair's once, with pint, and writes them to a JSON file in
the user cache directory; every later process reads that file (a few milliseconds) and never imports pint.

- **Key**: a hash of the file format, the installed pint's version, our `vocabulary/units.txt` and the unit
  names the table covers. Change any of them and the key changes, so a stale file is never read (it is
  rebuilt; the newest KEEP files stay, so two installed versions sharing the directory do not evict each other).
- **Where**: `$ORBITCHECK_CACHE_DIR` if set (a Docker image builds it at `docker build`, see Dockerfile),
  else the user cache directory (platformdirs; `$XDG_CACHE_HOME/orbitcheck` or `~/.cache/orbitcheck` on
  Linux). Never the package directory. When no directory is usable the cache is simply not used.
- **Safe**: JSON, not pickle (a file in a cache directory is never executed); written to a temporary file
  and renamed, so a reader never sees half a file; a file that does not parse, holds the wrong key or has
  a malformed entry is ignored (and replaced) as if it were absent.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

FORMAT = 2
ENV = "ORBITCHECK_CACHE_DIR"
APP_NAME = "orbitcheck"
PREFIX = "unit-factors-"
# Tables kept in one cache directory: the newest few, so two installed versions on one machine (two checkouts,
# a CI runner's venvs, an upgrade side by side) each keep theirs instead of deleting the other's on every start
# (each start would then derive its table with pint again); older ones are removed.
KEEP = 4

Factor = tuple[float, float]  # value_b = value_a * scale + offset


class Missing(Enum):
    """The table does not cover this pair: ask pint."""

    MISSING = "missing"


@dataclass(frozen=True)
class FactorTable:
    key: str
    dimensions: Mapping[str, str]  # pint unit name -> its dimensionality, e.g. "[length]^1"
    factors: Mapping[tuple[str, str], Factor]  # every convertible pair the checks may ask for

    def lookup(self, unit_a: str, unit_b: str) -> Factor | None | Missing:
        """The pair's factor; None when the two are different kinds of quantity; MISSING if not covered."""
        found = self.factors.get((unit_a, unit_b))
        if found is not None:
            return found
        dim_a, dim_b = self.dimensions.get(unit_a), self.dimensions.get(unit_b)
        if dim_a is not None and dim_b is not None and dim_a != dim_b:
            return None
        return Missing.MISSING

    def to_json(self) -> str:
        return json.dumps({
            "format": FORMAT,
            "key": self.key,
            "dimensions": dict(sorted(self.dimensions.items())),
            "factors": [[a, b, scale, offset] for (a, b), (scale, offset) in sorted(self.factors.items())],
        }, separators=(",", ":"))


def key(*, pint_version: str, definitions: bytes, units: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in (str(FORMAT), pint_version, *sorted(set(units))):
        digest.update(part.encode() + b"\0")
    digest.update(definitions)
    return digest.hexdigest()


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path | None:
    """$ORBITCHECK_CACHE_DIR, else the user cache directory for orbitcheck; None if no home is known."""
    chosen = environ.get(ENV, "")
    if chosen:
        return Path(chosen)
    try:
        if sys.platform in ("darwin", "win32"):
            import platformdirs  # installed with pint; knows ~/Library/Caches and %LOCALAPPDATA%

            return Path(platformdirs.user_cache_path(APP_NAME, appauthor=False))
        xdg = environ.get("XDG_CACHE_HOME", "")  # the XDG rule: a relative value is ignored
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
        return base / APP_NAME
    except (ImportError, RuntimeError, KeyError, OSError):  # no HOME and no passwd entry
        return None


def path_for(folder: Path, table_key: str) -> Path:
    return folder / f"{PREFIX}{table_key[:32]}.json"


def load(path: Path, table_key: str) -> FactorTable | None:
    """The table in `path` if it is a well-formed table for `table_key`; None otherwise (never raises)."""
    try:
        data = json.loads(path.read_bytes())
        if data["format"] != FORMAT or data["key"] != table_key:
            return None
        dimensions = data["dimensions"]
        if not isinstance(dimensions, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in dimensions.items()):
            return None
        factors: dict[tuple[str, str], Factor] = {}
        for a, b, scale, offset in data["factors"]:
            if not (isinstance(a, str) and isinstance(b, str) and _finite(scale) and _finite(offset)):
                return None
            factors[a, b] = (float(scale), float(offset))
    except (OSError, ValueError, TypeError, KeyError):  # absent, unreadable, not JSON, wrong shape
        return None
    return FactorTable(table_key, dimensions, factors)


def save(folder: Path, table: FactorTable) -> Path | None:
    """Write atomically (temporary file + rename) and remove all but the KEEP newest tables; None if it cannot
    be written."""
    target = path_for(folder, table.key)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
    except OSError:  # read-only, not a directory, no permission
        return None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(table.to_json())
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return None
    others = []
    for old in folder.glob(f"{PREFIX}*.json"):
        with contextlib.suppress(OSError):  # gone meanwhile: another process pruned it
            if old != target:
                others.append((old.stat().st_mtime, old))
    for _, old in sorted(others, reverse=True)[KEEP - 1:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def main() -> int:
    """`python -m orbitcheck.normalise.unitcache`: build the table now (e.g. at `docker build`), print its path."""
    from . import units

    written = units.prepare()
    if written is None:
        print("unit factor table: no writable cache directory (set ORBITCHECK_CACHE_DIR)", file=sys.stderr)
        return 1
    print(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
