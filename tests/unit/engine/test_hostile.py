"""Hostile input: megabyte drafts and long runs of one token must finish, whatever checks are registered.

No timing is asserted (speed is `make bench`'s job, bench/bench_scaling.py): a regular expression that
backtracks catastrophically on these inputs does not finish, and the test with it.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orbitcheck
from bench.hostile import RUNS, TOKENS, hostile_text
from orbitcheck.engine import check_text
from orbitcheck.text import Utf16Offsets, _code_spans, parse_document
from tests.helpers.invariants import assert_well_formed

MEGABYTE = 1 << 20


@pytest.mark.slow
@pytest.mark.parametrize("markdown", [True, False], ids=["markdown", "plain"])
def test_a_megabyte_of_digits_parentheses_and_unit_words_finishes(markdown, store):
    text = hostile_text(MEGABYTE, seed=markdown)
    report = check_text(text, markdown=markdown, published=date(2018, 11, 20), store=store)
    assert_well_formed(report, text)


def _service_patterns() -> list[tuple[str, re.Pattern]]:
    """Every compiled regular expression held at module level in service/ (directly or in a table)."""
    found = []
    for info in pkgutil.walk_packages(orbitcheck.__path__, "orbitcheck."):
        if "." in info.name.removeprefix("orbitcheck.").split(".")[-1] or info.name.endswith(".conf"):
            continue  # gunicorn.conf.py is a config file, not a module
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = (value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list))
                      else [value])
            found.extend((f"{info.name}.{name}", v) for v in values if isinstance(v, re.Pattern))
    return found


def test_the_regex_audit_sees_the_patterns():
    names = {name for name, _ in _service_patterns()}
    assert {"orbitcheck.text._EMPHASIS", "orbitcheck.text._BACKTICKS", "orbitcheck.text._FM_LINE"} <= names


# Long runs, each followed by a character that makes the last attempt fail: the worst case for backtracking.
RUN_LENGTH = 3_000
HOSTILE_RUNS = [run * (RUN_LENGTH // len(run)) + tail for run in RUNS + TOKENS for tail in ("", "!")]


@pytest.mark.slow
def test_no_module_level_pattern_backtracks_on_long_runs():
    for name, pattern in _service_patterns():
        for run in HOSTILE_RUNS:
            # Bytes patterns (the API's raw form-body scan) get the same runs as UTF-8.
            text = run.encode() if isinstance(pattern.pattern, bytes) else run
            for match in pattern.finditer(text):
                assert match.end() <= len(text), name
            pattern.match(text)
            pattern.fullmatch(text)


# Regressions: inputs that took quadratic time before their pattern was fixed (service/text.py).
@pytest.mark.parametrize(
    "text",
    [
        "a" + "_" * 300_000 + "a",  # _EMPHASIS retried the underscore run from every position inside it
        "---\ntitle: x" + " " * 300_000 + "y\n---\nBody.",  # _FM_LINE rescanned trailing blanks lazily
        "a " + "`" * 300_000 + "a",  # the code-span regex opened a span at every position inside the run
        "x".join("`" * n for n in range(1, 800)),  # ... and rescanned to the end from every unmatched run
    ],
    ids=["underscore-run", "front-matter-blanks", "backtick-run", "unmatched-backtick-runs"],
)
def test_markdown_masking_is_linear_on_long_runs(text):
    doc = parse_document(text)
    assert len(doc.prose) == len(text)


def test_front_matter_value_is_stripped():
    doc = parse_document("---\ntitle:   Progress MS-10 \t \ndate: 2018-11-20  \n---\nBody.")
    assert doc.front_matter == {"title": "Progress MS-10", "date": "2018-11-20"}


def test_utf16_offsets_for_every_position_of_a_large_text():
    """Counting astral characters per call was O(length): a response with many findings was quadratic."""
    text = ("🚀 Auñón 5 km (3 mi) " * 20_000)[:300_000]
    doc = parse_document(text, markdown=False)
    expected, units = [], 0
    for ch in text:
        expected.append(units)
        units += 2 if ord(ch) > 0xFFFF else 1
    expected.append(units)
    utf16 = Utf16Offsets(doc.text)  # built once: each lookup is then a bisection
    assert [utf16(i) for i in range(len(text) + 1)] == expected


# The backreference regex code spans were found with (CommonMark's rule), kept as the oracle for _code_spans.
_CODE_SPAN_REGEX = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("``a \n"), max_size=60))
def test_code_spans_pair_backtick_runs_as_commonmark_does(text):
    assert list(_code_spans(text)) == [hit.span() for hit in _CODE_SPAN_REGEX.finditer(text)]


def test_a_code_span_opens_only_at_the_start_of_a_backtick_run():
    doc = parse_document("a ``b`c` d")  # "``" has no closer, so it is literal; "`c`" is code (CommonMark)
    assert doc.prose == "a ``b" + "   " + " d"
