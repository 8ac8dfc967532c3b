"""The `.orbitcheck.toml` file, schema first: every key, its type and what values it allows.

    fail_on = "warning"              # error | warning | never
    tolerance = "news"               # strict | news | ap
    default_zone = "America/New_York"
    published_field = "pubDate"      # front-matter key holding the publication date
    exclude = ["drafts/old/*", "*.draft.md"]  # like --exclude, relative to this file's folder
    [checks]
    enable = ["unit-pair"]           # only these (default: all)
    disable = ["weekday-date"]
"""
from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError, fields, validate

from orbitcheck.model import FailLevel, Profile
from orbitcheck.vocabulary.zones import zone_name_problem


def _known_zone(name: str) -> None:
    problem = zone_name_problem(name)
    if problem:
        raise ValidationError(problem)


def _known_check(check_id: str) -> None:
    from orbitcheck.checks import all_checks

    known = [c.ID for c in all_checks()]
    if check_id not in known:
        raise ValidationError(f"unknown check {check_id!r}; known: {', '.join(known) or 'none'}")


class ChecksSchema(Schema):
    class Meta:
        unknown = RAISE

    enable = fields.List(fields.String(validate=_known_check))
    disable = fields.List(fields.String(validate=_known_check))


class ConfigSchema(Schema):
    class Meta:
        unknown = RAISE

    fail_on = fields.String(validate=validate.OneOf([level.value for level in FailLevel]))
    tolerance = fields.String(validate=validate.OneOf([profile.value for profile in Profile]))
    default_zone = fields.String(validate=_known_zone)
    published_field = fields.String(validate=validate.Length(min=1))
    # data_key: `exclude` is a marshmallow Schema attribute, so the field has another Python name.
    exclude_globs = fields.List(fields.String(validate=validate.Length(min=1)), data_key="exclude", metadata={
        "description": "Globs a directory walk skips, matched against the path relative to this file's folder "
                       "and against each file or folder name (as --exclude)."})
    checks = fields.Nested(ChecksSchema)
