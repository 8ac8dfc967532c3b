"""HTTP request and response schemas (marshmallow): the single source of the API's shapes.

Requests are validated with these (unknown fields are refused, so a typo such as "publised" is a 422 naming
the field rather than a silently ignored option); responses are described by them in /openapi.json.
"""
from __future__ import annotations

from collections import Counter

from marshmallow import EXCLUDE, INCLUDE, RAISE, Schema, ValidationError, fields, validate, validates

from orbitcheck.model import Severity, Verdict
from orbitcheck.schemas.records import MissionSchema  # the one record schema: the API serves its dump

VERDICTS = [v.value for v in Verdict]
SEVERITIES = [s.value for s in Severity]
# A request id is echoed into logs and headers: keep it to characters that cannot forge a log line.
DOCUMENT_ID = validate.Regexp(r"^[A-Za-z0-9._:/@-]{1,128}$", error="must be 1-128 letters, digits or ._:/@-")


def _one_line(value: str) -> None:
    """Python's `$` also matches before a final newline; an id must not smuggle one into logs."""
    if "\n" in value:
        raise ValidationError("must be 1-128 letters, digits or ._:/@-")


class KnownCheck(validate.OneOf):
    """One of the registered check ids, read from the registry when first needed (not at import time), so
    that /openapi.json lists them as an enum and an unknown id is a 422 naming the known ones."""

    def __init__(self) -> None:
        super().__init__(choices=(), error="unknown check {input!r}; known: {choices}")

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        from orbitcheck.checks import all_checks

        return [c.ID for c in all_checks()]

    @choices.setter
    def choices(self, _: object) -> None:  # OneOf.__init__ assigns it; the registry is the source
        pass

    @property  # type: ignore[override]
    def choices_text(self) -> str:
        return ", ".join(self.choices)

    @choices_text.setter
    def choices_text(self, _: object) -> None:
        pass


class JsonBoolean(fields.Boolean):
    """true or false, nothing else: marshmallow's Boolean also takes 0, 1, "yes", "on" (and 0 == False in a
    set), which would make a typo'd value silently mean something."""

    def _deserialize(self, value, attr, data, **kwargs):  # type: ignore[no-untyped-def]
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


class OpenSchema(Schema):
    """Responses: clients must accept fields added later (the output contract is extended, never broken)."""

    class Meta:
        unknown = INCLUDE


class CheckOptionsMixin(StrictSchema):
    published = fields.Date(
        metadata={"description": "Publication date (YYYY-MM-DD): anchors dates written without a year."},
    )
    checks = fields.List(
        fields.String(validate=KnownCheck()),
        metadata={"description": "Check ids to run (default: all). Unknown ids are a 422."},
    )


class CheckRequestSchema(CheckOptionsMixin):
    text = fields.String(required=True, metadata={"description": "The draft, plain text or Markdown."})
    include_passing = JsonBoolean(
        load_default=False,
        metadata={"description": "Also list claims that passed (consistent, supported). Default false."},
    )


class BatchDocumentSchema(CheckOptionsMixin):
    id = fields.String(required=True, validate=[DOCUMENT_ID, _one_line],
                       metadata={"description": "Your id for the draft."})
    text = fields.String(required=True)


class BatchRequestSchema(StrictSchema):
    documents = fields.List(fields.Nested(BatchDocumentSchema), required=True, validate=validate.Length(min=1))
    include_passing = JsonBoolean(load_default=False)

    @validates("documents")
    def _unique_ids(self, documents: list[dict], **_: object) -> None:
        # Runs even when some documents failed their own validation: read ids defensively.
        ids = Counter(i for d in documents if isinstance(d, dict) and isinstance(i := d.get("id"), str))
        dupes = sorted(i for i, n in ids.items() if n > 1)
        if dupes:
            raise ValidationError(f"document ids must be unique; repeated: {', '.join(dupes)}")


class FindingSchema(OpenSchema):
    """One checked claim: the CLI's JSON finding plus UTF-16 offsets for browser editors."""

    check = fields.String(required=True)
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS))
    severity = fields.String(required=True, validate=validate.OneOf(SEVERITIES))
    start = fields.Integer(required=True, metadata={"description": "Code-point offset into text."})
    end = fields.Integer(required=True, metadata={"description": "Code-point offset, exclusive."})
    start_utf16 = fields.Integer(required=True, metadata={"description": "Offset in UTF-16 code units."})
    end_utf16 = fields.Integer(required=True, metadata={"description": "End in UTF-16 code units, exclusive."})
    line = fields.Integer(required=True)
    column = fields.Integer(required=True)
    text = fields.String(required=True)
    message = fields.String(required=True)
    suggestion = fields.String(required=True, allow_none=True)
    details = fields.Dict(required=True)
    suppressed = fields.Boolean()
    suggestion_start = fields.Integer(metadata={"description": "What the suggestion replaces (code points); "
                                                "present only when that is known for sure."})
    suggestion_end = fields.Integer()
    suggestion_start_utf16 = fields.Integer()
    suggestion_end_utf16 = fields.Integer()


