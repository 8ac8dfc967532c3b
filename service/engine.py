"""check_text: the whole pipeline, text -> Document -> Extraction -> checks -> Report. Nothing else.

Pass `timings=StageTimes()` to learn where the CPU time goes (`make bench`, "profile"); without it the
pipeline runs exactly as it would (one `is None` test per check).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from . import checks as registry
from . import suppress
from .checks.context import CheckContext
from .extract import Extraction
from .model import Finding
from .text import Document, parse_document

if TYPE_CHECKING:
    from .records.store import MissionStore


T = TypeVar("T")


@dataclass(frozen=True)
class Report:
    document: Document
    findings: tuple[Finding, ...]


@dataclass
class StageTimes:
    """CPU seconds per stage, summed over every call that is given this object. Stages: "document" (parsing
    the text), "extract <name>" (an extractor, once per document), "check <id>" (the check's own time, the
    extractors it set off excluded), "report" (ordering and suppressions); callers add their own (e.g.
    "format json") with `stage()`. Instrumentation, so mutable: one per measurement, never shared."""

    clock: Callable[[], float] = time.process_time
    seconds: dict[str, float] = field(default_factory=dict)
    _extracting: float = 0.0  # extractor time so far, to take out of the check that asked for it

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = self.clock()
        try:
            yield
        finally:
            self.add(name, self.clock() - start)

    @contextmanager
    def check(self, check_id: str) -> Iterator[None]:
        start, extracted = self.clock(), self._extracting
        try:
            yield
        finally:
            self.add(f"check {check_id}", self.clock() - start - (self._extracting - extracted))


class _TimedExtraction(Extraction):
    """An Extraction that charges each extractor's first (computing) call to "extract <name>"."""

    __slots__ = ("_times",)

    def __init__(self, doc: Document, times: StageTimes) -> None:
        super().__init__(doc)
        self._times = times

    def get(self, extractor: Callable[[Document], T]) -> T:
        if extractor in self._results:
            return self._results[extractor]
        times = self._times
        start, nested_before = times.clock(), times._extracting
        result = super().get(extractor)
        spent = times.clock() - start
        nested = times._extracting - nested_before  # extractors this one set off, already charged to themselves
        times._extracting = nested_before + spent  # the whole call, counted once for the check that asked
        times.add(f"extract {getattr(extractor, '__name__', repr(extractor))}", max(0.0, spent - nested))
        return result


def check_document(doc: Document, *, checks: Sequence[str] | None = None, context: CheckContext | None = None,
                   timings: StageTimes | None = None) -> Report:
    context = context or CheckContext(published=doc.published)
    extraction = Extraction(doc) if timings is None else _TimedExtraction(doc, timings)
    found: list[Finding] = []
    for check in registry.select(checks):
        if timings is None:
            found.extend(check.run(extraction, context))
        else:
            with timings.check(check.ID):
                found.extend(check.run(extraction, context))
    start = timings.clock() if timings is not None else 0.0
    found.sort(key=lambda f: (f.start, f.end, f.check))
    # Suppression comments decide what is *reported*, not what is checked: one step after every check,
    # so checks stay unaware of them and suppressed findings are kept (marked) for the summary and SARIF.
    report = Report(doc, suppress.apply(doc, found))
    if timings is not None:
        timings.add("report", timings.clock() - start)
    return report


def check_text(
    text: str,
    *,
    published: date | None = None,
    checks: Sequence[str] | None = None,
    markdown: bool = True,
    store: MissionStore | None = None,
    profile: str = "news",
    default_zone: str | None = None,
    timings: StageTimes | None = None,
) -> Report:
    start = timings.clock() if timings is not None else 0.0
    doc = parse_document(text, markdown=markdown, published=published)
    if timings is not None:
        timings.add("document", timings.clock() - start)
    context = CheckContext(published=doc.published, profile=profile, default_zone=default_zone, store=store)
    return check_document(doc, checks=checks, context=context, timings=timings)


# Touches every lazily built piece (the unit factor table, the zone table, the extractors' patterns, the
# store's gazetteer and index) once.
WARM_UP_TEXT = ("Progress delivered 5,652 pounds (2,564 kg) to the station Friday, Nov. 16, 2018, "
                "after a launch at 6:31 a.m. EST (1131 GMT) from Baikonur.")


def warm_up(store: MissionStore | None = None) -> None:
    """Build the per-process tables now, in a process about to fork (gunicorn's master, an archive's pool),
    rather than once in each child."""
    from .normalise import units
    from .vocabulary import zones

    units.prepare()  # the unit factor table from the cache directory (or the pint registry, ~0.25 s)
    zones.table()
    check_text(WARM_UP_TEXT, store=store)  # and whatever else the checks build lazily

