"""Extraction: find mentions (quantities, clock times, dates, mission names) in a document's prose.

Each extractor is a pure function `Document -> tuple[...]` in its own module. Checks ask an
`Extraction` for the extractor results they need; each extractor runs at most once per document, so
two checks reading the same time pairs share one pass over the text.

The `Extraction` is the only cache a document lives in: it lives as long as whoever made it (the engine,
for one check run) holds it. Extractors that need another extractor's result, or a helper that is asked
about one offset at a time (`dates.sentence_bounds`), find the live memo of their document with
`memo(doc)`, which holds it only weakly. Results are immutable; helpers that fill a memo as they go (the
figures parsed so far, quantities.Figures) keep it with `scratch`. Nothing module-level (no `lru_cache`) is
keyed on a document, so a document is freed with its check.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from ..text import Document

T = TypeVar("T")
S = TypeVar("S")

# id(document) -> its live Extraction, held weakly: an entry goes when its Extraction is collected.
_LIVE: weakref.WeakValueDictionary[int, Extraction] = weakref.WeakValueDictionary()


class Extraction:
    """The memo of extractor results for one document. Results are immutable tuples."""

    __slots__ = ("doc", "_results", "__weakref__")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._results: dict[object, Any] = {}  # extractor -> its result; scratch kind -> its instance
        _LIVE[id(doc)] = self

    def get(self, extractor: Callable[[Document], T]) -> T:
        try:
            return self._results[extractor]
        except KeyError:
            result = self._results[extractor] = extractor(self.doc)
            return result

    def scratch(self, kind: Callable[[], S]) -> S:
        """The document's instance of `kind`, made on first use: a memo its helpers fill as they read (pure
        results only, e.g. quantities.Figures). Not an extractor, so not timed apart: its cost is the caller's."""
        try:
            return self._results[kind]  # type: ignore[no-any-return]
        except KeyError:
            made = self._results[kind] = kind()
            return made


def memo(doc: Document) -> Extraction:
    """The live Extraction of `doc` (the engine's, during a check), else a new one for this call."""
    found = _LIVE.get(id(doc))
    if found is not None and found.doc is doc:
        return found
    return Extraction(doc)
