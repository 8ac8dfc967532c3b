"""Issue 15, unit pairs: each class of writing seen in real copy, with a consistent and an inconsistent example.

Every sentence is our own (the real spans are in tests/data/corpus/real_pairs.jsonl); each stands for a class,
so the figures differ from the spans. An inconsistent example is the consistent one with a figure changed.
"""
from __future__ import annotations

import pytest

from orbitcheck.engine import check_text

CONSISTENT, INCONSISTENT, AMBIGUOUS = "consistent", "inconsistent", "ambiguous"


def _verdicts(text: str) -> list[str]:
    return [str(f.verdict) for f in check_text(text, checks=["unit-pair"]).findings]


CASES = [
    # Unit words: areas, volumes, forces in any case, statute and nautical miles, speeds written out.
    ("square-km", "The basin covers 2,000 square miles (5,180 square km) of plain.", CONSISTENT),
    ("square-km", "The basin covers 2,000 square miles (6,180 square km) of plain.", INCONSISTENT),
    ("sq-miles", "The ellipse spans 150 sq. km (58 sq. miles) this time.", CONSISTENT),
    ("sq-miles", "The ellipse spans 150 sq. km (78 sq. miles) this time.", INCONSISTENT),
    ("sq-mi", "The delta covers 45 sq mi (117 sq km).", CONSISTENT),
    ("sq-mi", "The delta covers 45 sq mi (137 sq km).", INCONSISTENT),
    ("kilonewtons", "Each engine makes 845 Kilonewtons (190,000 pounds of thrust) at liftoff.", CONSISTENT),
    ("kilonewtons", "Each engine makes 845 KILONEWTONS (240,000 pounds of thrust) at liftoff.", INCONSISTENT),
    ("thrust-adjective", "The core stage gives 2.1 million pounds of liftoff thrust (9.3 MN).", CONSISTENT),
    ("thrust-adjective", "The core stage gives 2.1 million pounds of liftoff thrust (12.3 MN).", INCONSISTENT),
    ("statute-miles", "The drone ship waits 31 statute miles (50 km) downrange.", CONSISTENT),
    ("statute-miles", "The drone ship waits 31 statute miles (70 km) downrange.", INCONSISTENT),
    ("nautical-miles", "Recovery ships wait 340 nautical miles (630 km) offshore.", CONSISTENT),
    ("nautical-miles", "Recovery ships wait 340 nautical miles (530 km) offshore.", INCONSISTENT),
    ("n-mi", "The orbit was a 213-km (115-n.mi.) circle.", CONSISTENT),
    ("n-mi", "The orbit was a 213-km (145-n.mi.) circle.", INCONSISTENT),
    ("feet-second", "The lander touched down at 7 feet/second (2.1 m/s) on the pad.", CONSISTENT),
    ("feet-second", "The lander touched down at 7 feet/second (3.1 m/s) on the pad.", INCONSISTENT),
    ("ft-sec", "The rover crawls at 0.14 ft/sec (0.043 m/s) on sand.", CONSISTENT),
    ("ft-sec", "The rover crawls at 0.14 ft/sec (0.063 m/s) on sand.", INCONSISTENT),
    ("kmh", "Winds reached 160 kmh (99 mph) near the pad.", CONSISTENT),
    ("kmh", "Winds reached 160 kmh (119 mph) near the pad.", INCONSISTENT),
    ("km-slash-h-spaced", "The capsule slowed to 24 km / h (15 mph) under its chutes.", CONSISTENT),
    ("km-slash-h-spaced", "The capsule slowed to 24 km / h (19 mph) under its chutes.", INCONSISTENT),
    ("metres-per-second", "The jet left the nozzle at 3,200 metres per second (10,500 feet per second).", CONSISTENT),
    ("metres-per-second", "The jet left the nozzle at 3,200 metres per second (12,500 feet per second).", INCONSISTENT),
    ("cubic-feet", "The module holds 2,740 cubic feet (77.6 cubic meters) of pressurised room.", CONSISTENT),
    ("cubic-feet", "The module holds 2,740 cubic feet (97.6 cubic meters) of pressurised room.", INCONSISTENT),
    ("cu-ft-m3", "The tank holds 14,200 cu ft (402 m3) of fuel.", CONSISTENT),
    ("cu-ft-m3", "The tank holds 14,200 cu ft (482 m3) of fuel.", INCONSISTENT),
    ("kelvin-K", "The detector runs at 40 K (-388 °F) behind its shield.", CONSISTENT),
    ("kelvin-K", "The detector runs at 40 K (-328 °F) behind its shield.", INCONSISTENT),
    ("kelvins", "The core burns at 15 million kelvins (27 million degrees F).", CONSISTENT),
    ("kelvins", "The core burns at 15 million kelvins (37 million degrees F).", INCONSISTENT),
    ("degree-glyphs", "The nozzle reaches 3,300\u2109 (1,816\u2103) in the burn.", CONSISTENT),
    ("degree-glyphs", "The nozzle reaches 3,300\u2109 (1,516\u2103) in the burn.", INCONSISTENT),
    ("degrees-F", "The gel keeps at 40 degrees F (4.4 degrees C) in the fridge.", CONSISTENT),
    ("degrees-F", "The gel keeps at 40 degrees F (8.4 degrees C) in the fridge.", INCONSISTENT),
    # An en or em dash glued to a figure is a minus ...
    ("en-dash-minus", "Nights fall to \u2013240\u00b0F (\u2013151\u00b0C) at the pole.", CONSISTENT),
    ("en-dash-minus", "Nights fall to \u2013240\u00b0F (\u2013181\u00b0C) at the pole.", INCONSISTENT),
    ("em-dash-minus", "Nights fall to \u2014240\u00b0F (-151\u00b0C) at the pole.", CONSISTENT),
    ("em-dash-minus", "Nights fall to \u2014240\u00b0F (-121\u00b0C) at the pole.", INCONSISTENT),
    # ... or punctuation: it is read both ways, never held against the pair.
    ("dash-punctuation", "It reached its orbit \u2014400 km (249 miles) up.", CONSISTENT),
    ("dash-punctuation", "It reached its orbit \u2014400 km (349 miles) up.", INCONSISTENT),
    # A round figure of three significant digits stands within 1 %, not 5 % (issue 15).
    ("round-three-digits", "The lander weighs about 3,410 pounds (1,547 kg) fuelled.", CONSISTENT),
    ("round-three-digits", "The lander weighs about 3,410 pounds (1,563 kg) fuelled.", INCONSISTENT),
    ("round-two-digits", "The stage weighs 5,900 pounds (2,700 kg) dry.", CONSISTENT),
    ("round-two-digits", "The stage weighs 5,900 pounds (3,700 kg) dry.", INCONSISTENT),
    # Spanish unit words in otherwise English figures.
    ("millas", "La Luna tiene 2,159 millas (3,475 km) de diámetro.", CONSISTENT),
    ("millas", "La Luna tiene 2,159 millas (4,475 km) de diámetro.", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_unit_pair_forms(form, text, expected):
    assert _verdicts(text) == [expected]


def test_up_to_a_temperature_is_a_temperature_not_a_difference():
    # 86 °F is 30 °C; as a difference it would be 47.8 °C: neither 38, and "up to" opens no bound.
    assert _verdicts("Days there reach up to 86 degrees F (38 degrees C) in summer.") == [INCONSISTENT]
    assert _verdicts("Days there reach up to 86 degrees F (30 degrees C) in summer.") == [CONSISTENT]


def test_a_lone_K_after_a_figure_pairs_only_with_a_temperature():
    assert _verdicts("The prize is 50K (30 miles) away.") == []
    assert _verdicts("It earns $50K (\u20ac45K) a year.") == []
