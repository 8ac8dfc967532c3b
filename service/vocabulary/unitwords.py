"""Unit words as news copy writes them, mapped to our unit keys (service/normalise/units.py reads the keys).

Abbreviations are matched case-sensitively ("MN" is meganewtons, "mN" would not be); words in any case.
`UNIT` is a regex fragment without groups; `unit_key(text)` names the unit a match stands for.
"""

from __future__ import annotations

from functools import cache

from .patterns import trie

# "pounds of maximum thrust", "lb of liftoff thrust": the weight words with the thrust words copy uses.
_THRUST_WORDS = tuple(
    f"{weight} of {kind} thrust"
    for weight in ("pounds", "pound", "lbs", "lb", "lbs.", "lb.")
    for kind in ("maximum", "max", "peak", "liftoff", "lift-off", "takeoff", "sea level", "vacuum", "total")
)
# key: (abbreviations, case-sensitive), (words, any case). Plural and singular both listed.
_VOCABULARY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "km": (
        ("km", "kms", "Km", "KM"),
        (
            "kilometers", "kilometer", "kilometres", "kilometre", "kilómetros", "kilómetro", "kilometros",
            "kilometro", "kilomètres", "kilomètre",
        ),
    ),
    "mi": (("mi", "mi."), ("miles", "mile", "statute miles", "statute mile", "millas", "milla")),
    "nmi": (("nmi", "n.mi.", "n. mi.", "n.mi"), ("nautical miles", "nautical mile")),
    "ft": (("ft", "ft."), ("feet", "foot")),
    "m": (("m",), ("meters", "meter", "metres", "metre")),
    "cm": (("cm",), ("centimeters", "centimeter", "centimetres", "centimetre")),
    "mm": (("mm",), ("millimeters", "millimeter", "millimetres", "millimetre")),
    # The double prime is the inch mark ("a 200\u2033 mirror"); the ASCII quote is not read (it quotes).
    "in": (("\u2033",), ("inches", "inch", "pulgadas", "pulgada")),
    "yd": (("yd",), ("yards", "yard")),
    "au": (("AU",), ("astronomical units", "astronomical unit")),
    "ly": ((), ("light-years", "light-year", "light years", "light year")),
    "km2": (
        ("km2", "km²", "sq km", "sq. km", "sq.km"),
        (
            "square kilometers", "square kilometer", "square kilometres", "square kilometre", "square km",
            "sq kilometers", "sq. kilometers", "sq kilometres", "sq. kilometres",
        ),
    ),
    "mi2": (
        ("mi2", "mi²", "sq mi", "sq. mi", "sq. mi.", "sq.mi."),
        ("square miles", "square mile", "sq miles", "sq. miles", "sq mile", "sq. mile"),
    ),
    "m2": (("m2", "m²", "sq m"), ("square meters", "square meter", "square metres", "square metre")),
    "ft2": (("ft2", "ft²", "sq ft", "sq. ft.", "sq. ft"), ("square feet", "square foot")),
    "km3": (("km3", "km³"), ("cubic kilometers", "cubic kilometer", "cubic kilometres", "cubic kilometre")),
    "m3": (("m3", "m³", "cu m"), ("cubic meters", "cubic meter", "cubic metres", "cubic metre")),
    "ft3": (("ft3", "ft³", "cu ft", "cu. ft.", "cu. ft"), ("cubic feet", "cubic foot")),
    "yd3": (("yd3", "yd³", "cu yd"), ("cubic yards", "cubic yard")),
    "acre": ((), ("acres", "acre")),
    "ha": (("ha",), ("hectares", "hectare")),
    "lb": (("lb", "lbs", "lb.", "lbs.", "Lbs", "LBS", "Lbs."), ("pounds", "pound")),
    "kg": (("kg", "kgs", "kg.", "Kg", "KG", "Kgs"), ("kilograms", "kilogram", "kilogrammes", "kilogramme", "kilos")),
    "g": ((), ("grams", "gram", "grammes")),
    "oz": (("oz",), ("ounces", "ounce")),
    "ton": ((), ("tons", "ton")),
    "tonne": (("t",), ("metric tons", "metric ton", "metric tonnes", "metric tonne", "tonnes", "tonne")),
    "short_ton": ((), ("short tons", "short ton", "U.S. tons", "US tons", "U.S. ton", "US ton")),
    "long_ton": ((), ("long tons", "long ton")),
    "lbf": (
        ("lbf",),
        (
            "pounds of thrust",
            "pound of thrust",
            "pounds-force",
            "pound-force",
            "pounds of force",
            "lbs of thrust",
            "lb of thrust",
            "lbs. of thrust",
            "lb. of thrust",
            *_THRUST_WORDS,
        ),
    ),
    "ton_force": ((), ("tons of thrust", "tons-force", "tons of force")),
    "tonne_force": (
        ("tf",),
        ("metric tons of thrust", "tonnes of thrust", "tonnes-force", "metric tons-force"),
    ),
    "kgf": (("kgf",), ("kilograms-force", "kilogram-force", "kilograms of thrust", "kilogram of thrust")),
    "N": ((), ("newtons", "newton")),
    "kN": (("kN",), ("kilonewtons", "kilonewton")),
    "MN": (("MN",), ("meganewtons", "meganewton")),
    "mph": (
        ("mph", "MPH", "mi/h", "mi/hr"),
        ("miles per hour", "miles an hour", "mile per hour", "miles/hour", "miles/hr"),
    ),
    "km/h": (
        ("km/h", "km/hr", "km/hour", "kph", "KPH", "kmh", "kmph", "km / h", "Km/h", "KMH", "km/ h"),
        (
            "kilometers per hour", "kilometres per hour", "kilometers an hour", "kilometres an hour",
            "kilometers/hour", "kilometres/hour", "kilometer per hour", "kilometre per hour", "km per hour",
            "km an hour",
        ),
    ),
    "km/s": (
        ("km/s", "km/sec", "kps"),
        (
            "kilometers per second", "kilometres per second", "kilometers a second", "kilometres a second",
            "km per second", "km a second",
        ),
    ),
    "mi/s": (("mi/s", "mi/sec"), ("miles per second", "miles a second")),
    "m/s": (
        ("m/s", "m/sec"),
        ("meters per second", "metres per second", "meters a second", "metres a second", "meters/second",
         "metres/second", "meter per second", "metre per second"),
    ),
    "ft/s": (
        ("ft/s", "ft/sec", "ft./sec.", "ft./sec", "fps"),
        ("feet per second", "feet a second", "feet/second", "feet/sec", "foot per second", "feet per sec"),
    ),
    "knot": (("kn", "kts", "nm/hr", "nm/h"), ("knots", "knot", "nautical miles per hour")),
    "psi": (("psi",), ("pounds per square inch",)),
    "kPa": (("kPa", "kPA", "KPa"), ("kilopascals", "kilopascal")),  # as printed: no other unit is written so
    "MPa": (("MPa",), ("megapascals", "megapascal")),
    "bar": ((), ("bars", "bar")),
    "l": ((), ("liters", "liter", "litres", "litre")),
    # Densities: "65 kg/m3 (4.1 lb/cu ft)", "5.5 g/cm³ (343 lb/ft³)".
    "kg/m3": (("kg/m3", "kg/m\u00b3", "kg/cu m"), ("kilograms per cubic meter", "kilograms per cubic metre")),
    "g/cm3": (("g/cm3", "g/cm\u00b3", "g/cc"), ("grams per cubic centimeter", "grams per cubic centimetre")),
    "lb/ft3": (("lb/ft3", "lb/ft\u00b3", "lb/cu ft", "lb/cu. ft.", "lbs/cu ft", "lbs/ft3"), ("pounds per cubic foot",)),
    "gal": (("gal",), ("gallons", "gallon")),
    "K": (("K",), ("kelvins", "kelvin")),
}
# Temperatures: "°F", "° Fahrenheit", "degrees F", "grados Fahrenheit", "gradi Celsius", bare "F"/"C".
_DEGREES = (
    "", "°", "° ", "degrees ", "degree ", "deg ", "deg. ", "grados ", "gradi ", "grad ", "graden ", "degrés ",
)
_SCALES = {"fahrenheit": "degF", "f": "degF", "celsius": "degC", "centigrade": "degC", "c": "degC"}
_TEMPERATURES = {d + s: key for d in _DEGREES for s, key in _SCALES.items()} | {"\u2109": "degF", "\u2103": "degC"}


