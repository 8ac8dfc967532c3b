#!/usr/bin/env python3
"""Write every output format for the golden inputs (seed article, development corpus, bench draft) to a folder.

Usage: scripts/golden.py OUT_DIR [ORBITCHECK]   (default executable: the `orbitcheck` beside this Python)

A refactor must leave these bytes unchanged: `tests/e2e/test_golden.py` runs this script into a temporary folder
and compares the result with `tests/data/golden/`. Regenerate that folder only for a deliberate change of output,
and say why in the commit.

The inputs are built exactly as `score-corpus` builds them (each corpus span in a plain sentence of our own, its
date in front matter), written into a scratch folder, and checked with the CLI from inside it, so every path in
the outputs is relative and the same on every machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "json", "sarif", "github", "rdjson")


def inputs(scratch: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Folder name → (files to check, extra CLI arguments)."""
    seed = scratch / "seed"
    seed.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "seed" / "progress-ms-10-timelapse.txt", seed / "seed.txt")
    corpus = scratch / "corpus"
    corpus.mkdir()
    lines = (ROOT / "tests" / "data" / "corpus" / "dev_pairs.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        item = json.loads(line)
        date = item.get("date_context") or ""
        front = f"---\ndate: {date}\n---\n\n" if len(date) == 10 else ""
        text = front + "The figure given was " + item["span"] + " in the report.\n"
        (corpus / f"{item['id']}.md").write_text(text, encoding="utf-8")
    bench = scratch / "bench"
    bench.mkdir()
    sys.path.insert(0, str(ROOT))
    from bench.bench_engine import DRAFT

    (bench / "draft.md").write_text(DRAFT, encoding="utf-8")
    return {
        "seed": (["seed.txt"], ["--published", "2018-11-20"]),
        "corpus": (["."], []),
        "bench": (["draft.md"], []),
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[1])
    exe = argv[2] if len(argv) > 2 else str(Path(sys.executable).with_name("orbitcheck"))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for name, (files, extra) in inputs(scratch).items():
            for fmt in FORMATS:
                proc = subprocess.run(
                    [exe, "check", "--format", fmt, "--fail-on", "never", *extra, *files],
                    cwd=scratch / name, capture_output=True, text=True, check=False,
                    env={**os.environ, "NO_COLOR": "1"},
                )
                if proc.returncode != 0:
                    print(f"{name} {fmt}: exit {proc.returncode}: {proc.stderr.strip()[-400:]}", file=sys.stderr)
                    return 1
                (out / f"{name}.{fmt}").write_text(proc.stdout, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
