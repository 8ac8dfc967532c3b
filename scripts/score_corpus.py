#!/usr/bin/env python3
"""Score an orbitcheck build on a labelled corpus the way the team's score-corpus tool does, by kind and by form.

Usage (from the project root):
    .venv/bin/python scripts/score_corpus.py [--corpus tests/data/corpus/real_pairs.jsonl] [path/to/orbitcheck]

Each span is placed in a plain sentence of its own, in its own Markdown file whose front matter carries the
span's date, and a mutant of each consistent pair (the parenthesised side changed by 30 % or two hours) is
added. Prints, per kind: pairs found, verdicts right, false alarms (consistent or decoy flagged
inconsistent), mutants caught, daylight-time warnings; then per form; then the items it got wrong.
The default build is .venv/bin/orbitcheck (run once over a folder of drafts, `check --format json`);
tests/corpus/test_real_corpus.py scores the same cases in-process with `score(cases(items), findings)`.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, os.pardir, "tests", "data", "corpus", "real_pairs.jsonl"))
NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
CLOCK = re.compile(r"\b(\d{1,2})(:|\.)?(\d{2})\b")
CHECK = {"unit_pair": "unit-pair", "time_pair": "time-pair"}
LEAD = "The figure given was "


def mutate(d: dict) -> str | None:
    """The span with its parenthesised side changed (a figure by 30 %, or twice, a clock time by two hours)."""
    span = d["span"]
    i = span.find("(")
    if i < 0:
        return None
    head, tail = span[:i], span[i:]
    if d["kind"] == "unit_pair":
        m = NUM.search(tail)
        if not m or float(m.group(0).replace(",", "")) == 0:
            return None
        raw, v = m.group(0), float(m.group(0).replace(",", ""))

        def fmt(x: float) -> str:
            return f"{x:,.0f}" if "," in raw or "." not in raw else f"{x:.{len(raw.split('.')[1])}f}"
        new = fmt(v * 1.3)
        if abs(float(new.replace(",", "")) - v) < 0.15 * abs(v):  # a small whole number rounds back to itself
            new = fmt(v * 2)
    else:
        m = CLOCK.search(tail)
        if not m:
            return None
        h = int(m.group(1))
        is_12h = bool(re.search(r"[ap]\.?m\.?", tail[m.end(): m.end() + 6], re.I))
        nh = ((h + 1) % 12) + 1 if is_12h else (h + 2) % 24
        new = (f"{nh:02d}" if len(m.group(1)) == 2 and not is_12h else str(nh)) + (m.group(2) or "") + m.group(3)
    return head + tail[: m.start()] + new + tail[m.end():]


def cases(items: Iterable[dict]) -> list[tuple[str, str, dict, str, int, int]]:
    """(file name, draft text, item, expected verdict or "mutant", span start, span end) for every item."""
    out = []

    def add(name: str, d: dict, span: str, expected: str) -> None:
        date = d.get("date_context") or ""
        front = f"---\ndate: {date}\n---\n\n" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
        text = front + LEAD + span + " in the report.\n"
        s = len(front) + len(LEAD)
        out.append((name, text, d, expected, s, s + len(span)))

    for d in items:
        add(d["id"] + ".md", d, d["span"], d["label"])
        if d["label"] == "consistent" and (m := mutate(d)):
            add(d["id"] + "-mutant.md", d, m, "mutant")
    return out


def _blank() -> dict[str, int]:
    return dict(n=0, found=0, right=0, alarms=0, mut=0, caught=0, dst=0, warned=0)


def score(all_cases: list, found: dict[str, list[dict]]) -> tuple[dict, dict, list[str]]:
    """Tally per kind and per (kind, form) from the findings (JSON dicts) of each case's file name."""
    stats: dict[str, dict[str, int]] = {}
    forms: dict[tuple[str, str], dict[str, int]] = {}
    wrong: list[str] = []
    for name, _text, d, expected, s, e in all_cases:
        kind = d["kind"]
        st = stats.setdefault(kind, _blank())
        fst = forms.setdefault((kind, d.get("form") or "-"), _blank())
        fs = [f for f in found.get(name, []) if f.get("start", -1) < e and f.get("end", -1) > s]
        verdicts = {f.get("verdict") for f in fs if f.get("check") == CHECK.get(kind)}
        if expected == "not_a_pair":
            fst["n"] += 1
            if "inconsistent" in {f.get("verdict") for f in fs}:
                st["alarms"] += 1
                fst["alarms"] += 1
                wrong.append(f"{d['id']} decoy flagged: {d['span']}")
            continue
        if expected == "mutant":
            for t in (st, fst):
                t["mut"] += 1
                t["caught"] += "inconsistent" in verdicts
            if "inconsistent" not in verdicts:
                wrong.append(f"{name} mutant not caught")
            continue
        ok = expected in verdicts and not (expected == "consistent" and "inconsistent" in verdicts)
        for t in (st, fst):
            t["n"] += 1
            t["found"] += bool(verdicts)
            t["right"] += ok
            t["alarms"] += expected == "consistent" and "inconsistent" in verdicts
        if not ok:
            wrong.append(f"{d['id']} expected {expected}, got {sorted(v for v in verdicts if v) or 'nothing'}: "
                         f"{d['span']}")
        if d.get("dst_mismatch"):
            st["dst"] += 1
            st["warned"] += any(f.get("check") == "zone-abbreviation" and f.get("verdict") != "consistent"
                                for f in fs)
    return stats, forms, wrong


def report(stats: dict, forms: dict, wrong: list[str], write: Callable[[str], None] = print) -> None:
    for kind, st in stats.items():
        line = f"{kind}: found {st['found']}/{st['n']}, right {st['right']}/{st['n']}, false alarms {st['alarms']}"
        if st["mut"]:
            line += f", mutants caught {st['caught']}/{st['mut']}"
        if st["dst"]:
            line += f", daylight-time warnings {st['warned']}/{st['dst']}"
        write(line)
    write("by form:")
    for (kind, form), f in sorted(forms.items()):
        if kind == "not_a_pair":
            write(f"  {kind:10s} {form:22s} decoys {f['n']}, false alarms {f['alarms']}")
            continue
        line = f"  {kind:10s} {form:22s} found {f['found']}/{f['n']}, right {f['right']}/{f['n']}, " \
               f"false alarms {f['alarms']}"
        if f["mut"]:
            line += f", mutants caught {f['caught']}/{f['mut']}"
        write(line)
    for w in wrong:
        write("  " + w)


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str]) -> int:
    corpus = DEFAULT_CORPUS
    if argv[:1] == ["--corpus"]:
        corpus, argv = argv[1], argv[2:]
    exe = argv[0] if argv else os.path.join(".venv", "bin", "orbitcheck")
    all_cases = cases(load(corpus))
    with tempfile.TemporaryDirectory() as tmp:
        for name, text, *_ in all_cases:
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as fh:
                fh.write(text)
        p = subprocess.run([exe, "check", "--format", "json", "--fail-on", "never", tmp],
                           capture_output=True, text=True, check=False)
    try:
        out = json.loads(p.stdout)
    except ValueError:
        print(f"no JSON from {exe} (exit {p.returncode}): {(p.stderr or p.stdout).strip()[-300:]}")
        return 0
    found = {os.path.basename(f["path"]): f["findings"] for f in out.get("files", [])}
    report(*score(all_cases, found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
