"""POST /v1/check and POST /v1/check/batch: drafts in, findings out (the CLI's JSON shape + UTF-16 offsets)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flask import Blueprint, current_app

from orbitcheck.schemas.api import BatchRequestSchema, BatchResponseSchema, CheckRequestSchema, CheckResponseSchema

from ..engine import Report, check_text
from . import budget
from .body import load_json
from .findings import result_payload
from .metrics import count_findings
from .problems import Problem
from .spec import JSON_BODY_ERRORS, operation
from .state import current_store, store_version

if TYPE_CHECKING:
    from ..records.store import MissionStore

bp = Blueprint("check", __name__, url_prefix="/v1")


def _run(doc: dict[str, Any], store: MissionStore | None) -> Report:
    report = check_text(doc["text"], published=doc.get("published"), checks=doc.get("checks"), store=store)
    count_findings(report.findings)
    return report


@bp.post("/check")
@operation(
    summary="Check one draft",
    description="Finds and checks every checkable claim. Offsets are given in code points (start/end) and in "
    "UTF-16 code units (start_utf16/end_utf16). Claims that pass are counted in the summary but listed only "
    "with include_passing.",
    request=CheckRequestSchema,
    responses={200: (CheckResponseSchema, "The findings")},
    errors=JSON_BODY_ERRORS,
)
def check() -> dict[str, Any]:
    req = load_json(CheckRequestSchema)
    config = current_app.config  # looked up once: the lookup is a context-variable read each time
    budget.enforce([req["text"]], config["MAX_CHARACTERS"])
    store = current_store()  # read once: a reload during this request does not change what it sees
    report = _run(req, store)
    return {**result_payload(report, include_passing=req["include_passing"], limit=config["MAX_FINDINGS"]),
            "reference_version": store_version(store)}


@bp.post("/check/batch")
@operation(
    summary="Check several drafts in one call",
    description="Up to BATCH_LIMIT documents (ORBITCHECK_BATCH_LIMIT, default 20), each with a unique id; "
    "results are keyed by id.",
    request=BatchRequestSchema,
    responses={200: (BatchResponseSchema, "Findings per document id")},
    errors={**JSON_BODY_ERRORS, 422: "Invalid JSON fields, more than BATCH_LIMIT documents or a repeated id: "
            "`errors` names each field"},
)
def check_batch() -> dict[str, Any]:
    req = load_json(BatchRequestSchema)
    limit = current_app.config["BATCH_LIMIT"]
    if len(req["documents"]) > limit:
        raise Problem(422, f"at most {limit} documents per batch, got {len(req['documents'])}",
                      errors={"documents": [f"Longer than maximum length {limit}."]})
    budget.enforce(doc["text"] for doc in req["documents"])
    store = current_store()
    results = {doc["id"]: result_payload(_run(doc, store), include_passing=req["include_passing"])
               for doc in req["documents"]}
    return {"results": results, "reference_version": store_version(store)}
