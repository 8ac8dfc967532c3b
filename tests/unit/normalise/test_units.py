"""The one pint registry, its definitions file, readings and cached factors."""

import subprocess
import sys

import pytest

from orbitcheck.normalise import units
from orbitcheck.vocabulary.unitwords import unit_key


def test_importing_builds_nothing():
    code = (
        "import orbitcheck.normalise.units as u, orbitcheck.checks.unit_pair, orbitcheck.engine;"
        "print(u.registry.cache_info().currsize, u._factor.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "0"]


def test_one_registry_per_process_with_our_definitions():
    assert units.registry() is units.registry()
    ureg = units.registry()
    assert ureg.Quantity(1, "short_ton_force").to("force_pound").magnitude == pytest.approx(2000)
    assert ureg.Quantity(1, "tonne_force").to("kilogram_force").magnitude == pytest.approx(1000)
    assert ureg.Quantity(1, "nautical_mile_per_hour").to("knot").magnitude == pytest.approx(1)


def test_factors_are_derived_once_and_cached():
    units.conversions("km", "mi")
    before = units._factor.cache_info()
    assert units.conversions("km", "mi")[0](100) == pytest.approx(62.137, abs=1e-3)
    units._factor("kilometer", "mile")
    assert units._factor.cache_info().hits > before.hits
    assert units._factor.cache_info().misses == before.misses


def test_tons_have_short_and_metric_readings_and_never_convert_to_themselves():
    readings = [c.reading for c in units.conversions("ton", "tonne")]
    assert readings[0].startswith("short ton")
    assert not any(r.startswith("metric ton (1,000 kg) -> metric ton") for r in readings)
    lb = {c.reading: c.scale for c in units.conversions("ton", "lb")}
    assert lb["short ton (2,000 lb) -> pound (mass)"] == pytest.approx(2000)
    assert lb["metric ton (1,000 kg) -> pound (mass)"] == pytest.approx(2204.62, abs=0.01)


def test_pounds_pair_with_newtons_only_as_force():
    (only,) = units.conversions("lb", "MN")
    assert only.reading == "pound-force -> MN"
    assert only(7.6e6) == pytest.approx(33.8, abs=0.05)


def test_temperatures_have_an_offset_but_differences_do_not():
    absolute, difference = units.conversions("degF", "degC")
    assert absolute(212) == pytest.approx(100) and not absolute.difference
    assert difference(3.6) == pytest.approx(2) and difference.difference


def test_incompatible_units_have_no_reading():
    assert units.conversions("km", "kg") == ()


def test_ap_factors_only_in_the_ap_profile():
    assert all("AP" not in c.reading for c in units.conversions("mi", "km"))
    assert units.conversions("mi", "km", "ap")[-1].scale == 1.6


@pytest.mark.parametrize(
    "written, key",
    [
        ("metric tons", "tonne"),
        ("tonnes", "tonne"),
        ("tons", "ton"),
        ("lbs.", "lb"),
        ("pounds of thrust", "lbf"),
        ("kph", "km/h"),
        ("km/hour", "km/h"),
        ("nm/hr", "knot"),
        ("° Fahrenheit", "degF"),
        ("degrees F", "degF"),
        ("grados Fahrenheit", "degF"),
        ("gradi Celsius", "degC"),
        ("C", "degC"),
        ("MN", "MN"),
        ("AU", "au"),
        ("Kilometers", "km"),
        ("square miles", "mi2"),
        ("km²", "km2"),
    ],
)
def test_unit_words(written, key):
    assert unit_key(written) == key


@pytest.mark.parametrize("written", ["mn", "c", "GMT", "sec", "min", "au"])
def test_not_unit_words(written):
    assert unit_key(written) is None
