"""formats.indented.dumps is json.dumps(obj, ensure_ascii=False, indent=2), byte for byte, and fails the same way."""
from __future__ import annotations

import enum
import json
import random

import pytest

from orbitcheck.formats import indented


class Colour(enum.StrEnum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


def _tree(rng: random.Random, depth: int = 0):
    leaves = [None, True, False, 0, -7, 2**70, 1.5, -0.0, 1e-300, 3.0, float("nan"), float("inf"), float("-inf"),
              "", "plain", "quote \" backslash \\ tab \t newline \n", "Auñón 🚀 \u2028 \x00", Colour.RED, Level.HIGH]
    if depth > 4 or rng.random() < 0.3:
        return rng.choice(leaves)
    if rng.random() < 0.5:
        items = [_tree(rng, depth + 1) for _ in range(rng.randrange(0, 5))]
        return tuple(items) if rng.random() < 0.3 else items
    keys = ["a", "ключ", 1, 2.5, True, False, None, Colour.RED, Level.HIGH]
    return {rng.choice(keys): _tree(rng, depth + 1) for _ in range(rng.randrange(0, 5))}


def test_same_text_as_the_standard_library() -> None:
    rng = random.Random(18)
    for _ in range(2000):
        tree = _tree(rng)
        assert indented.dumps(tree) == json.dumps(tree, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("bad", [{"a": object()}, [1, {2, 3}], {(1, 2): "tuple key"}])
def test_what_json_refuses_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        json.dumps(bad, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        indented.dumps(bad)
