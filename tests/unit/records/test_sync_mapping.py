"""LL2 launch JSON -> record dict (no network): every recorded launch maps to a record the schema accepts,
precision and scheduled state are stated honestly, and what the record format cannot hold is skipped."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from orbitcheck.records.ll2_mapping import LaunchDataError, Mapped, Skipped, ll2_id_of, map_launch
from orbitcheck.records.ll2_merge import conflicts
from orbitcheck.schemas.records import MissionSchema
from tests.helpers.ll2_fake import page

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
RECORDED = [
    launch
    for name in (
        "2.0.0-launch-page1.json",
        "2.0.0-launch-page2.json",
        "2.0.0-launch-2025-06-07.json",
        "2.3.0-launches-sputnik.json",
    )
    for launch in page(name)["results"]
] + [page("2.3.0-launch-detail-sputnik1.json")]


@pytest.mark.parametrize(
    "launch", RECORDED, ids=[f"{launch['name']}-{i}" for i, launch in enumerate(RECORDED)]
)
def test_every_recorded_launch_maps_to_a_valid_record_or_a_reasoned_skip(launch):
    result = map_launch(launch, NOW)
    if isinstance(result, Skipped):
        assert launch["status"]["name"] == "In Flight"
        return
    loaded = MissionSchema().load(result.record)
    assert loaded["launch"]["source"] == "ll2"
    assert loaded["sources"]["ll2"]["method"] == "synced"
    assert ll2_id_of(loaded["sources"]["ll2"]["url"]) == launch["id"]


def test_api_2_3_0_detail_gives_zone_site_designator_and_precision():
    record = map_launch(page("2.3.0-launch-detail-sputnik1.json"), NOW).record
    assert record["id"] == "sputnik-1" and record["name"] == "Sputnik 1"
    assert record["cospar"] == "1957-001"
    launch = record["launch"]
    assert (launch["time"], launch["precision"], launch["outcome"]) == (
        "1957-10-04T19:28:34Z",
        "second",
        "success",
    )
    assert (launch["site"], launch["zone"], launch["pad"]) == (
        "Baikonur Cosmodrome, Republic of Kazakhstan",
        "Asia/Qyzylorda",
        "1/5",
    )
    assert launch["vehicle"] == "Sputnik 8K74PS"
    assert record["crew"] == [] and record["events"] == []  # the detail's spacecraft_stage is empty
    assert "LL2 last_updated 2024-03-17T19:17:35Z" in record["sources"]["ll2"]["note"]


def _with(**changes):
    launch = copy.deepcopy(page("2.3.0-launch-detail-sputnik1.json"))
    launch.update(changes)
    return launch


@pytest.mark.parametrize(
    "precision, net, time, expected",
    [
        ({"id": 1, "name": "Minute"}, "2025-06-10T12:22:31Z", "2025-06-10T12:22:00Z", "minute"),
        ({"id": 2, "name": "Hour"}, "2025-06-10T12:22:31Z", "2025-06-10T12:00:00Z", "hour"),
        ({"id": 5, "name": "Day"}, "2025-06-10T12:22:31Z", "2025-06-10T00:00:00Z", "day"),
        ({"id": 7, "name": "Month"}, "2025-06-10T12:22:31Z", "2025-06-01T00:00:00Z", "month"),
        ({"id": 9, "name": "Quarter (Q2)"}, "2025-06-10T12:22:31Z", "2025-04-01T00:00:00Z", "quarter"),
        ({"id": 10, "name": "Business Quarter", "abbrev": "Q3"}, "2025-08-10T00:00:00Z",
         "2025-07-01T00:00:00Z", "quarter"),
        ({"id": 14, "name": "Year"}, "2025-06-10T12:22:31Z", "2025-01-01T00:00:00Z", "year"),
        (None, "2025-06-10T12:22:00Z", "2025-06-10T12:22:00Z", "minute"),
    ],
)
def test_the_time_is_cut_to_the_precision_ll2_states(precision, net, time, expected):
    record = map_launch(
        _with(net_precision=precision, net=net, status={"id": 1, "name": "Go for Launch"}), NOW
    ).record
    assert (record["launch"]["time"], record["launch"]["precision"]) == (time, expected)
    assert record["launch"]["outcome"] == "scheduled" and record["launch"]["uncertain"] is True
    MissionSchema().load(record)


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"net_precision": {"id": 6, "name": "Week"}}, "LL2 precision 'Week' has no record equivalent"),
        ({"net_precision": {"id": 13, "name": "Half (H2)"}}, "no record equivalent"),
        ({"net_precision": {"id": 15, "name": "Fiscal Year"}}, "no record equivalent"),
        ({"net_precision": {"id": 3, "name": "Morning (local)"}}, "no record equivalent"),
        ({"status": {"id": 6, "name": "In Flight"}}, "status 'In Flight' has no outcome yet"),
    ],
)
def test_what_the_record_format_cannot_say_is_skipped_with_a_reason(changes, reason):
    result = map_launch(_with(**changes), NOW)
    assert isinstance(result, Skipped)
    assert reason in result.reason


@pytest.mark.parametrize(
    "changes", [{"net": "soon"}, {"net": None}, {"id": None}, {"net": "2025-06-10T12:22:00"}]
)
def test_a_launch_without_a_usable_id_or_time_is_an_error(changes):
    with pytest.raises(LaunchDataError):
        map_launch(_with(**changes), NOW)


# The shape LL2 uses for crewed launches' rocket.spacecraft_stage (an object in 2.2.0, a list in 2.3.0). The
# values are made up for the test (no such flight), so nothing here could be mistaken for a reference fact.
STAGE = {
    "destination": "Test Station",
    "launch_crew": [
        {
            "role": {"role": "Commander"},
            "astronaut": {"name": "Ada Example", "agency": {"name": "Test Agency"}},
        },
        {"role": {"role": "Flight Engineer"}, "astronaut": {"name": "Bo Sample", "agency": None}},
    ],
    "docking_events": [
        {
            "docking": "2031-01-02T03:04:00Z",
            "departure": "2031-03-04T05:06:07Z",
            "docking_location": {"name": "Test port"},
        }
    ],
}


@pytest.mark.parametrize("stage", [STAGE, [STAGE]], ids=["2.2.0 object", "2.3.0 list"])
def test_crew_and_docking_come_from_the_spacecraft_stage(stage):
    launch = _with(rocket={"configuration": {"full_name": "Test Rocket"}, "spacecraft_stage": stage})
    record = map_launch(launch, NOW).record
    assert record["kind"] == "crewed" and record["destination"] == "Test Station"
    assert [(c["name"], c["agency"], c["role"]) for c in record["crew"]] == [
        ("Ada Example", "Test Agency", "commander"),
        ("Bo Sample", None, "flight engineer"),
    ]
    assert [(e["kind"], e["time"], e["precision"], e["target"]) for e in record["events"]] == [
        ("docking", "2031-01-02T03:04:00Z", "minute", "Test port"),
        ("undocking", "2031-03-04T05:06:07Z", "second", "Test port"),
    ]
    MissionSchema().load(record)


@pytest.mark.parametrize(
    "curated, lines",
    [
        ({"time": "1957-10-04T19:28:00Z", "precision": "minute"}, []),  # 19:28:34 lies inside that minute
        ({"time": "1957-10-04T00:00:00Z", "precision": "day"}, []),
        ({"time": "1957-10-05T00:00:00Z", "precision": "day"}, ["launch.time"]),
        ({"time": "1957-10-04T19:28:34Z", "precision": "second", "outcome": "failure"}, ["launch.outcome"]),
        (
            {"time": "1957-10-04T19:28:34Z", "precision": "second", "vehicle": "R-7 Semyorka"},
            ["launch.vehicle"],
        ),
        ({"time": "1957-10-04T19:28:34Z", "precision": "second", "site": "Baikonur Cosmodrome"}, []),
    ],
)
def test_conflicts_are_disagreements_beyond_precision_only(curated, lines):
    synced = map_launch(page("2.3.0-launch-detail-sputnik1.json"), NOW).record
    mine = {"launch": {"outcome": "success", "source": "x", **curated}}
    assert [line.split(":")[0] for line in conflicts(mine, synced)] == lines


def test_the_id_in_a_launch_url_is_found_for_every_api_version():
    uuid = "e3df2ecd-c239-472f-95e4-2b89b4f75800"
    assert ll2_id_of(f"https://ll.thespacedevs.com/2.3.0/launches/{uuid}/") == uuid
    assert ll2_id_of(f"http://127.0.0.1:8080/2.0.0/launch/{uuid}/") == uuid
    assert ll2_id_of("https://planet4589.org/space/gcat/") is None
    assert isinstance(map_launch(_with(), NOW), Mapped)


@pytest.mark.parametrize(
    "header, seconds",
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("Wed, 25 Nov 2026 09:01:30 GMT", 90.0),
        ("Wed, 25 Nov 2026 08:00:00 GMT", 0.0),
        ("soon", None),
        (None, None),
    ],
)
def test_retry_after_reads_seconds_and_http_dates_against_the_injected_clock(header, seconds):
    from orbitcheck.records.ll2 import _retry_after

    assert _retry_after(header, NOW.timestamp()) == seconds


def test_a_next_link_on_the_same_host_keeps_https():
    from orbitcheck.records.ll2 import Ll2Client, Progress, UpstreamError

    client = Ll2Client("https://ll.thespacedevs.com/2.3.0")
    try:
        same = client._same_origin("http://ll.thespacedevs.com/2.3.0/launches/?offset=100", Progress())
        assert same == "https://ll.thespacedevs.com/2.3.0/launches/?offset=100"
        with pytest.raises(UpstreamError, match="leaves ll.thespacedevs.com"):
            client._same_origin("https://evil.example/2.3.0/launches/?offset=100", Progress())
    finally:
        client.close()
