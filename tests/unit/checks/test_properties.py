"""Properties of the engine that hold for any text, with whatever checks are registered.

Written against the public contract (check_text, Report, Finding, the JSON and text renderers), so every
check that joins the registry is held to them: never an exception, offsets inside the text and pointing at
the finding's own text, the same text gives the same findings, and a claim is judged the same whether its
paragraph is checked alone or inside a larger document.
"""
from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orbitcheck.engine import Report, check_text
from orbitcheck.formats.json import finding_dict
from orbitcheck.text import Utf16Offsets, parse_document
from tests.helpers.invariants import assert_well_formed

PUBLISHED = date(2018, 11, 20)
BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any code point a Python str can hold except lone surrogates (which no client can send as UTF-8).
UNICODE = st.characters(exclude_categories=("Cs",))

# Vocabulary of claim-shaped text: the tokens extractors look for, so random mixtures reach deep paths.
UNIT_WORDS = ("km", "kilometers", "mi", "miles", "ft", "feet", "m", "meters", "lb", "lbs", "pounds", "kg",
              "kilograms", "t", "tons", "metric tons", "tonnes", "mph", "km/h", "kph", "knots", "AU", "°F",
              "°C", "degrees Fahrenheit", "pounds of thrust", "meganewtons", "kN", "million", "billion")
TIME_WORDS = ("6:31 a.m.", "1131", "GMT", "EST", "EDT", "UTC", "Z", "MSK", "Moscow time", "Baikonur time",
              "local time", "noon", "midnight", "1814:08", "p.m.", "pm", "am", "IST", "CST", "BST")
DATE_WORDS = ("Nov. 16", "Dec. 3", "December 3, 2018", "Friday", "Friday, Nov. 16, 2018", "2018-11-16",
              "Thursday", "June 8", "Oct. 11", "2018", "Wednesday")
MISSION_WORDS = ("Progress MS-10", "Progress 71", "Soyuz MS-11", "Expedition 58", "Baikonur", "launch",
                 "docked", "delivered", "landed", "Gerst's crew", "the space station")
HUGE_NUMBERS = ("1" * 5000, "9" * 400, "1e308", "1e-308", "1E309", "-0", "0", "0.0000000001", "1,5",
                "1,000,000,000,000,000,000,000", "1.5 million", "1.5 billion", "007", "1,,000", ",5", "5,",
                "1.2.3", "-1" * 100, "½", "١٢٣", "２５", "1" * 4301 + ".5", "fifteen", "twenty-four")
PUNCT = ("(", ")", "((", "))", ",", ".", ";", "-", "–", "—", " to ", " (", ") ", "\n", "\n\n", "*", "_", "`")

TOKEN = st.sampled_from(UNIT_WORDS + TIME_WORDS + DATE_WORDS + MISSION_WORDS + HUGE_NUMBERS + PUNCT)
NUMBER = st.one_of(
    st.sampled_from(HUGE_NUMBERS),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.integers(min_value=0, max_value=10**12).map("{:,}".format),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
)
CLAIMISH = st.lists(st.one_of(TOKEN, NUMBER, st.text(UNICODE, max_size=5)), max_size=40).map(" ".join)


def _check(text: str, markdown: bool = True) -> Report:
    return check_text(text, markdown=markdown, published=PUBLISHED)


def _rendered(report: Report) -> list[dict]:
    return [finding_dict(f, report.document) for f in report.findings]


@BOUNDED
@given(text=st.text(UNICODE, max_size=2000), markdown=st.booleans())
def test_arbitrary_unicode_never_raises_and_stays_in_bounds(text, markdown):
    assert_well_formed(_check(text, markdown), text)


@BOUNDED
@given(text=CLAIMISH, markdown=st.booleans())
def test_claim_shaped_noise_never_raises_and_stays_in_bounds(text, markdown):
    assert_well_formed(_check(text, markdown), text)


