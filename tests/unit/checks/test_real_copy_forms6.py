"""Forms from a fresh held-out set of published copy (round 6): each class with a consistent and an
inconsistent example, and the cases where the engine must abstain.

Every sentence is our own; each stands for a class of writing seen in real copy the engine was not built on.
"""
from __future__ import annotations

from datetime import date

import pytest

from orbitcheck.engine import check_text

CONSISTENT, INCONSISTENT, AMBIGUOUS = "consistent", "inconsistent", "ambiguous"


def _verdicts(text: str, check: str, published: str = "2019-04-11") -> list[str]:
    return [str(f.verdict) for f in check_text(text, checks=[check], published=date.fromisoformat(published)).findings]


TIME_CASES = [
    # "Israel time" names the place's clocks (IDT in April, IST in January), like "Moscow time": no fixed half
    # of the year. Published 2019-04-11 unless a date is written.
    ("place-civil-time", "The lander touches down at 10:15 pm Israel time (3:15 pm ET) tonight.", CONSISTENT),
    ("place-civil-time", "The lander touches down at 10:15 pm Israel time (2:15 pm ET) tonight.", INCONSISTENT),
    ("place-civil-time", "It fired on Jan. 10, 2019 at 9 pm Israel time (1900 GMT).", CONSISTENT),
    ("place-civil-time", "It fired on Jan. 10, 2019 at 9 pm Israel time (1800 GMT).", INCONSISTENT),
    ("place-civil-time", "SpaceIL's team in Yehud expects touchdown at about 10:15 pm (1915 GMT).", CONSISTENT),
    # An aside after the last side, introduced by a comma, that says where, not when.
    ("comma-aside", "The burn starts at 11:20pm US Eastern (8:20pm US Pacific, where the team sits).", CONSISTENT),
    ("comma-aside", "The burn starts at 11:20pm US Eastern (9:20pm US Pacific, where the team sits).", INCONSISTENT),
    ("comma-aside", "The burn starts at 11:20 p.m. EDT (0320 GMT, said the agency).", CONSISTENT),
    ("comma-aside", "The burn starts at 11:20 p.m. EDT (0420 GMT, said the agency).", INCONSISTENT),
    # A country before a US zone's abbreviation.
    ("us-before-abbreviation", "The rover lands at 10:40 p.m. U.S. PDT (0540 GMT) on Sunday.", CONSISTENT),
    ("us-before-abbreviation", "The rover lands at 10:40 p.m. U.S. PDT (0640 GMT) on Sunday.", INCONSISTENT),
    # A range whose start writes the zone too, converted as a range.
    ("range-zone-both-ends", "Backup slots run between 3:10 a.m. EDT and 5:00 a.m. EDT (0710 to 0900 GMT).",
     CONSISTENT),
    ("range-zone-both-ends", "Backup slots run between 3:10 a.m. EDT and 5:00 a.m. EDT (0710 to 1000 GMT).",
     INCONSISTENT),
    ("range-zone-both-ends", "Backup slots run from 3:10 a.m. EDT to 5:00 a.m. EDT (0710-0900 GMT).", CONSISTENT),
    # "or" with a weekday on each side: one instant on both sides of midnight (the stated offsets agree).
    ("or-weekdays-across-midnight", "Totality starts at 11:44 p.m. PST Monday or 2:44 a.m. EST Tuesday.", CONSISTENT),
    ("or-weekdays-across-midnight", "Totality starts at 11:44 p.m. PST Monday or 3:44 a.m. EST Tuesday.",
     INCONSISTENT),
    # The sentence's full stop inside the parenthesis.
    ("full-stop-inside", "Docking came at 11:20 p.m. EDT (0320 GMT.)", CONSISTENT),
    ("full-stop-inside", "Docking came at 11:20 p.m. EDT (0420 GMT.)", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), TIME_CASES, ids=[f"{c[0]}-{c[2]}" for c in TIME_CASES])
def test_time_pair_forms(form, text, expected):
    assert _verdicts(text, "time-pair") == [expected]


ABSTAIN_CASES = [
    # An aside that speaks of time or day may change the instant: no pair is read.
    "The burn starts at 11:20 p.m. EDT (0420 GMT, a day later).",
    "The burn starts at 11:20 p.m. EDT (0420 GMT, Tuesday morning).",
    # A day apart once read in UTC: another time offered, not a rendering.
    "Liftoff is at 9:30 a.m. EST Thursday, or 1400 GMT Friday.",
    # "U.S." before a zone that is not a US one is no zone.
    "The rover lands at 10:40 p.m. U.S. BST (0540 GMT) on Sunday.",
]


