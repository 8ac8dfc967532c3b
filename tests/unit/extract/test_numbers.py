"""Our own number parser: values, written precision, round figures, hedges, profiles."""

import math
import re

import pytest

from orbitcheck.extract.numbers import ABOVE, APPROX, BELOW, NUMBER, parse_number


@pytest.mark.parametrize(
    "text, value, half_unit",
    [
        ("5,652", 5652, 0.5),
        ("141, 000", 141000, 0.5),  # odd spacing as printed
        ("183 000", 183000, 0.5),  # SI spacing
        ("25.6", 25.6, 0.05),
        ("0.23", 0.23, 0.005),
        ("1.5 million", 1.5e6, 0.05e6),
        ("3.67 billion", 3.67e9, 0.005e9),
        ("fifteen", 15, 0.5),
        ("twenty-four", 24, 0.5),
        ("Six", 6, 0.5),
        ("-129", -129, 0.5),
        ("\u221289", -89, 0.5),
        ("minus 100", -100, 0.5),
    ],
)
def test_value_and_written_precision(text, value, half_unit):
    number = parse_number(text)
    assert number.value == pytest.approx(value)
    assert number.half_unit == pytest.approx(half_unit)


@pytest.mark.parametrize(
    "text, is_round",
    [
        ("400", True),
        ("28,000", True),
        ("1.1 million", True),
        ("2,564", False),
        ("16.7", False),
        ("10", True),
        ("twenty", True),
        ("0", False),
    ],
)
def test_round_figures(text, is_round):
    assert parse_number(text).round_figure is is_round


def test_precision_interval_is_half_a_unit_of_the_last_digit():
    assert parse_number("2,564").interval() == (2563.5, 2564.5)
    assert parse_number("16.7").interval() == pytest.approx((16.65, 16.75))


def test_round_figure_is_five_percent_loose_except_in_strict_profile():
    assert parse_number("28,000").interval() == pytest.approx((26600, 29400))
    assert parse_number("28,000").interval("strict") == (27999.5, 28000.5)
    assert parse_number("1.1 million").interval() == pytest.approx((1.045e6, 1.155e6))


def test_hedges_widen_or_make_one_sided_bounds():
    about = parse_number("255").with_hedge(APPROX).interval()
    assert about == pytest.approx((254.5 - 0.03 * 255, 255.5 + 0.03 * 255))
    lo, hi = parse_number("6").with_hedge(ABOVE).interval()
    assert lo == 5.5 and hi == math.inf
    lo, hi = parse_number("6").with_hedge(BELOW).interval()
    assert lo == -math.inf and hi == 6.5


def test_style_is_remembered_for_corrections():
    n = parse_number("22,314")
    assert (n.separator, n.decimals, n.scale, n.word) == (",", 0, None, False)
    assert parse_number("4000").separator == ""
    assert parse_number("348").separator is None
    assert parse_number("minus 73").sign == "minus "


@pytest.mark.parametrize(
    "text, found",
    [
        ("7-9 miles", ["7", "9"]),  # a range, not minus nine
        ("at 6:31 a.m.", ["6"]),  # minutes of a clock are not numbers of their own
        ("in 2018 100 km", ["2018", "100"]),  # a year never swallows the next figure
        ("-129°F", ["-129"]),
        ("version 1.5.2", ["1.5"]),
    ],
)
def test_number_pattern_boundaries(text, found):
    assert [m.group() for m in re.finditer(NUMBER, text)] == found


@pytest.mark.parametrize("bad", ["", "abc", "1,2", "--5"])
def test_not_numbers(bad):
    assert parse_number(bad) is None
