"""The real corpus (tests/data/corpus/real_pairs.jsonl, issue 15) scored in-process as scripts/score_corpus.py
scores a build: the figures may only go up, and no false alarm appears beyond the listed disagreements.

The cases (each span in a sentence of its own, a mutant of every consistent pair) and the tally are the
scorer's own functions, so this test and the command report the same numbers.
"""
from __future__ import annotations

import ast
import importlib.util
import json
import subprocess
import sys

import pytest

from orbitcheck.engine import check_text
from orbitcheck.text import parse_document
from tests.helpers.paths import DATA, ROOT

_spec = importlib.util.spec_from_file_location("score_corpus", ROOT / "scripts" / "score_corpus.py")
assert _spec and _spec.loader
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)

CORPUS = DATA / "corpus" / "real_pairs.jsonl"
# Recorded after round 6's work (scripts/score_corpus.py, with its sample "real6-*" of a fresh held-out set):
# raise them when the checks get better.
FLOORS = {
    "time_pair": {"found": 265, "right": 219, "caught": 161},
    "unit_pair": {"found": 529, "right": 526, "caught": 489},
}
# Consistent by the labeller, inconsistent by the checks, each for a reason the checks are right about.
DISAGREEMENTS = {
    # The span leaves out the hedge the labeller read before the pair ("approximately 3,476 kilometers"),
    # and a hedge does not widen the conversion anyway: 3,476 km is 2,159.9 miles, not 2,159.
    "real2-408",
    # "around -125 degrees Celsius (-195 degrees Fahrenheit)": -125 °C is -193 °F; the labeller widens the
    # hedged head by 3 %, but a hedge before the pair says the quantity is approximate, not the arithmetic.
    "real2-427",
    # "32,000 mph (48,280 kph)": 48,280 km/h is 30,000 mph; 32,000 mph is 51,499 km/h, 6 % more. The labeller
    # gives every figure ending in 0 its 5 %; the checks give it only to round figures of one or two
    # significant digits ("400", "28,000"), and 1 % to "48,280" (issue 15: "about 3,410 pounds (1,563 kg)").
    "real-103",
}


@pytest.fixture(scope="module")
def scored(store):
    cases = scorer.cases(scorer.load(str(CORPUS)))
    found = {}
    for name, text, *_ in cases:
        report = check_text(text, store=store)
        found[name] = [{"check": f.check, "verdict": str(f.verdict), "start": f.start, "end": f.end}
                       for f in report.findings]
    return scorer.score(cases, found)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_found_right_and_caught_do_not_fall(scored, kind):
    stats, _, _ = scored
    got = {k: stats[kind][k] for k in FLOORS[kind]}
    assert all(got[k] >= FLOORS[kind][k] for k in got), f"{kind}: {got} below {FLOORS[kind]}"


def test_no_false_alarm_beyond_the_listed_disagreements(scored):
    _, _, wrong = scored
    alarms = {w.split()[0] for w in wrong if "got ['inconsistent']" in w and "expected consistent" in w}
    decoys = [w for w in wrong if "decoy flagged" in w]
    assert not decoys
    assert alarms <= DISAGREEMENTS, sorted(alarms - DISAGREEMENTS)


def test_the_corpus_keeps_only_spans_labels_sites_and_forms():
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 600 and len({i["site"] for i in items}) >= 60
    allowed = {"id", "kind", "span", "label", "why", "site", "form", "date_context", "dst_mismatch",
               "borderline", "ambiguous", "ton_reading", "severity", "dst_note",
               "a", "b", "a2", "b2", "a3", "b3", "a4", "a5"}
    for item in items:
        assert set(item) <= allowed, item["id"]
        assert "http" not in json.dumps(item)
    assert "http" not in (DATA / "corpus" / "real_transcribed.txt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_labeller_reproduces_the_stored_labels_without_orbitcheck():
    script = ROOT / "scripts" / "verify_pairs.py"
    tree = ast.parse(script.read_text(encoding="utf-8"))
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not imported & {"orbitcheck", "service", ""}, imported
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_span_sentence_is_the_scorers():
    (name, text, item, expected, start, end), *_ = scorer.cases([{"id": "x", "kind": "unit_pair",
                                                                  "span": "5 km (3.1 mi)", "label": "consistent"}])
    assert text[start:end] == "5 km (3.1 mi)" and expected == "consistent" and name == "x.md"
    assert parse_document(text).prose[start:end] == "5 km (3.1 mi)"
