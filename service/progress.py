"""What `orbitcheck check` writes to stderr: a progress bar (only on a terminal) and one summary line."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from .formats import FileResult, Rendered


class ProgressBar:
    """`checking  12/40 [######........]` redrawn in place; silent unless the stream is a terminal,
    so CI logs and pre-commit output never fill with carriage returns."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.enabled = total > 1 and _isatty(stream)

    def advance(self) -> None:
        self.done += 1
        if self.enabled:
            filled = self.WIDTH * self.done // self.total
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(f"\rchecking {self.done:>{len(str(self.total))}}/{self.total} [{bar}]")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")  # clear the bar's line so the summary starts clean
            self.stream.flush()


def summary_line(results: Sequence[FileResult | Rendered]) -> str:
    """e.g. "3 files, 9 claims checked, 2 findings (1 error, 1 warning), 1 suppressed"."""
    errors = sum(r.tally.errors for r in results)
    warnings = sum(r.tally.warnings for r in results)
    suppressed = sum(r.tally.suppressed for r in results)
    shown = errors + warnings
    parts = [_plural(len(results), "file"), f"{_plural(sum(r.tally.claims for r in results), 'claim')} checked",
             _plural(shown, "finding")]
    if shown:
        parts[-1] += f" ({_plural(errors, 'error')}, {_plural(warnings, 'warning')})"
    if suppressed:
        parts.append(f"{suppressed} suppressed")
    return ", ".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
