"""`--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.

One run; one rule per check (ruleId = the check id, described from the registry); one result per warning
or error. Passing claims (severity info) are left out: code scanning turns every result into an alert.
Suppressed findings stay in, marked `suppressions: [{kind: inSource}]`, so viewers show them as such.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Severity
from ..text import Document
from . import FileResult
from .positions import code_point_position, suggestion_span

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "orbitcheckClaim/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(results: Sequence[FileResult]) -> str:
    return json.dumps(sarif_log(results), ensure_ascii=False, indent=2) + "\n"


def sarif_log(results: Sequence[FileResult]) -> dict[str, Any]:
    rules = _rules(results)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    out: list[dict[str, Any]] = []
    for result in results:
        seen: Counter[tuple[str, str]] = Counter()
        doc = result.report.document
        for finding in result.report.findings:
            claim = (finding.check, doc.text[finding.start:finding.end])
            occurrence = seen[claim]
            seen[claim] += 1
            if finding.severity is not Severity.INFO:
                out.append(_result(finding, doc, _uri(result.path), index[finding.check], occurrence))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "orbitcheck", "version": __version__, "rules": rules}},
            # Our line/column figures count code points (Python str indices), not UTF-16 units.
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }


def fingerprint(check: str, claim: str, occurrence: int) -> str:
    """Stable across re-runs and unrelated edits: no line number, only what the claim says and which
    repeat of the same claim in the file it is."""
    return hashlib.sha256(f"{check}\0{claim}\0{occurrence}".encode()).hexdigest()[:32]


def _rules(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    from ..checks import all_checks

    described = {check.ID: check.DESCRIPTION for check in all_checks()}
    # A remote server may run checks this build does not know; they still need a rule to point at.
    for result in results:
        for finding in result.report.findings:
            described.setdefault(finding.check, f"orbitcheck check {finding.check}")
    return [
        {"id": check_id, "name": check_id,
         "shortDescription": {"text": text}, "fullDescription": {"text": text}}
        for check_id, text in described.items()
    ]


def _result(finding: Finding, doc: Document, uri: str, rule_index: int, occurrence: int) -> dict[str, Any]:
    message = finding.message + (f" Suggestion: {finding.suggestion}." if finding.suggestion else "")
    claim = doc.text[finding.start:finding.end]
    out: dict[str, Any] = {
        "ruleId": finding.check,
        "ruleIndex": rule_index,
        "kind": "fail",
        "level": _LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri},
                                            "region": _region(doc, finding.start, finding.end)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding.check, claim, occurrence)},
        "properties": {"verdict": str(finding.verdict), "claim": claim},
    }
    span = suggestion_span(finding, doc)
    if span is not None:
        out["fixes"] = [{
            "description": {"text": f"Replace with {finding.suggestion}"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [{
                "deletedRegion": _region(doc, span.start, span.end),
                "insertedContent": {"text": finding.suggestion},
            }]}],
        }]
    if finding.suppressed:
        out["suppressions"] = [{"kind": "inSource", "justification": "orbitcheck-disable comment"}]
    return out


def _region(doc: Document, start: int, end: int) -> dict[str, int]:
    first, last = code_point_position(doc, start), code_point_position(doc, end)
    return {"startLine": first.line, "startColumn": first.column,
            "endLine": last.line, "endColumn": last.column,  # SARIF's endColumn is exclusive, as ours
            "charOffset": start, "charLength": end - start}


def _uri(path: str) -> str:
    """A relative URI reference as code scanning expects (forward slashes, no ./, percent-encoded)."""
    if path == "-":
        return "stdin"
    pure = PurePath(os.path.normpath(path))
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix())
