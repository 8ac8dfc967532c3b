"""THE schema of a reference record (reference_data/missions/<id>.toml): load, validate, dump and document.

`MissionSchema().load(data)` returns plain dicts with typed values (aware UTC datetimes, dates, tuples) or
raises ValidationError with every problem at once; `.dump(record)` gives the JSON the API serves. The field
order declared here is the order the TOML writer (records/tomlwrite.py) writes, and docs/records.md's field
table is generated from it (scripts/records_doc.py). Rules that span records (unique ids and aliases, id = file
name) live in records/store.py, which turns both kinds of problem into one RecordError.
"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any, NoReturn

from marshmallow import RAISE, Schema, ValidationError, fields, validates, validates_schema
from marshmallow.validate import Length, OneOf, Range, Regexp

from orbitcheck.vocabulary.zones import zone_name_problem

PRECISIONS = ("second", "minute", "hour", "day", "month", "quarter", "year")
KINDS = ("cargo", "crewed", "other")
OUTCOMES = ("success", "failure", "partial", "scheduled")
EVENT_KINDS = ("docking", "berthing", "grapple", "undocking", "landing", "reentry")  # landing/reentry: end of mission
MASS_KINDS = ("cargo_up", "cargo_pressurized", "cargo_dry", "cargo_up_part", "propellant", "water", "spacecraft_launch")
MASS_UNITS = ("kg",)
METHODS = ("curated", "imported", "synced")
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Top-level fields and tables a person may mark as edited by hand: importers never change them.
HAND_EDITABLE = ("name", "aliases", "cospar", "kind", "destination", "expeditions", "launch", "events", "masses",
                 "crew")

# What must be zero (or first) in a time of each precision: a "minute" time may not carry seconds.
_ZERO_BELOW = {
    "second": ("microsecond",),
    "minute": ("second", "microsecond"),
    "hour": ("minute", "second", "microsecond"),
    "day": ("hour", "minute", "second", "microsecond"),
}
_FIRST_OF = {"month": (), "quarter": ("quarter",), "year": ("month",)}


class UtcTime(fields.Field):
    """An instant in UTC: a string like "2018-11-16T18:14:08Z" or a TOML offset date-time with offset 0."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        if isinstance(value, str):
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z", value):
                raise ValidationError(f"must be a UTC time written YYYY-MM-DDThh:mm[:ss]Z, not {value!r}")
            try:
                value = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise ValidationError(f"not a real date and time: {value!r}") from None
        if not isinstance(value, datetime) or isinstance(value, bool):
            raise ValidationError("must be a UTC time written YYYY-MM-DDThh:mm[:ss]Z")
        if value.tzinfo is None or value.utcoffset() != UTC.utcoffset(None):
            raise ValidationError("must be in UTC (end it with Z)")
        return value.astimezone(UTC)

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        if value is None or isinstance(value, str):
            return value
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class IsoDate(fields.Field):
    """A calendar date: "2025-12-01" or a TOML local date."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> date:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else _bad(value)
            except ValueError:
                _bad(value)
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        _bad(value)

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        return value if value is None or isinstance(value, str) else value.isoformat()


def _bad(value: Any) -> NoReturn:
    raise ValidationError(f"must be a date written YYYY-MM-DD, not {value!r}")


def _zone_exists(zone: str) -> None:
    problem = zone_name_problem(zone)
    if problem:
        raise ValidationError(problem)


def _check_precision(data: dict, field: str = "time") -> None:
    when, precision = data.get(field), data.get("precision")
    if when is None or precision is None:
        return
    if precision in _FIRST_OF:
        starts = when.day == 1 and not (when.hour or when.minute or when.second or when.microsecond)
        starts &= when.month % 3 == 1 if precision == "quarter" else when.month == 1 if precision == "year" else True
        if not starts:
            raise ValidationError(f"a {precision}-precision time is the first instant of its {precision}", field)
        return
    finer = [part for part in _ZERO_BELOW[precision] if getattr(when, part)]
    if finer:
        raise ValidationError(f"has {finer[0]}s but precision is {precision!r}: zero them or use a finer precision",
                              field)


class _Strict(Schema):
    class Meta:
        unknown = RAISE


class SourceSchema(_Strict):
    title = fields.String(required=True, validate=Length(min=1))
    url = fields.Url(load_default=None, schemes={"http", "https"})
    dataset = fields.String(load_default=None, validate=Length(min=1))
    retrieved = IsoDate(required=True)
    licence = fields.String(required=True, validate=Length(min=1))
    method = fields.String(load_default="curated", validate=OneOf(METHODS))
    note = fields.String(load_default="")

    @validates_schema
    def _url_or_dataset(self, data: dict, **kwargs: Any) -> None:
        if not data.get("url") and not data.get("dataset"):
            raise ValidationError("a source needs a url or a dataset", "url")


def _source() -> fields.String:
    """The key of the mission's [sources.<key>] table that gives this figure (declared last: it is written last)."""
    return fields.String(required=True, validate=Length(min=1))


