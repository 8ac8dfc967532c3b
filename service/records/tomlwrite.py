"""Write a record dict as TOML in the canonical layout of docs/records.md (the standard library only reads TOML).

Only what records use: strings, numbers, booleans, lists of strings, one table (launch), arrays of tables
(events, masses, crew) and the sources table. Defaults (empty lists, "", false, None) are left out so a file
says only what is known.
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from marshmallow import fields

from ..schemas.records import MissionSchema, SourceSchema

TABLES = ("launch", "events", "masses", "crew")  # [launch], then [[events]], [[masses]], [[crew]]


def _order(field: fields.Field) -> tuple[str, ...]:
    nested = field.inner if isinstance(field, fields.List) else field
    assert isinstance(nested, fields.Nested)
    return tuple(nested.schema.fields)


# The one record schema's declared field order is the order a file is written in.
_SCHEMA = MissionSchema()
TOP = tuple(name for name in _SCHEMA.fields if name not in (*TABLES, "sources"))
ORDER = {name: _order(_SCHEMA.fields[name]) for name in TABLES} | {"sources": tuple(SourceSchema().fields)}


def dump_record(record: Mapping[str, Any]) -> str:
    lines = [_pair(k, record[k]) for k in TOP if _present(record.get(k))]
    if _present(record.get("launch")):
        lines += ["", "[launch]", *_table(record["launch"], ORDER["launch"])]
    for name in ("events", "masses", "crew"):
        for item in record.get(name) or ():
            lines += ["", f"[[{name}]]", *_table(item, ORDER[name])]
    for key, source in sorted((record.get("sources") or {}).items()):
        lines += ["", f"[sources.{key}]", *_table(source, ORDER["sources"])]
    return "\n".join(lines) + "\n"


def _present(value: Any) -> bool:
    return value not in (None, "", [], (), {}, False)


def _table(values: Mapping[str, Any], order: tuple[str, ...]) -> list[str]:
    unknown = set(values) - set(order)
    if unknown:  # a field the writer does not know would be silently dropped: refuse instead
        raise ValueError(f"cannot write unknown field(s) {sorted(unknown)}")
    return [_pair(k, values[k]) for k in order if _present(values.get(k))]


def _pair(key: str, value: Any) -> str:
    return f"{key} = {_value(value)}"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("TOML records hold finite numbers only")
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if hasattr(value, "isoformat"):
        return json.dumps(value.isoformat())
    raise ValueError(f"cannot write {type(value).__name__} to a record")
