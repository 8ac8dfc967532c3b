"""`--format json`: the output contract every integration relies on (README, "Output")."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Finding
from ..text import Document
from . import FileResult, Rendered, indented, summary

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


def file_dict(result: FileResult) -> dict[str, Any]:
    return {"path": result.path,
            "findings": [finding_dict(f, result.report.document) for f in result.report.findings]}


def report_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    return {"version": VERSION, "files": [file_dict(r) for r in results], "summary": summary(results)}


def entry(result: FileResult) -> str:
    """One file's entry in the report's "files" list, as render() writes it (two levels deep)."""
    return indented.dumps(file_dict(result), level=2)


def rendered(result: FileResult) -> Rendered:
    """The file's entry rendered now (in a --jobs worker), with the tally the summary needs."""
    return Rendered(result.path, "json", entry(result), result.tally)


def render(results: Sequence[FileResult | Rendered]) -> str:
    """`report_dict(results)` as indented JSON, built from each file's entry (see `rendered`)."""
    entries = [r.entry if isinstance(r, Rendered) else entry(r) for r in results]
    files = "[\n    " + ",\n    ".join(entries) + "\n  ]" if entries else "[]"
    return (f'{{\n  "version": {VERSION},\n  "files": {files},\n  "summary": '
            f"{indented.dumps(summary(results), level=1)}\n}}\n")
