"""Output formats: each is a pure function of the checked files' Reports.

    render(results: Sequence[FileResult]) -> str
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..engine import Report


@dataclass(frozen=True)
class FileResult:
    path: str  # as the user gave it (or "-" for standard input)
    report: Report


Renderer = Callable[[Sequence[FileResult]], str]


def summary(results: Sequence[FileResult]) -> dict:
    findings = [f for r in results for f in r.report.findings]
    by_verdict = Counter(str(f.verdict) for f in findings if not f.suppressed)
    return {
        "files": len(results),
        "findings": sum(by_verdict.values()),
        "by_verdict": dict(sorted(by_verdict.items())),
        "suppressed": sum(1 for f in findings if f.suppressed),
    }


def renderers() -> dict[str, Renderer]:
    from . import github, rdjson, sarif
    from . import json as json_format
    from . import text as text_format

    return {"text": text_format.render, "json": json_format.render,
            "sarif": sarif.render, "github": github.render, "rdjson": rdjson.render}
