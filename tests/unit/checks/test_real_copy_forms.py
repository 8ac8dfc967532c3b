"""Issue 15: the forms and rules real copy uses, each class with a consistent and an inconsistent example.

Every sentence is our own; each stands for a class of writing seen in published copy (the real spans are in
tests/data/corpus/real_pairs.jsonl, scored by tests/corpus/test_real_corpus.py).
"""
from __future__ import annotations

import pytest

from orbitcheck.engine import check_text

CONSISTENT, INCONSISTENT, AMBIGUOUS = "consistent", "inconsistent", "ambiguous"


def _verdicts(text: str, check: str, published: str | None = None) -> list[str]:
    from datetime import date
    day = date.fromisoformat(published) if published else None
    return [str(f.verdict) for f in check_text(text, checks=[check], published=day).findings]


UNIT_CASES = [
    # A hedge before the whole pair applies to both sides: the conversion is of the figure as written.
    ("hedge-before-pair-bound", "The probe moves at more than 9,000 mph (14,500 km/h) at perihelion.", CONSISTENT),
    ("hedge-before-pair-bound", "The probe moves at more than 9,000 mph (19,000 km/h) at perihelion.", INCONSISTENT),
    # ... and a bound inside one side keeps its meaning.
    ("hedge-inside-side", "The crater is 10 kilometers (more than six miles) wide.", CONSISTENT),
    ("hedge-inside-side", "The crater is 10 kilometers (more than nine miles) wide.", INCONSISTENT),
    # A hedge does not widen the arithmetic.
    ("hedge-no-widening", "The lander weighs about 3,412 pounds (1,548 kg) fuelled.", CONSISTENT),
    ("hedge-no-widening", "The lander weighs about 3,412 pounds (1,563 kg) fuelled.", INCONSISTENT),
    # An open bound does not make every temperature reading fit.
    ("bound-temperature", "Days there reach up to 86 degrees F (30 degrees C) in summer.", CONSISTENT),
    ("bound-temperature", "Days there reach up to 86 degrees F (38 degrees C) in summer.", INCONSISTENT),
    # "76.000" may be a European thousands point.
    ("dot-thousands", "Each engine gives 340 kN (76.000 lbf) at sea level.", CONSISTENT),
    ("dot-thousands", "Each engine gives 340 kN (96.000 lbf) at sea level.", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), UNIT_CASES, ids=[f"{c[0]}-{c[2]}" for c in UNIT_CASES])
def test_unit_pair_forms(form, text, expected):
    assert _verdicts(text, "unit-pair") == [expected]


def test_a_figure_glued_to_another_is_not_read():
    assert _verdicts("The span was 2.8 one billion miles (4.5 billion km) by then.", "unit-pair") == []


# The zone as a phrase (published 2024-06-01: Baikonur is UTC+5, Texas CDT, Kourou UTC-3, Berlin CEST).
TIME_CASES = [
    ("local-place-time", "Liftoff is at 9:15 a.m. local Texas time (1415 GMT) today.", CONSISTENT),
    ("local-place-time", "Liftoff is at 9:15 a.m. local Texas time (1515 GMT) today.", INCONSISTENT),
    ("place-time", "Liftoff is at 4:05 p.m. Kazakhstan time (1105 GMT) today.", CONSISTENT),
    ("place-time", "Liftoff is at 4:05 p.m. Kazakhstan time (1205 GMT) today.", INCONSISTENT),
    ("in-place-time", "Liftoff is at 3:10 p.m. in Baikonur time (1010 GMT) today.", CONSISTENT),
    ("in-place-time", "Liftoff is at 3:10 p.m. in Baikonur time (0910 GMT) today.", INCONSISTENT),
    ("in-place", "Liftoff is at 1010 GMT (3:10 p.m. in Baikonur) today.", CONSISTENT),
    ("in-place", "Liftoff is at 1010 GMT (4:10 p.m. in Baikonur) today.", INCONSISTENT),
    ("in-abbreviation", "Liftoff is at 2 p.m. in BST (1300 GMT) today.", CONSISTENT),
    ("in-abbreviation", "Liftoff is at 2 p.m. in BST (1400 GMT) today.", INCONSISTENT),
    ("local-time-in-place", "Liftoff is at 1300 GMT (10:00 a.m. local time in Kourou) today.", CONSISTENT),
    ("local-time-in-place", "Liftoff is at 1300 GMT (11:00 a.m. local time in Kourou) today.", INCONSISTENT),
    ("local-time-at-site", "From Kourou: 1300 GMT (10:00 a.m. local time at the launch site) today.", CONSISTENT),
    ("local-time-at-site", "From Kourou: 1300 GMT (9:00 a.m. local time at the launch site) today.", INCONSISTENT),
    ("local-time-at-site", "Liftoff is at 1300 GMT (11:50 p.m. local time at the launch site) today.", AMBIGUOUS),
    ("phrase-then-time", "Liftoff is at 8 a.m. US Central Time (1300 GMT) today.", CONSISTENT),
    ("phrase-then-time", "Liftoff is at 8 a.m. US Central Time (1400 GMT) today.", INCONSISTENT),
    ("phrase-then-abbreviation", "Liftoff is at 10 p.m. Japan Standard Time JST (1300 GMT) today.", CONSISTENT),
    ("phrase-then-abbreviation", "Liftoff is at 10 p.m. Japan Standard Time JST (1200 GMT) today.", INCONSISTENT),
    ("country-time", "Liftoff is at 3 p.m. Germany time (1300 GMT) today.", CONSISTENT),
    ("country-time", "Liftoff is at 3 p.m. Germany time (1400 GMT) today.", INCONSISTENT),
    ("capitalisation", "Liftoff is at 4 p.m. Moscow Time (1300 GMT) today.", CONSISTENT),
    ("capitalisation", "Liftoff is at 4 p.m. MOSCOW TIME (1400 GMT) today.", INCONSISTENT),
    # A place named as another side's zone ("Moscow time") is no place for "local time".
    ("zone-place-not-local", "Liftoff is at 8:40 a.m. local time (6:40 a.m. Moscow time) today.", AMBIGUOUS),
]