_SURFACES = [s.lower() for abbr, words in _VOCABULARY.values() for s in abbr + words] + list(_TEMPERATURES)
# Matched in any case here; unit_key() then insists on the case of abbreviations ("MN", not "mn").
UNIT = rf"(?i:{trie(_SURFACES)})(?![\w/²³])"


def surfaces(keys: frozenset[str]) -> list[str]:
    """Every way of writing the units `keys` (lower-cased, as UNIT matches them): no other text is one of them."""
    return [w.lower() for key, (abbr, words) in _VOCABULARY.items() if key in keys for w in abbr + words] + [
        w for w, key in _TEMPERATURES.items() if key in keys]


@cache
def _lookup() -> tuple[dict[str, str], dict[str, str]]:
    exact = {s: key for key, (abbr, _) in _VOCABULARY.items() for s in abbr}
    lower = {s.lower(): key for key, (_, words) in _VOCABULARY.items() for s in words}
    return exact, lower


def unit_key(text: str) -> str | None:
    """The unit key a match of UNIT stands for ("metric tons" -> "tonne", "° Fahrenheit" -> "degF")."""
    text = " ".join(text.split())
    exact, lower = _lookup()
    key = exact.get(text) or lower.get(text.lower()) or lower.get(text.lower().replace("-", " "))
    if key:
        return key
    if text in ("f", "c"):  # a lone lower-case letter is not a temperature scale
        return None
    return _TEMPERATURES.get(text.lower())
