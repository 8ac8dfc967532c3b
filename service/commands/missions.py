"""`orbitcheck missions [QUERY]`: browse the reference records (by name, alias, COSPAR id, crew, expedition)."""
from __future__ import annotations

import argparse
import json
import sys

from ..records.browse import Filters, coverage, page, select
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
    p.add_argument("--year", type=int, help="launched in YEAR")
    p.add_argument("--vehicle", metavar="FAMILY", help='vehicle family or launcher ("Progress", "Dragon", "Soyuz")')
    p.add_argument("--station", metavar="NAME", help='destination ("ISS")')
    crew = p.add_mutually_exclusive_group()
    crew.add_argument("--crewed", dest="crewed", action="store_const", const=True, help="crewed flights only")
    crew.add_argument("--uncrewed", dest="crewed", action="store_const", const=False, help="uncrewed only")
    p.add_argument("--limit", type=_count, default=None, help="at most N records (default: all)")
    p.add_argument("--offset", type=_count, default=0, help="skip the first N matches")
    p.add_argument("--stats", action="store_true", help="coverage per field of the matching records")
    add_data_dir(p)
    p.set_defaults(run=run)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def run(args: argparse.Namespace) -> int:
    store = load_store(resolve_data_dir(args.data_dir))
    filters = Filters(args.query, args.year, args.vehicle, args.station, args.crewed)
    found = select(store.search(args.query), filters)
    if args.stats:
        return _stats(found, args.format)
    shown = page(found, len(found) if args.limit is None else args.limit, args.offset)
    if args.format == "json":
        out = {"version": store.version, "count": len(found), "offset": args.offset,
               "missions": [m.to_dict() for m in shown]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("".join(line(m) + "\n" for m in shown))
    return ExitStatus.CLEAN


def _stats(found: list[Mission], fmt: str) -> int:
    rows = coverage(found)
    if fmt == "json":
        out = [{"field": what, "have": have, "of": of} for what, have, of in rows]
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
        return ExitStatus.CLEAN
    width = max(len(r[0]) for r in rows)
    lines = [f"{'field':<{width}}  have    of", *(f"{w:<{width}}  {h:>4}  {o:>4}" for w, h, o in rows)]
    sys.stdout.write("\n".join(lines) + "\n")
    return ExitStatus.CLEAN


def line(m: Mission) -> str:
    launch = m.launch
    when = "-"
    if launch:
        when = launch.time.strftime("%Y-%m-%d %H:%M:%S" if launch.precision == "second" else
                                    "%Y-%m-%d %H:%M" if launch.precision == "minute" else "%Y-%m-%d") + " UTC"
    site = launch.site if launch and launch.site else "-"
    aliases = f" (also {', '.join(m.aliases)})" if m.aliases else ""
    return f"{m.id:<24} {m.name}{aliases}  launch {when}  {site}"
