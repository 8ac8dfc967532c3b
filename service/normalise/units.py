"""THE pint registry (one per process, built on first use) and the cached conversion factors.

pint is used only to derive a factor (and offset, for temperatures) once per pair of units; every later
conversion is a multiply-add on cached floats. Those factors are kept on disk (service/normalise/unitcache.py),
so a process whose table is already built never imports pint.

Unit keys come from service/vocabulary/unitwords.py; each key has one or more standard *readings* ("tons":
short or metric, mass or force; "pounds": mass or force; a temperature: a reading on the thermometer or a
difference), and a pair may be read any way that makes both sides the same kind of quantity.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import vocabulary
from . import unitcache

# key -> readings: (pint unit, how the reading is described in a finding's details)
READINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "km": (("kilometer", "km"),),
    "mi": (("mile", "mi"),),
    "nmi": (("nautical_mile", "nautical mi"),),
    "ft": (("foot", "ft"),),
    "m": (("meter", "m"),),
    "cm": (("centimeter", "cm"),),
    "mm": (("millimeter", "mm"),),
    "in": (("inch", "in"),),
    "yd": (("yard", "yd"),),
    "au": (("astronomical_unit", "AU"),),
    "ly": (("light_year", "light-year"),),
    "km2": (("kilometer ** 2", "km²"),),
    "mi2": (("mile ** 2", "mi²"),),
    "m2": (("meter ** 2", "m²"),),
    "ft2": (("foot ** 2", "ft²"),),
    "km3": (("kilometer ** 3", "km³"),),
    "m3": (("meter ** 3", "m³"),),
    "ft3": (("foot ** 3", "ft³"),),
    "yd3": (("yard ** 3", "yd³"),),
    "acre": (("acre", "acre"),),
    "ha": (("hectare", "ha"),),
    "lb": (("pound", "pound (mass)"), ("force_pound", "pound-force")),
    "kg": (("kilogram", "kg (mass)"), ("kilogram_force", "kilogram-force")),
    "g": (("gram", "g"),),
    "oz": (("ounce", "oz"),),
    "ton": (
        ("short_ton", "short ton (2,000 lb)"),
        ("tonne", "metric ton (1,000 kg)"),
        ("short_ton_force", "short ton-force"),
        ("tonne_force", "metric ton-force"),
    ),
    "tonne": (("tonne", "metric ton (1,000 kg)"), ("tonne_force", "metric ton-force")),
    "short_ton": (("short_ton", "short ton (2,000 lb)"), ("short_ton_force", "short ton-force")),
    "long_ton": (("long_ton", "long ton (2,240 lb)"), ("long_ton_force", "long ton-force")),
    "lbf": (("force_pound", "pound-force"),),
    "kgf": (("kilogram_force", "kilogram-force"),),
    "ton_force": (("short_ton_force", "short ton-force"), ("tonne_force", "metric ton-force")),
    "tonne_force": (("tonne_force", "metric ton-force"),),
    "N": (("newton", "N"),),
    "kN": (("kilonewton", "kN"),),
    "MN": (("meganewton", "MN"),),
    "mph": (("mile / hour", "mph"),),
    "km/h": (("kilometer / hour", "km/h"),),
    "km/s": (("kilometer / second", "km/s"),),
    "mi/s": (("mile / second", "mi/s"),),
    "m/s": (("meter / second", "m/s"),),
    "ft/s": (("foot / second", "ft/s"),),
    "knot": (("nautical_mile_per_hour", "knot"),),
    "psi": (("psi", "psi"),),
    "kPa": (("kilopascal", "kPa"),),
    "MPa": (("megapascal", "MPa"),),
    "bar": (("bar", "bar"),),
    "l": (("liter", "liter"),),
    "kg/m3": (("kilogram / meter ** 3", "kg/m³"),),
    "g/cm3": (("gram / centimeter ** 3", "g/cm³"),),
    "lb/ft3": (("pound / foot ** 3", "lb/ft³"),),
    "gal": (("gallon", "US gallon"),),
    "degF": (("degree_Fahrenheit", "°F"), ("delta_degree_Fahrenheit", "°F difference")),
    "degC": (("degree_Celsius", "°C"), ("delta_degree_Celsius", "°C difference")),
    "K": (("kelvin", "K"),),
}
# AP Stylebook's coarse factors (profile "ap"): "multiply miles by 1.6", "pounds by .45", ...
AP_FACTORS: dict[tuple[str, str], float] = {
    ("mi", "km"): 1.6,
    ("km", "mi"): 0.62,
    ("lb", "kg"): 0.45,
    ("kg", "lb"): 2.2,
    ("ft", "m"): 0.3,
    ("m", "ft"): 3.3,
    ("mph", "km/h"): 1.6,
    ("km/h", "mph"): 0.62,
    ("in", "cm"): 2.5,
    ("cm", "in"): 0.4,
    ("yd", "m"): 0.9,
    ("m", "yd"): 1.1,
    ("ton", "tonne"): 0.9,
    ("tonne", "ton"): 1.1,
    ("gal", "l"): 3.8,
    ("l", "gal"): 0.26,
    ("mi2", "km2"): 2.6,
    ("km2", "mi2"): 0.4,
}


@dataclass(frozen=True, slots=True)
class Conversion:
    """One way of reading a pair: value_b = value_a * scale + offset."""

    reading: str  # "short ton (2,000 lb) -> metric ton (1,000 kg)"
    scale: float
    offset: float = 0.0
    difference: bool = False  # a temperature difference (no 32° offset)

    def __call__(self, value: float) -> float:
        return value * self.scale + self.offset


@cache
def registry() -> Any:
    """The process's one UnitRegistry, with our definitions file; built on first use (about 0.25 s with the
    import). Only needed when the factor table (below) is not on disk yet or lacks a pair."""
    import pint

    ureg: Any = pint.UnitRegistry()
    ureg.load_definitions(str(resources.files(vocabulary).joinpath("units.txt")))
    return ureg


def _pint_factor(unit_a: str, unit_b: str, ureg: Any = None) -> tuple[float, float] | None:
    """(scale, offset) from pint: value_b = value_a * scale + offset; None for different kinds of quantity."""
    ureg = ureg if ureg is not None else registry()
    a, b = ureg.Unit(unit_a), ureg.Unit(unit_b)
    if a.dimensionality != b.dimensionality:
        return None
    zero = ureg.Quantity(0.0, a).to(b).magnitude
    return ureg.Quantity(1.0, a).to(b).magnitude - zero, zero


def _dimension_key(dimensionality: Any) -> str:
    """A canonical text for a pint dimensionality: "[length]^1 [mass]^1 [time]^-2" whatever order pint
    happened to build it in (str() is not canonical: newton and pound-force print differently)."""
    return " ".join(f"{name}^{power:g}" for name, power in sorted(dimensionality.items()))


def _table_units() -> list[str]:
    return sorted({unit for readings in READINGS.values() for unit, _ in readings})


def _table_key() -> str:
    from importlib.metadata import version

    definitions = resources.files(vocabulary).joinpath("units.txt").read_bytes()
    return unitcache.key(pint_version=version("pint"), definitions=definitions, units=_table_units())


def build_table(ureg: Any = None) -> unitcache.FactorTable:
    """Every pair `conversions` may ask for, derived by pint (`ureg`, default THE registry)."""
    ureg = ureg if ureg is not None else registry()
    dimensions = {}
    for name in _table_units():
        try:
            dimensions[name] = _dimension_key(ureg.Unit(name).dimensionality)
        except Exception:  # left out, so asking for it raises pint's own error, as without the table
            continue
    factors = {}
    for a in dimensions:
        for b in dimensions:
            # the pairs conversions() asks for: a change of unit, a difference only to a difference
            if a == b or dimensions[a] != dimensions[b] or a.startswith("delta_") != b.startswith("delta_"):
                continue
            try:
                factor = _pint_factor(a, b, ureg)
            except Exception:  # left out: asked for, pint raises the same error then
                continue
            if factor is not None:
                factors[a, b] = factor
    return unitcache.FactorTable(_table_key(), dimensions, factors)


@cache
def _table() -> tuple[unitcache.FactorTable | None, Path | None]:
    """The factor table and its file in the cache directory, built (with pint) and saved there when absent
    or stale. (None, None) when there is no cache directory: then each factor is derived on first use."""
    folder = unitcache.cache_dir()
    if folder is None:
        return None, None
    table_key = _table_key()
    path = unitcache.path_for(folder, table_key)
    table = unitcache.load(path, table_key)
    if table is None:
        table = build_table()
        saved = unitcache.save(folder, table)  # best effort: a read-only cache still serves this process
        return table, saved
    return table, path


def prepare() -> Path | None:
    """Ready every conversion now (gunicorn's master calls this before it forks): load or build the factor
    table, or without one build the pint registry itself. Returns the table's file, None if none is in use."""
    table, path = _table()
    if table is None:
        registry()
    return path


@cache
def _factor(unit_a: str, unit_b: str) -> tuple[float, float] | None:
    table, _ = _table()
    if table is not None:
        found = table.lookup(unit_a, unit_b)
        if found is not unitcache.Missing.MISSING:
            return found
    return _pint_factor(unit_a, unit_b)


@cache
def conversions(key_a: str, key_b: str, profile: str = "news") -> tuple[Conversion, ...]:
    """Every standard reading of "a (b)", in order of preference (US usage first); () if none fits."""
    found = []
    for unit_a, label_a in READINGS.get(key_a, ()):
        for unit_b, label_b in READINGS.get(key_b, ()):
            difference = unit_a.startswith("delta_")
            if unit_a == unit_b or difference != unit_b.startswith("delta_"):
                continue  # a conversion changes the unit; a difference converts to a difference
            factor = _factor(unit_a, unit_b)
            if factor:
                found.append(Conversion(f"{label_a} -> {label_b}", *factor, difference=difference))
    if profile == "ap" and (key_a, key_b) in AP_FACTORS:
        coarse = AP_FACTORS[key_a, key_b]
        found.append(Conversion(f"AP Stylebook factor: {key_a} x {coarse} = {key_b}", coarse))
    return tuple(found)
