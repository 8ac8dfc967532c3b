"""`orbitcheck check PATH...`: check drafts (files, directories, or - for stdin)."""
from __future__ import annotations

import argparse
import fnmatch
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .. import ci
from .. import config as config_file
from ..batch import Draft
from ..checks import select
from ..errors import InputError
from ..formats import FileResult, Rendered, renderers
from ..model import Severity
from ..records.store import load_store, resolve_data_dir
from ..text import parse_date
from . import ExitStatus
from .missions import add_data_dir

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
# Folders a directory walk never enters (as ruff and eslint skip them): hidden ones (.git, .venv, ...) too.
SKIPPED_FOLDERS = frozenset({"node_modules", "build", "dist", "venv", "env", "__pycache__", "site-packages"})
FAIL_LEVELS = {"error": Severity.ERROR.rank, "warning": Severity.WARNING.rank, "never": None}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check drafts and report findings",
                       description="Check drafts: files, directories (their *.md and *.txt), or - for stdin.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=sorted(renderers()), default="text")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date (default: the front matter's date:)")
    # default=None: an absent flag leaves the config file's value (or the built-in default) in force.
    p.add_argument("--fail-on", choices=tuple(FAIL_LEVELS), default=None,
                   help="exit 1 when a finding has this severity or worse (default: error)")
    p.add_argument("--checks", metavar="ID[,ID...]", help="run only these checks")
    ci.add_arguments(p)
    add_data_dir(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    published = parse_date(args.published, what="--published") if args.published else None
    checks = [c.strip() for c in args.checks.split(",") if c.strip()] if args.checks else None
    if checks is not None:
        select(checks)  # an unknown id is a usage error before any file is read
    flags = ci.overrides(args, published=published, checks=checks)
    finder = config_file.ConfigFinder(args.config)
    drafts = [Draft(label, text, markdown)
              for label, text, markdown in read_drafts(args.paths, args.exclude, finder=finder)]
    jobs = ci.plan(drafts, flags, args, finder=finder)
    # The records are read (and validated) only when the reference check may run here.
    local_reference = not args.server and (checks is None or "reference" in checks)
    store = load_store(resolve_data_dir(args.data_dir)) if local_reference else None
    results = ci.run(jobs, args, store=store)
    ci.report(results, args)
    # Each draft is held to its own fail level: drafts under different .orbitcheck.toml files may differ.
    failing = any(_fails(result, job.settings.fail_on) for job, result in zip(jobs, results, strict=True))
    return ExitStatus.FINDINGS if failing else ExitStatus.CLEAN


def _fails(result: FileResult | Rendered, fail_on: str) -> bool:
    level = FAIL_LEVELS[fail_on]
    return level is not None and result.tally.worst >= level


def walk(folder: Path, exclude: Sequence[str] = (), *, finder: config_file.ConfigFinder | None = None) -> list[Path]:
    """The drafts under `folder`, sorted; hidden and SKIPPED_FOLDERS folders, `exclude` globs (matched
    against the path relative to `folder`, and against each name) and the `exclude` globs of the
    .orbitcheck.toml governing each folder (relative to that file's folder; `finder`) are not entered."""
    found = []
    for here, dirs, files in os.walk(folder):
        base = Path(here)
        config = finder.for_folder(base) if finder is not None else config_file.Config()

        def skip(path: Path, config: config_file.Config = config) -> bool:
            return _excluded(path, folder, exclude) or _excluded_by_config(path, config)

        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS
                         and not skip(base / d))
        found += [base / f for f in files if Path(f).suffix.lower() in DRAFT_SUFFIXES and not skip(base / f)]
    return sorted(found)


def _excluded(path: Path, root: Path, exclude: Sequence[str]) -> bool:
    relative = path.relative_to(root).as_posix()
    return any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(path.name, glob) for glob in exclude)


def _excluded_by_config(path: Path, config: config_file.Config) -> bool:
    if not config.exclude or config.path is None:
        return False
    try:
        relative = path.resolve().relative_to(config.path.resolve().parent).as_posix()
    except ValueError:  # a --config file elsewhere: its globs match names only
        relative = path.name
    return any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(path.name, glob) for glob in config.exclude)


def read_drafts(paths: list[str], exclude: Sequence[str] = (), *,
                finder: config_file.ConfigFinder | None = None) -> Iterator[tuple[str, str, bool]]:
    """(label, text, is_markdown) for every draft named; InputError on anything unreadable, and when a
    folder holds no draft at all (a typo in CI would otherwise pass silently)."""
    for given in paths:
        if given == "-":
            yield "-", _decode(sys.stdin.buffer.read(), "standard input"), True
            continue
        path = Path(given)
        if path.is_dir():
            files = walk(path, exclude, finder=finder)
            if not files:
                raise InputError(f"{given}: no draft found (*.md, *.markdown, *.txt; hidden, build and "
                                 f"dependency folders, --exclude and the config's exclude are skipped)")
        elif path.exists():
            files = [path]
        else:
            raise InputError(f"{given}: no such file or directory")
        for file in files:
            try:
                data = file.read_bytes()
            except OSError as exc:
                raise InputError(f"{file}: cannot read: {exc.strerror or exc}") from None
            yield str(file), _decode(data, str(file)), file.suffix.lower() != ".txt"


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None