@BOUNDED
@given(a=NUMBER, b=NUMBER, unit_a=st.sampled_from(UNIT_WORDS), unit_b=st.sampled_from(UNIT_WORDS),
       form=st.sampled_from(("{a} {ua} ({b} {ub})", "a {a}-{ua} ({b}-{ub}) orbit",
                             "{a} to {a} {ua} ({b} to {b} {ub})",
                             "{a} {ua} ({b} {ub}; {b} {ua})", "about {a} {ua} (more than {b} {ub})")))
def test_huge_and_odd_numbers_in_unit_pairs(a, b, unit_a, unit_b, form):
    text = "Progress delivered " + form.format(a=a, b=b, ua=unit_a, ub=unit_b) + " to the station."
    assert_well_formed(_check(text), text)


@BOUNDED
@given(hour=st.integers(-5, 99), minute=st.integers(-5, 99), hhmm=st.integers(0, 99999),
       zone_a=st.sampled_from(TIME_WORDS), zone_b=st.sampled_from(TIME_WORDS),
       day=st.sampled_from(DATE_WORDS))
def test_odd_clock_times_in_time_pairs(hour, minute, hhmm, zone_a, zone_b, day):
    text = f"The crew launches at {hour}:{minute:02d} a.m. {zone_a} {day} ({hhmm:04d} {zone_b})."
    assert_well_formed(_check(text), text)


@BOUNDED
@given(depth=st.integers(1, 3000),
       inner=st.sampled_from(("5 km", "5 km (3 mi)", "6:31 a.m. EST (1131 GMT)", "")),
       shape=st.sampled_from(("nested", "open", "close", "alternating")))
