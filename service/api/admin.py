"""POST /v1/admin/reload: load the reference records again, keeping the old ones if the new are invalid.

The new records are loaded and validated in the worker that got the request (a failure answers 409 and
changes nothing). Under gunicorn that worker then sends SIGHUP to the master, which reloads them itself and
gracefully replaces every worker (see service/gunicorn_conf.py), so all workers serve the same version.
Needs an admin key (ORBITCHECK_ADMIN_KEYS); see security.py.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app

from orbitcheck.schemas.api import ReloadSchema

from .metrics import count_event
from .problems import Problem
from .spec import operation
from .state import holder, store_version

bp = Blueprint("admin", __name__, url_prefix="/v1/admin")


@bp.post("/reload")
@operation(summary="Reload the reference records", tag="operations", auth="admin",
           errors={409: "The new records did not load; the old ones are still served"},
           description="Needs an admin key (ORBITCHECK_ADMIN_KEYS). Invalid records: 409, old records kept.",
           responses={200: (ReloadSchema, "The new records are being served")})
def reload() -> dict[str, Any]:
    store_holder = holder()
    previous = store_version(store_holder.store)
    try:
        store = store_holder.load()
    except Exception as exc:  # whatever went wrong, the old store stays: say why
        current_app.logger.warning("reference reload refused: %s", exc)
        count_event("reload_failed")
        raise Problem(409, f"the new reference records were not loaded, still serving version {previous}: "
                           f"{exc}") from exc
    notify = store_holder.notify_master
    if notify is not None:
        notify()  # the master reloads (and counts the reload) before re-forking the workers
    else:
        count_event("reload_ok")
    return {"reference_version": store_version(store), "previous_version": previous,
            "records": 0 if store is None else len(store), "workers_restarting": notify is not None}
