"""Where a finding sits, in the units each output format counts, and which part its suggestion replaces.

Offsets in a Finding are code points into the document's text. SARIF (columnKind unicodeCodePoints) and
GitHub count code points too; reviewdog counts UTF-8 bytes. The suggestion of a paired claim usually
replaces one side of the pair ("22,323 miles" replaces "22,314 miles" inside "35,926 km (22,314 miles)"),
so a fix must know that sub-span, not the whole finding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Finding, Span
from ..text import Document

# A check that knows exactly what its suggestion replaces says so in details (document code points).
SUGGESTION_SPAN_KEY = "suggestion_span"
_SEGMENTS = re.compile(r"[^();]+")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in the unit of the function that built it


def code_point_position(doc: Document, offset: int) -> Position:
    return Position(*doc.line_col(offset))


def utf8_position(doc: Document, offset: int) -> Position:
    """1-based line and 1-based column counted in UTF-8 bytes (reviewdog's unit)."""
    line, column = doc.line_col(offset)
    line_start = offset - (column - 1)
    return Position(line, len(doc.text[line_start:offset].encode("utf-8")) + 1)


def suggestion_span(finding: Finding, doc: Document) -> Span | None:
    """The part of the document the suggestion replaces, or None when there is no safe answer.

    Order: the check's own `details["suggestion_span"]` ([start, end]); else the one segment of the claim
    (split at parentheses and semicolons) whose unit word is the suggestion's ("miles" in "22,323 miles");
    else None: a fix that rewrote the wrong half of a pair would be worse than no fix.
    """
    if not finding.suggestion:
        return None
    given = finding.details.get(SUGGESTION_SPAN_KEY)
    if isinstance(given, (list, tuple)) and len(given) == 2 and all(isinstance(v, int) for v in given):
        start, end = given
        if finding.start <= start <= end <= finding.end:
            return Span(start, end)
    want = _last_word(finding.suggestion)
    if want is None:
        return None
    claim = doc.text[finding.start:finding.end]
    matches = [m for m in _SEGMENTS.finditer(claim) if m.group().strip() and _last_word(m.group()) == want]
    if len(matches) != 1:
        return None
    segment = matches[0]
    lead = len(segment.group()) - len(segment.group().lstrip())
    trail = len(segment.group()) - len(segment.group().rstrip())
    return Span(finding.start + segment.start() + lead, finding.start + segment.end() - trail)


def _last_word(text: str) -> str | None:
    m = _LAST_WORD.search(text.strip())
    return m.group(1).lower() if m else None
