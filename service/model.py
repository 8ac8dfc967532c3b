"""The pipeline's vocabulary: frozen values that flow one way, extract -> normalise -> check -> report.

Nothing here knows about Flask, marshmallow or the command line; those are edges around these types.
"""
from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """`cls` (a frozen dataclass) with an __init__ that sets its fields directly: through their slot
    descriptors, or in the instance's __dict__. The generated frozen __init__ calls object.__setattr__ once per
    field, which makes a value of ten fields cost twice as much to build; the pipeline builds thousands per
    draft. Same signature, defaults, default factories and __post_init__; still frozen (assignment after
    construction raises), compared and hashed as before."""
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    if not params.frozen:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    names: dict[str, Any] = {"_MISSING": dataclasses.MISSING}
    args, body = [], []
    slotted = "__slots__" in cls.__dict__
    if not slotted:
        body.append("    __d = self.__dict__")
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain init fields are supported")
        if f.default is not dataclasses.MISSING:
            names[f"_d_{f.name}"] = f.default
            args.append(f"{f.name}=_d_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"_f_{f.name}"] = f.default_factory
            args.append(f"{f.name}=_MISSING")
            body.append(f"    if {f.name} is _MISSING: {f.name} = _f_{f.name}()")
        else:
            args.append(f.name)
        if slotted:
            names[f"_s_{f.name}"] = cls.__dict__[f.name].__set__
            body.append(f"    _s_{f.name}(self, {f.name})")
        else:
            body.append(f"    __d[{f.name!r}] = {f.name}")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    exec(f"def __init__(self, {', '.join(args)}) -> None:\n" + "\n".join(body or ["    pass"]), names)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    init.__signature__ = inspect.signature(cls.__init__)  # introspection shows the dataclass's own
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


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


@quick_init
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Code-point offsets into the document's text, end exclusive; ordered by position."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


@quick_init
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


@quick_init
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
