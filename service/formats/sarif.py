"""`--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.

One run; one rule per check (ruleId = the check id; shortDescription, fullDescription, help.text from the
check's own docs, helpUri, defaultConfiguration.level from its severity); one result per warning or error.
Passing claims (severity info) are left out: code scanning turns every result into an alert. Suppressed
findings stay in, marked `suppressions: [{kind: inSource}]`, so viewers show them as such.

GitHub's requirements ("SARIF support for code scanning"): artifact URIs relative to the repository root,
given with `uriBaseId` "%SRCROOT%", declared in `originalUriBaseIds` without a machine path (the consumer's
checkout is the root); columns in UTF-16 code units (what GitHub's own tools write and its pages count;
stated as `columnKind`), char offsets likewise; at most one fix per result, from `Finding.fix`;
`partialFingerprints` so re-runs do not duplicate alerts.
"""
from __future__ import annotations

import hashlib
import inspect
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Severity
from ..text import Document, Utf16Offsets
from . import FileResult, indented

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "orbitcheckClaim/v1"
ROOT_ID = "%SRCROOT%"
ROOT_DESCRIPTION = "The repository root (or --sarif-root) the artifact paths are relative to"
# The README section that documents each check (GitHub's anchor of the heading).
HELP_ANCHORS = {"unit-pair": "unit-conversions", "time-pair": "times-and-dates", "zone-abbreviation": "times-and-dates",
                "weekday-date": "times-and-dates", "reference": "reference-records"}
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(results: Sequence[FileResult], *, root: Path | None = None, docs_url: str | None = None) -> str:
    return indented.dumps(sarif_log(results, root=root, docs_url=docs_url)) + "\n"


def default_root(start: Path | None = None) -> Path:
    """The repository root when `start` (default: the working directory) is inside a git work tree, else
    `start` itself: the paths code scanning shows are relative to the repository."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def sarif_log(results: Sequence[FileResult], *, root: Path | None = None,
              docs_url: str | None = None) -> dict[str, Any]:
    """`docs_url`: where your newsroom publishes orbitcheck's README (`--sarif-docs-url`); it becomes the
    driver's informationUri and each rule's helpUri (README anchor of the check). Absent, both are left out
    rather than pointing somewhere invented."""
    base = (root or default_root()).resolve()
    rules = _rules(results, docs_url)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    out: list[dict[str, Any]] = []
    for result in results:
        seen: Counter[tuple[str, str]] = Counter()
        doc = result.report.document
        where = artifact_location(result.path, base)
        utf16 = Utf16Offsets(doc.text)
        for finding in result.report.findings:
            claim = (finding.check, doc.text[finding.start:finding.end])
            occurrence = seen[claim]
            seen[claim] += 1
            if finding.severity is not Severity.INFO:
                out.append(_result(finding, doc, utf16, where, index[finding.check], occurrence))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "orbitcheck", "version": __version__, "semanticVersion": __version__,
                                **({"informationUri": docs_url} if docs_url else {}), "rules": rules}},
            # No machine path: the consumer (code scanning: the repository's checkout) supplies the base.
            "originalUriBaseIds": {ROOT_ID: {"description": {"text": ROOT_DESCRIPTION}}},
            "columnKind": "utf16CodeUnits",
            "results": out,
        }],
    }


def fingerprint(check: str, claim: str, occurrence: int) -> str:
    """Stable across re-runs and unrelated edits: no line number, only what the claim says and which
    repeat of the same claim in the file it is."""
    return hashlib.sha256(f"{check}\0{claim}\0{occurrence}".encode()).hexdigest()[:32]


def _rules(results: Sequence[FileResult], docs_url: str | None) -> list[dict[str, Any]]:
    from ..checks import all_checks

    rules = {check.ID: _rule(check.ID, check.DESCRIPTION, inspect.getdoc(check) or check.DESCRIPTION,
                             check.SEVERITY, docs_url) for check in all_checks()}
    # A remote server may run checks this build does not know; they still need a rule to point at.
    for result in results:
        for finding in result.report.findings:
            if finding.check not in rules:
                text = f"orbitcheck check {finding.check}"
                rules[finding.check] = _rule(finding.check, text, text, Severity.WARNING, docs_url)
    return list(rules.values())


def _rule(check_id: str, description: str, help_text: str, severity: Severity,
          docs_url: str | None) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": check_id, "name": check_id,
        "shortDescription": {"text": description}, "fullDescription": {"text": description},
        "help": {"text": help_text},  # the check module's own documentation
        "defaultConfiguration": {"level": _LEVELS[severity]},
        "properties": {"tags": ["fact-check"]},
    }
    if docs_url:
        rule["helpUri"] = f"{docs_url}#{HELP_ANCHORS.get(check_id, 'checks')}"
    return rule


def _result(finding: Finding, doc: Document, utf16: Utf16Offsets, where: dict[str, str], rule_index: int,
            occurrence: int) -> dict[str, Any]:
    message = finding.message + (f" Suggestion: {finding.suggestion}." if finding.suggestion else "")
    claim = doc.text[finding.start:finding.end]
    out: dict[str, Any] = {
        "ruleId": finding.check,
        "ruleIndex": rule_index,
        "kind": "fail",
        "level": _LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": dict(where),
                                            "region": _region(doc, utf16, finding.start, finding.end)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding.check, claim, occurrence)},
        "properties": {"verdict": str(finding.verdict), "claim": claim},
    }
    if finding.fix is not None:
        fix = finding.fix
        out["fixes"] = [{
            "description": {"text": f"Replace with {fix.replacement}"},
            "artifactChanges": [{"artifactLocation": dict(where), "replacements": [{
                "deletedRegion": _region(doc, utf16, fix.span.start, fix.span.end),
                "insertedContent": {"text": fix.replacement},
            }]}],
        }]
    if finding.suppressed:
        out["suppressions"] = [{"kind": "inSource", "justification": "orbitcheck-disable comment"}]
    return out


def _region(doc: Document, utf16: Utf16Offsets, start: int, end: int) -> dict[str, int]:
    """1-based lines; 1-based columns and 0-based char offsets in UTF-16 code units (endColumn exclusive)."""
    (first_line, first_col), (last_line, last_col) = doc.line_col(start), doc.line_col(end)
    return {"startLine": first_line, "startColumn": _utf16_column(utf16, start, first_col),
            "endLine": last_line, "endColumn": _utf16_column(utf16, end, last_col),
            "charOffset": utf16(start), "charLength": utf16(end) - utf16(start)}


def _utf16_column(utf16: Utf16Offsets, offset: int, column: int) -> int:
    line_start = offset - (column - 1)
    return utf16(offset) - utf16(line_start) + 1


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """Relative to `root` with uriBaseId when the file is under it (forward slashes, percent-encoded);
    an absolute file URI otherwise; standard input as "stdin"."""
    if path == "-":
        return {"uri": "stdin"}
    absolute = Path(os.path.abspath(path))
    try:
        relative = PurePath(os.path.relpath(absolute, root))
    except ValueError:  # another drive on Windows
        return {"uri": absolute.as_uri()}
    if relative.parts and relative.parts[0] == "..":
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": ROOT_ID}