class SummarySchema(OpenSchema):
    findings = fields.Integer(required=True, metadata={"description": "Claims checked (not suppressed)."})
    by_verdict = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    suppressed = fields.Integer(required=True)


class CheckResultSchema(OpenSchema):
    findings = fields.List(fields.Nested(FindingSchema), required=True)
    summary = fields.Nested(SummarySchema, required=True)


class CheckResponseSchema(CheckResultSchema):
    reference_version = fields.String(required=True, allow_none=True)


class BatchResponseSchema(OpenSchema):
    results = fields.Dict(keys=fields.String(), values=fields.Nested(CheckResultSchema), required=True)
    reference_version = fields.String(required=True, allow_none=True)


class HealthSchema(OpenSchema):
    status = fields.String(required=True)


class ReadySchema(OpenSchema):
    ready = fields.Boolean(required=True)
    reference_version = fields.String(required=True, allow_none=True)
    records = fields.Integer(required=True)


class ProblemSchema(OpenSchema):
    """RFC 9457 problem details; `errors` carries marshmallow's messages per field."""

    type = fields.String(required=True, metadata={"description": '"about:blank": the status says what kind.'})
    title = fields.String(required=True, metadata={"description": "The HTTP status phrase."})
    status = fields.Integer(required=True, metadata={"description": "The HTTP status code."})
    detail = fields.String(required=True, metadata={"description": "What went wrong, in words a person can act on."})
    errors = fields.Dict(metadata={"description": "Field name -> messages (validation problems only)."})
    request_id = fields.String(metadata={"description": "Also in the X-Request-ID header and the access log."})


class MissionQuerySchema(StrictSchema):
    q = fields.String(metadata={"description": "Words of a name, alias, COSPAR id, expedition or crew member."})
    year = fields.Integer(validate=validate.Range(min=1900, max=2200),
                          metadata={"description": "Launched in this year (UTC)."})
    vehicle = fields.String(validate=validate.Length(min=1, max=100),
                            metadata={"description": 'Vehicle family or launcher: "Progress", "Dragon", "Soyuz".'})
    station = fields.String(validate=validate.Length(min=1, max=100),
                            metadata={"description": 'Destination: "ISS".'})
    crewed = fields.Boolean(metadata={"description": "true: crewed flights only; false: uncrewed only."})
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=1000),
                           metadata={"description": "Records per page (1-1000, default 100)."})
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0),
                            metadata={"description": "Matches to skip (default 0)."})


class MissionListSchema(OpenSchema):
    missions = fields.List(fields.Nested(MissionSchema), required=True)
    count = fields.Integer(required=True, metadata={"description": "Matching records (all pages)."})
    limit = fields.Integer(required=True)
    offset = fields.Integer(required=True)
    next_offset = fields.Integer(required=True, allow_none=True,
                                 metadata={"description": "The offset of the next page, null on the last."})
    reference_version = fields.String(required=True, allow_none=True)


class ReloadSchema(OpenSchema):
    reference_version = fields.String(required=True, allow_none=True)
    previous_version = fields.String(required=True, allow_none=True)
    records = fields.Integer(required=True)
    workers_restarting = fields.Boolean(
        required=True,
        metadata={"description": "True under gunicorn: the master re-forks every worker with the new records."},
    )


