"""The unit-pair check: verdicts, tolerance, readings, suggestions, profiles, and the labelled corpus."""

import json

import pytest

from orbitcheck.engine import check_text
from tests.helpers.paths import DATA

CORPUS = DATA / "corpus" / "dev_pairs.jsonl"
ITEMS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def _check(text, **kwargs):
    return [f for f in check_text(text, checks=["unit-pair"], **kwargs).findings]


def _one(text, **kwargs):
    (finding,) = _check(text, **kwargs)
    return finding


@pytest.mark.parametrize("item", [i for i in ITEMS if i["kind"] == "unit_pair"], ids=lambda i: i["id"])
def test_corpus_unit_pairs_get_their_label(item):
    text = f"According to the mission team, {item['span']} is what the notes recorded."
    finding = _one(text)
    assert finding.verdict == item["label"]
    assert finding.text == item["span"]


@pytest.mark.parametrize("item", [i for i in ITEMS if i["kind"] == "not_a_pair"], ids=lambda i: i["id"])
def test_corpus_decoys_yield_no_unit_pair(item):
    assert _check(f"The schedule listed {item['span']} for the event.") == []


def test_seed_article_cargo_figure_is_consistent():
    finding = _one("The freighter carried 5,652 pounds (2,564 kg) of supplies to the outpost.")
    assert (finding.verdict, finding.severity, finding.suggestion) == ("consistent", "info", None)
    assert finding.message == "5,652 pounds is 2,563.7 kg: the conversion holds at the precision written."


def test_wrong_conversion_is_an_error_with_the_corrected_figure_written_the_writers_way():
    finding = _one("At apogee it is 35,926 km (22,314 miles) from Earth.")
    assert (finding.verdict, finding.severity) == ("inconsistent", "error")
    assert finding.suggestion == "22,323 miles"
    assert finding.message == "35,926 km is 22,323.4 miles, not 22,314 miles."
    (side,) = finding.details["sides"]
    (figure,) = side["figures"]
    assert side["reading"] == "km -> mi" and side["factor"] == pytest.approx(0.621371, abs=1e-6)
    assert figure["from_interval"] == [35925.5, 35926.5] and figure["written_interval"] == [22313.5, 22314.5]
    assert figure["converted_interval"][0] > 22323 and figure["fits"] is False
    assert "suggestion_span" not in finding.details  # the one fix model: Finding.fix
    fix = finding.fix
    assert "At apogee it is 35,926 km (22,314 miles) from Earth."[fix.span.start:fix.span.end] == "22,314 miles"
    assert fix.replacement == finding.suggestion


@pytest.mark.parametrize(
    "text, suggestion",
    [
        ("It flew 3,000 miles (5,900 kilometers) in all.", "4,800 kilometers"),  # round figure stays round
        ("It orbits 27 kilometers (18.7 miles) up.", "16.8 miles"),  # decimals kept
        ("They walked fifteen miles (thirty kilometers) that day.", "twenty-four kilometers"),
        ("It is 3.67 billion miles (4.91 billion kilometers) away.", "5.91 billion kilometers"),
        ("It fell to minus 100 degrees F (minus 93 C) overnight.", "minus 73 C"),
        ("It stands 1,000 feet (3,048 meters) high.", "305 meters"),
        ("The dish spans 560km by 35,926km (348 by 22,314 miles) in the drawing.", "348 by 22,323 miles"),
        ("The tank holds 100 km (62 mi; 430,000 ft) of cable.", "62 mi; 330,000 ft"),
    ],
)
def test_suggestions(text, suggestion):
    finding = _one(text)
    assert finding.verdict == "inconsistent"
    assert finding.suggestion == suggestion


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("It orbits 411 km (255 mi) up.", "consistent"),  # 255.4: inside 255 +- 0.5
        ("It orbits 411 km (257 mi) up.", "inconsistent"),
        ("It orbits 410 km (257 mi) up.", "consistent"),  # a round 410 stands for +-5 %
        ("It orbits about 410 km (265 mi) up.", "consistent"),  # "about" widens by 3 %
        ("It orbits 400 km (260 mi) up.", "consistent"),  # two round figures, +-5 % each
        ("It orbits 400 km (290 mi) up.", "inconsistent"),
        ("The plume rose 10 kilometers (more than six miles).", "consistent"),
        ("The plume rose 10 kilometers (more than eight miles).", "inconsistent"),
        ("The plume rose 10 kilometers (up to seven miles).", "consistent"),
        ("The plume rose 10 kilometers (less than five miles).", "inconsistent"),
    ],
)
def test_tolerance_rule(text, verdict):
    assert _one(text).verdict == verdict


def test_a_miss_within_one_unit_of_the_last_digit_is_only_a_warning():
    finding = _one("It flies at 25.6km (15.8 miles) above the site.")
    assert (finding.verdict, finding.severity, finding.suggestion) == (
        "inconsistent",
        "warning",
        "15.9 miles",
    )


