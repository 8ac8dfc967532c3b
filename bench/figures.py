"""The figures a `make bench` run reports against issue 18's goals, gathered for one summary table at the end.

A bench module calls `record(...)` for each figure that has a goal; `python -m bench` prints every module's
own lines as it goes and then the table, with the load average each module ran at (this machine is shared:
a figure measured at load 8 is not comparable with one at load 0.5, ratios measured side by side are).
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    module: str
    name: str
    value: str  # as printed, with its unit
    goal: str  # e.g. "<= 2.5 ms"
    met: bool | None  # None: reported, no pass/fail (a p99 latency, a peak memory)
    load: float  # 1-minute load average when the figure was taken


FIGURES: list[Figure] = []
_module = ["?"]


def begin(module: str) -> None:
    _module[0] = module


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return float("nan")


def record(name: str, value: str, goal: str = "", met: bool | None = None) -> None:
    FIGURES.append(Figure(_module[0], name, value, goal, met, load_average()))


def table() -> str:
    if not FIGURES:
        return ""
    rows = [("module", "figure", "value", "goal", "", "load")]
    for f in FIGURES:
        verdict = "" if f.met is None else ("ok" if f.met else "MISSED")
        rows.append((f.module, f.name, f.value, f.goal, verdict, f"{f.load:.1f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
