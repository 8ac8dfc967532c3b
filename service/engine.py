"""check_text: the whole pipeline, text -> Document -> Extraction -> checks -> Report. Nothing else."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from . import checks as registry
from . import suppress
from .checks.context import CheckContext
from .extract import Extraction
from .model import Finding
from .text import Document, parse_document

if TYPE_CHECKING:
    from .records.store import MissionStore


@dataclass(frozen=True)
class Report:
    document: Document
    findings: tuple[Finding, ...]


def check_document(doc: Document, *, checks: Sequence[str] | None = None, context: CheckContext | None = None,
                   ) -> Report:
    context = context or CheckContext(published=doc.published)
    extraction = Extraction(doc)
    found: list[Finding] = []
    for check in registry.select(checks):
        found.extend(check.run(extraction, context))
    found.sort(key=lambda f: (f.start, f.end, f.check))
    # Suppression comments decide what is *reported*, not what is checked: one step after every check,
    # so checks stay unaware of them and suppressed findings are kept (marked) for the summary and SARIF.
    return Report(doc, suppress.apply(doc, found))


def check_text(
    text: str,
    *,
    published: date | None = None,
    checks: Sequence[str] | None = None,
    markdown: bool = True,
    store: MissionStore | None = None,
    profile: str = "news",
    default_zone: str | None = None,
) -> Report:
    doc = parse_document(text, markdown=markdown, published=published)
    context = CheckContext(published=doc.published, profile=profile, default_zone=default_zone, store=store)
    return check_document(doc, checks=checks, context=context)
