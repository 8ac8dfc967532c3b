"""`--format json`: the output contract every integration relies on (README, "Output")."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Finding
from ..text import Document
from . import FileResult, indented, summary

VERSION = 1


def finding_dict(finding: Finding, doc: Document) -> dict[str, Any]:
    line, column = doc.line_col(finding.start)
    out: dict[str, Any] = {
        "check": finding.check,
        "verdict": str(finding.verdict),
        "severity": str(finding.severity),
        "start": finding.start,
        "end": finding.end,
        "line": line,
        "column": column,
        "text": finding.text,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "details": dict(finding.details),
        # What the suggestion replaces, when the check is certain: code points into the text.
        "fix": None if finding.fix is None else {"start": finding.fix.span.start, "end": finding.fix.span.end,
                                                 "replacement": finding.fix.replacement},
    }
    if finding.suppressed:
        out["suppressed"] = True
    return out


def report_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    return {
        "version": VERSION,
        "files": [
            {"path": r.path, "findings": [finding_dict(f, r.report.document) for f in r.report.findings]}
            for r in results
        ],
        "summary": summary(results),
    }


def render(results: Sequence[FileResult]) -> str:
    return indented.dumps(report_dict(results)) + "\n"
