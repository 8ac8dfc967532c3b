"""`import gcat --from` on synthetic full-size files: time and peak memory at 1x and 2x, and the growth slope.

A synthetic 70,000-row launch.tsv (the full file has about 73,000) and a 60,000-row satcat.tsv are written to
a temporary folder from the excerpt's rows (tags renumbered, every 200th row a station flight so the selection
keeps a few hundred), together with the excerpt's psatcat, auxcat and sites. Each run is a fresh process
(peak RSS from resource.getrusage); the import writes into an empty data dir.
"""
from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tests" / "data" / "catalogue"
_RUN = """
import json, resource, sys, time
from datetime import date
from pathlib import Path
from orbitcheck.records.catalogue import import_catalogue
start = time.perf_counter()
report = import_catalogue(Path(sys.argv[1]), Path(sys.argv[2]), retrieved=date(2025, 12, 1))
print(json.dumps({"seconds": time.perf_counter() - start, "created": len(report.created),
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _synthesise(folder: Path, launch_rows: int, satcat_rows: int) -> None:
    folder.mkdir(parents=True)
    lines = (SRC / "launch-excerpt-1998-2026-stations-crewed.tsv").read_text("utf-8").splitlines(keepends=True)
    header, rows = [ln for ln in lines if ln.startswith("#")], [ln for ln in lines if not ln.startswith("#")]
    rows = [r for r in rows if "Not real" not in r]
    with open(folder / "launch.tsv", "w", encoding="utf-8", newline="") as out:
        out.writelines(header)
        for i in range(launch_rows):
            cols = rows[(i // 200) % len(rows)].split("\t")
            if i % 200:  # a payload to no station: not selected
                cols[3], cols[6], cols[7], cols[8], cols[22] = "Falcon 9", f"Comsat {i}", f"Comsat {i}", "-", "Sat GEO"
            else:  # a station flight, named uniquely
                cols[5], cols[6], cols[7] = (f"{cols[k].strip()} run {i}" for k in (5, 6, 7))
                cols[8] = "-"
            cols[0] = f"{1900 + i // 1000}-{i % 1000:03d} "
            out.write("\t".join(cols))
    sat = (SRC / "satcat-excerpt-2019-2025-iss.tsv").read_text("utf-8").splitlines(keepends=True)
    with open(folder / "satcat.tsv", "w", encoding="utf-8", newline="") as out:
        out.writelines(sat[:2])
        body = [s for s in sat if not s.startswith("#")]
        for i in range(satcat_rows):
            out.write(body[i % len(body)])
    for name in ("psatcat.tsv", "auxcat.tsv", "sites.tsv", "astronauts.csv"):
        shutil.copy(SRC / name, folder / name)


def _run(sources: Path, data: Path) -> dict:
    data.mkdir(parents=True)
    (data / "missions").mkdir()
    out = subprocess.run([sys.executable, "-c", _RUN, str(data), str(sources)], capture_output=True,
                         text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        results = {}
        for scale in (1, 2):
            src = base / f"src{scale}"
            _synthesise(src, 70_000 * scale, 60_000 * scale)
            size = sum(p.stat().st_size for p in src.iterdir())
            results[scale] = _run(src, base / f"data{scale}") | {"mib_in": size / 2**20}
            r = results[scale]
            print(f"import gcat --from: {70_000 * scale:,} launch rows + {60_000 * scale:,} satcat rows "
                  f"({r['mib_in']:.1f} MiB): {r['seconds']:.2f} s, peak RSS {r['peak_mib']:.0f} MiB, "
                  f"{r['created']} records", flush=True)
        slope = math.log(results[2]["seconds"] / results[1]["seconds"]) / math.log(2)
        print(f"time growth 1x -> 2x: log-log slope {slope:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
