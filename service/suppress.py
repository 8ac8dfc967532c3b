"""Suppression comments in Markdown drafts, applied to a report's findings after every check has run.

    <!-- orbitcheck-disable -->              every check off from here ...
    <!-- orbitcheck-enable -->               ... to here (or to the end of the file)
    <!-- orbitcheck-disable unit-pair -->    only the named checks (ids separated by spaces or commas)
    <!-- orbitcheck-enable unit-pair -->
    <!-- orbitcheck-disable-next-line unit-pair -->   findings that start on the next line only

Suppressed findings are kept, marked `suppressed=True`: the summary counts them and SARIF shows them as
suppressed, so a disabled region never hides a claim silently. Comments are read from `doc.text` (the
prose has them masked out); those inside code spans or fenced code are examples, not directives.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Finding
from .text import Document, mask_code  # the same code rules the prose mask uses

_DIRECTIVE = re.compile(r"<!--\s*orbitcheck-(disable-next-line|disable|enable)(?![\w-])([^>]*?)\s*-->")
_IDS = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Directive:
    kind: str  # "disable" | "enable" | "disable-next-line"
    checks: frozenset[str] | None  # None: every check
    start: int
    end: int

    def covers(self, check: str) -> bool:
        return self.checks is None or check in self.checks


def directives(doc: Document) -> tuple[Directive, ...]:
    """Every suppression comment in the document, in order, outside code."""
    if "orbitcheck-" not in doc.text:  # nearly every draft: skip building the code mask
        return ()
    visible = mask_code(doc.text)
    found = []
    for m in _DIRECTIVE.finditer(visible):
        ids = frozenset(i for i in _IDS.split(m.group(2)) if i)
        found.append(Directive(m.group(1), ids or None, m.start(), m.end()))
    return tuple(found)


def apply(doc: Document, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The findings, with those inside a disabled region (or on a disabled next line) marked suppressed."""
    found = directives(doc)
    findings = tuple(findings)
    if not found:
        return findings
    return tuple(dataclasses.replace(f, suppressed=True) if not f.suppressed and _suppressed(doc, found, f)
                 else f for f in findings)


def _suppressed(doc: Document, found: tuple[Directive, ...], finding: Finding) -> bool:
    line = doc.line_col(finding.start)[0]
    off = False
    for d in found:
        if d.end > finding.start:
            break
        if not d.covers(finding.check):
            continue
        if d.kind == "disable-next-line":
            if doc.line_col(d.end)[0] + 1 == line:
                return True
        else:  # the last region directive before the finding decides, per check
            off = d.kind == "disable"
    return off
