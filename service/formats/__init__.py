"""Output formats: each is a pure function of the checked files' Reports.

    render(results: Sequence[FileResult]) -> str

The json format also takes `Rendered` files: a file's entry rendered where it was checked (a `--jobs` worker),
sent back with its `Tally` instead of its whole Report, so the parent only joins the pieces.
"""
from __future__ import annotations

from collections import Counter
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
        shown = [f for f in report.findings if not f.suppressed]
        return cls(len(report.findings), dict(Counter(str(f.verdict) for f in shown)),
                   len(report.findings) - len(shown), sum(1 for f in shown if f.severity is Severity.ERROR),
                   sum(1 for f in shown if f.severity is Severity.WARNING),
                   max((f.severity.rank for f in shown), default=-1))


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
    by_verdict: Counter[str] = Counter()
    for r in results:
        by_verdict.update(r.tally.by_verdict)
    return {
        "files": len(results),
        "findings": sum(by_verdict.values()),
        "by_verdict": dict(sorted(by_verdict.items())),
        "suppressed": sum(r.tally.suppressed for r in results),
    }


def renderers() -> dict[str, Renderer]:
    from . import github, rdjson, sarif
    from . import json as json_format
    from . import text as text_format

    return {"text": text_format.render, "json": json_format.render,
            "sarif": sarif.render, "github": github.render, "rdjson": rdjson.render}
