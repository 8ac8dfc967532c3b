"""POST /v2/check: LanguageTool's HTTP API, so LanguageTool editor plugins can point at orbitcheck unchanged.

Takes LanguageTool's form fields (`text` or `data` with an annotation, `language`, `enabledRules`,
`disabledRules`, `enabledOnly`; others are ignored) and answers in LanguageTool's response shape. Offsets and
lengths are in UTF-16 code units, as LanguageTool (Java) counts them. Only claims that need attention are
matches: passing and suppressed findings are left out. A rule id is the check id in LanguageTool's style
("unit-pair" -> "UNIT_PAIR").
"""
from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping
from typing import Any

from flask import Blueprint, current_app, request
from marshmallow import ValidationError

from orbitcheck.schemas.api import (
    LanguageToolFormSchema,
    LanguageToolResponseSchema,
    LTConfigInfoSchema,
    LTInfoSchema,
    LTLanguageEntrySchema,
)

from ..checks import all_checks
from ..engine import check_text
from ..model import Finding, Severity, Verdict
from ..text import Utf16Offsets
from . import budget
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
        raise Problem(400, 'data must be JSON {"annotation": [{"text": "..."}, {"markup": "..."}, ...]}',
                      errors={"data": ["Not a valid annotation."]}) from None
    return "".join(a for a, _ in pieces), "".join(b for _, b in pieces)


class Sentences:
    """The sentence boundaries of one text, found once, so each match's sentence is a bisection (a rescan of
    the text per match made a 500-sentence draft quadratic)."""

    _LOOKBEHIND = 16  # longer than any abbreviation above, with room for the word boundary before it

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.span() for m in _SENTENCE_END.finditer(text)
                       if not _ABBREVIATIONS.search(text, max(0, m.start() - self._LOOKBEHIND), m.start())]
        self._starts = [a for a, _ in self.breaks]
        self._ends = [b for _, b in self.breaks]

    def around(self, start: int, end: int) -> str:
        """The sentence holding [start, end): from the last break ending at or before it to the first break
        starting at or after its end (a break inside the span is no break)."""
        before = bisect.bisect_right(self._ends, start)
        begin = self._ends[before - 1] if before else 0
        after = bisect.bisect_left(self._starts, end)
        finish = self._starts[after] if after < len(self._starts) else len(self.text)
        return self.text[begin:finish].strip()

    def ranges(self) -> list[tuple[int, int]]:
        """(start, end) code points of every sentence, surrounding white space left out."""
        out, begin = [], 0
        for a, b in [*self.breaks, (len(self.text), len(self.text))]:
            piece = self.text[begin:a]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append((begin + lead, begin + len(piece.rstrip())))
            begin = b
        return out


