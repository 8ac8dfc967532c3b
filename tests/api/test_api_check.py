"""POST /v1/check and /v1/check/batch through Flask's test client."""
from __future__ import annotations

from datetime import date

import pytest

from orbitcheck.api.findings import finding_payload, is_passing, result_payload
from orbitcheck.engine import Report
from orbitcheck.model import Finding, Severity, Span, Verdict
from orbitcheck.text import Utf16Offsets, parse_document

FINDING_KEYS = ["check", "verdict", "severity", "start", "end", "line", "column", "text", "message",
                "suggestion", "details", "fix", "start_utf16", "end_utf16"]


def test_check_answers_the_documented_shape(client):
    response = client.post("/v1/check", json={"text": "Nothing to check here.", "published": "2018-11-20"})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"findings", "summary", "reference_version"}
    assert body["findings"] == []
    assert body["summary"] == {"findings": 0, "by_verdict": {}, "suppressed": 0}


def test_every_response_carries_a_request_id_and_an_incoming_one_is_kept(client):
    fresh = client.get("/healthz").headers["X-Request-ID"]
    assert len(fresh) == 32 and fresh != client.get("/healthz").headers["X-Request-ID"]
    kept = client.get("/healthz", headers={"X-Request-ID": "editor-42.a"}).headers["X-Request-ID"]
    assert kept == "editor-42.a"
    forged = client.get("/healthz", headers={"X-Request-ID": 'x" forged\tline'}).headers["X-Request-ID"]
    assert forged != 'x" forged\tline' and len(forged) == 32


ASTRAL = "🚀 Auñón-Chancellor 🛰️ launched at 6:31 a.m. EST"


def _finding(doc_text: str, needle: str, verdict: Verdict = Verdict.INCONSISTENT) -> Finding:
    start = doc_text.index(needle)
    return Finding("unit-pair", verdict, Severity.ERROR, Span(start, start + len(needle)), needle, "m")


@pytest.mark.parametrize("needle, start16, end16", [
    ("🚀", 0, 2),                      # one code point, two UTF-16 units
    ("Auñón-Chancellor", 3, 19),       # accented letters are in the BMP: one unit each, shifted by the rocket
    ("🛰️", 20, 23),                    # satellite (astral) + variation selector (BMP)
    ("6:31 a.m. EST", 36, 49),
])
def test_utf16_offsets_count_astral_characters_twice(needle, start16, end16):
    doc = parse_document(ASTRAL, markdown=False)
    finding = _finding(ASTRAL, needle)
    out = finding_payload(finding, Report(doc, (finding,)), Utf16Offsets(ASTRAL))
    assert (out["start_utf16"], out["end_utf16"]) == (start16, end16)
    # the offsets a browser computes: slice the UTF-16 encoding
    encoded = ASTRAL.encode("utf-16-le")
    assert encoded[2 * start16: 2 * end16].decode("utf-16-le") == needle
    assert (out["start"], out["end"]) == (ASTRAL.index(needle), ASTRAL.index(needle) + len(needle))
    assert list(out) == FINDING_KEYS


def test_utf16_map_agrees_with_the_document_everywhere():
    text = "a🚀b\U0001F9D1\u200d🚀 ñ 𝔸𝔹 end"
    doc = parse_document(text, markdown=False)
    utf16 = Utf16Offsets(text)
    again = Utf16Offsets(doc.text)
    assert [utf16(i) for i in range(len(text) + 1)] == [again(i) for i in range(len(text) + 1)]


def test_passing_claims_are_counted_but_listed_only_on_request():
    text = "one two three"
    doc = parse_document(text, markdown=False, published=date(2018, 11, 20))
    findings = (_finding(text, "one", Verdict.CONSISTENT), _finding(text, "two", Verdict.INCONSISTENT),
                _finding(text, "three", Verdict.SUPPORTED))
    report = Report(doc, findings)
    assert [is_passing(f) for f in findings] == [True, False, True]
    short = result_payload(report, include_passing=False)
    assert [f["text"] for f in short["findings"]] == ["two"]
    assert short["summary"] == {"findings": 3, "by_verdict": {"consistent": 1, "inconsistent": 1, "supported": 1},
                                "suppressed": 0}
    full = result_payload(report, include_passing=True)
    assert [f["text"] for f in full["findings"]] == ["one", "two", "three"]


def test_batch_results_are_keyed_by_id(client):
    docs = [{"id": "a", "text": "first"}, {"id": "draft/2", "text": "second", "published": "2018-11-20"}]
    response = client.post("/v1/check/batch", json={"documents": docs})
    assert response.status_code == 200
    body = response.get_json()
    assert set(body["results"]) == {"a", "draft/2"}
    assert set(body["results"]["a"]) == {"findings", "summary"}
    assert "reference_version" in body


@pytest.mark.parametrize("payload, field", [
    ({"documents": []}, "documents"),
    ({"documents": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}, "documents"),
    ({"documents": [{"text": "x"}]}, "documents"),
    ({"documents": [{"id": "bad id", "text": "x"}]}, "documents"),
    ({"documents": [{"id": "trailing-newline\n", "text": "x"}]}, "documents"),
    ({"documents": [{"id": "a", "text": "x", "colour": "red"}]}, "documents"),
    ({"docs": []}, "docs"),
])
def test_batch_refuses_bad_documents_naming_the_field(client, payload, field):
    response = client.post("/v1/check/batch", json=payload)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_batch_size_is_limited_by_config():
    from orbitcheck.app import create_app

    client = create_app({"TESTING": True, "BATCH_LIMIT": 2}).test_client()
    docs = [{"id": str(i), "text": "x"} for i in range(3)]
    response = client.post("/v1/check/batch", json={"documents": docs})
    assert response.status_code == 422
    assert "at most 2" in response.get_json()["detail"]
    assert client.post("/v1/check/batch", json={"documents": docs[:2]}).status_code == 200