class LaunchSchema(_Strict):
    time = UtcTime(required=True)
    precision = fields.String(required=True, validate=OneOf(PRECISIONS))
    uncertain = fields.Boolean(load_default=False)
    site = fields.String(load_default=None, validate=Length(min=1))
    site_aliases = fields.List(fields.String(validate=Length(min=1)), load_default=list)
    pad = fields.String(load_default=None)
    zone = fields.String(load_default=None)
    vehicle = fields.String(load_default=None)
    outcome = fields.String(load_default=None, validate=OneOf(OUTCOMES))
    note = fields.String(load_default="")
    source = _source()

    @validates("zone")
    def _zone(self, value: str | None, **kwargs: Any) -> None:
        if value is not None:
            _zone_exists(value)

    @validates_schema
    def _rules(self, data: dict, **kwargs: Any) -> None:
        _check_precision(data)
        if data.get("site_aliases") and not data.get("site"):
            raise ValidationError("site_aliases without a site", "site")
        if data.get("site") and not data.get("zone"):
            raise ValidationError("a launch site needs its IANA zone", "zone")


class EventSchema(_Strict):
    kind = fields.String(required=True, validate=OneOf(EVENT_KINDS))
    time = UtcTime(required=True)
    precision = fields.String(required=True, validate=OneOf(PRECISIONS))
    uncertain = fields.Boolean(load_default=False)
    target = fields.String(load_default=None)
    note = fields.String(load_default="")
    source = _source()

    @validates_schema
    def _rules(self, data: dict, **kwargs: Any) -> None:
        _check_precision(data)


class MassSchema(_Strict):
    kind = fields.String(required=True, validate=OneOf(MASS_KINDS))
    value = fields.Float(required=True, validate=Range(min=0, min_inclusive=False), allow_nan=False)
    unit = fields.String(required=True, validate=OneOf(MASS_UNITS))
    uncertain = fields.Boolean(load_default=False)
    part = fields.String(load_default=None, validate=Length(min=1))  # cargo_up_part: which carrier (MPLM, middeck)
    note = fields.String(load_default="")
    source = _source()

    @validates_schema
    def _part_only_on_parts(self, data: dict, **kwargs: Any) -> None:
        if (data.get("kind") == "cargo_up_part") != bool(data.get("part")):
            raise ValidationError("a cargo_up_part mass names its part; other masses have none", "part")


class CrewSchema(_Strict):
    name = fields.String(required=True, validate=Length(min=1))
    agency = fields.String(load_default=None)
    role = fields.String(load_default=None)
    expedition = fields.String(load_default=None, validate=Regexp(r"^\d+$", error="an expedition number"))
    source = _source()


class MissionSchema(_Strict):
    id = fields.String(required=True, validate=Regexp(ID_PATTERN, error="lowercase letters, digits and hyphens"))
    name = fields.String(required=True, validate=Length(min=1))
    aliases = fields.List(fields.String(validate=Length(min=1)), load_default=list)
    cospar = fields.String(load_default=None, validate=Regexp(r"^\d{4}-(?:\d{3}[A-Z]{0,3}|[FSAMW]\d{2,3})$",
                                                                  error="a COSPAR id (2018-091A) or GCAT tag"))
    kind = fields.String(required=True, validate=OneOf(KINDS))
    destination = fields.String(load_default=None)
    expeditions = fields.List(fields.String(validate=Regexp(r"^\d+$", error="an expedition number")),
                              load_default=list)
    expeditions_source = fields.String(load_default=None)
    launch = fields.Nested(LaunchSchema, load_default=None)
    events = fields.List(fields.Nested(EventSchema), load_default=list)
    masses = fields.List(fields.Nested(MassSchema), load_default=list)
    crew = fields.List(fields.Nested(CrewSchema), load_default=list)
    hand_edited = fields.List(fields.String(validate=OneOf(HAND_EDITABLE)), load_default=list)
    sources = fields.Dict(keys=fields.String(validate=Regexp(ID_PATTERN)), values=fields.Nested(SourceSchema),
                          required=True, validate=Length(min=1))

    @validates_schema(skip_on_field_errors=False)
    def _sources_resolve(self, data: dict, **kwargs: Any) -> None:
        # Runs even when other fields failed, so one load reports every unresolved source too.
        known = set(data.get("sources") or ())
        errors: dict[str, Any] = {}
        launch = data.get("launch")
        if isinstance(launch, dict) and launch.get("source") and launch["source"] not in known:
            errors["launch"] = {"source": [f"no [sources.{launch['source']}] entry"]}
        for field in ("events", "masses", "crew"):
            for i, item in enumerate(data.get(field) or ()):
                if isinstance(item, dict) and item.get("source") and item["source"] not in known:
                    errors.setdefault(field, {})[i] = {"source": [f"no [sources.{item['source']}] entry"]}
        if data.get("expeditions") and not data.get("expeditions_source"):
            errors["expeditions_source"] = ["expeditions need a source"]
        elif data.get("expeditions_source") and data["expeditions_source"] not in known:
            errors["expeditions_source"] = [f"no [sources.{data['expeditions_source']}] entry"]
        if errors:
            raise ValidationError(errors)

    @validates_schema
    def _masses_not_mixed(self, data: dict, **kwargs: Any) -> None:
        # One figure per kind: two "cargo_up" values would leave the checker to guess which one holds.
        seen: set[tuple[str, str | None]] = set()
        for i, mass in enumerate(data.get("masses") or ()):
            key = (mass["kind"], mass.get("part"))
            if key in seen:
                raise ValidationError({"masses": {i: {"kind": [f"a second {mass['kind']!r} mass"]}}})
            seen.add(key)
