"""Many files: `orbitcheck check DIR` serial (--jobs 1) against a pool (--jobs 2), whole command timed
(process start, imports, registry build, every draft), on trees of small and of large drafts.

The ratio decides service/batch.py's PARALLEL_MIN_CHARS: below the break-even a pool only adds cost.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = (
    "Progress delivered 5,652 pounds (2,564 kg) of cargo to the station, which orbits 250 miles (400 km) "
    "above Earth. Serena Auñón-Chancellor 🚀 watched the docking at 7:28 a.m. EST (12:28 GMT) on Monday, "
    "Nov. 19, 2018, while the station flew 35,926 km (22,314 miles) from the launch site. The booster's "
    "7.6 million pounds of thrust (34 meganewtons) lifted it; outside it was 70 °F (21 °C). "
)
TREES = {"20 drafts x 300 words": (20, 5), "60 drafts x 1,200 words": (60, 20),
         "200 drafts x 1,200 words": (200, 20)}
RUNS = 3


def _tree(root: Path, files: int, paragraphs: int) -> None:
    for i in range(files):
        path = root / f"section{i % 5}" / f"draft{i:03}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Draft {i}\n\n" + (PARAGRAPH + "\n\n") * paragraphs, encoding="utf-8")


def _time(argv: list[str]) -> float:
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (a pool needs idle cores)")
    for label, (files, paragraphs) in TREES.items():
        with tempfile.TemporaryDirectory() as tmp:
            _tree(Path(tmp), files, paragraphs)
            chars = sum(len(p.read_text("utf-8")) for p in Path(tmp).rglob("*.md"))
            base = [sys.executable, "-m", "orbitcheck.cli", "check", "--fail-on", "never"]
            serial = _time(base + ["--jobs", "1", tmp])
            pooled = _time(base + ["--jobs", "2", tmp])
        print(f"{label} ({chars:,} characters): serial {serial * 1000:.0f} ms, 2 processes {pooled * 1000:.0f} ms, "
              f"pool/serial {pooled / serial:.2f}")
