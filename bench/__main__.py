"""`make bench`: run every bench/bench_*.py module's main() in turn, in one process run, and print figures.

Each module prints its own lines; ratios are measured side by side in the same run because this machine is
noisy. Every figure with a goal (issue 18) is gathered in bench/figures.py and printed again at the end in
one table, with the load average it was measured at. Run one alone with `python -m bench NAME` (e.g.
`python -m bench engine`), several with `python -m bench engine profile`.
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

from bench import figures


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = {f"bench_{a}" for a in argv}
    unknown = wanted - set(names)
    if unknown:
        print(f"unknown bench module(s): {', '.join(sorted(unknown))}; known: "
              f"{', '.join(n.removeprefix('bench_') for n in names)}", file=sys.stderr)
        return 2
    print(f"bench: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"at {time.strftime('%Y-%m-%d %H:%M:%S %Z')}", flush=True)
    for name in names:
        if wanted and name not in wanted:
            continue
        short = name.removeprefix("bench_")
        print(f"== {short} (load average {figures.load_average():.2f})", flush=True)
        figures.begin(short)
        importlib.import_module(f"bench.{name}").main()
    summary = figures.table()
    if summary:
        print("\n== summary: issue 18's figures and goals", flush=True)
        print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