class LanguageToolFormSchema(Schema):
    """LanguageTool's /v2/check form fields. Fields LanguageTool clients send that do not apply here
    (motherTongue, ...) are accepted and ignored, so plugins work unchanged."""

    class Meta:
        unknown = EXCLUDE

    text = fields.String(load_default="", metadata={"description": "The text to check (or `data`)."})
    data = fields.String(metadata={"description": 'JSON {"annotation": [{"text": ...}, {"markup": ...}]}; '
                                   "used instead of `text` when both are sent."})
    language = fields.String(required=True, validate=validate.Regexp(
        r"^(auto|en(-[A-Za-z]{2,3})?)$", error="orbitcheck checks English only (auto, en, en-US, ...), not {input!r}"),
        metadata={"description": "auto, en or en-XX (English only)."})
    enabledRules = fields.String(metadata={"description": "Comma-separated rule ids."})
    disabledRules = fields.String(metadata={"description": "Comma-separated rule ids."})
    enabledOnly = fields.String(validate=validate.OneOf(["true", "false"]))
    preferredVariants = fields.String(metadata={
        "description": "Comma-separated variants (en-GB, ...) that `language=auto` resolves to; only with auto."})
    apiKey = fields.String(metadata={"description": "An API key, when the service requires one."})
    username = fields.String()
    level = fields.String(validate=validate.OneOf(["default", "picky"]), metadata={
        "description": "LanguageTool's level: `picky` also lists the hints, claims that could not be checked "
                       "(a date no record settles, a time pair without a zone); by default only what needs "
                       "attention is a match."})



class LTSoftwareSchema(OpenSchema):
    name = fields.String(required=True)
    version = fields.String(required=True)
    buildDate = fields.String(required=True)
    apiVersion = fields.Integer(required=True)
    premium = fields.Boolean(required=True)
    status = fields.String(required=True)


class LTDetectedLanguageSchema(OpenSchema):
    name = fields.String(required=True)
    code = fields.String(required=True)
    confidence = fields.Float()
    source = fields.String(metadata={"description": "param, +preferredVariants or default"})


class LTLanguageSchema(OpenSchema):
    name = fields.String(required=True)
    code = fields.String(required=True)
    detectedLanguage = fields.Nested(LTDetectedLanguageSchema, required=True)


class LTReplacementSchema(OpenSchema):
    value = fields.String(required=True)


class LTContextSchema(OpenSchema):
    text = fields.String(required=True)
    offset = fields.Integer(required=True, metadata={"description": "UTF-16 units into context.text"})
    length = fields.Integer(required=True)


class LTCategorySchema(OpenSchema):
    id = fields.String(required=True)
    name = fields.String(required=True)


class LTRuleSchema(OpenSchema):
    id = fields.String(required=True, metadata={"description": "The check id, upper case with underscores."})
    description = fields.String(required=True)
    issueType = fields.String(required=True)
    category = fields.Nested(LTCategorySchema, required=True)


class LTTypeSchema(OpenSchema):
    typeName = fields.String(required=True)


class LTMatchSchema(OpenSchema):
    message = fields.String(required=True)
    shortMessage = fields.String(required=True)
    replacements = fields.List(fields.Nested(LTReplacementSchema), required=True)
    offset = fields.Integer(required=True, metadata={"description": "UTF-16 code units into the text"})
    length = fields.Integer(required=True, metadata={"description": "UTF-16 code units"})
    context = fields.Nested(LTContextSchema, required=True)
    sentence = fields.String(required=True)
    type = fields.Nested(LTTypeSchema, required=True)
    rule = fields.Nested(LTRuleSchema, required=True)
    ignoreForIncompleteSentence = fields.Boolean(required=True)
    contextForSureMatch = fields.Integer(required=True)


class LTWarningsSchema(OpenSchema):
    incompleteResults = fields.Boolean(required=True)


class LanguageToolResponseSchema(OpenSchema):
    software = fields.Nested(LTSoftwareSchema, required=True)
    warnings = fields.Nested(LTWarningsSchema, required=True)
    language = fields.Nested(LTLanguageSchema, required=True)
    matches = fields.List(fields.Nested(LTMatchSchema), required=True)
    sentenceRanges = fields.List(fields.List(fields.Integer()), required=True, metadata={
        "description": "[start, end) of each sentence, in UTF-16 code units"})


class LTInfoSchema(OpenSchema):
    software = fields.Nested(LTSoftwareSchema, required=True)


class LTConfigRuleSchema(OpenSchema):
    ruleId = fields.String(required=True)
    description = fields.String(required=True)
    category = fields.Nested(LTCategorySchema, required=True)


class LTConfigParameterSchema(OpenSchema):
    maxTextLength = fields.Integer(required=True)


class LTConfigInfoSchema(OpenSchema):
    software = fields.Nested(LTSoftwareSchema, required=True)
    parameter = fields.Nested(LTConfigParameterSchema, required=True)
    rules = fields.List(fields.Nested(LTConfigRuleSchema), required=True)


class LTLanguageEntrySchema(OpenSchema):
    name = fields.String(required=True)
    code = fields.String(required=True)
    longCode = fields.String(required=True)
