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


# SGR codes for the severity word on a terminal: bold red, yellow (what compilers and ruff use).
_COLOURS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[33m"}
_RESET = "\x1b[0m"


def render(results: Sequence[FileResult], *, color: bool = False) -> str:
    """`color`: the severity word in ANSI colour (the CLI decides: a terminal, --color, NO_COLOR)."""
    lines = []
    for result in results:
        doc = result.report.document
        for f in result.report.findings:
            if f.suppressed or f.severity is Severity.INFO:
                continue
            line, column = doc.line_col(f.start)
            fix = f" (suggestion: {one_line(f.suggestion)})" if f.suggestion else ""
            severity = f"{_COLOURS[f.severity]}{f.severity}{_RESET}" if color else str(f.severity)
            lines.append(one_line(f"{result.path}:{line}:{column}: ") + severity
                         + one_line(f": {f.message}{fix} [{f.check}]"))
    return "".join(line + "\n" for line in lines)
