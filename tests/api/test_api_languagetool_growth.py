"""Issue 17 item 2: /v2/check's matches grow linearly with the draft (each match's sentence used to be found
by rescanning the text from its start: 500 short sentences took minutes). Checked by ratio, never seconds."""
from __future__ import annotations

import math

import pytest

from orbitcheck.api.compat_lt import Sentences, _match
from orbitcheck.model import Finding, Fix, Severity, Span, Verdict
from orbitcheck.text import Utf16Offsets
from tests.helpers.growth import best_time

SENTENCE = "At 6:31 a.m. EST Dec. 3 the orbit was 35,926 km (22,314 miles) high. "


def _draft(size: int) -> tuple[str, list[Finding]]:
    count = size // len(SENTENCE)
    text = SENTENCE * count
    findings = []
    for i in range(count):
        start = i * len(SENTENCE) + SENTENCE.index("35,926")
        side = i * len(SENTENCE) + SENTENCE.index("22,314")
        end = i * len(SENTENCE) + SENTENCE.index(")") + 1
        findings.append(Finding("unit-pair", Verdict.INCONSISTENT, Severity.ERROR, Span(start, end),
                                text[start:end], "m", "22,323 miles", fix=Fix(Span(side, side + 12), "22,323 miles")))
    return text, findings


def _run(text: str, findings: list) -> list:
    sentences, utf16 = Sentences(text), Utf16Offsets(text)
    matches = [_match(f, sentences, utf16, {}) for f in findings]
    sentences.ranges()
    return matches


def _cost(size: int) -> float:
    text, findings = _draft(size)
    assert _run(text, findings)[-1]["sentence"] == SENTENCE.strip()  # "a.m.", "Dec." end no sentence
    return best_time(lambda: _run(text, findings), 3)


@pytest.mark.slow
def test_matches_and_their_sentences_grow_linearly():
    sizes = (10_000, 100_000, 1_000_000)
    costs = [_cost(size) for size in sizes]
    slope = math.log(costs[-1] / costs[0]) / math.log(sizes[-1] / sizes[0])
    assert slope <= 1.15, (costs, slope)
