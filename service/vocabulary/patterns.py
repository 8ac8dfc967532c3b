"""Regex building blocks shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie(words: Iterable[str]) -> str:
    """One regex (no groups) for many words, factored by prefix so the engine never tries two branches
    with the same first character: a flat alternation of ~250 unit names costs several times more per
    failed attempt. Longer words win: each optional tail is tried before the shorter word ends. A space
    in a word also matches a hyphen ("metric-ton", "light-year")."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [
            (r"[\s-]" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)
