"""GET /v1/missions?q= and GET /v1/missions/<id>: the reference records, each figure with its source."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flask import Blueprint, request

from orbitcheck.schemas.api import MissionListSchema, MissionQuerySchema, MissionSchema

from ..records.browse import Filters, page, select
from .body import schema
from .problems import Problem
from .spec import operation
from .state import current_store, store_version

if TYPE_CHECKING:
    from ..records.store import MissionStore

bp = Blueprint("missions", __name__, url_prefix="/v1")
_NO_RECORDS = "No reference records are loaded"


def _store() -> MissionStore:
    store = current_store()
    if store is None:
        raise Problem(503, "no reference records are loaded")
    return store


@bp.get("/missions")
@operation(summary="List or search mission records", tag="reference", query=MissionQuerySchema,
           responses={200: (MissionListSchema, "Matching records, in launch order")},
           errors={422: "An unknown query parameter", 503: _NO_RECORDS})
def list_missions() -> dict[str, Any]:
    query = schema(MissionQuerySchema).load(request.args.to_dict())
    store = _store()
    found = store.search(query["q"]) if query.get("q") else store.missions()
    found = select(found, Filters(query.get("q", ""), query.get("year"), query.get("vehicle"), query.get("station"),
                                  query.get("crewed")))
    limit, offset = query["limit"], query["offset"]
    shown = page(found, limit, offset)
    following = offset + limit if offset + limit < len(found) else None
    return MissionListSchema().dump({"missions": [m.to_dict() for m in shown], "count": len(found),
                                     "limit": limit, "offset": offset, "next_offset": following,
                                     "reference_version": store_version(store)})


@bp.get("/missions/<mission_id>")
@operation(summary="One mission record", tag="reference",
           responses={200: (MissionSchema, "The record with its sources")},
           errors={404: "No record with this id", 503: _NO_RECORDS})
def get_mission(mission_id: str) -> dict[str, Any]:
    mission = _store().get(mission_id)
    if mission is None:
        raise Problem(404, f"no mission record with id {mission_id!r}; search with GET /v1/missions?q=")
    return mission.to_dict()
