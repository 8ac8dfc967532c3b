"""Reloading the reference records: POST /v1/admin/reload swaps the store whole, or keeps the old one."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orbitcheck.app import create_app

ADMIN = {"Authorization": "Bearer root-key"}


@pytest.fixture
def data_dir(ll2_data) -> Path:
    """A writable copy of the shipped records (the same fixture the sync tests use)."""
    return ll2_data


@pytest.fixture
def admin_client(data_dir):
    return create_app({"TESTING": True, "DATA_DIR": str(data_dir), "ADMIN_KEYS": ("root-key",)}).test_client()


def _add_alias(data_dir: Path, alias: str) -> None:
    record = data_dir / "missions" / "progress-ms-10.toml"
    text = record.read_text(encoding="utf-8")
    assert "aliases = [" in text
    record.write_text(text.replace("aliases = [", f'aliases = ["{alias}", ', 1), encoding="utf-8")


def test_reload_serves_the_new_records(admin_client, data_dir):
    before = admin_client.get("/readyz").get_json()["reference_version"]
    assert admin_client.get("/v1/missions", query_string={"q": "Cargo Seventy One"}).get_json()["count"] == 0
    _add_alias(data_dir, "Cargo Seventy One")
    response = admin_client.post("/v1/admin/reload", headers=ADMIN)
    assert response.status_code == 200
    body = response.get_json()
    assert body["previous_version"] == before and body["reference_version"] != before
    assert body["workers_restarting"] is False  # not under gunicorn here
    assert admin_client.get("/readyz").get_json()["reference_version"] == body["reference_version"]
    found = admin_client.get("/v1/missions", query_string={"q": "Cargo Seventy One"}).get_json()
    assert [m["id"] for m in found["missions"]] == ["progress-ms-10"]
    assert admin_client.post("/v1/check", json={"text": "x"}).get_json()["reference_version"] == body["reference_version"]


@pytest.mark.parametrize("breakage", ["bad-toml", "bad-field", "missing-dir"])
def test_invalid_records_are_refused_and_the_old_ones_kept(admin_client, data_dir, breakage):
    before = admin_client.get("/readyz").get_json()
    record = data_dir / "missions" / "progress-ms-10.toml"
    if breakage == "bad-toml":
        record.write_text("id = [unclosed\n", encoding="utf-8")
    elif breakage == "bad-field":
        record.write_text(record.read_text(encoding="utf-8").replace('kind = "cargo"', 'kind = "spaceship"'),
                          encoding="utf-8")
    else:
        shutil.rmtree(data_dir / "missions")
    response = admin_client.post("/v1/admin/reload", headers=ADMIN)
    assert response.status_code == 409
    assert response.mimetype == "application/problem+json"
    detail = response.get_json()["detail"]
    assert f"still serving version {before['reference_version']}" in detail
    assert admin_client.get("/readyz").get_json() == before
    assert admin_client.get("/v1/missions/progress-ms-10").status_code == 200
    metrics = admin_client.get("/metrics").get_data(as_text=True)
    assert 'orbitcheck_reference_reloads_total{result="failed"} 1' in metrics


def test_a_request_keeps_the_store_it_started_with(app, data_dir):
    """The store is immutable and swapped whole: an old reference stays complete after a reload."""
    from orbitcheck.api.state import StoreHolder
    from orbitcheck.records.store import load_store

    holder = StoreHolder(lambda: load_store(data_dir))
    first = holder.load()
    in_flight = holder.store  # what a request read when it began
    _add_alias(data_dir, "Cargo Seventy One")
    second = holder.load()
    assert holder.store is second and in_flight is first
    assert in_flight.search("Cargo Seventy One") == [] and len(in_flight) == len(second)
    assert [m.id for m in second.search("Cargo Seventy One")] == ["progress-ms-10"]


def test_the_service_refuses_to_start_on_invalid_records(data_dir):
    from orbitcheck.records.store import RecordError

    (data_dir / "missions" / "progress-ms-10.toml").write_text('id = "progress-ms-10"\n', encoding="utf-8")
    with pytest.raises(RecordError, match="progress-ms-10.toml"):
        create_app({"TESTING": True, "DATA_DIR": str(data_dir)})


def test_data_dir_comes_from_the_environment(monkeypatch, data_dir):
    _add_alias(data_dir, "Cargo Seventy One")
    monkeypatch.setenv("ORBITCHECK_DATA_DIR", str(data_dir))
    client = create_app({"TESTING": True}).test_client()
    assert client.get("/v1/missions", query_string={"q": "Cargo Seventy One"}).get_json()["count"] == 1
