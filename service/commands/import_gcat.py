"""`orbitcheck import gcat`: write or update mission records from GCAT's launch/satcat/auxcat TSV files."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..records.gcat_import import import_gcat
from ..records.store import resolve_data_dir
from ..text import parse_date
from . import ExitStatus
from .missions import add_data_dir


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import reference records from a data set",
                       description="Import reference records from a data set.")
    kinds = p.add_subparsers(dest="dataset", metavar="DATASET", required=True)
    g = kinds.add_parser("gcat", help="GCAT TSV files (planet4589.org/space/gcat, CC-BY)",
                         description="Update the records of known launches from GCAT's TSV files (curated "
                                     "figures are kept); with --add-iss-year also create records for that "
                                     "year's ISS flights. Every record is validated before any file is written.")
    g.add_argument("--launch", type=Path, metavar="launch.tsv")
    g.add_argument("--satcat", type=Path, metavar="satcat.tsv")
    g.add_argument("--auxcat", type=Path, metavar="auxcat.tsv")
    g.add_argument("--add-iss-year", type=int, metavar="YEAR",
                   help="also create records for ISS flights launched in YEAR")
    g.add_argument("--retrieved", metavar="YYYY-MM-DD",
                   help="retrieval date for files without GCAT's '# Updated' line (default: today)")
    g.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    add_data_dir(g)
    g.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not (args.launch or args.satcat or args.auxcat):
        raise InputError("import gcat needs at least one of --launch, --satcat, --auxcat")
    report = import_gcat(resolve_data_dir(args.data_dir), launch=args.launch, satcat=args.satcat,
                         auxcat=args.auxcat, add_iss_year=args.add_iss_year, dry_run=args.dry_run,
                         today=parse_date(args.retrieved, what="--retrieved") if args.retrieved else None)
    verb = "would " if args.dry_run else ""
    lines = [f"{verb}create {m}" for m in report.created]
    lines += [f"{verb}update {m}: {', '.join(fields)}" for m, fields in report.updated.items()]
    lines += [f"kept curated {m}: {', '.join(fields)}" for m, fields in report.kept.items()]
    lines += [f"skipped {n} malformed {kind}.tsv row(s)" for kind, n in report.skipped_rows.items() if n]
    lines += [f"ignored: {c}" for c in report.conflicts]
    sys.stdout.write("".join(f"{line}\n" for line in lines) or "nothing to change\n")
    return ExitStatus.CLEAN
