"""Findings as the API returns them: the CLI's JSON finding plus UTF-16 offsets, and what "passing" means."""
from __future__ import annotations

from typing import Any

from flask import current_app

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


def result_payload(report: Report, *, include_passing: bool, limit: int | None = None) -> dict[str, Any]:
    """The findings (at most `limit`, default the app's MAX_FINDINGS; beyond it `truncated: true` and
    `findings_total`, the number there were) and the summary, which always counts every claim."""
    if limit is None:
        limit = current_app.config.get("MAX_FINDINGS") if current_app else None
    utf16 = Utf16Offsets(report.document.text)
    shown = [f for f in report.findings if include_passing or not is_passing(f)]
    counts = summary([FileResult("-", report)])
    del counts["files"]
    out: dict[str, Any] = {"findings": [finding_payload(f, report, utf16) for f in shown[:limit]],
                           "summary": counts}
    if limit is not None and len(shown) > limit:
        out["truncated"] = True
        out["findings_total"] = len(shown)
    return out
