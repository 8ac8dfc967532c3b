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

import bisect
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
    """The findings, with those inside a disabled region (or on a disabled next line) marked suppressed.

    Linear in findings + directives (times a log): the directives are indexed once, by position for the
    regions and by line for next-line, so a draft with thousands of directives costs no more per finding."""
    found = directives(doc)
    findings = tuple(findings)
    if not found:
        return findings
    index = _Index(doc, found)
    return tuple(dataclasses.replace(f, suppressed=True) if not f.suppressed and index.suppressed(f)
                 else f for f in findings)


class _Index:
    """The directives arranged for lookup: region directives as (end offsets, kinds) per scope, the scope
    being one check id or "every check" (None); next-line directives as the set of lines they silence."""

    def __init__(self, doc: Document, found: tuple[Directive, ...]) -> None:
        self._doc = doc
        self._regions: dict[str | None, tuple[list[int], list[int], list[bool]]] = {}
        self._lines_all: set[int] = set()
        self._lines: dict[str, set[int]] = {}
        for order, d in enumerate(found):
            if d.kind == "disable-next-line":
                line = doc.line_col(d.end)[0] + 1
                if d.checks is None:
                    self._lines_all.add(line)
                for check in d.checks or ():
                    self._lines.setdefault(check, set()).add(line)
                continue
            for scope in d.checks if d.checks is not None else (None,):
                ends, orders, offs = self._regions.setdefault(scope, ([], [], []))
                ends.append(d.end)
                orders.append(order)
                offs.append(d.kind == "disable")

    def suppressed(self, finding: Finding) -> bool:
        line = self._doc.line_col(finding.start)[0]
        if line in self._lines_all or line in self._lines.get(finding.check, ()):
            return True
        # The last region directive before the finding that covers its check decides.
        return max(self._last(None, finding.start), self._last(finding.check, finding.start))[1]

    def _last(self, scope: str | None, offset: int) -> tuple[int, bool]:
        """(order, is-disable) of the scope's last region directive ending at or before offset; (-1, False)."""
        entry = self._regions.get(scope)
        if entry is None:
            return -1, False
        ends, orders, offs = entry
        i = bisect.bisect_right(ends, offset) - 1
        return (orders[i], offs[i]) if i >= 0 else (-1, False)
