"""The document: its text, the prose the extractors may read, and offset maps.

Markdown is read as prose by *masking* what is not prose (front matter, fenced and inline code, HTML
comments, link targets, emphasis markers) with spaces in a copy of the text of the same length. Every
extractor reads `prose`, every finding points into `text`: offsets never need translating.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from .errors import InputError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")  # inline code: see _code_spans
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>|https?://[^\s<>()]+")
# `(?<!_)`: try a run of underscores from its start only; from inside the run the lookahead fails again at
# every length, which is quadratic on a long run.
_EMPHASIS = re.compile(r"\*+|(?<![\w])_+|(?<!_)_+(?![\w])|\[|!\[")
# The value is stripped by the caller: a lazy `(.*?)[ \t]*$` would rescan a run of blanks from every position.
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(.*)$", re.M)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@dataclass(frozen=True)
class Document:
    text: str
    prose: str
    published: date | None = None
    front_matter: Mapping[str, str] = field(default_factory=dict, compare=False)
    line_starts: tuple[int, ...] = field(default=(0,), compare=False, repr=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a code-point offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1



# What re.IGNORECASE matches for an ASCII letter besides its two cases (Python's sre case folding).
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def at_word_start(alternatives: Iterable[str]) -> str:
    """Regex source matching what `\\b(?:A1|A2|...)` matches, for a pattern compiled with re.IGNORECASE, but fast.

    Python's `re` tries every alternative at every position, and a case-insensitive letter gives it nothing to
    skip on. Here the pattern opens with the alternatives' first letters as one case-sensitive class (each
    letter's cases and folds), which sre skips to without entering the pattern; a lookbehind checks the word
    boundary before that letter, and the alternatives are grouped by it, so a word list costs a few tests per
    word instead of one attempt per alternative. Matches are the same, span for span: at one position only
    the alternatives starting with that letter can match, and their order is kept. Each alternative must
    start with a plain ASCII letter (not a group, class, escape or quantified letter)."""
    buckets: dict[str, list[str]] = {}
    for alt in alternatives:
        first = alt[:1]
        if not (first.isascii() and first.isalpha()) or alt[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"an alternative must start with a plain letter: {alt!r}")
        buckets.setdefault(first.lower(), []).append(alt[1:])
    cases = {k: f"{k}{k.upper()}{_FOLDS.get(k, '')}" for k in buckets}
    groups = [f"(?<=[{cases[k]}])(?:{'|'.join(rests)})" for k, rests in buckets.items()]
    return f"(?-i:[{''.join(cases.values())}])(?<=\\b.)(?:{'|'.join(groups)})"


def parse_date(value: str, *, what: str = "date") -> date:
    """An ISO date (YYYY-MM-DD, optionally followed by a time), or InputError naming `what`."""
    m = _ISO_DATE.match(value.strip().strip("'\""))
    try:
        if not m:
            raise ValueError
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise InputError(f"{what} must be a date written YYYY-MM-DD, not {value!r}") from None


def parse_document(
    text: str,
    *,
    markdown: bool = True,
    published: date | None = None,
    date_field: str = "date",
) -> Document:
    """Build the Document; `published` wins over the front matter's `date_field`."""
    chars = list(text)
    front: dict[str, str] = {}
    if markdown:
        front = _mask_markdown(text, chars)
        if published is None and front.get(date_field):
            try:
                published = parse_date(front[date_field], what=f"front matter '{date_field}'")
            except InputError:
                published = None  # a malformed date in front matter is not a reason to refuse the draft
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]
    return Document(text, "".join(chars), published, front, tuple(starts))


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _mask_markdown(text: str, chars: list[str]) -> dict[str, str]:
    front: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        front = {k.lower(): v.strip().strip("'\"") for k, v in _FM_LINE.findall(m.group(1) or "")}
        _blank(chars, 0, m.end())
    if "`" in text or "~" in text:
        _mask_fences(text, chars)
    masked = "".join(chars)
    for triggers, find in _MASKERS:
        # A pass whose trigger is absent cannot match: skip its scan; rejoin only after a pass that blanked.
        if not any(t in masked for t in triggers):
            continue
        hits = False
        for start, end in find(masked):
            _blank(chars, start, end)
            hits = True
        if hits:
            masked = "".join(chars)
    return front


# Each masking pass, in order, with the substrings at least one of which any of its matches contains.
_MASKERS: tuple[tuple[tuple[str, ...], Callable[[str], Iterator[tuple[int, int]]]], ...] = ()


def mask_code(text: str) -> str:
    """`text` with fenced and inline code blanked (same length): where Markdown shows examples, not directives."""
    chars = list(text)
    _mask_fences(text, chars)
    for start, end in _code_spans("".join(chars)):
        _blank(chars, start, end)
    return "".join(chars)


def _spans(pattern: re.Pattern[str]) -> Callable[[str], Iterator[tuple[int, int]]]:
    return lambda text: (hit.span() for hit in pattern.finditer(text))


def _code_spans(text: str) -> Iterator[tuple[int, int]]:
    """Inline code (CommonMark): a backtick run up to the next run of exactly its length, else literal.

    Paired on the list of runs: a backreference regex rescans the rest of the text from every run that has
    no closer, which is quadratic on a long draft with many unmatched runs.
    """
    runs = [hit.span() for hit in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        later = bisect.bisect_right(same, index)
        if later < len(same):
            yield start, runs[same[later]][1]
            index = same[later] + 1
        else:
            index += 1


def _mask_fences(text: str, chars: list[str]) -> None:
    pos, fence = 0, None
    block_start = 0
    for line in text.splitlines(keepends=True):
        m = _FENCE_OPEN.match(line)
        if fence is None and m:
            fence, block_start = m.group(1), pos
        elif fence is not None and line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
            _blank(chars, block_start, pos + len(line))
            fence = None
        pos += len(line)
    if fence is not None:  # an unclosed fence runs to the end, as CommonMark says
        _blank(chars, block_start, len(text))


_MASKERS = (
    (("<!--",), _spans(_HTML_COMMENT)),
    (("`",), _code_spans),
    (("](",), _spans(_LINK_TARGET)),
    (("http", "mailto:"), _spans(_AUTOLINK)),
    (("*", "_", "["), _spans(_EMPHASIS)),
)


class Utf16Offsets:
    """Code-point -> UTF-16 offsets for one text (browser editors and LanguageTool count UTF-16 code units:
    a character outside the BMP counts twice). The one map: the API, /v2/check and the page all use it.

    The astral characters are found once per text, so mapping many offsets stays linear in the text.
    """

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)