@pytest.mark.parametrize(("form", "text", "expected"), TIME_CASES, ids=[f"{c[0]}-{c[2]}" for c in TIME_CASES])
def test_time_pair_zone_phrases(form, text, expected):
    assert _verdicts(text, "time-pair", "2024-06-01") == [expected]


# Inside the parentheses: fillers, a day or an offset first, "and", slashes without spaces, an aside.
PAREN_CASES = [
    ("filler-and-aside", "Liftoff is at 1300 GMT (that's 2 p.m. BST for readers in Britain) today.", CONSISTENT),
    ("filler-and-aside", "Liftoff is at 1300 GMT (that's 3 p.m. BST for readers in Britain) today.", INCONSISTENT),
    ("filler-or", "From Florida liftoff is at 1300 GMT (or 0900 local time) today.", CONSISTENT),
    ("filler-or", "From Florida liftoff is at 1300 GMT (or 0800 local time) today.", INCONSISTENT),
    ("date-first", "Liftoff is at 1300 GMT (June 1, 6:30 p.m. IST) today.", CONSISTENT),
    ("date-first", "Liftoff is at 1300 GMT (June 1, 7:30 p.m. IST) today.", INCONSISTENT),
    ("weekday-first", "On June 1, 2024 liftoff is at 1300 GMT (Saturday, 10 p.m. JST).", CONSISTENT),
    ("weekday-first", "On June 1, 2024 liftoff is at 1300 GMT (Sunday, 10 p.m. JST).", INCONSISTENT),
    ("offset-first", "Liftoff is at 9 a.m. EDT (GMT-4; 1300 GMT) today.", CONSISTENT),
    ("offset-first", "Liftoff is at 9 a.m. EDT (GMT-4; 1400 GMT) today.", INCONSISTENT),
    ("and-joined", "Liftoff is at 0340 GMT (11:40 a.m. Beijing time and 4:40 a.m. BST) on June 1.", CONSISTENT),
    ("and-joined", "Liftoff is at 0340 GMT (11:40 a.m. Beijing time and 5:40 a.m. BST) on June 1.", INCONSISTENT),
    ("slash-list", "On Dec. 15, 2015 it was 11am GMT (12pm CET/6am ET/3am PT).", CONSISTENT),
    ("slash-list", "On Dec. 15, 2015 it was 11am GMT (12pm CET/7am ET/3am PT).", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), PAREN_CASES, ids=[f"{c[0]}-{c[2]}" for c in PAREN_CASES])
def test_time_pair_parenthesis_forms(form, text, expected):
    assert _verdicts(text, "time-pair", "2024-06-01") == [expected]


def test_an_aside_without_a_second_time_is_no_pair():
    assert _verdicts("The move (at 3:24 pm EDT for now) was made.", "time-pair", "2024-06-01") == []
