"""Roman flight numbers: CMSA writes "Shenzhou XVIII", NASA "Artemis I"; the records write 18 and 1."""
from __future__ import annotations

import pytest

from orbitcheck.checks.reference.claims import gazetteer
from orbitcheck.extract.missions import mission_extractor, tokens_of
from orbitcheck.text import parse_document


@pytest.mark.parametrize("text, mission", [
    ("Shenzhou XVIII docked at Tianhe.", "shenzhou-18"),
    ("The Shenzhou XX crew arrived.", "shenzhou-20"),
    ("Artemis I flew around the Moon.", "artemis-1"),
])
def test_a_roman_number_after_a_name_is_the_flight_number(store, text, mission):
    found = mission_extractor(gazetteer(store))(parse_document(text, markdown=False))
    assert [m.missions for m in found if m.kind == "name"] == [(mission,)]


@pytest.mark.parametrize("text, tokens", [
    ("Then I saw it", ("then", "1", "saw", "it")),  # harmless: no name is "then 1"
    ("a mix of vi and xv", ("a", "mix", "of", "vi", "and", "xv")),  # lower case: never a number
    ("Mix II", ("mix", "2")),
    ("shenzhou XVIII", ("shenzhou", "xviii")),  # after a lower-case word: left alone
])
def test_only_upper_case_numerals_after_a_capitalised_word_are_read(text, tokens):
    assert tokens_of(text) == tokens
