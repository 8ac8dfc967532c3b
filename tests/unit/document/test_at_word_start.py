"""text.at_word_start: a fast form of `\\b(?:A|B|...)` under re.IGNORECASE with the same matches."""
from __future__ import annotations

import re
import string

import pytest

from orbitcheck.text import _FOLDS, at_word_start


def test_fold_table_is_what_ignorecase_matches_for_each_ascii_letter() -> None:
    anything = re.compile(r"[a-z]", re.I)
    extra: dict[str, set[str]] = {}
    for code in range(0x110000):
        ch = chr(code)
        if not ch.isascii() and anything.fullmatch(ch):
            for letter in string.ascii_lowercase:
                if re.fullmatch(letter, ch, re.I):
                    extra.setdefault(letter, set()).add(ch)
    assert extra == {k: set(v) for k, v in _FOLDS.items()}


@pytest.mark.parametrize("text", ["The Launch, then a re-launch; LAUNCHED. unlaunch launcher \u017ftop stop",
                                  "Kelvin \u212aelvin kelvin İnside ınside inside in", "a an and-and _and and_ 3and"])
def test_same_matches_as_the_plain_alternation(text: str) -> None:
    words = [r"launch(?:ed)?\b", r"stop\b", r"kelvin\b", r"inside\b", r"an(?:d)?\b", "a"]
    plain = re.compile(r"\b(?:" + "|".join(words) + ")", re.I)
    fast = re.compile(at_word_start(words), re.I)
    expected = [m.span() for m in plain.finditer(text)]
    assert expected
    assert [m.span() for m in fast.finditer(text)] == expected


@pytest.mark.parametrize("bad", ["(?:a|b)c", r"\d", "[ab]c", "a?b", "é"])
def test_refuses_an_alternative_not_starting_with_a_plain_letter(bad: str) -> None:
    with pytest.raises(ValueError):
        at_word_start([bad])
