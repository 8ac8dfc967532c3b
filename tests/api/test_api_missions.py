"""GET /v1/missions?q= and GET /v1/missions/<id>: the reference records with their sources."""
from __future__ import annotations

import pytest


def _all_pages(client, **query):
    missions, offset = [], 0
    while offset is not None:
        body = client.get("/v1/missions", query_string={**query, "offset": offset}).get_json()
        missions += body["missions"]
        offset = body["next_offset"]
    return body["count"], missions


def test_list_pages_through_every_record_with_sources(client):
    count, missions = _all_pages(client, limit=150)
    assert count == len(missions) == client.get("/readyz").get_json()["records"] >= 380
    assert len({m["id"] for m in missions}) == count
    first = client.get("/v1/missions").get_json()
    assert (first["limit"], first["offset"], first["next_offset"], len(first["missions"])) == (100, 0, 100, 100)
    assert first["reference_version"] == client.get("/readyz").get_json()["reference_version"]
    for mission in missions:
        assert mission["sources"], mission["id"]
        figures = [mission["launch"]] if mission["launch"] else []
        figures += mission["events"] + mission["masses"] + mission["crew"]
        assert all(figure["source"] in mission["sources"] for figure in figures), mission["id"]


@pytest.mark.parametrize("q, expected", [
    ("soyuz ms-11", "soyuz-ms-11"),
    ("Soyuz MS 11", "soyuz-ms-11"),
    ("71P", "progress-ms-10"),
    ("2018-091", "progress-ms-10"),
])
def test_search_by_name_alias_or_cospar(client, q, expected):
    body = client.get("/v1/missions", query_string={"q": q}).get_json()
    assert [m["id"] for m in body["missions"]] == [expected]
    assert body["count"] == 1


def test_search_with_no_match_is_an_empty_list(client):
    body = client.get("/v1/missions", query_string={"q": "apollo 11"}).get_json()
    assert body == {**body, "missions": [], "count": 0}


def test_one_record_by_id(client):
    response = client.get("/v1/missions/progress-ms-10")
    assert response.status_code == 200
    record = response.get_json()
    assert record["id"] == "progress-ms-10" and record["name"] == "Progress MS-10"
    assert record["launch"]["time"] == "2018-11-16T18:14:08Z"
    assert record["launch"]["source"] in record["sources"]
    assert record["sources"][record["launch"]["source"]]["licence"]


@pytest.mark.parametrize("path", ["/v1/missions/apollo-11", "/v1/missions/PROGRESS-MS-10"])
def test_unknown_id_is_a_404_problem(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert "no mission record" in response.get_json()["detail"]


def test_unknown_query_parameters_are_422(client):
    response = client.get("/v1/missions", query_string={"query": "soyuz"})
    assert response.status_code == 422
    assert "query" in response.get_json()["errors"]


def test_records_match_the_documented_schema(client):
    """The OpenAPI schema for a mission, checked against every record actually served."""
    import jsonschema

    document = client.get("/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    mission_schema = {**schemas["Mission"], "components": {"schemas": schemas}}  # so that $refs resolve
    for mission in client.get("/v1/missions").get_json()["missions"]:
        jsonschema.validate(mission, _nullable_to_json_schema(mission_schema))


def _nullable_to_json_schema(node):
    """OpenAPI 3.0's `nullable: true` is not JSON Schema: turn it into a type union for jsonschema."""
    if isinstance(node, dict):
        node = {k: _nullable_to_json_schema(v) for k, v in node.items()}
        if node.pop("nullable", False) and "type" in node:
            node["type"] = [node["type"], "null"]
        return node
    if isinstance(node, list):
        return [_nullable_to_json_schema(v) for v in node]
    return node


@pytest.mark.parametrize("query, check", [
    ({"year": 2024, "vehicle": "Progress"}, lambda m: m["launch"]["time"].startswith("2024")
     and m["name"].startswith("Progress")),
    ({"station": "ISS", "crewed": "true"}, lambda m: m["destination"] == "ISS" and m["kind"] == "crewed"),
    ({"crewed": "false", "year": 2018}, lambda m: m["kind"] != "crewed" and m["launch"]["time"].startswith("2018")),
    ({"vehicle": "Soyuz-FG"}, lambda m: m["launch"]["vehicle"] == "Soyuz-FG"),
])
def test_filters(client, query, check):
    count, missions = _all_pages(client, **query)
    assert count == len(missions) > 0
    assert all(check(m) for m in missions)


def test_filters_compose_with_the_search(client):
    body = client.get("/v1/missions", query_string={"q": "crew 10", "crewed": "true"}).get_json()
    assert [m["id"] for m in body["missions"]] == ["dragon-crew-10"]


@pytest.mark.parametrize("query, field", [
    ({"limit": 0}, "limit"), ({"limit": 5000}, "limit"), ({"offset": -1}, "offset"), ({"year": "soon"}, "year"),
    ({"crewed": "maybe"}, "crewed"), ({"colour": "red"}, "colour"),
])
def test_bad_parameters_are_problems(client, query, field):
    response = client.get("/v1/missions", query_string=query)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert field in response.get_json()["errors"]
