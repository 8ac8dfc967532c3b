"""Findings as the API returns them: the CLI's JSON finding plus UTF-16 offsets, and what "passing" means."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..engine import Report
from ..formats import FileResult, summary
from ..formats.json import finding_dict
from ..model import Finding, Verdict
from ..text import Utf16Offsets

# Claims that hold: listed only when the client asks (include_passing); always counted in the summary.
PASSING = frozenset({Verdict.CONSISTENT, Verdict.SUPPORTED})


def is_passing(finding: Finding) -> bool:
    return finding.verdict in PASSING


def finding_payload(finding: Finding, report: Report, utf16: Utf16Offsets) -> dict[str, Any]:
    """The CLI's finding + UTF-16 offsets, + where the suggestion goes when that is known for sure: a pair's
    suggestion replaces one side ("22,323 miles" replaces "22,314 miles"), and an editor's "Apply" needs it."""
    out = finding_dict(finding, report.document)
    out["start_utf16"] = utf16(finding.start)
    out["end_utf16"] = utf16(finding.end)
    if finding.fix is not None:
        target = finding.fix.span
        out["suggestion_start"], out["suggestion_end"] = target.start, target.end
        out["suggestion_start_utf16"], out["suggestion_end_utf16"] = utf16(target.start), utf16(target.end)
    return out


def result_payload(report: Report, *, include_passing: bool) -> dict[str, Any]:
    utf16 = Utf16Offsets(report.document.text)
    shown: Iterable[Finding] = (f for f in report.findings if include_passing or not is_passing(f))
    counts = summary([FileResult("-", report)])
    del counts["files"]
    return {"findings": [finding_payload(f, report, utf16) for f in shown], "summary": counts}
