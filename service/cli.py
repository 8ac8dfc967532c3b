"""The `orbitcheck` command. Sub-commands live in service/commands/, one module each.

Exit status: 0 clean, 1 findings at or above the fail level, 2 usage or input error (one line on stderr).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .commands import ExitStatus
from .errors import OrbitcheckError


def _commands():
    # The explicit list of sub-commands; each module has register(subparsers) and run(args) -> int.
    from .commands import check, checks, import_gcat, missions, sync

    return (check, checks, missions, import_gcat, sync)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="orbitcheck", description="Fact-check space news drafts.")
    parser.add_argument("--version", action="version", version=f"orbitcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in _commands():
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # argparse itself exits 2 on usage errors
    try:
        return int(args.run(args))
    except OrbitcheckError as exc:
        print(f"orbitcheck: error: {exc}", file=sys.stderr)
        return ExitStatus.ERROR
    except BrokenPipeError:  # `orbitcheck check ... | head` is not an error
        sys.stderr.close()
        return ExitStatus.CLEAN
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
