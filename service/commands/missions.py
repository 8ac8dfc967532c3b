"""`orbitcheck missions [QUERY]`: browse the reference records (by name, alias, COSPAR id, crew, expedition)."""
from __future__ import annotations

import argparse
import json
import sys

from ..records.store import Mission, load_store, resolve_data_dir
from . import ExitStatus


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """--data-dir on every command that reads records; ORBITCHECK_DATA_DIR and the shipped data otherwise."""
    parser.add_argument("--data-dir", metavar="PATH",
                        help="reference data folder holding missions/ (default: $ORBITCHECK_DATA_DIR, "
                             "else the shipped reference_data/)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("missions", help="list or search the reference mission records",
                       description="List the mission records whose name, alias, COSPAR id, expedition or crew "
                                   "matches QUERY (all records without one).")
    p.add_argument("query", nargs="?", default="", metavar="QUERY")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_data_dir(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = load_store(resolve_data_dir(args.data_dir))
    found = store.search(args.query)
    if args.format == "json":
        out = {"version": store.version, "count": len(found), "missions": [m.to_dict() for m in found]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("".join(line(m) + "\n" for m in found))
    return ExitStatus.CLEAN


def line(m: Mission) -> str:
    launch = m.launch
    when = "-"
    if launch:
        when = launch.time.strftime("%Y-%m-%d %H:%M:%S" if launch.precision == "second" else
                                    "%Y-%m-%d %H:%M" if launch.precision == "minute" else "%Y-%m-%d") + " UTC"
    site = launch.site if launch and launch.site else "-"
    aliases = f" (also {', '.join(m.aliases)})" if m.aliases else ""
    return f"{m.id:<16} {m.name}{aliases}  launch {when}  {site}"
