"""`orbitcheck checks`: every registered check with its id, default severity and what it checks."""
from __future__ import annotations

import argparse
import json
import sys

from ..checks import all_checks
from . import ExitStatus


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("checks", help="list the checks (id, default severity, what each checks)",
                       description="List every registered check: its id (the name to use in --checks, "
                                   ".orbitcheck.toml and suppression comments), the severity of a wrong claim, "
                                   "and one line on what it checks.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    checks = all_checks()
    if args.format == "json":
        rows = [{"id": c.ID, "severity": c.SEVERITY.value, "description": c.DESCRIPTION} for c in checks]
        sys.stdout.write(json.dumps({"checks": rows}, indent=2) + "\n")
        return ExitStatus.CLEAN
    width = max(len(c.ID) for c in checks)
    for c in checks:
        sys.stdout.write(f"{c.ID:<{width}}  {c.SEVERITY.value:<7}  {c.DESCRIPTION}\n")
    return ExitStatus.CLEAN
