#!/usr/bin/env python3
"""Write docs/records.md's field table from the one record schema (orbitcheck.schemas.records).

Usage: scripts/records_doc.py [--check]   (--check: exit 1 when the docs differ from the schema; a test runs it)
The table sits between the markers `<!-- fields:begin -->` and `<!-- fields:end -->`; the rest is prose.
"""
from __future__ import annotations

import sys
from pathlib import Path

from marshmallow import fields
from marshmallow.validate import OneOf, Regexp

from orbitcheck.schemas import records

DOC = Path(__file__).resolve().parent.parent / "docs" / "records.md"
BEGIN, END = "<!-- fields:begin -->", "<!-- fields:end -->"
TYPES = {records.UtcTime: "UTC time", records.IsoDate: "date", fields.String: "string", fields.Float: "number",
         fields.Boolean: "boolean", fields.Integer: "integer", fields.Url: "URL"}


def _type(field: fields.Field) -> str:
    if isinstance(field, fields.List):
        return f"list of {_type(field.inner)}"
    if isinstance(field, fields.Nested):
        return "table"
    if isinstance(field, fields.Dict):
        return "tables by key"
    return next((name for cls, name in TYPES.items() if type(field) is cls), type(field).__name__)


def _allowed(field: fields.Field) -> str:
    inner = field.inner if isinstance(field, fields.List) else field
    validators = inner.validators if isinstance(inner, fields.Field) else []
    for v in validators:
        if isinstance(v, OneOf):
            return " \\| ".join(map(str, v.choices))
        if isinstance(v, Regexp):
            return "`" + v.regex.pattern.replace("|", "\\|") + "`"
    return ""


def table() -> str:
    tables = [("top level", records.MissionSchema), ("[launch]", records.LaunchSchema),
              ("[[events]]", records.EventSchema), ("[[masses]]", records.MassSchema),
              ("[[crew]]", records.CrewSchema), ("[sources.KEY]", records.SourceSchema)]
    lines = ["| table | field | type | required | allowed |", "|---|---|---|---|---|"]
    for name, schema in tables:
        for key, field in schema().fields.items():
            required = "yes" if field.required else ""
            lines.append(f"| {name} | `{key}` | {_type(field)} | {required} | {_allowed(field)} |")
    return "\n".join(lines)


def render(text: str) -> str:
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in argv:
        if new != text:
            print("docs/records.md's field table differs from the schema: run scripts/records_doc.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
