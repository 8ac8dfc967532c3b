"""`--format rdjson`: reviewdog's Diagnostic Format (DiagnosticResult as JSON) for `reviewdog -f=rdjson`.

Positions are 1-based lines and 1-based columns counted in UTF-8 bytes, end exclusive, as the format's
proto says. Warnings and errors only; suppressed findings are left out (reviewdog would comment on them).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Finding, Severity
from ..text import Document
from . import FileResult, indented
from .positions import utf8_position

SOURCE = {"name": "orbitcheck"}
_SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING"}


def render(results: Sequence[FileResult]) -> str:
    return indented.dumps(diagnostic_result(results)) + "\n"


def diagnostic_result(results: Sequence[FileResult]) -> dict[str, Any]:
    diagnostics = [
        _diagnostic(result.path, result.report.document, finding)
        for result in results
        for finding in result.report.findings
        if not finding.suppressed and finding.severity in _SEVERITIES
    ]
    return {"source": SOURCE, "diagnostics": diagnostics}


def _range(doc: Document, start: int, end: int) -> dict[str, Any]:
    first, last = utf8_position(doc, start), utf8_position(doc, end)
    return {"start": {"line": first.line, "column": first.column},
            "end": {"line": last.line, "column": last.column}}


def _diagnostic(path: str, doc: Document, finding: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "message": finding.message,
        "location": {"path": path, "range": _range(doc, finding.start, finding.end)},
        "severity": _SEVERITIES[finding.severity],
        "source": SOURCE,
        "code": {"value": finding.check},
    }
    if finding.fix is not None:
        fix = finding.fix
        out["suggestions"] = [{"range": _range(doc, fix.span.start, fix.span.end), "text": fix.replacement}]
    return out
