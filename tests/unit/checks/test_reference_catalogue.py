"""Claims about flights outside 2018, checked against the shipped station catalogue."""
from __future__ import annotations

from datetime import date

import pytest

from orbitcheck.engine import check_text


def check(text: str, store, published=None):
    report = check_text(text, published=published, checks=["reference"], markdown=False, store=store)
    return {f.text: f for f in report.findings}


@pytest.mark.parametrize("sentence, claim, mission, field", [
    ("Progress MS-29 launched on Nov. 21, 2024 from Baikonur.", "Nov. 21, 2024", "progress-ms-29", "launch.time"),
    ("Progress MS-29 launched on Nov. 21, 2024 from Baikonur.", "Baikonur", "progress-ms-29", "launch.site"),
    ("Crew-10 launched on March 14, 2025.", "March 14, 2025", "dragon-crew-10", "launch.time"),
    ("NASA's SpaceX Crew-10 lifted off March 14, 2025 from Kennedy Space Center.", "March 14, 2025",
     "dragon-crew-10", "launch.time"),
    ("Progress MS-29 delivered 2,487 kg to the station.", "2,487 kg", "progress-ms-29", "masses[cargo_up].value"),
    ("Soyuz TMA-9 landed on April 21, 2007.", "April 21, 2007", "soyuz-tma-9", "events[landing].time"),
    ("The Progress 90 spacecraft launched Nov. 21, 2024.", "Nov. 21, 2024", "progress-ms-29", "launch.time"),
])
def test_claims_outside_2018_are_supported(store, sentence, claim, mission, field):
    finding = check(sentence, store)[claim]
    assert finding.verdict == "supported", finding.message
    assert finding.details["evidence"]["record"] == mission
    assert finding.details["evidence"]["field"] == field
    assert finding.details["evidence"]["source"]["licence"]


@pytest.mark.parametrize("sentence, claim, suggestion", [
    ("Progress MS-29 launched on Nov. 22, 2024 from Baikonur.", "Nov. 22, 2024", "Nov. 21, 2024"),
    ("Crew-10 launched on March 15, 2025.", "March 15, 2025", "March 14, 2025"),
    ("Progress MS-29 delivered 2,587 kg to the station.", "2,587 kg", "2,487 kg"),
])
def test_a_changed_figure_is_contradicted(store, sentence, claim, suggestion):
    finding = check(sentence, store)[claim]
    assert finding.verdict == "contradicted", finding.message
    assert finding.suggestion == suggestion


def test_a_bare_family_names_no_flight(store):
    finding = check("The Dragon launched on March 14, 2025.", store)["March 14, 2025"]
    assert finding.verdict == "unverified"


def test_a_person_with_several_flights_is_the_one_flying_at_publication(store):
    # Anne McClain flew Soyuz MS-11 (2018) and Crew-10 (2025): the publication date says which one.
    early = check("Anne McClain's crew lifted off Dec. 3.", store, date(2018, 11, 20))["Dec. 3"]
    late = check("Anne McClain's crew docked March 16.", store, date(2025, 3, 15))["March 16"]
    assert early.details["link"]["mission"] == "soyuz-ms-11"
    assert late.details["link"]["mission"] == "dragon-crew-10"
    undated = check("Anne McClain's crew lifted off Dec. 3.", store, None)["Dec. 3"]
    assert undated.verdict == "unverified"