def test_deep_or_unbalanced_parentheses(depth, inner, shape):
    text = {
        "nested": "410 km " + "(" * depth + inner + ")" * depth,
        "open": "410 km " + "(" * depth + inner,
        "close": inner + ")" * depth + " (255 mi)",
        "alternating": ("5 km (" + inner + ") ") * (depth // 10 + 1) + ")(" * depth,
    }[shape]
    assert_well_formed(_check(text), text)
    assert_well_formed(_check(text, markdown=False), text)


@BOUNDED
@given(text=st.text(st.sampled_from("()0123456789,. kmift"), max_size=3000))
def test_parentheses_digits_and_units_soup(text):
    assert_well_formed(_check(text), text)


@BOUNDED
@given(text=CLAIMISH, markdown=st.booleans())
def test_same_text_same_findings(text, markdown):
    first, second = _check(text, markdown), _check(text, markdown)
    assert _rendered(first) == _rendered(second)


# Self-contained claims: each paragraph carries everything needed to judge it (years are written, the
# publication date is passed), so a paragraph's findings must not depend on its neighbours.
def _unit_claim(km: int, miles: int, unit_pair: tuple[str, str]) -> str:
    return f"The orbit is {km:,} {unit_pair[0]} ({miles:,} {unit_pair[1]}) high."


UNIT_CLAIM = st.builds(_unit_claim, st.integers(1, 50_000), st.integers(1, 50_000),
                       st.sampled_from((("km", "miles"), ("kilometers", "mi"), ("pounds", "kg"), ("kg", "lb"),
                                        ("feet", "meters"), ("°F", "°C"), ("mph", "km/h"))))
TIME_CLAIM = st.builds(
    "Soyuz MS-11 launches at {}:{:02d} a.m. {} Dec. 3, 2018 ({:04d} GMT).".format,
    st.integers(1, 12), st.integers(0, 59), st.sampled_from(("EST", "EDT", "ET", "CST", "PST")),
    st.integers(0, 2359))
DATE_CLAIM = st.builds("Progress MS-10 launched on {}, Nov. {}, 2018.".format,
                       st.sampled_from(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")),
                       st.integers(1, 30))
FILLER = st.text(st.sampled_from("abcdefghij klmnop.,"), min_size=1, max_size=60).map(lambda s: "Word " + s)
PARAGRAPH = st.lists(st.one_of(UNIT_CLAIM, TIME_CLAIM, DATE_CLAIM, FILLER), min_size=1, max_size=4).map(
    " ".join)


def _comparable(report: Report, shift: int = 0) -> list[tuple]:
    return [(f.check, str(f.verdict), str(f.severity), f.start + shift, f.end + shift, f.text, f.message,
             f.suggestion) for f in report.findings]


@BOUNDED
@given(first=st.lists(PARAGRAPH, min_size=1, max_size=5), second=st.lists(PARAGRAPH, min_size=1, max_size=5),
       markdown=st.booleans())
def test_halves_give_the_same_findings_as_the_whole(first, second, markdown):
    head, tail = "\n\n".join(first), "\n\n".join(second)
    whole = head + "\n\n" + tail
    report = _check(whole, markdown)
    assert_well_formed(report, whole)
    offset = len(head) + 2
    in_head = [f for f in _comparable(report) if f[4] <= len(head)]
    in_tail = [f for f in _comparable(report) if f[3] >= offset]
    assert in_head == _comparable(_check(head, markdown))
    assert in_tail == _comparable(_check(tail, markdown), shift=offset)
    assert len(in_head) + len(in_tail) == len(report.findings)  # no finding straddles the paragraph break


def _many_claims(rnd: random.Random, count: int) -> list[str]:
    units = (("km", "miles"), ("pounds", "kg"), ("feet", "meters"), ("mph", "km/h"), ("°F", "°C"))
    makers = (
        lambda: _unit_claim(rnd.randint(1, 90_000), rnd.randint(1, 90_000), rnd.choice(units)),
        lambda: f"Soyuz MS-11 launches at {rnd.randint(1, 12)}:{rnd.randint(0, 59):02d} a.m. "
                f"{rnd.choice(('EST', 'EDT'))} Dec. 3, 2018 ({rnd.randint(0, 2359):04d} GMT).",
        lambda: f"Progress MS-10 launched on {rnd.choice(('Friday', 'Thursday'))}, "
                f"Nov. {rnd.randint(1, 30)}, 2018.",
    )
    return [rnd.choice(makers)() for _ in range(count)]


@pytest.mark.slow
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rnd=st.randoms(use_true_random=False), count=st.integers(2000, 2500))
def test_thousands_of_claims_in_one_document(rnd, count):
    """A whole document equals its two halves checked alone, and every finding stays well formed."""
    paragraphs = _many_claims(rnd, count)
    half = len(paragraphs) // 2
    head, tail = "\n\n".join(paragraphs[:half]), "\n\n".join(paragraphs[half:])
    whole = head + "\n\n" + tail
    report = _check(whole)
    assert_well_formed(report, whole)
    assert _comparable(report) == _comparable(_check(head)) + _comparable(_check(tail), shift=len(head) + 2)


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@BOUNDED
@given(text=st.text(UNICODE, max_size=300), data=st.data())
def test_utf16_offsets_match_javascript_string_indices(text, data):
    """JavaScript's String indices count UTF-16 code units: what an editor needs to place a highlight."""
    doc = parse_document(text)
    offset = data.draw(st.integers(0, len(text)))
    utf16 = Utf16Offsets(doc.text)
    assert utf16(offset) == _utf16_units(text[:offset])
    for f in _check(text).findings:
        assert utf16(f.end) - utf16(f.start) == _utf16_units(f.text)


@BOUNDED
@given(text=st.text(UNICODE, max_size=1000))
def test_markdown_masking_keeps_length_and_line_breaks(text):
    doc = parse_document(text)
    assert len(doc.prose) == len(doc.text)
    breaks = [i for i, c in enumerate(text) if c in "\r\n"]
    assert [i for i, c in enumerate(doc.prose) if c in "\r\n"] == breaks
    assert all(p == t or p == " " for p, t in zip(doc.prose, text, strict=True))
