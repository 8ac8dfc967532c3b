"""`--format github`: GitHub Actions workflow commands, one annotation per warning or error.

    ::error file=draft.md,line=3,col=11,endLine=3,endColumn=34,title=unit-pair: inconsistent::message

Info (passing claims) and suppressed findings print nothing. Escaping follows the Actions runner:
in the message %, CR and LF; in properties also ':' and ','.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding, Severity
from ..text import Document
from . import FileResult
from .positions import code_point_position

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def render(results: Sequence[FileResult]) -> str:
    lines = []
    for result in results:
        doc = result.report.document
        for finding in result.report.findings:
            if finding.suppressed or finding.severity not in _COMMANDS:
                continue
            lines.append(_command(result.path, doc, finding))
    return "".join(line + "\n" for line in lines)


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(path: str, doc: Document, finding: Finding) -> str:
    first = code_point_position(doc, finding.start)
    # endColumn names the last character (it defaults to col for a one-character annotation).
    last = code_point_position(doc, max(finding.start, finding.end - 1))
    props: list[tuple[str, object]] = [("file", path), ("line", first.line)]
    if first.line == last.line:  # the runner rejects columns on annotations spanning lines
        props += [("col", first.column), ("endLine", last.line), ("endColumn", last.column)]
    else:
        props += [("endLine", last.line)]
    props.append(("title", f"{finding.check}: {finding.verdict}"))
    message = finding.message + (f" Suggestion: {finding.suggestion}." if finding.suggestion else "")
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{_COMMANDS[finding.severity]} {rendered}::{escape_data(message)}"
