"""Output formats: each is a pure function of the checked files' Reports.

    render(results: Sequence[FileResult]) -> str

The json format also takes `Rendered` files: a file's entry rendered where it was checked (a `--jobs` worker),
sent back with its `Tally` instead of its whole Report, so the parent only joins the pieces.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..engine import Report
from ..model import Severity


@dataclass(frozen=True)
class Tally:
    """What the summary, the summary line and the exit status read of one file's findings."""

    claims: int                    # every finding, suppressed ones too
    by_verdict: Mapping[str, int]  # findings not suppressed, by verdict
    suppressed: int
    errors: int                    # not suppressed, severity error
    warnings: int                  # not suppressed, severity warning
    worst: int                     # highest severity rank of a finding not suppressed; -1 when there is none

    @classmethod
    def of(cls, report: Report) -> Tally:
        by_verdict: dict[str, int] = {}
        suppressed = errors = warnings = 0
        for f in report.findings:
            if f.suppressed:
                suppressed += 1
                continue
            verdict = f.verdict.value
            by_verdict[verdict] = by_verdict.get(verdict, 0) + 1
            if f.severity is Severity.ERROR:
                errors += 1
            elif f.severity is Severity.WARNING:
                warnings += 1
        worst = (Severity.ERROR.rank if errors else Severity.WARNING.rank if warnings
                 else Severity.INFO.rank if by_verdict else -1)
        return cls(len(report.findings), by_verdict, suppressed, errors, warnings, worst)


@dataclass(frozen=True)
class FileResult:
    path: str  # as the user gave it (or "-" for standard input)
    report: Report

    @cached_property
    def tally(self) -> Tally:
        return Tally.of(self.report)


@dataclass(frozen=True)
class Rendered:
    """A checked file already rendered in one format (only json takes these): its entry and its tally."""

    path: str
    format: str
    entry: str
    tally: Tally


Renderer = Callable[[Sequence[FileResult]], str]


def summary(results: Sequence[FileResult | Rendered]) -> dict:
    by_verdict: dict[str, int] = {}
    suppressed = 0
    for r in results:
        tally = r.tally
        suppressed += tally.suppressed
        for verdict, n in tally.by_verdict.items():
            by_verdict[verdict] = by_verdict.get(verdict, 0) + n
    return {
        "files": len(results),
        "findings": sum(by_verdict.values()),
        "by_verdict": dict(sorted(by_verdict.items())),
        "suppressed": suppressed,
    }


def renderers() -> dict[str, Renderer]:
    from . import github, rdjson, sarif
    from . import json as json_format
    from . import text as text_format

    return {"text": text_format.render, "json": json_format.render,
            "sarif": sarif.render, "github": github.render, "rdjson": rdjson.render}