def _match(f: Finding, sentences: Sentences, utf16: Utf16Offsets, descriptions: Mapping[str, str]) -> dict[str, Any]:
    """A plugin replaces [offset, offset+length) with a replacement, so a finding with a fix is a match over
    just what the fix replaces (one side of a pair), with the fix's text as its replacement; a finding
    without one (no suggestion, or none the check is certain of) covers the claim and offers nothing."""
    target = f.fix.span if f.fix is not None else f.span
    start, end = target.start, target.end
    text = sentences.text
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    context = text[lo:hi].replace("\n", " ")
    length = utf16(end) - utf16(start)
    return {
        "message": f.message,
        "shortMessage": SHORT.get(f.verdict, "Check this"),
        "replacements": [{"value": f.fix.replacement}] if f.fix is not None else [],
        "offset": utf16(start),
        "length": length,
        "context": {"text": context, "offset": utf16(start) - utf16(lo), "length": length},
        "sentence": sentences.around(f.start, f.end),
        "type": {"typeName": "Other" if f.severity is not Severity.INFO else "Hint"},
        "rule": {"id": rule_id(f.check), "description": descriptions.get(f.check, f.check),
                 "issueType": ISSUE_TYPE.get(f.verdict, "uncategorized"),
                 "category": {"id": "ORBITCHECK", "name": "Facts and figures"}},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _listed(form: Mapping[str, Any], key: str) -> list[str]:
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


def _language(form: Mapping[str, Any]) -> dict[str, Any]:
    """LanguageTool's `language` object. English is all there is to detect, so `auto` resolves to the first
    English variant of `preferredVariants` (source "+preferredVariants"), else to en-US (source "default");
    a language the client names is taken as given (source "param")."""
    code = form["language"]
    if code == "auto":
        variants = [v for v in _listed(form, "preferredVariants") if v.lower().startswith("en-")]
        code, source = (variants[0], "+preferredVariants") if variants else ("en-US", "default")
    elif code == "en":
        code, source = "en-US", "param"
    else:
        source = "param"
    name = dict((long_code, name) for name, _, long_code in LANGUAGES).get(code, "English")
    detected = {"name": name, "code": code, "confidence": 1.0, "source": source}
    return {"name": name, "code": code, "detectedLanguage": detected}


def _lt_form() -> dict[str, Any]:
    """LanguageTool's parameters: the query string, then the body, read as a form whatever its content type
    (the open-source browser add-on posts its urlencoded form as text/plain, some clients with none)."""
    fields = request.args.to_dict()
    if request.method == "POST":
        fields.update(form_body(any_type=True).to_dict())
    try:
        form = schema(LanguageToolFormSchema).load(fields)
    except ValidationError as exc:
        raise _bad_request(exc.messages) from None
    if form.get("preferredVariants") and form["language"] != "auto":
        raise Problem(400, "preferredVariants can only be used with language=auto",
                      errors={"preferredVariants": ["Only with language=auto."]})
    if not form.get("data") and "text" not in fields:
        raise Problem(400, "missing 'text' or 'data' parameter", errors={"text": ["Missing data for required field."]})
    return form


def _bad_request(messages: Any) -> Problem:
    """LanguageTool answers every bad parameter with a 400 (and the reason in plain text)."""
    errors = messages if isinstance(messages, Mapping) else {"_schema": messages}
    first = next(iter(errors.items()), ("body", ["invalid"]))
    reason = first[1][0] if isinstance(first[1], list) and first[1] else first[1]
    return Problem(400, f"invalid parameter {first[0]!r}: {reason}", errors=errors)


def _check() -> dict[str, Any]:
    form = _lt_form()
    original, checkable = annotated_text(form["data"]) if form.get("data") else (form["text"], form["text"])
    budget.enforce([checkable])
    report = check_text(checkable, checks=_selected(form), markdown=False, store=current_store())
    count_findings(report.findings)
    # What needs attention is a match; the hints (info: a claim no record settles, a pair without a zone) only
    # at LanguageTool's `level=picky`, or an editor's page would be underlined at every date.
    picky = form.get("level") == "picky"
    shown = [f for f in report.findings if not f.suppressed and not is_passing(f)
             and (picky or f.severity is not Severity.INFO)]
    # LanguageTool's own way to say "not every match is here": incompleteResults, with the matches capped at
    # MAX_FINDINGS so a hostile draft cannot make a 20 MB answer.
    limit = current_app.config["MAX_FINDINGS"]
    incomplete = limit is not None and len(shown) > limit
    if incomplete:
        shown = shown[:limit]
    descriptions = {c.ID: c.DESCRIPTION for c in all_checks()}
    utf16 = Utf16Offsets(original)
    sentences = Sentences(original)  # offsets into what the client sent, markup too
    return {
        "software": _software(),
        "warnings": {"incompleteResults": incomplete},
        "language": _language(form),
        "matches": [_match(f, sentences, utf16, descriptions) for f in shown],
        "sentenceRanges": [[utf16(a), utf16(b)] for a, b in sentences.ranges()],
    }


_CHECK_DOC = dict(
    summary="LanguageTool-compatible check",
    tag="languagetool",
    responses={200: (LanguageToolResponseSchema, "LanguageTool matches")},
)
# Plain text ("Error: ...") as LanguageTool answers, or problem+json when the client's Accept asks for it.
_BAD_PARAMETER = ("A bad or missing parameter (no text or data, a language other than English, `data` that is "
                  "not the annotation JSON, preferredVariants without language=auto)")


@bp.post("/check")
@operation(
    description="LanguageTool's /v2/check: form fields in (urlencoded or multipart; a body with another or no "
    "content type is read as urlencoded, as LanguageTool does), LanguageTool's JSON out (offsets in UTF-16 "
    "units). Errors are plain text, as LanguageTool answers; send `Accept: application/problem+json` for "
    "problem details. Point a LanguageTool plugin's server URL at this service.",
    request=LanguageToolFormSchema,
    request_media=("application/x-www-form-urlencoded", "multipart/form-data"),
    errors={400: _BAD_PARAMETER, 413: "The body is larger than MAX_CONTENT_LENGTH (ORBITCHECK_MAX_CONTENT_LENGTH), "
            "or the text longer than MAX_CHARACTERS (ORBITCHECK_MAX_CHARACTERS)"},
    **_CHECK_DOC,
)
def languagetool_check() -> dict[str, Any]:
    return _check()


@bp.get("/check")
@operation(description="The same check with the parameters in the query string (LanguageTool accepts GET).",
           query=LanguageToolFormSchema, errors={400: _BAD_PARAMETER}, **_CHECK_DOC)
def languagetool_check_get() -> dict[str, Any]:
    return _check()


def _software() -> dict[str, Any]:
    from .. import __version__

    return {"name": "orbitcheck", "version": __version__, "buildDate": "", "apiVersion": 1, "premium": False,
            "status": ""}


@bp.get("/info")
@operation(summary="LanguageTool-compatible server info", tag="languagetool", auth=False,
           description="What LanguageTool's /v2/info answers: the software block. Clients probe it.",
           responses={200: (LTInfoSchema, "Server info")})
def languagetool_info() -> dict[str, Any]:
    return {"software": _software()}


@bp.get("/maxtextlength")
@operation(summary="LanguageTool-compatible text limit", tag="languagetool", auth=False,
           description="The longest text /v2/check takes, in bytes of the request body (plain text number).",
           responses={200: (None, "The limit", "text/plain")})
def languagetool_max_text_length() -> Any:
    from flask import current_app

    return current_app.response_class(str(current_app.config["MAX_CONTENT_LENGTH"]), mimetype="text/plain")


@bp.get("/configinfo")
@operation(summary="LanguageTool-compatible configuration info", tag="languagetool", auth=False,
           description="LanguageTool's /v2/configinfo: the software, the limits and the rules (one per check).",
           responses={200: (LTConfigInfoSchema, "Configuration")})
def languagetool_config_info() -> dict[str, Any]:
    from flask import current_app

    return {"software": _software(),
            "parameter": {"maxTextLength": current_app.config["MAX_CONTENT_LENGTH"]},
            "rules": [{"ruleId": rule_id(c.ID), "description": c.DESCRIPTION,
                       "category": {"id": "ORBITCHECK", "name": "Facts and figures"}} for c in all_checks()]}


@bp.get("/languages")
@operation(summary="LanguageTool-compatible language list", tag="languagetool", auth=False,
           description="The languages /v2/check accepts (English only); LanguageTool plugins ask at start-up.",
           responses={200: (LTLanguageEntrySchema(many=True), "Languages")})
def languagetool_languages() -> list[dict[str, str]]:
    return [{"name": name, "code": code, "longCode": long_code} for name, code, long_code in LANGUAGES]
