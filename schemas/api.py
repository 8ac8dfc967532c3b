"""HTTP request and response schemas (marshmallow): the single source of the API's shapes.

Requests are validated with these (unknown fields are refused, so a typo such as "publised" is a 422 naming
the field rather than a silently ignored option); responses are described by them in /openapi.json.
"""
from __future__ import annotations

from collections import Counter

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates

from service.model import Severity, Verdict

VERDICTS = [v.value for v in Verdict]
SEVERITIES = [s.value for s in Severity]
# A request id is echoed into logs and headers: keep it to characters that cannot forge a log line.
DOCUMENT_ID = validate.Regexp(r"^[A-Za-z0-9._:/@-]{1,128}$", error="must be 1-128 letters, digits or ._:/@-")


def _known_checks(ids: list[str]) -> None:
    from service.checks import all_checks  # the registry, read when a request names checks

    known = [c.ID for c in all_checks()]
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValidationError(f"unknown check {', '.join(map(repr, unknown))}; known: {', '.join(known) or 'none'}")


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


class CheckOptionsMixin(StrictSchema):
    published = fields.Date(
        metadata={"description": "Publication date (YYYY-MM-DD): anchors dates written without a year."},
    )
    checks = fields.List(
        fields.String(),
        validate=_known_checks,
        metadata={"description": "Check ids to run (default: all). Unknown ids are a 422."},
    )


class CheckRequestSchema(CheckOptionsMixin):
    text = fields.String(required=True, metadata={"description": "The draft, plain text or Markdown."})
    include_passing = fields.Boolean(
        load_default=False,
        truthy={True},
        falsy={False},
        metadata={"description": "Also list claims that passed (consistent, supported). Default false."},
    )


class BatchDocumentSchema(CheckOptionsMixin):
    id = fields.String(required=True, validate=DOCUMENT_ID, metadata={"description": "Your id for the draft."})
    text = fields.String(required=True)


class BatchRequestSchema(StrictSchema):
    documents = fields.List(fields.Nested(BatchDocumentSchema), required=True, validate=validate.Length(min=1))
    include_passing = fields.Boolean(load_default=False, truthy={True}, falsy={False})

    @validates("documents")
    def _unique_ids(self, documents: list[dict], **_: object) -> None:
        # Runs even when some documents failed their own validation: read ids defensively.
        ids = Counter(d.get("id") for d in documents if isinstance(d, dict) and isinstance(d.get("id"), str))
        dupes = sorted(i for i, n in ids.items() if n > 1)
        if dupes:
            raise ValidationError(f"document ids must be unique; repeated: {', '.join(dupes)}")


class FindingSchema(Schema):
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


class SummarySchema(Schema):
    findings = fields.Integer(required=True, metadata={"description": "Claims checked (not suppressed)."})
    by_verdict = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    suppressed = fields.Integer(required=True)


class CheckResultSchema(Schema):
    findings = fields.List(fields.Nested(FindingSchema), required=True)
    summary = fields.Nested(SummarySchema, required=True)


class CheckResponseSchema(CheckResultSchema):
    reference_version = fields.String(required=True, allow_none=True)


class BatchResponseSchema(Schema):
    results = fields.Dict(keys=fields.String(), values=fields.Nested(CheckResultSchema), required=True)
    reference_version = fields.String(required=True, allow_none=True)


class HealthSchema(Schema):
    status = fields.String(required=True)


class ReadySchema(Schema):
    ready = fields.Boolean(required=True)
    reference_version = fields.String(required=True, allow_none=True)
    records = fields.Integer(required=True)


class ProblemSchema(Schema):
    """RFC 9457 problem details; `errors` carries marshmallow's messages per field."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    errors = fields.Dict(metadata={"description": "Field name -> messages (validation problems only)."})
    request_id = fields.String()
