"""Every time pair of the development corpus gets its labelled verdict, in sentences of our own.

The spans and labels come from tests/data/corpus/dev_pairs.jsonl (a byte-for-byte copy of the shared
corpus); each item's `date_context` is given as the publication date through front matter. Which
borderline items are left `ambiguous`, and why: tests/data/corpus/TIME_PAIRS.md.
"""
from __future__ import annotations

import json
import re

import pytest

from orbitcheck.engine import check_text
from orbitcheck.model import Severity, Verdict
from tests.helpers.paths import DATA

CORPUS = DATA / "corpus" / "dev_pairs.jsonl"
ITEMS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
TIME_CHECKS = ["time-pair", "zone-abbreviation", "weekday-date"]
# Borderline items whose label depends on knowing more than the span says (see TIME_PAIRS.md).
LEFT_AMBIGUOUS = {"dev-046"}
SENTENCES = (
    "Mission managers said liftoff would come at {span}, weather permitting.",
    "The capsule undocked at {span} and began its trip home.",
)


def _draft(item: dict, span: str, sentence: str) -> tuple[str, int]:
    date = item.get("date_context") or ""
    front = f"---\ndate: {date}\n---\n\n" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
    text = front + sentence.format(span=span) + "\n"
    return text, text.index(span)


def _findings(text: str, start: int, end: int):
    report = check_text(text, checks=TIME_CHECKS)
    return [f for f in report.findings if f.start < end and f.end > start]


def _items(kind: str):
    return [pytest.param(i, id=i["id"]) for i in ITEMS if i["kind"] == kind]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("item", _items("time_pair"))
def test_time_pair_gets_its_label(item, sentence):
    text, start = _draft(item, item["span"], sentence)
    found = _findings(text, start, start + len(item["span"]))
    pairs = [f for f in found if f.check == "time-pair"]
    assert len(pairs) == 1, found
    (pair,) = pairs
    assert pair.text == item["span"]
    expected = "ambiguous" if item["id"] in LEFT_AMBIGUOUS else item["label"]
    assert pair.verdict == expected, pair.message
    if expected == "inconsistent":
        assert pair.suggestion and pair.severity is not Severity.INFO
        side = next(s for s in pair.details["sides"] if s["outcome"] == "different")
        assert side["first_utc"] and side["other_utc"] and side["first_zone"] and side["other_zone"]


@pytest.mark.parametrize("item", [i for i in _items("time_pair") if i.values[0].get("dst_mismatch")])
def test_dst_mismatch_gets_a_daylight_time_warning(item):
    text, start = _draft(item, item["span"], SENTENCES[0])
    warnings = [f for f in _findings(text, start, start + len(item["span"]))
                if f.check == "zone-abbreviation" and f.severity is Severity.WARNING]
    assert warnings and warnings[0].verdict is Verdict.INCONSISTENT
    assert warnings[0].suggestion in {"EDT", "EST", "CDT", "CST", "PDT", "PST", "BST", "GMT", "CET", "CEST"}


@pytest.mark.parametrize("item", [i for i in _items("time_pair") if not i.values[0].get("dst_mismatch")])
def test_right_abbreviations_raise_no_daylight_time_warning(item):
    text, start = _draft(item, item["span"], SENTENCES[1])
    assert not [f for f in _findings(text, start, start + len(item["span"]))
                if f.check == "zone-abbreviation" and f.severity is not Severity.INFO]


def _shift_parenthesis_by_an_hour(span: str) -> str | None:
    """The first clock time inside the parentheses, one hour later (a writer's classic slip)."""
    head, _, tail = span.partition("(")
    m = re.search(r"\b(\d{1,2})([:.]?)(\d{2})(?!\d)|\b(\d{1,2})(?=\s?[ap]\.?m)", tail, re.I)
    if not m:
        return None
    if m.group(4):
        new, start, end = str(int(m.group(4)) % 12 + 1), m.start(4), m.end(4)
    else:
        hour = int(m.group(1))
        twelve = re.match(r"\s?[ap]\.?m", tail[m.end():], re.I)
        new_hour = hour % 12 + 1 if twelve else (hour + 1) % 24
        new = (f"{new_hour:02d}" if len(m.group(1)) == 2 and not twelve else str(new_hour))
        start, end = m.start(1), m.end(1)
    return head + "(" + tail[:start] + new + tail[end:]


@pytest.mark.parametrize("item", [i for i in _items("time_pair") if i.values[0]["label"] == "consistent"
                                  and i.values[0]["id"] not in LEFT_AMBIGUOUS])
def test_a_one_hour_slip_in_the_parenthesis_is_an_error(item):
    mutant = _shift_parenthesis_by_an_hour(item["span"])
    assert mutant and mutant != item["span"]
    text, start = _draft(item, mutant, SENTENCES[0])
    (pair,) = [f for f in _findings(text, start, start + len(mutant)) if f.check == "time-pair"]
    assert pair.verdict is Verdict.INCONSISTENT and pair.severity is Severity.ERROR, pair.message
    assert pair.suggestion


@pytest.mark.parametrize("item", _items("not_a_pair") + _items("unit_pair"))
def test_no_time_alarm_on_other_items(item):
    text, start = _draft(item, item["span"], SENTENCES[0])
    found = _findings(text, start, start + len(item["span"]))
    assert not [f for f in found if f.check == "time-pair"]
    assert not [f for f in found if f.verdict is Verdict.INCONSISTENT or f.severity is not Severity.INFO]


def test_local_time_is_checked_when_the_text_names_the_place():
    item = next(i for i in ITEMS if i["id"] == "dev-046")
    text = (f"---\ndate: {item['date_context']}\n---\n\nThe Soyuz left Baikonur Cosmodrome at {item['span']} "
            "with three crew.\n")
    (pair,) = [f for f in check_text(text, checks=["time-pair"]).findings]
    assert pair.verdict is Verdict.CONSISTENT
    assert pair.details["sides"][0]["other_zone"]["zone"] == "Asia/Qyzylorda"
    wrong = text.replace("6:51 a.m.", "7:51 a.m.")
    (bad,) = check_text(wrong, checks=["time-pair"]).findings
    assert bad.verdict is Verdict.INCONSISTENT and bad.suggestion == "6:51 a.m. Saturday local time"


def test_corpus_copy_is_present_with_its_readme():
    assert len(ITEMS) == 72 and (CORPUS.parent / "README.md").is_file()
    assert sum(i["kind"] == "time_pair" for i in ITEMS) == 23