@pytest.mark.parametrize("text", ABSTAIN_CASES)
def test_time_pair_not_read(text):
    assert INCONSISTENT not in _verdicts(text, "time-pair")


def test_two_times_joined_by_and_are_a_range_only_in_one_zone():
    # "launch at 3:10 a.m. EDT and landing at 5:00 a.m. EDT" are two events, and a PDT start is no range start.
    for text in ("Launch is at 3:10 a.m. EDT and docking at 5:00 a.m. EDT (0710 to 0900 GMT).",
                 "Backup slots run between 3:10 a.m. PDT and 5:00 a.m. EDT (0710 to 0900 GMT)."):
        assert _verdicts(text, "time-pair") == [AMBIGUOUS]


UNIT_CASES = [
    ("full-stop-inside", "Nights there fall to minus 150 degrees Fahrenheit (minus 101 degrees Celsius.)", CONSISTENT),
    ("full-stop-inside", "Nights there fall to minus 150 degrees Fahrenheit (minus 121 degrees Celsius.)", INCONSISTENT),
    ("square-brackets", "The lander stopped 2.4 kilometers [1.5 miles] above the surface.", CONSISTENT),
    ("square-brackets", "The lander stopped 2.4 kilometers [2.5 miles] above the surface.", INCONSISTENT),
    # Densities, as symbols or words.
    ("density", "The air near the ground is 65 kg/m3 (4.1 lb/cu ft), 50 times Earth's.", CONSISTENT),
    ("density", "The air near the ground is 65 kg/m3 (5.1 lb/cu ft), 50 times Earth's.", INCONSISTENT),
    ("density", "The moon's mean density is 3.3 grams per cubic centimeter (206 pounds per cubic foot).", CONSISTENT),
    ("density", "The moon's mean density is 3.3 grams per cubic centimeter (306 pounds per cubic foot).",
     INCONSISTENT),
    # "a"/"an" as the figure one, as the head of a conversion.
    ("a-unit-head", "The crowd watched from about a mile (1.6km) away.", CONSISTENT),
    ("a-unit-head", "The crowd watched from about a mile (2.6km) away.", INCONSISTENT),
    ("a-unit-head", "The crack grows an inch (2.5 centimeters) a year.", CONSISTENT),
    ("a-unit-head", "The crack grows an inch (4.5 centimeters) a year.", INCONSISTENT),
    # The inch mark (double prime).
    ("inch-mark", "The old telescope's mirror is 60\u2033 (1.5 m) across.", CONSISTENT),
    ("inch-mark", "The old telescope's mirror is 60\u2033 (2.5 m) across.", INCONSISTENT),
    # A unit symbol in a case no other unit writes: "kPA" is kilopascals.
    ("symbol-case", "The suit holds 4.3 psi (30 kPA) inside.", CONSISTENT),
    ("symbol-case", "The suit holds 4.3 psi (40 kPA) inside.", INCONSISTENT),
    # An en dash glued to the figure as its minus: in the conversion it is always a minus.
    ("dash-minus-in-conversion", "Its night side cools to \u2013190\u00b0C (\u2013310\u00b0F).", CONSISTENT),
    ("dash-minus-in-conversion", "Its night side cools to \u2013190\u00b0C (\u2013400\u00b0F).", INCONSISTENT),
    # ... while before the head it may be punctuation: "\u2014300 km" read unsigned still fits.
    ("dash-before-head", "The orbit \u2014300 km (186 miles) was reached.", CONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), UNIT_CASES, ids=[f"{c[0]}-{c[2]}" for c in UNIT_CASES])
def test_unit_pair_forms(form, text, expected):
    assert _verdicts(text, "unit-pair") == [expected]


def test_feet_and_inches_written_with_primes_are_not_read_as_inches():
    for feet in ("\u2032", "'", "\u2019"):
        assert _verdicts(f"A 6{feet}2\u2033 (188 cm) astronaut joined the crew.", "unit-pair") == []
    # ... while a pair quoted in single quotes is read as usual.
    assert _verdicts("The draft said '248,655 miles (432,194 kilometers)' then.", "unit-pair") == [INCONSISTENT]


def test_mismatched_brackets_are_no_conversion():
    assert _verdicts("The lander stopped 2.4 kilometers [2.5 miles) above the surface.", "unit-pair") == []
    assert _verdicts("The lander stopped 2.4 kilometers (2.5 miles] above the surface.", "unit-pair") == []
