"""The engine's cost in machine instructions, which do not depend on the machine's load: the instructions one
check_text of the bench draft and of the mixed set takes (full catalogue), per 1,000 words, counted by
valgrind's cachegrind (`apt-get install valgrind`; without it this module says so and records nothing).

Counted as (a run of 1 + N checks) - (a run of 1 check), divided by N, so the process start, the imports and
the records are left out; PYTHONHASHSEED is fixed so two counts of one build differ by well under 1 %. Use it
to compare two builds side by side on a busy machine, where CPU times move by 10 % from run to run:

    python -m bench instructions
    BENCH_PYTHON=/path/to/other/.venv/bin/python python -m bench instructions   # another build, same drafts
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import figures

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
# The child: check the drafts once (imports, records, lazy tables), then `n` more times.
_CHILD = """
import gc, sys
sys.path.insert(0, {root!r})
from bench.archive import drafts
from bench.bench_engine import DRAFT
from orbitcheck.engine import check_text
from orbitcheck.records.store import load_store
store = load_store()
texts = [("bench-draft.md", DRAFT)] if sys.argv[1] == "bench" else list(drafts().items())
for _ in range(1 + int(sys.argv[2])):
    for name, text in texts:
        check_text(text, markdown=not name.endswith(".txt"), store=store)
    gc.freeze()
"""


def _count(python: str, script: Path, which: str, n: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         python, str(script), which, str(n)],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    ).stderr
    found = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{out[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed (apt-get install valgrind); nothing counted")
        return
    from bench.archive import drafts
    from bench.bench_engine import DRAFT

    python = os.environ.get("BENCH_PYTHON", sys.executable)
    words = {"bench": len(DRAFT.split()), "mixed": sum(len(t.split()) for t in drafts().values())}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(_CHILD.format(root=str(ROOT)), encoding="utf-8")
        # One run outside valgrind first: what a first start writes (the unit factor table in the cache
        # directory) is then on disk for both counts, which otherwise differ by that one-time cost.
        subprocess.run([python, str(script), "bench", "0"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": "0"})
        for which, label in (("bench", "bench draft"), ("mixed", "mixed drafts")):
            per_run = (_count(python, script, which, RUNS + 1) - _count(python, script, which, 1)) / RUNS
            per_k = per_run / words[which] * 1000
            print(f"instructions: {label} ({words[which]:,} words): {per_run / 1e6:.1f} M per check, "
                  f"{per_k / 1e6:.2f} M per 1,000 words ({python})", flush=True)
            figures.record(f"engine instructions, {label}", f"{per_k / 1e6:.2f} M / 1,000 words", "reported",
                           None)
