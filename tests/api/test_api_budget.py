"""The per-request work budget and bounded answers (issue 17, items 4 and 6)."""
from __future__ import annotations

import json

import pytest

from orbitcheck.app import create_app


@pytest.fixture
def small_app():
    return create_app({"TESTING": True, "WARM_UP": False, "MAX_CHARACTERS": 5000, "MAX_FINDINGS": 10,
                       "MAX_CONTENT_LENGTH": 4 * 1024 * 1024})


def test_a_draft_over_the_character_budget_is_a_413_problem_before_checking(small_app, monkeypatch):
    from orbitcheck.api import check

    ran = []
    monkeypatch.setattr(check, "check_text", lambda *a, **k: ran.append(1))
    response = small_app.test_client().post("/v1/check", json={"text": "x" * 5001})
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"
    assert "5,001 characters" in response.json["detail"] and "5,000" in response.json["detail"]
    assert ran == []


def test_a_batch_counts_every_document_against_one_budget(small_app):
    docs = [{"id": str(i), "text": "x" * 2000} for i in range(3)]
    response = small_app.test_client().post("/v1/check/batch", json={"documents": docs})
    assert response.status_code == 413
    ok = small_app.test_client().post("/v1/check/batch", json={"documents": docs[:2]})
    assert ok.status_code == 200


def test_the_default_budget_is_in_the_config_and_the_docs():
    from orbitcheck.app import DEFAULTS
    from tests.helpers.paths import ROOT

    docs = (ROOT / "docs" / "api.md").read_text("utf-8")
    assert f"{DEFAULTS['MAX_CHARACTERS']:,}" in docs and "ORBITCHECK_MAX_CHARACTERS" in docs
    assert "ORBITCHECK_MAX_FINDINGS" in docs and "truncated" in docs


def test_findings_are_capped_with_a_truncated_flag_and_the_count(small_app):
    sentence = "The coast is 3,000 miles (5,900 kilometers) long. "
    text = sentence * 30  # 30 wrong pairs
    body = small_app.test_client().post("/v1/check", json={"text": text}).json
    assert len(body["findings"]) == 10
    assert body["truncated"] is True and body["findings_total"] == 30
    assert body["summary"]["findings"] == 30  # the summary counts every claim
    short = small_app.test_client().post("/v1/check", json={"text": sentence * 2}).json
    assert "truncated" not in short and len(short["findings"]) == 2


def test_many_unknown_check_ids_get_a_short_422_naming_the_first_few_and_the_count(app):
    ids = [f"nope-{i}" for i in range(20_000)]
    response = app.test_client().post("/v1/check", json={"text": "x", "checks": ids})
    assert response.status_code == 422
    assert len(response.data) < 8_000  # was ~100 bytes per id: 2 MB here, 11.5 MB for 110,000
    errors = response.json["errors"]["checks"]
    assert "'nope-0'" in json.dumps(errors) and "19,995 more" in errors["_more"]


def test_v2_check_has_the_same_character_budget_before_checking(small_app, monkeypatch):
    from orbitcheck.api import compat_lt

    ran = []
    monkeypatch.setattr(compat_lt, "check_text", lambda *a, **k: ran.append(1))
    client = small_app.test_client()
    response = client.post("/v2/check", data={"text": "x" * 5001, "language": "en-US"},
                           headers={"Accept": "application/problem+json"})
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"
    assert "5,001 characters" in response.json["detail"]
    # LanguageTool's own error form when the client does not ask for problem details
    plain = client.post("/v2/check", data={"text": "x" * 5001, "language": "en-US"})
    assert plain.status_code == 413 and plain.mimetype == "text/plain"
    assert ran == []


def test_v2_check_counts_the_checkable_text_of_an_annotation(small_app):
    annotation = json.dumps({"annotation": [{"markup": "<p>" * 2000}, {"text": "x" * 10}]})
    response = small_app.test_client().post("/v2/check", data={"data": annotation, "language": "en-US"})
    assert response.status_code == 413  # markup is blanked, not removed: it is still text to scan


def test_v2_check_caps_matches_with_incomplete_results(small_app):
    sentence = "The coast is 3,000 miles (5,900 kilometers) long. "
    client = small_app.test_client()
    body = client.post("/v2/check", data={"text": sentence * 30, "language": "en-US"}).json
    assert len(body["matches"]) == 10
    assert body["warnings"]["incompleteResults"] is True
    short = client.post("/v2/check", data={"text": sentence * 2, "language": "en-US"}).json
    assert len(short["matches"]) == 2 and short["warnings"]["incompleteResults"] is False