@pytest.mark.parametrize(
    "text, reading",
    [
        (
            "The stage weighs 3 tons (2.7 metric tons) when empty.",
            "short ton (2,000 lb) -> metric ton (1,000 kg)",
        ),
        ("Its engines make 300 tons (660,000 lb) of thrust.", "metric ton (1,000 kg) -> pound (mass)"),
        (
            "Its engines make 8.8 million pounds (4,400 tons) of thrust.",
            "pound (mass) -> short ton (2,000 lb)",
        ),
        ("The engines give 7.6 million pounds of thrust (34 meganewtons).", "pound-force -> MN"),
        ("Its engines make 8.8 million lbs (4 million kgs) of thrust.", "pound (mass) -> kg (mass)"),
    ],
)
def test_ton_and_pound_readings_are_named(text, reading):
    finding = _one(text)
    assert finding.verdict == "consistent"
    assert finding.details["sides"][0]["reading"] == reading


def test_tons_against_metric_tons_cannot_be_read_as_metric():
    # "3 tons (3.5 metric tons)" would fit if "tons" were metric, but the writer is converting between units.
    assert _one("The stage weighs 3 tons (3.5 metric tons) when empty.").verdict == "inconsistent"


@pytest.mark.parametrize(
    "text, reading, verdict",
    [
        ("The ocean warmed by 2 °C (3.6 °F) in a century.", "°C difference -> °F difference", "consistent"),
        ("The surface reached 253 Fahrenheit (123 Celsius) at noon.", "°F -> °C", "consistent"),
        (
            "The record anomaly was 0.23° Fahrenheit (0.13° Celsius).",
            "°F difference -> °C difference",
            "consistent",
        ),
        ("The lab was kept at 20 °C (68 °F) all year.", "°C -> °F", "consistent"),
        ("The ocean warmed by 2 °C (5.6 °F) in a century.", "°C difference -> °F difference", "inconsistent"),
    ],
)
def test_temperatures_and_temperature_differences(text, reading, verdict):
    finding = _one(text)
    assert (finding.verdict, finding.details["sides"][0]["reading"]) == (verdict, reading)


def test_a_range_and_a_single_figure_is_ambiguous_not_wrong():
    finding = _one("The crater is 7-9 miles (13 km) wide.")
    assert (finding.verdict, finding.severity, finding.suggestion) == ("ambiguous", "warning", None)


def test_units_of_different_kinds_are_not_a_pair():
    assert _check("The walk was 5 km (3 hours) long.") == []


@pytest.mark.parametrize(
    "text, news, strict, ap",
    [
        ("It is 60 miles (100 km) away.", "consistent", "inconsistent", "consistent"),
        ("It is 255 miles (408 km) away.", "inconsistent", "inconsistent", "consistent"),
        ("It carried 146 pounds (65.7 kg) of food.", "inconsistent", "inconsistent", "consistent"),
        ("It carried 100 pounds (45 kg) of food.", "consistent", "consistent", "consistent"),
        ("It is 410 km (255 mi) up.", "consistent", "consistent", "consistent"),
    ],
)
def test_profiles(text, news, strict, ap):
    verdicts = [_one(text, profile=p).verdict for p in ("news", "strict", "ap")]
    assert verdicts == [news, strict, ap]
    assert _one(text, profile="ap").details["profile"] == "ap"


def test_ap_profile_names_the_coarse_factor():
    finding = _one("It is 255 miles (408 km) away.", profile="ap")
    assert finding.details["sides"][0]["reading"] == "AP Stylebook factor: mi x 1.6 = km"


def test_markdown_code_is_not_checked_but_prose_is():
    text = "Run `35,926 km (22,314 miles)` as a test.\n\n```\n410 km (200 mi)\n```\n\nIt is **410 km** (255 mi).\n"
    (finding,) = _check(text)
    assert finding.verdict == "consistent"
    assert finding.start == text.index("410 km**")


def test_span_and_offsets_point_into_the_original_text():
    text = "Line one.\nThe hop was about 217,000 miles (about 350,000 kilometres) long.\n"
    finding = _one(text)
    assert (
        text[finding.start : finding.end] == "about 217,000 miles (about 350,000 kilometres)" == finding.text
    )


def test_open_bounds_are_json_null():
    finding = _one("The plume rose 10 kilometers (more than six miles).")
    assert finding.details["sides"][0]["figures"][0]["written_interval"] == [5.5, None]
    json.dumps(finding.details, allow_nan=False)


def test_every_wrong_figure_of_a_range_is_corrected():
    finding = _one("The stage weighs 300 to 3,000 kilograms (760 to 7,600 pounds) when fuelled.")
    assert finding.suggestion == "660 to 6,600 pounds"
