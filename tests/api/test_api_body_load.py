"""body.load_valid: the request schemas' load without marshmallow's per-load machinery, when that cannot
change the answer. It must give exactly Schema.load's result, and every error must be Schema.load's own."""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from orbitcheck.api.body import _field_plan, load_valid, schema
from orbitcheck.schemas.api import BatchRequestSchema, CheckRequestSchema, StrictSchema

from .test_api_errors import BAD_REQUESTS

TEXT = "Its orbit is 35,926 km (22,314 miles) high."
GOOD = [
    {"text": TEXT},
    {"text": ""},
    {"text": TEXT, "include_passing": True},
    {"text": TEXT, "checks": []},
    {"text": TEXT, "checks": ["unit-pair", "time-pair"], "published": "2018-11-20", "include_passing": False},
]
# Every JSON body of the bad-request table sent to /v1/check, and more of the same kinds.
BAD = [case[3]["json"] for case in BAD_REQUESTS if case[2] == "/v1/check" and "json" in case[3] and case[4] == 422] + [
    {"text": TEXT, "include_passing": 1},
    {"text": TEXT, "include_passing": None},
    {"text": TEXT, "checks": [42]},
    {"text": TEXT, "checks": None},
    {"text": TEXT, "published": None},
    {"text": TEXT, "published": "2018-11-20T10:00:00"},
    {"text": TEXT, "Text": TEXT},
    {"include_passing": True},
    None,
    42,
]


def _outcome(load: Any, data: Any) -> tuple[str, Any]:
    try:
        return "ok", load(data)
    except ValidationError as exc:
        return "error", exc.messages


def _same_as_marshmallow(cls: type[Schema], data: Any) -> None:
    assert _outcome(lambda d: load_valid(cls, d), data) == _outcome(schema(cls).load, data)


def test_the_check_request_takes_the_short_path_and_the_batch_request_does_not():
    assert _field_plan(CheckRequestSchema) is not None
    assert _field_plan(BatchRequestSchema) is None  # its unique-ids validator is a schema hook


@pytest.mark.parametrize("data", GOOD)
def test_good_bodies_load_as_marshmallow_loads_them(data):
    _same_as_marshmallow(CheckRequestSchema, data)
    assert load_valid(CheckRequestSchema, data)["text"] == data["text"]


@pytest.mark.parametrize("data", BAD)
def test_bad_bodies_are_refused_with_marshmallows_own_messages(data):
    with pytest.raises(ValidationError):
        load_valid(CheckRequestSchema, data)
    _same_as_marshmallow(CheckRequestSchema, data)


def test_the_bad_table_reaches_here():
    assert {"publised": "2018-11-20", "text": "x"} in BAD and {"text": None} in BAD and ["x"] in BAD


class _Hooked(StrictSchema):
    text = fields.String(required=True)
    words = fields.Integer(validate=validate.Range(min=1))

    @validates_schema
    def _short(self, data: dict, **_: object) -> None:
        if len(data.get("text", "")) > 3:
            raise ValidationError("too long")


class _PostLoaded(StrictSchema):
    text = fields.String(required=True)

    @post_load
    def _upper(self, data: dict, **_: object) -> dict:
        return {"text": data["text"].upper()}


class _Renamed(StrictSchema):
    text = fields.String(required=True, data_key="body")
    words = fields.Integer(attribute="count", validate=validate.Range(min=1))


@pytest.mark.parametrize("cls, data", [
    (_Hooked, {"text": "long text"}), (_Hooked, {"text": "ok", "words": 0}), (_Hooked, {"text": "ok"}),
    (_PostLoaded, {"text": "abc"}),
    (_Renamed, {"body": "abc", "words": 2}), (_Renamed, {"body": "abc", "count": 2}),
    (_Renamed, {"text": "abc"}), (_Renamed, {"body": "abc", "words": 0}),
])
def test_schema_hooks_and_renamed_keys_give_marshmallows_answer(cls, data):
    _same_as_marshmallow(cls, data)


def test_a_schema_with_hooks_never_takes_the_short_path():
    assert _field_plan(_Hooked) is None and _field_plan(_PostLoaded) is None
    assert load_valid(_PostLoaded, {"text": "abc"}) == {"text": "ABC"}
    with pytest.raises(ValidationError, match="too long"):
        load_valid(_Hooked, {"text": "long text"})


_KEYS = st.sampled_from(["text", "checks", "published", "include_passing", "publised", "Text", ""])
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2, 2) | st.floats(allow_nan=False)
    | st.sampled_from(["", TEXT, "unit-pair", "no-such-check", "2018-11-20", "2018-02-30", "true"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "text"]), inner, max_size=2),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=5) | _VALUES)
def test_any_json_body_loads_exactly_as_marshmallow_loads_it(data):
    _same_as_marshmallow(CheckRequestSchema, data)
