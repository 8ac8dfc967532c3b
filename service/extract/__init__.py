"""Extraction: find mentions (quantities, clock times, dates, mission names) in a document's prose.

Each extractor is a pure function `Document -> tuple[...]` in its own module. Checks ask an
`Extraction` for the extractor results they need; each extractor runs at most once per document, so
two checks reading the same time pairs share one pass over the text.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..text import Document

T = TypeVar("T")


class Extraction:
    """The memo of extractor results for one document. Results are immutable tuples."""

    __slots__ = ("doc", "_results")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._results: dict[Callable[[Document], Any], Any] = {}

    def get(self, extractor: Callable[[Document], T]) -> T:
        try:
            return self._results[extractor]
        except KeyError:
            result = self._results[extractor] = extractor(self.doc)
            return result
