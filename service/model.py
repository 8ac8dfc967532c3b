"""The pipeline's vocabulary: frozen values that flow one way, extract -> normalise -> check -> report.

Nothing here knows about Flask, marshmallow or the command line; those are edges around these types.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Profile(StrEnum):
    """Tolerance profile for conversions (CheckContext.profile): how wide a written figure is read."""

    STRICT = "strict"  # every digit is significant
    NEWS = "news"  # round figures ("400 km") stand for +-5 % (the default)
    AP = "ap"  # AP Stylebook's coarse conversion factors accepted too


class FailLevel(StrEnum):
    """The severity at which a CI run fails (`--fail-on`, `fail_on =`)."""

    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"


class Verdict(StrEnum):
    """What a check concluded about one claim.

    Internal-consistency checks say consistent / inconsistent / ambiguous; the reference check says
    supported / contradicted / unverified. "ambiguous" and "unverified" are the honest answers when the
    checker is not sure: a false alarm costs an editor's trust more than a miss.
    """

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    AMBIGUOUS = "ambiguous"
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse; lets callers compare against a fail level."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Code-point offsets into the document's text, end exclusive; ordered by position."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Fix:
    """A rewrite the check is certain of: replace `span` (code points into the document) with `replacement`.

    The one fix model: JSON `fix`, SARIF `fixes`, rdjson `suggestions`, LanguageTool `replacements` and the
    editor page's Apply all read it. A check that cannot tell exactly what its suggestion replaces sets none.
    """

    span: Span
    replacement: str

    @classmethod
    def over(cls, text: str, span: Span, replacement: str | None) -> Fix | None:
        """A fix of `span` with the surrounding whitespace of the written text left out, or None."""
        if replacement is None:
            return None
        written = text[span.start:span.end]
        start = span.start + len(written) - len(written.lstrip())
        end = span.end - (len(written) - len(written.rstrip()))
        if start >= end or written.strip() == replacement.strip():
            return None
        return cls(Span(start, end), replacement.strip())


@dataclass(frozen=True)
class Finding:
    """One checked claim. The JSON contract (see README, "Output") is a direct rendering of these fields."""

    check: str
    verdict: Verdict
    severity: Severity
    span: Span
    text: str
    message: str
    suggestion: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    suppressed: bool = False
    fix: Fix | None = None  # what the suggestion replaces, when that is certain

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end
