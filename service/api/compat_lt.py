"""POST /v2/check: LanguageTool's HTTP API, so LanguageTool editor plugins can point at orbitcheck unchanged.

Takes LanguageTool's form fields (`text` or `data` with an annotation, `language`, `enabledRules`,
`disabledRules`, `enabledOnly`; others are ignored) and answers in LanguageTool's response shape. Offsets and
lengths are in UTF-16 code units, as LanguageTool (Java) counts them. Only claims that need attention are
matches: passing and suppressed findings are left out. A rule id is the check id in LanguageTool's style
("unit-pair" -> "UNIT_PAIR").
"""
from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from typing import Any

from flask import Blueprint

from orbitcheck.schemas.api import LanguageToolFormSchema, LanguageToolResponseSchema, LTLanguageEntrySchema

from ..checks import all_checks
from ..engine import check_text
from ..formats.positions import suggestion_span
from ..model import Finding, Severity, Verdict
from ..text import Document, Utf16Offsets
from .body import form_body, schema
from .findings import is_passing
from .metrics import count_findings
from .problems import Problem
from .spec import operation
from .state import current_store

bp = Blueprint("languagetool", __name__, url_prefix="/v2")

CONTEXT_CHARS = 40
# What GET /v2/languages lists: plugins ask for it at start-up and offer these to the user.
LANGUAGES = (("English", "en", "en"), ("English (US)", "en", "en-US"), ("English (GB)", "en", "en-GB"),
             ("English (Australian)", "en", "en-AU"), ("English (Canadian)", "en", "en-CA"),
             ("English (New Zealand)", "en", "en-NZ"), ("English (South African)", "en", "en-ZA"))
SHORT = {
    Verdict.INCONSISTENT: "Figures disagree",
    Verdict.CONTRADICTED: "Contradicts the record",
    Verdict.AMBIGUOUS: "Ambiguous",
    Verdict.UNVERIFIED: "Not verified",
}
ISSUE_TYPE = {Verdict.INCONSISTENT: "inconsistency", Verdict.CONTRADICTED: "inconsistency"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
# A full stop after these is not a sentence end ("6:31 a.m. EST", "Dec. 3").
_ABBREVIATIONS = re.compile(r"(?:\b(?:[ap]\.m|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|U\.S|"
                            r"Lt|Col|Gen|Capt|Cmdr|vs|approx)\.)$", re.I)


def rule_id(check_id: str) -> str:
    return check_id.upper().replace("-", "_")


def annotated_text(data: str) -> tuple[str, str]:
    """(original, checkable) from LanguageTool's `data`: markup is blanked in the checkable copy (same length,
    so offsets are the same in both), and offsets are reported into the original, markup included."""
    try:
        parts = json.loads(data)["annotation"]
        pieces = [(p["text"], p["text"]) if "text" in p else (p["markup"], re.sub(r"[^\n]", " ", p["markup"]))
                  for p in parts]
        if not all(isinstance(a, str) for a, _ in pieces):
            raise TypeError
    except (ValueError, KeyError, TypeError, RecursionError):
        raise Problem(422, 'data must be JSON {"annotation": [{"text": "..."}, {"markup": "..."}, ...]}',
                      errors={"data": ["Not a valid annotation."]}) from None
    return "".join(a for a, _ in pieces), "".join(b for _, b in pieces)


def _sentence(text: str, start: int, end: int) -> str:
    begin, finish = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATIONS.search(text, 0, m.start()):
            continue
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= end:
            finish = m.start()
            break
    return text[begin:finish].strip()


def _match(f: Finding, doc: Document, utf16: Utf16Offsets, descriptions: dict[str, str]) -> dict[str, Any]:
    """A plugin replaces [offset, offset+length) with a replacement, so when there is a suggestion the match
    covers just what it replaces (one side of a pair); a suggestion whose target is not certain is not offered."""
    target = suggestion_span(f, doc)
    start, end = (target.start, target.end) if target is not None else (f.start, f.end)
    text = doc.text
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    context = text[lo:hi].replace("\n", " ")
    length = utf16(end) - utf16(start)
    return {
        "message": f.message,
        "shortMessage": SHORT.get(f.verdict, "Check this"),
        "replacements": [{"value": f.suggestion}] if f.suggestion and target is not None else [],
        "offset": utf16(start),
        "length": length,
        "context": {"text": context, "offset": utf16(start) - utf16(lo), "length": length},
        "sentence": _sentence(text, f.start, f.end),
        "type": {"typeName": "Other" if f.severity is not Severity.INFO else "Hint"},
        "rule": {"id": rule_id(f.check), "description": descriptions.get(f.check, f.check),
                 "issueType": ISSUE_TYPE.get(f.verdict, "uncategorized"),
                 "category": {"id": "ORBITCHECK", "name": "Facts and figures"}},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _listed(form: dict[str, Any], key: str) -> list[str]:
    return [rule.strip() for rule in form.get(key, "").split(",") if rule.strip()]


def _selected(form: dict[str, Any]) -> list[str]:
    """Check ids from LanguageTool's rule options; rule ids that are not ours are ignored, as LanguageTool does."""
    by_rule = {rule_id(c.ID): c.ID for c in all_checks()}
    if form.get("enabledOnly") == "true":
        ids = [by_rule[r] for r in _listed(form, "enabledRules") if r in by_rule]
    else:
        ids = list(by_rule.values())
    disabled = {by_rule.get(r) for r in _listed(form, "disabledRules")}
    return [i for i in ids if i not in disabled]


def _language(code: str) -> dict[str, Any]:
    code = "en-US" if code in ("auto", "en") else code
    detected = {"name": "English", "code": code, "confidence": 1.0}
    return {"name": "English", "code": code, "detectedLanguage": detected}


@bp.post("/check")
@operation(
    summary="LanguageTool-compatible check",
    tag="languagetool",
    description="LanguageTool's /v2/check: form fields in, LanguageTool's JSON out (offsets in UTF-16 units). "
    "Point a LanguageTool plugin's server URL at this service.",
    request=LanguageToolFormSchema,
    request_media="application/x-www-form-urlencoded",
    responses={200: (LanguageToolResponseSchema, "LanguageTool matches")},
)
def languagetool_check() -> dict[str, Any]:
    from .. import __version__

    form = schema(LanguageToolFormSchema).load(form_body().to_dict())
    original, checkable = annotated_text(form["data"]) if form.get("data") else (form["text"], form["text"])
    report = check_text(checkable, checks=_selected(form), markdown=False, store=current_store())
    count_findings(report.findings)
    shown: Iterable[Finding] = (f for f in report.findings if not f.suppressed and not is_passing(f))
    descriptions = {c.ID: c.DESCRIPTION for c in all_checks()}
    utf16 = Utf16Offsets(original)
    doc = dataclasses.replace(report.document, text=original)  # offsets into what the client sent, markup too
    return {
        "software": {"name": "orbitcheck", "version": __version__, "buildDate": "", "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": _language(form["language"]),
        "matches": [_match(f, doc, utf16, descriptions) for f in shown],
    }



@bp.get("/languages")
@operation(summary="LanguageTool-compatible language list", tag="languagetool", auth=False,
           description="The languages /v2/check accepts (English only); LanguageTool plugins ask at start-up.",
           responses={200: (LTLanguageEntrySchema(many=True), "Languages")})
def languagetool_languages() -> list[dict[str, str]]:
    return [{"name": name, "code": code, "longCode": long_code} for name, code, long_code in LANGUAGES]
