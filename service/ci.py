"""The CI side of `orbitcheck check`: config files, remote mode, many files, progress and summary.

service/commands/check.py owns the command's core flags and output; it calls these four functions so the
CI features stay in one module: add_arguments (flags), overrides (flags that beat the config file),
plan (one Job per draft, with that draft's effective settings) and run (local or remote, with progress).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import config as config_file
from .batch import Draft, Job, choose_workers, positive_jobs, run_jobs
from .formats import FileResult, Rendered
from .progress import ProgressBar, summary_line

if TYPE_CHECKING:
    from .records.store import MissionStore

API_KEY_ENV = "ORBITCHECK_API_KEY"  # read when --server is used, never at import
COLOR_MODES = ("auto", "always", "never")


def use_color(mode: str, stream: TextIO | None) -> bool:
    """--color always/never decide; auto colours a terminal unless NO_COLOR is set to anything non-empty
    (no-color.org) or TERM is dumb. A file (--output, stream None) gets colour only with always."""
    if mode != "auto":
        return mode == "always"
    if stream is None or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="PATH", type=Path,
                   help="use this config file instead of the nearest .orbitcheck.toml")
    p.add_argument("--tolerance", choices=config_file.TOLERANCES, default=None,
                   help="tolerance profile for conversions (default: news)")
    p.add_argument("--default-zone", metavar="ZONE", default=None,
                   help="IANA time zone for clock times written without one, e.g. America/New_York")
    p.add_argument("--server", metavar="URL",
                   help="check on a running orbitcheck service (API key from $ORBITCHECK_API_KEY)")
    p.add_argument("--jobs", metavar="N", type=positive_jobs, default=None,
                   help="check files in N processes (default: one per core, 1 for a small tree)")
    p.add_argument("--output", "-o", metavar="FILE", type=Path, default=None,
                   help="write the report to FILE instead of standard output")
    p.add_argument("--exclude", metavar="GLOB", action="append", default=[],
                   help="skip files and folders matching GLOB while walking a directory (repeatable); "
                        "hidden folders, node_modules, build, dist and virtualenvs are always skipped")
    p.add_argument("--color", "--colour", choices=COLOR_MODES, default="auto",
                   help="colour the text format's severities: auto (on a terminal, unless NO_COLOR is set), "
                        "always, never")
    p.add_argument("--sarif-root", metavar="DIR", type=Path, default=None,
                   help="SARIF paths are relative to DIR (default: the git repository root, else the "
                        "working directory)")
    p.add_argument("--sarif-docs-url", metavar="URL", default=None,
                   help="where your newsroom publishes orbitcheck's README: SARIF's informationUri and helpUri")


def overrides(args: argparse.Namespace, *, published: date | None,
              checks: Sequence[str] | None) -> config_file.Overrides:
    if args.default_zone is not None:
        _validate_zone(args.default_zone)
    return config_file.Overrides(
        fail_on=args.fail_on, checks=tuple(checks) if checks is not None else None,
        tolerance=args.tolerance, default_zone=args.default_zone, published=published,
    )


def plan(drafts: Sequence[Draft], flags: config_file.Overrides, args: argparse.Namespace, *,
         finder: config_file.ConfigFinder | None = None) -> list[Job]:
    finder = finder or config_file.ConfigFinder(args.config)
    return [Job(d, config_file.resolve(finder.for_draft(d.label), flags)) for d in drafts]


def run(jobs: Sequence[Job], args: argparse.Namespace, *,
        store: MissionStore | None = None) -> list[FileResult | Rendered]:
    """Check every job (here or on --server), drawing progress on stderr. For the json format a pool's
    workers also render each file's entry (batch.run_jobs)."""
    from .formats import json as json_format

    bar = ProgressBar(len(jobs), sys.stderr)
    results: list[FileResult | Rendered]
    try:
        if args.server:
            results = list(_run_remote(jobs, args.server, bar))
        else:
            results = run_jobs(jobs, workers=choose_workers(jobs, args.jobs), store=store, on_done=bar.advance,
                               render=json_format.rendered if args.format == "json" else None)
    finally:
        bar.close()
    return results


def report(results: Sequence[FileResult | Rendered], args: argparse.Namespace) -> None:
    """The rendered report (to --output FILE or stdout), then the summary line on stderr: after the
    findings, where a reader of the terminal looks last."""
    from .errors import InputError
    from .formats import json as json_format
    from .formats import renderers, sarif
    from .formats import text as text_format

    if args.format == "json":
        text = json_format.render(results)
    else:
        full = [r for r in results if isinstance(r, FileResult)]
        if len(full) != len(results):
            raise RuntimeError(f"only the json format takes pre-rendered files, not {args.format}")
        if args.format == "sarif":
            text = sarif.render(full, root=args.sarif_root, docs_url=args.sarif_docs_url)
        elif args.format == "text":
            text = text_format.render(full, color=use_color(args.color, None if args.output else sys.stdout))
        else:
            text = renderers()[args.format](full)
    if args.output is not None:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"--output {args.output}: cannot write: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    print(f"orbitcheck: {summary_line(results)}", file=sys.stderr)


def _run_remote(jobs: Sequence[Job], server: str, bar: ProgressBar) -> list[FileResult]:
    from .remote import RemoteChecker  # imports requests: only in remote mode

    checker = RemoteChecker(server, api_key=os.environ.get(API_KEY_ENV) or None)
    try:
        results = []
        for job in jobs:
            results.append(checker.check(job))
            bar.advance()
        return results
    finally:
        checker.close()


def _validate_zone(name: str) -> None:
    from .errors import InputError
    from .vocabulary.zones import zone_name_problem

    problem = zone_name_problem(name)
    if problem:
        raise InputError(f"--default-zone: {problem}")