def test_health_is_open_and_alive(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


DRAFT = ("🚀 Auñón-Chancellor 🛰️ said the orbit is 35,926 km (22,314 miles) high; "
         "Progress delivered 5,652 pounds (2,564 kg).")


def test_end_to_end_findings_carry_code_point_and_utf16_offsets(client):
    body = client.post("/v1/check", json={"text": DRAFT, "checks": ["unit-pair"]}).get_json()
    assert [f["text"] for f in body["findings"]] == ["35,926 km (22,314 miles)"]  # the right one passes
    finding = body["findings"][0]
    assert DRAFT[finding["start"]:finding["end"]] == "35,926 km (22,314 miles)"
    units = DRAFT.encode("utf-16-le")
    assert units[2 * finding["start_utf16"]: 2 * finding["end_utf16"]].decode("utf-16-le") == finding["text"]
    assert finding["start_utf16"] == finding["start"] + 2  # two astral characters before it; ñ and ó count once
    assert list(finding)[:14] == FINDING_KEYS
    # what an editor's "Apply" replaces: one side of the pair
    assert DRAFT[finding["suggestion_start"]:finding["suggestion_end"]] == "22,314 miles"
    assert units[2 * finding["suggestion_start_utf16"]: 2 * finding["suggestion_end_utf16"]].decode(
        "utf-16-le") == "22,314 miles"
    assert finding["suggestion"] == "22,323 miles"
    assert body["summary"] == {"findings": 2, "by_verdict": {"consistent": 1, "inconsistent": 1}, "suppressed": 0}


def test_findings_match_the_cli_json_for_the_same_text(client, cli, tmp_path):
    import json

    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", str(draft))
    cli_findings = json.loads(out)["files"][0]["findings"]
    assert cli_findings  # the comparison below must compare something
    api = client.post("/v1/check", json={"text": DRAFT, "include_passing": True}).get_json()["findings"]
    assert [{k: v for k, v in f.items() if k in FINDING_KEYS[:12]} for f in api] == cli_findings


def test_include_passing_lists_the_claims_that_hold(client):
    body = client.post("/v1/check", json={"text": DRAFT, "include_passing": True, "checks": ["unit-pair"]}).get_json()
    assert [f["verdict"] for f in body["findings"]] == ["inconsistent", "consistent"]


def test_checks_selects_and_unknown_ids_are_listed(client):
    none = client.post("/v1/check", json={"text": DRAFT, "checks": ["time-pair"]}).get_json()
    assert none["findings"] == [] and none["summary"]["findings"] == 0
    unknown = client.post("/v1/check", json={"text": DRAFT, "checks": ["unit-pair", "unit-pairs"]})
    assert unknown.status_code == 422
    message = unknown.get_json()["errors"]["checks"]["1"][0]  # the second id
    assert "'unit-pairs'" in message and "unit-pair" in message.split("known:")[1]


def test_published_date_reaches_the_checks(client):
    text = "Friday, Nov. 16 was launch day."
    right = client.post("/v1/check", json={"text": text, "published": "2018-11-20", "include_passing": True})
    wrong = client.post("/v1/check", json={"text": text, "published": "2019-11-20", "include_passing": True})
    verdicts = lambda r: [(f["check"], f["verdict"]) for f in r.get_json()["findings"]]  # noqa: E731
    assert ("weekday-date", "consistent") in verdicts(right)
    assert ("weekday-date", "inconsistent") in verdicts(wrong)


def test_batch_checks_each_document(client):
    docs = [{"id": "wrong", "text": "35,926 km (22,314 miles)", "checks": ["unit-pair"]},
            {"id": "right", "text": "5,652 pounds (2,564 kg)", "checks": ["unit-pair"]}]
    results = client.post("/v1/check/batch", json={"documents": docs}).get_json()["results"]
    assert [f["verdict"] for f in results["wrong"]["findings"]] == ["inconsistent"]
    assert results["right"]["findings"] == [] and results["right"]["summary"]["by_verdict"] == {"consistent": 1}


def test_reference_version_is_the_loaded_stores(app, client):
    from orbitcheck.api.state import holder

    with app.app_context():
        version = holder().store.version
    assert client.post("/v1/check", json={"text": "x"}).get_json()["reference_version"] == version


def test_readyz_reports_the_records(client):
    body = client.get("/readyz").get_json()
    assert client.get("/readyz").status_code == 200
    assert body["ready"] is True and body["records"] >= 10 and len(body["reference_version"]) >= 8


def test_claims_are_checked_against_the_loaded_records(client):
    """The store reaches the reference check: supported with evidence, contradicted with the record's value."""
    right = client.post("/v1/check", json={"text": "Progress MS-10 launched Nov. 16 from Baikonur.",
                                           "published": "2018-11-20", "checks": ["reference"],
                                           "include_passing": True}).get_json()
    assert {(f["text"], f["verdict"]) for f in right["findings"]} == {("Nov. 16", "supported"),
                                                                      ("Baikonur", "supported")}
    evidence = right["findings"][0]["details"]["evidence"]
    assert evidence["record"] == "progress-ms-10" and evidence["source"]["licence"]
    wrong = client.post("/v1/check", json={"text": "Progress MS-10 docked to the station Nov. 25.",
                                           "published": "2018-11-20", "checks": ["reference"]}).get_json()
    assert [(f["verdict"], f["suggestion"]) for f in wrong["findings"]] == [("contradicted", "Nov. 18")]
    assert wrong["summary"]["by_verdict"] == {"contradicted": 1}
