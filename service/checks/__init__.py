"""The explicit registry of checks. A check's id is its name everywhere: reports, config, suppressions.

A check is one small module with:
    ID: str                      e.g. "unit-pair"
    SEVERITY: Severity           the severity of a wrong claim (shown by `orbitcheck checks`, SARIF's level)
    DESCRIPTION: str             one line, shown by `orbitcheck checks`
    EXAMPLES: Examples           passing and failing sentences; tests/unit/checks/test_check_examples.py runs them
    run(extraction, context) -> Iterable[Finding]
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from ..errors import UnknownCheckError
from ..extract import Extraction
from ..model import Finding, Severity
from .context import CheckContext


@dataclass(frozen=True)
class Examples:
    """`passing`: sentences where the check finds nothing wrong; `failing`: where it must flag something.

    A sentence may be a (text, published ISO date) pair when the check needs a publication date.
    """

    passing: tuple[str | tuple[str, str], ...]
    failing: tuple[str | tuple[str, str], ...]


class Check(Protocol):
    ID: str
    SEVERITY: Severity
    DESCRIPTION: str
    EXAMPLES: Examples

    def run(self, extraction: Extraction, context: CheckContext) -> Iterable[Finding]: ...


@cache  # once per process: every check_text asks
def _registry() -> tuple[Check, ...]:
    # Imported here, not at module import time of the package's users, so that importing
    # orbitcheck.checks stays cheap; the order is the order findings of equal position are reported in.
    from . import reference, time_pair, unit_pair, weekday_date, zone_abbreviation

    return (unit_pair, time_pair, zone_abbreviation, weekday_date, reference)


def all_checks() -> tuple[Check, ...]:
    return _registry()


def select(ids: Sequence[str] | None) -> tuple[Check, ...]:
    """The checks named by `ids` (all when None); UnknownCheckError lists what is available."""
    checks = all_checks()
    if ids is None:
        return checks
    by_id = {c.ID: c for c in checks}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise UnknownCheckError(f"unknown check {', '.join(map(repr, unknown))}; known: {', '.join(by_id)}")
    return tuple(by_id[i] for i in dict.fromkeys(ids))
