"""GET /healthz (the process answers) and GET /readyz (reference records loaded: version and count)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint

from orbitcheck.schemas.api import HealthSchema, ReadySchema

from .spec import operation
from .state import current_store, store_version

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@operation(summary="Liveness", tag="operations", auth=False, responses={200: (HealthSchema, "Alive")})
def healthz() -> dict[str, Any]:
    return {"status": "ok"}


@bp.get("/readyz")
@operation(
    summary="Readiness: reference records loaded",
    tag="operations",
    auth=False,
    responses={200: (ReadySchema, "Ready"), 503: (ReadySchema, "No reference records loaded")},
)
def readyz() -> tuple[dict[str, Any], int]:
    store = current_store()
    count = 0 if store is None else len(store)
    ready = store is not None
    return {"ready": ready, "reference_version": store_version(store), "records": count}, 200 if ready else 503
