"""`orbitcheck import gcat|astronauts`: write or update mission records from GCAT's TSV files and crew tables."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..records.store import default_data_dir, resolve_data_dir
from ..text import parse_date
from . import ExitStatus
from .missions import add_data_dir

if TYPE_CHECKING:
    from ..records.catalogue import Report


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import reference records from a data set",
                       description="Import reference records from a data set.")
    kinds = p.add_subparsers(dest="dataset", metavar="DATASET", required=True)
    g = kinds.add_parser("gcat", help="GCAT TSV files (planet4589.org/space/gcat, CC-BY)",
                         description="With --from DIR (or --download): one record per station or crewed flight "
                                     "from the GCAT files in DIR (launch, psatcat, auxcat, satcat, sites) and the "
                                     "crew tables beside them (astronauts.csv, crews*.json). With --launch/--satcat/"
                                     "--auxcat: update the records of known launches (and with --add-iss-year "
                                     "create that year's ISS flights). Curated and hand-edited fields are kept; "
                                     "every record is validated and the changed files are swapped in as one "
                                     "snapshot under the data dir's lock (the same writer as `sync ll2`).")
    g.add_argument("--from", dest="source_dir", type=Path, metavar="DIR",
                   help="a folder of GCAT files: a download from planet4589 or our excerpts")
    g.add_argument("--download", action="store_true",
                   help="fetch the current GCAT files from planet4589.org first (see --base-url)")
    g.add_argument("--base-url", default="https://planet4589.org/space/gcat/tsv/",
                   help="where --download fetches from (default: %(default)s)")
    g.add_argument("--every-row", action="store_true",
                   help="a record for every launch row (for an excerpt); default: station and crewed flights")
    g.add_argument("--aliases", type=Path, metavar="aliases.toml",
                   help="alias table (default: DIR/aliases.toml, else the shipped reference_data/aliases.toml)")
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
    a = kinds.add_parser("astronauts", help="crews from the astronaut database (astronauts.csv)",
                         description="Add crews and expeditions to the records from astronauts.csv (with the "
                                     "GCAT files in the same folder, which name the flights).")
    a.add_argument("--from", dest="source_file", type=Path, required=True, metavar="FILE")
    a.add_argument("--retrieved", metavar="YYYY-MM-DD")
    a.add_argument("--dry-run", action="store_true")
    add_data_dir(a)
    a.set_defaults(run=run_astronauts)


def _retrieved(args: argparse.Namespace) -> date:
    return parse_date(args.retrieved, what="--retrieved") if args.retrieved else date.today()


def run(args: argparse.Namespace) -> int:
    # The importers are read here, not at import: every command's parser is built on each start.
    from ..records.catalogue import import_catalogue
    from ..records.gcat_import import import_gcat

    data_dir = resolve_data_dir(args.data_dir)
    if args.download:
        from ..records.gcat_download import download

        if args.source_dir is None:
            raise InputError("import gcat --download needs --from DIR: the folder the files are fetched into")
        download(args.base_url, args.source_dir, sys.stderr)
    if args.source_dir is not None:
        if args.launch or args.satcat or args.auxcat:
            raise InputError("import gcat: give --from DIR or --launch/--satcat/--auxcat, not both")
        aliases = args.aliases
        if aliases is None and not (args.source_dir / "aliases.toml").exists():
            aliases = default_data_dir() / "aliases.toml"
        report = import_catalogue(data_dir, args.source_dir, retrieved=_retrieved(args), every_row=args.every_row,
                                  dry_run=args.dry_run, aliases=aliases)
        return _print(report, args.dry_run)
    if not (args.launch or args.satcat or args.auxcat):
        raise InputError("import gcat needs --from DIR, or at least one of --launch, --satcat, --auxcat")
    old = import_gcat(data_dir, launch=args.launch, satcat=args.satcat, auxcat=args.auxcat,
                      add_iss_year=args.add_iss_year, dry_run=args.dry_run,
                      today=parse_date(args.retrieved, what="--retrieved") if args.retrieved else None)
    verb = "would " if args.dry_run else ""
    lines = [f"{verb}create {m}" for m in old.created]
    lines += [f"{verb}update {m}: {', '.join(fields)}" for m, fields in old.updated.items()]
    lines += [f"kept curated {m}: {', '.join(fields)}" for m, fields in old.kept.items()]
    lines += [f"skipped {n} malformed {kind}.tsv row(s)" for kind, n in old.skipped_rows.items() if n]
    lines += [f"ignored: {c}" for c in old.conflicts]
    sys.stdout.write("".join(f"{line}\n" for line in lines) or "nothing to change\n")
    return ExitStatus.CLEAN


def run_astronauts(args: argparse.Namespace) -> int:
    from ..records.catalogue import import_catalogue

    folder = args.source_file.parent
    if not args.source_file.is_file():
        raise InputError(f"--from {args.source_file}: no such file")
    report = import_catalogue(resolve_data_dir(args.data_dir), folder, retrieved=_retrieved(args),
                              every_row=True, dry_run=args.dry_run,
                              aliases=default_data_dir() / "aliases.toml")
    return _print(report, args.dry_run)


def _print(report: Report, dry_run: bool) -> int:
    verb = "would " if dry_run else ""
    lines = [f"{verb}create {m}" for m in report.created]
    lines += [f"{verb}update {m}: {', '.join(fields)}" for m, fields in report.updated.items()]
    lines += [f"kept {m}: {', '.join(fields)}" for m, fields in report.kept.items()]
    lines += [f"note: {n}" for n in report.notes]
    lines.append(f"{len(report.created)} created, {len(report.updated)} updated, {report.unchanged} unchanged")
    sys.stdout.write("".join(f"{line}\n" for line in lines))
    return ExitStatus.CLEAN
