"""Where a finding sits, in the units each output format counts.

Offsets in a Finding are code points into the document's text. GitHub counts code points too; SARIF states
its unit per run (columnKind); reviewdog counts UTF-8 bytes. What a suggestion replaces is the check's own
`Finding.fix`, never guessed here.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..text import Document


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
