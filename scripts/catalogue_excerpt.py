#!/usr/bin/env python3
"""Cut the GCAT files down to the rows the station catalogue needs (tests/data/catalogue/, see its README).

Usage: scripts/catalogue_excerpt.py SRC_DIR OUT_DIR
Keeps header and comment lines byte for byte and every data row, unchanged, whose launch tag is one of the
launch excerpt's (psatcat by Piece, auxcat by Launch_Tag), plus auxcat rows named as a docking target (Dest)
in the satcat excerpts, and sites.tsv rows of the sites the launches use. Other files are copied whole.
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path


def main(src: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    launch = src / "launch-excerpt-1998-2026-stations-crewed.tsv"
    lines = launch.read_text(encoding="utf-8").splitlines()
    tags = {ln.split("\t")[0].strip() for ln in lines[1:] if not ln.startswith("#")}
    site_codes = {ln.split("\t")[10].strip() for ln in lines[1:] if not ln.startswith("#")}
    dests: set[str] = set()
    for satcat in sorted(src.glob("satcat-excerpt-*.tsv")):
        for ln in satcat.read_text(encoding="utf-8").splitlines()[1:]:
            cols = ln.split("\t")
            if len(cols) > 13:
                dests.add(cols[13].strip().rstrip("*"))
        shutil.copy(satcat, out / satcat.name)
    shutil.copy(launch, out / launch.name)

    def cut(name: str, keep) -> None:
        with open(src / name, encoding="utf-8", newline="") as inp, \
                open(out / name, "w", encoding="utf-8", newline="") as dst:
            for i, line in enumerate(inp):
                if i == 0 or line.startswith("#") or keep(line.split("\t")):
                    dst.write(line)

    cut("psatcat.tsv", lambda c: len(c) > 1 and re.sub(r"(?<=\d)[A-Z]+$", "", c[1].strip()) in tags)
    cut("auxcat.tsv", lambda c: len(c) > 3 and (c[2].strip() in tags or c[0].strip().rstrip("*") in dests))
    cut("sites.tsv", lambda c: c[0].strip() in site_codes)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
