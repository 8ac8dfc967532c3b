"""The mission scan's tokens: the ASCII pattern everywhere, the general reading (Cyrillic look-alikes, accents)
only in runs of word characters holding a non-ASCII one; this must give exactly the tokens of the general
reading token by token (_tokens_any)."""
from __future__ import annotations

import random

import pytest

from orbitcheck.extract import missions

_ALPHABET = ("abcmsXYZCRS IVXL 0123456789 .,;:-/\u2019\u201c\u201d\u2014\u2013_\u00a0\u00b0"
             "\u00e9\u00f1\u00cd\u041c\u0421\u0130\u0131\u0661\u2160")  # é ñ Í, Cyrillic М С, İ ı, ١, Ⅰ


def _texts(count: int = 2000) -> list[str]:
    rng = random.Random(140)
    words = ["Soyuz", "MS-10", "Shenzhou", "XVIII", "Artemis", "I", "II", "iv", "CRS-21", "Progress", "x", "Mix",
             "Au\u00f1\u00f3n", "\u041cS-10", "Pr\u043egress", "X\u0406", "caf\u00e9_bar", "\u0130stanbul"]
    out = []
    for _ in range(count):
        if rng.random() < 0.5:
            out.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 80))))
        else:
            out.append(" ".join(rng.choice(words) + rng.choice(["", ",", ".", "\u2019s", "-", "\u2014"])
                                for _ in range(rng.randrange(1, 20))))
    return out


def test_the_fast_path_gives_the_general_tokens() -> None:
    ascii_only = foreign = 0
    for text in _texts():
        assert missions._tokens(text) == missions._tokens_any(text), text
        ascii_only += not missions._foreign_runs(text)
        foreign += bool(missions._foreign_runs(text))
    assert ascii_only > 100 and foreign > 1000  # both paths taken


@pytest.mark.parametrize(("text", "ascii_words"), [
    ("Soyuz MS-10 \u2014 \u201cgo\u201d", True),   # dashes and curly quotes are no word characters
    ("Au\u00f1\u00f3n-Chancellor", False),          # an accented name is
    ("Progress \u041cS-10", False),                 # a Cyrillic look-alike is
    ("12\u00b0C, 5\u00a0km", True),
    ("\u0661\u0662", False),                         # digits of another script are word characters
])
def test_which_texts_take_the_fast_path(text: str, ascii_words: bool) -> None:
    assert (not missions._foreign_runs(text)) is ascii_words
    assert missions._tokens(text) == missions._tokens_any(text)


def test_roman_numerals_after_a_capital_on_the_fast_path() -> None:
    assert [t for t, _, _ in missions._tokens("Shenzhou XVIII and Artemis I \u2014 not mix iv")] == [
        "shenzhou", "18", "and", "artemis", "1", "not", "mix", "iv"]
