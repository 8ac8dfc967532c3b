"""Each fact once: the hedge words and the zone-name rule live in vocabulary/, and every reader agrees with them."""
from __future__ import annotations

import pytest
from marshmallow import ValidationError

from orbitcheck.config import ConfigError, load
from orbitcheck.errors import InputError
from orbitcheck.extract import clock, numbers
from orbitcheck.schemas.config import ConfigSchema
from orbitcheck.vocabulary import hedges, zones


def test_quantity_hedges_are_the_table():
    assert {w: kind for kind, words in hedges.QUANTITY.items() for w in words} == numbers.HEDGES


def test_every_approximate_word_hedges_a_time_too():
    approximate = set(hedges.QUANTITY[hedges.APPROX]) - {"an estimated"}
    assert approximate <= set(clock._HEDGES)
    assert set(hedges.TIME_IN_PARENTHESES) <= set(hedges.TIME)


@pytest.mark.parametrize("word", hedges.TIME_IN_PARENTHESES)
def test_the_parenthesis_pattern_reads_every_word_of_its_table(word):
    assert clock._HEDGE_AT.match(word + " 1130")


@pytest.mark.parametrize(
    ("name", "ok"),
    [("America/New_York", True), ("Asia/Almaty", True), ("UTC", True), ("EST", False), ("MST", False),
     ("EST5EDT", False), ("Asia/Nowhere", False), ("", False), ("../etc/passwd", False)],
)
def test_one_zone_name_rule_for_settings_records_and_flags(name, ok, tmp_path):
    assert (zones.zone_name_problem(name) is None) is ok
    config_errors = ConfigSchema().validate({"default_zone": name})
    assert (not config_errors) is ok
    if ok:
        assert zones.default_entry(name).zone == name
    else:
        with pytest.raises(InputError):
            zones.default_entry(name)


def test_a_legacy_key_is_explained():
    assert "legacy" in zones.zone_name_problem("EST")
    with pytest.raises(ValidationError):
        ConfigSchema().load({"default_zone": "EST"})


def test_a_config_file_naming_a_legacy_key_is_refused(tmp_path):
    path = tmp_path / ".orbitcheck.toml"
    path.write_text('default_zone = "EST"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="legacy"):
        load(path)
