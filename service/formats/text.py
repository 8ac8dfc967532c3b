"""`--format text`: compiler-style lines for warnings and errors only (`path:line:col: severity: message [check]`)."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Severity
from . import FileResult


def render(results: Sequence[FileResult]) -> str:
    lines = []
    for result in results:
        doc = result.report.document
        for f in result.report.findings:
            if f.suppressed or f.severity is Severity.INFO:
                continue
            line, column = doc.line_col(f.start)
            fix = f" (suggestion: {f.suggestion})" if f.suggestion else ""
            lines.append(f"{result.path}:{line}:{column}: {f.severity}: {f.message}{fix} [{f.check}]")
    return "".join(line + "\n" for line in lines)
