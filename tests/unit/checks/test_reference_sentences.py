"""The reference check on a table of sentences of our own (tests/unit/checks/data/reference_sentences.jsonl), one
or more per class of false alarm the issue names (a cue in another clause, a time that is not the event, another
mission's date, a plan checked against the outcome, a part compared with the whole, a pad read as a site) and per
alias form and event word, each claim with its expected verdict (null: no reference finding may cover it) and,
for a contradiction, the suggestion.

A row's `aliases` are names the catalogue's alias table gives a record; the test adds them to a copy of the
shipped store, so the table tests how names are matched, not which aliases happen to be shipped."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from orbitcheck.engine import check_text
from orbitcheck.records.store import ReferenceStore
from tests.helpers.paths import ROOT

TABLE = ROOT / "tests" / "unit" / "checks" / "data" / "reference_sentences.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()]
CASES = [(row, expect) for row in ROWS for expect in row["expect"]]


def _norm(text: str | None) -> str:
    words = (text or "").lower().replace(",", " ").split()
    return " ".join(w for w in words if w not in ("on", "at", "the"))


def _with_aliases(store, aliases: dict[str, list[str]]):
    if not aliases:
        return store
    missions = [replace(m, aliases=(*m.aliases, *aliases.get(m.id, ()))) for m in store.missions()]
    return ReferenceStore(missions, f"{store.version}+aliases")


def test_the_table_covers_every_class_and_verdict():
    assert len(ROWS) >= 60
    assert {row["class"] for row in ROWS} >= {"cue-other-clause", "not-the-event", "another-mission",
                                              "plan-vs-outcome", "part-vs-whole", "pad-vs-site", "alias",
                                              "event-word"}
    assert {e["verdict"] for _, e in CASES} == {"supported", "contradicted", "unverified", None}


@pytest.mark.parametrize("row, expect", CASES, ids=[f"{r['id']}:{e['claim']}" for r, e in CASES])
def test_each_claim_gets_its_expected_verdict(store, row, expect):
    report = check_text(row["text"], published=date.fromisoformat(row["published"]), checks=["reference"],
                        markdown=False, store=_with_aliases(store, row.get("aliases", {})))
    start = row["text"].index(expect["claim"])
    end = start + len(expect["claim"])
    hits = [f for f in report.findings if f.span.start < end and f.span.end > start]
    wanted = [expect["verdict"], *expect.get("also_ok", [])]
    got = [(str(f.verdict), f.message) for f in hits]
    assert any((not hits) if want is None else any(f.verdict == want for f in hits) for want in wanted), got
    if expect.get("suggestion") and expect["verdict"] == "contradicted":
        suggestions = [_norm(f.suggestion) for f in hits if f.verdict == "contradicted"]
        assert any(s and (_norm(expect["suggestion"]) in s or s in _norm(expect["suggestion"])) for s in suggestions), \
            suggestions
    for f in hits:  # every finding carries its link's evidence
        link = f.details["link"]
        assert {"mission", "property", "how", "cue", "doubts", "mention", "why", "clause", "modality",
                "kind"} <= set(link)
        if f.verdict == "contradicted":
            assert link["doubts"] == [] and f.severity == "error"
