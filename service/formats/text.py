"""`--format text`: compiler-style lines for warnings and errors only (`path:line:col: severity: message [check]`)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Severity
from . import FileResult

_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x85\x0b\x0c]+\s*")


def one_line(text: str) -> str:
    """A finding is one line however its message or suggestion is written (grep and editors read lines)."""
    return _LINE_BREAKS.sub(" ", text)


def render(results: Sequence[FileResult]) -> str:
    lines = []
    for result in results:
        doc = result.report.document
        for f in result.report.findings:
            if f.suppressed or f.severity is Severity.INFO:
                continue
            line, column = doc.line_col(f.start)
            fix = f" (suggestion: {one_line(f.suggestion)})" if f.suggestion else ""
            lines.append(one_line(f"{result.path}:{line}:{column}: {f.severity}: {f.message}{fix} [{f.check}]"))
    return "".join(line + "\n" for line in lines)
