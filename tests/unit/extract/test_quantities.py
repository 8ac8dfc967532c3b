"""Finding quantities and unit pairs: every form news copy prints, exact spans, and what is not a pair."""

import pytest

from orbitcheck.extract.pairs import unit_pairs
from orbitcheck.extract.quantities import quantities
from orbitcheck.text import parse_document


def _pairs(text, markdown=False):
    doc = parse_document(text, markdown=markdown)
    return doc, unit_pairs(doc)


def _figures(side):
    return [(q.number.value, q.unit) for q in side.quantities]


@pytest.mark.parametrize(
    "pair, head, conversions",
    [
        ("5,652 pounds (2,564 kg)", [(5652, "lb")], [[(2564, "kg")]]),
        ("fifteen miles (twenty-four kilometers)", [(15, "mi")], [[(24, "km")]]),
        ("1.5 million pounds (680,000 kg)", [(1.5e6, "lb")], [[(680000, "kg")]]),
        ("-129°F to 134°F (-89°C to 57°C)", [(-129, "degF"), (134, "degF")], [[(-89, "degC"), (57, "degC")]]),
        ("minus 100 degrees F (minus 73 C)", [(-100, "degF")], [[(-73, "degC")]]),
        (
            "300 to 3,000 kilograms (660 to 6,600 pounds)",
            [(300, "kg"), (3000, "kg")],
            [[(660, "lb"), (6600, "lb")]],
        ),
        ("7-9 miles (11-14 km)", [(7, "mi"), (9, "mi")], [[(11, "km"), (14, "km")]]),
        (
            "300-500 tons (660,000-1.1 million lb.)",
            [(300, "ton"), (500, "ton")],
            [[(660000, "lb"), (1.1e6, "lb")]],
        ),
        ("250-mile (400-kilometer)", [(250, "mi")], [[(400, "km")]]),
        ("2,500-mile-long (4,000-km-long)", [(2500, "mi")], [[(4000, "km")]]),
        ("400-foot-tall (122-meter)", [(400, "ft")], [[(122, "m")]]),
        ("400 feet tall (122 meters)", [(400, "ft")], [[(122, "m")]]),
        ("100 km (62 mi; 330,000 ft)", [(100, "km")], [[(62, "mi")], [(330000, "ft")]]),
        ("100 km (62 mi, or 330,000 ft)", [(100, "km")], [[(62, "mi")], [(330000, "ft")]]),
        ("100 km (62 mi / 330,000 ft)", [(100, "km")], [[(62, "mi")], [(330000, "ft")]]),
        (
            "560km by 35,926km (348 by 22,314 miles)",
            [(560, "km"), (35926, "km")],
            [[(348, "mi"), (22314, "mi")]],
        ),
        ("10 kilometers (more than six miles)", [(10, "km")], [[(6, "mi")]]),
        ("32,500 km/hour (~17,500 nm/hr)", [(32500, "km/h")], [[(17500, "knot")]]),
        ("867 grados Fahrenheit (464 grados Celsius)", [(867, "degF")], [[(464, "degC")]]),
        ("7.6 million pounds of thrust (34 meganewtons)", [(7.6e6, "lbf")], [[(34, "MN")]]),
        ("1,200 miles ( 2,000 kilometer)", [(1200, "mi")], [[(2000, "km")]]),
        ("64 metric tons (141, 000 lb)", [(64, "tonne")], [[(141000, "lb")]]),
        ("2 AU (300 million km)", [(2, "au")], [[(3e8, "km")]]),
        ("17,100 miles per hour (27,600 kph)", [(17100, "mph")], [[(27600, "km/h")]]),
    ],
)
def test_pair_forms(pair, head, conversions):
    text = f"Mission control said it was {pair} on the day."
    doc, (found,) = _pairs(text)
    assert doc.text[found.span.start : found.span.end] == pair
    assert _figures(found.head) == head
    assert [_figures(side) for side in found.conversions] == conversions


def test_hedges_belong_to_their_figure_and_the_span():
    doc, (pair,) = _pairs("The probe flew about 217,000 miles (about 350,000 kilometres) from home.")
    assert doc.text[pair.span.start : pair.span.end] == "about 217,000 miles (about 350,000 kilometres)"
    assert pair.head.quantities[0].number.hedge == "approx"
    assert doc.text[pair.inner.start : pair.inner.end] == "about 350,000 kilometres"


@pytest.mark.parametrize(
    "text",
    [
        "Liftoff was at 11:26:46 a.m. EDT (GMT-4) today.",
        "The clip (6min 43sec file) shows the burn.",
        "Compared with the baseline duration (1951-1980) it is longer.",
        "It was 7:48pm ET (Wednesday) when the crew woke.",
        "Docking came at 12:52AM (May 31st) after a delay.",
        "The launch is at 6:00 PM (Eastern) tomorrow.",
        "The crew launches at 6:31 a.m. EST Dec. 3 (1131 GMT) from Baikonur.",
        "The orbit is 5 km (3 hours) long.",
        "Expedition 57 (three people) arrived.",
        "The rocket (5 km tall) rose.",
        "It rose 5 km (about) in all.",
    ],
)
def test_parentheses_that_are_not_conversions(text):
    assert _pairs(text)[1] == ()


def test_a_range_needs_one_kind_of_unit():
    doc, (pair,) = _pairs("The road ran from 5 km to 3 miles (4 km) long.")
    assert doc.text[pair.span.start : pair.span.end] == "3 miles (4 km)"


def test_clock_times_are_not_quantities():
    doc = parse_document("Liftoff at 6:31 a.m. EST (1131 GMT) carried 5,652 pounds.", markdown=False)
    assert [(q.number.value, q.unit) for q in quantities(doc)] == [(5652, "lb")]


def test_quantities_outside_pairs_are_found_with_spans():
    doc = parse_document("It reached about 408 km and -129°F, then 25.6km more.", markdown=False)
    found = quantities(doc)
    assert [(doc.text[q.span.start : q.span.end], q.unit) for q in found] == [
        ("408", "km"),
        ("-129", "degF"),
        ("25.6", "km"),
    ]
    assert found[0].number.hedge == "approx"


def test_pairs_inside_markdown_code_are_not_read():
    doc, found = _pairs(
        "Use `410 km (200 mi)` here.\n\n```\n5 km (9 mi)\n```\nBut 410 km (255 mi) counts.\n", markdown=True
    )
    assert [doc.text[p.span.start : p.span.end] for p in found] == ["410 km (255 mi)"]


def test_pathological_input_is_read_in_one_pass():
    # Digits, commas, spaces, parentheses and unit words: a backtracking regex would never finish this.
    blob = ("1,000,000, 000 000 (1 km)(" + "9" * 50 + " miles (" + "1," * 40 + " tons ") * 200
    assert _pairs(blob)[1] == ()
