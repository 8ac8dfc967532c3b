"""`make bench`: run every bench/bench_*.py module's main() in turn, in one process run, and print figures.

Each module prints its own lines; ratios are measured side by side in the same run because this machine is
noisy. Run one alone with `python -m bench NAME` (e.g. `python -m bench engine`).
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = {f"bench_{a}" for a in argv}
    for name in names:
        if wanted and name not in wanted:
            continue
        print(f"== {name.removeprefix('bench_')}", flush=True)
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
