"""model.quick_init: a frozen dataclass built by setting its fields directly must behave as the dataclass
does: same signature and defaults, factories called per instance, __post_init__ run, still frozen."""
from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field

import pytest

from orbitcheck.model import Finding, Severity, Span, Verdict, quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class _Slotted:
    a: int
    b: str = "b"
    c: tuple[int, ...] = field(default_factory=tuple)
    d: list[int] = field(default_factory=list, hash=False, compare=False)

    def __post_init__(self) -> None:
        if self.a < 0:
            raise ValueError("negative")


@quick_init
@dataclass(frozen=True)
class _Plain:
    a: int
    b: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class _Reference:
    a: int
    b: str = "b"
    c: tuple[int, ...] = field(default_factory=tuple)
    d: list[int] = field(default_factory=list, hash=False, compare=False)


@pytest.mark.parametrize("cls", [_Slotted, _Plain])
def test_values_are_built_compared_and_frozen_as_dataclasses_are(cls: type) -> None:
    one, two = cls(1), cls(a=1)
    assert one == two and hash(one) == hash(two)
    assert cls(1) != cls(2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.a = 3  # type: ignore[misc]
    assert dataclasses.replace(one, a=5).a == 5


def test_the_signature_and_defaults_are_the_dataclass_ones() -> None:
    assert str(inspect.signature(_Slotted)).replace("_Slotted", "") == str(inspect.signature(_Reference)).replace(
        "_Reference", "")
    value = _Slotted(1)
    assert (value.a, value.b, value.c, value.d) == (1, "b", (), [])
    assert _Slotted(1).d is not _Slotted(1).d  # a factory's value is the instance's own
    assert _Plain(1).b is not _Plain(1).b
    assert _Slotted(1, "x", (2,)) == _Slotted(a=1, b="x", c=(2,))
    with pytest.raises(TypeError):
        _Slotted()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Slotted(1, e=2)  # type: ignore[call-arg]


def test_post_init_still_runs() -> None:
    with pytest.raises(ValueError, match="negative"):
        _Slotted(-1)
    with pytest.raises(ValueError, match="bad span"):
        Span(3, 1)


def test_the_pipeline_types_built_with_it() -> None:
    finding = Finding("unit-pair", Verdict.CONSISTENT, Severity.INFO, Span(0, 4), "text", "message")
    assert finding.details == {} and finding.details is not Finding(
        "unit-pair", Verdict.CONSISTENT, Severity.INFO, Span(0, 4), "text", "message").details
    assert finding.fix is None and finding.suppressed is False


def test_only_frozen_dataclasses() -> None:
    @dataclass
    class Mutable:
        a: int

    with pytest.raises(TypeError, match="not a frozen dataclass"):
        quick_init(Mutable)
