"""The reference check on the seed article and on sentences of our own: linking, cues, verdicts, evidence."""
from __future__ import annotations

import json
from datetime import date

import pytest

from orbitcheck.checks.reference import claims
from orbitcheck.engine import check_text
from orbitcheck.extract import Extraction
from orbitcheck.records.store import ReferenceStore, load_store
from orbitcheck.text import parse_document
from tests.helpers.paths import DATA

SEED = (DATA / "seed" / "progress-ms-10-timelapse.txt").read_text(encoding="utf-8")
PUBLISHED = date(2018, 11, 20)


def check(text: str, store, published=PUBLISHED):
    report = check_text(text, published=published, checks=["reference"], markdown=False, store=store)
    return {f.text: f for f in report.findings}


# claim as written -> (mission, property, record field)
SEED_CLAIMS = {
    "Nov. 16": ("progress-ms-10", "launch", "launch.time"),
    "5,652 pounds": ("progress-ms-10", "cargo_up", "masses[cargo_up].value"),
    "2,564 kg": ("progress-ms-10", "cargo_up", "masses[cargo_up].value"),
    "Nov. 18": ("progress-ms-10", "arrival", "events[docking].time"),
    "Baikonur Cosmodrome": ("progress-ms-10", "launch", "launch.site"),
    "6:31 a.m. EST Dec. 3": ("soyuz-ms-11", "launch", "launch.time"),
    "1131 GMT": ("soyuz-ms-11", "launch", "launch.time"),
    "June 8": ("soyuz-ms-09", "arrival", "events[docking].time"),
    "Oct. 11": ("soyuz-ms-10", "abort", "launch.time"),
    "Dec. 20": ("soyuz-ms-09", "landing", "events[landing].time"),
}


def test_every_checkable_claim_of_the_seed_is_found_and_supported(store):
    found = check(SEED, store)
    assert set(found) == set(SEED_CLAIMS)
    for text, (mission, prop, field) in SEED_CLAIMS.items():
        finding = found[text]
        assert finding.verdict == "supported", (text, finding.message)
        assert finding.details["link"]["mission"] == mission and finding.details["link"]["property"] == prop
        evidence = finding.details["evidence"]
        assert (evidence["record"], evidence["field"]) == (mission, field)
        assert evidence["source"]["title"] and evidence["source"]["licence"]
        assert evidence["source"]["url"] or evidence["source"]["dataset"]


def test_seed_evidence_cites_the_records_values(store):
    found = check(SEED, store)
    assert found["Nov. 16"].details["evidence"]["value"] == "2018-11-16T18:14:08Z"
    assert found["2,564 kg"].details["evidence"]["value"] == 2564
    assert "GCAT" in found["2,564 kg"].details["evidence"]["source"]["title"]
    assert "CC-BY" in found["Oct. 11"].details["evidence"]["source"]["licence"]
    assert found["Baikonur Cosmodrome"].details["evidence"]["value"] == "Baikonur Cosmodrome"


@pytest.mark.parametrize(
    "original, changed, claim, suggestion",
    [
        ("launch on Nov. 16", "launch on Nov. 14", "Nov. 14", "Nov. 16"),
        ("Baikonur Cosmodrome", "Plesetsk Cosmodrome", "Plesetsk Cosmodrome", "Baikonur Cosmodrome"),
        ("5,652 pounds", "5,952 pounds", "5,952 pounds", "5,653 pounds"),
        ("2,564 kg", "2,654 kg", "2,654 kg", "2,564 kg"),
        ("station Nov. 18", "station Nov. 20", "Nov. 20", "Nov. 18"),
        ("6:31 a.m. EST", "7:31 a.m. EST", "7:31 a.m. EST Dec. 3", "6:31 a.m. EST Dec. 3"),
        ("EST Dec. 3", "EST Dec. 5", "6:31 a.m. EST Dec. 5", "6:31 a.m. EST Dec. 3"),
        ("(1131 GMT)", "(1231 GMT)", "1231 GMT", "1131 GMT"),
        ("on June 8", "on June 9", "June 9", "June 8"),
        ("an Oct. 11 launch", "an Oct. 12 launch", "Oct. 12", "Oct. 11"),
        ("on Dec. 20", "on Dec. 21", "Dec. 21", "Dec. 20"),
    ],
)
def test_changing_one_seed_figure_contradicts_that_claim(store, original, changed, claim, suggestion):
    assert SEED.count(original) == 1
    found = check(SEED.replace(original, changed), store)
    assert found[claim].verdict == "contradicted", found[claim].message
    assert found[claim].suggestion == suggestion
    assert found[claim].severity == "error"
    others = {t: f.verdict for t, f in found.items() if t != claim and f.verdict != "supported"}
    if changed.startswith("EST Dec."):  # the GMT side of the pair is dated by the changed day too
        assert others == {"1131 GMT": "contradicted"}
    else:
        assert others == {}


def test_a_day_that_is_right_only_in_launch_site_time_is_unverified(store):
    # 18:14 UTC Nov. 16 was 00:14 Nov. 17 at Baikonur: the writer may mean local time.
    finding = check(SEED.replace("launch on Nov. 16", "launch on Nov. 17"), store)["Nov. 17"]
    assert finding.verdict == "unverified" and "local time at the launch site" in finding.message


@pytest.mark.parametrize("name", ["Soyuz MS-11", "Soyuz MS 11", "soyuz ms-11", "SOYUZ MS11", "ISS 57S"])
def test_names_match_ignoring_case_and_punctuation(store, name):
    finding = check(f"{name} lifted off on Dec. 3.", store)["Dec. 3"]
    assert finding.verdict == "supported" and finding.details["link"]["mission"] == "soyuz-ms-11"


@pytest.mark.parametrize(
    "sentence, claim, prop",
    [
        ("Soyuz MS-11 launched Dec. 3.", "Dec. 3", "launch"),
        ("Soyuz MS-11 will blast off Dec. 3.", "Dec. 3", "launch"),
        ("Soyuz MS-11 is set to lift off Dec. 3.", "Dec. 3", "launch"),
        ("The Soyuz MS-11 crew will leave Earth Dec. 3.", "Dec. 3", "launch"),
        ("Soyuz MS-11 docked to Poisk Dec. 3.", "Dec. 3", "docking"),
        ("Soyuz MS-11 arrived at the space station Dec. 3.", "Dec. 3", "arrival"),
        ("Soyuz MS-09 landed in Kazakhstan Dec. 20.", "Dec. 20", "landing"),
        ("Soyuz MS-09 will return home Dec. 20.", "Dec. 20", "landing"),
        ("The Soyuz MS-09 trio leaves for home Dec. 20.", "Dec. 20", "landing"),
        ("Soyuz MS-10 aborted Oct. 11.", "Oct. 11", "abort"),
        ("Progress MS-10 delivered 2,564 kg.", "2,564 kg", "cargo_up"),
        ("Progress MS-10 will carry 2,564 kg.", "2,564 kg", "cargo_up"),
        ("Progress MS-10 hauled 2,564 kg up.", "2,564 kg", "cargo_up"),
        ("Progress MS-10 delivered 1,300 kg of dry cargo.", "1,300 kg", "cargo_dry"),
        ("Progress MS-10 weighed 7,430 kg at launch.", "7,430 kg", "spacecraft_launch"),
        ("Cygnus NG-10 was grappled Nov. 19.", "Nov. 19", "grapple"),
    ],
)
def test_the_verb_picks_the_property(store, sentence, claim, prop):
    finding = check(sentence, store)[claim]
    assert finding.details["link"]["property"] == prop
    assert finding.verdict == "supported", finding.message


@pytest.mark.parametrize(
    "text, claim, mission",
    [
        ("Anne McClain's crew lifted off Dec. 3.", "Dec. 3", "soyuz-ms-11"),
        ("Serena Auñón-Chancellor arrived at the station June 8.", "June 8", "soyuz-ms-09"),
        ("The three-person Expedition 58 crew will launch Dec. 3.", "Dec. 3", "soyuz-ms-11"),
        ("Progress MS-10 is a cargo ship. The Progress launched Nov. 16.", "Nov. 16", "progress-ms-10"),
        ("Soyuz MS-11 is ready. It will launch Dec. 3.", "Dec. 3", "soyuz-ms-11"),
        ("Gerst's team was joined after an Oct. 11 launch, but it aborted.", "Oct. 11", "soyuz-ms-10"),
        ("Soyuz MS-11 will launch Dec. 3, two months after the Soyuz MS-10 abort on Oct. 11.", "Dec. 3",
         "soyuz-ms-11"),  # the abort belongs to the later clause's own date
        ("Soyuz MS-11 will launch Dec. 3, two months after the Soyuz MS-10 abort on Oct. 11.", "Oct. 11",
         "soyuz-ms-10"),
    ],
)
def test_crew_family_and_paragraph_references_link(store, text, claim, mission):
    finding = check(text, store)[claim]
    assert finding.details["link"]["mission"] == mission
    assert finding.verdict == "supported", finding.message


@pytest.mark.parametrize(
    "text, claim, reason",
    [
        ("The rocket lifted off Dec. 4.", "Dec. 4", "no mission"),  # no linkable mission: never contradicted
        ("The Progress launched Nov. 14.", "Nov. 14", "no mission"),  # a family word with no named mission
        ("Soyuz MS-11 is ready.\n\nIt will launch Dec. 4.", "Dec. 4", "no mission"),  # another paragraph
        ("Soyuz MS-10 landed Oct. 12.", "Oct. 12", "no landing"),  # the record has no landing time
        ("Progress MS-10 delivered 750 kg of propellant.", "750 kg", "no propellant"),
        ("Soyuz MS-11 docked at 9 a.m. on Dec. 3.", "9 a.m. on Dec. 3", "no zone"),
        ("Soyuz MS-11 is big. It flew Dec. 4.", "Dec. 4", "no verb"),
        ("Soyuz MS-11 launched Dec. 3 to join Gerst's crew, who arrived June 9.", "June 9", "vague verb"),
        # GCAT gives Dragon's pressurized cargo only; news gives the total with the trunk: no cargo_up figure
        ("Dragon CRS-16 launched carrying 2,573 kg of supplies.", "2,573 kg", "no cargo_up"),
    ],
)
def test_without_a_link_or_a_figure_the_verdict_is_unverified(store, text, claim, reason):
    finding = check(text, store)[claim]
    assert finding.verdict == "unverified", finding.message
    assert finding.severity == "info" and finding.suggestion is None


def test_dates_that_are_not_about_a_flight_are_not_reported(store):
    assert check("The conference met on Nov. 16 and Dec. 3.", store) == {}


def test_a_site_named_without_a_launch_is_not_a_claim(store):
    assert check("Soyuz MS-11's crew trained near Baikonur Cosmodrome.", store) == {}


def test_hedged_figures_get_their_tolerance(store):
    assert check("Progress MS-10 delivered about 2,600 kg.", store)["2,600 kg"].verdict == "supported"
    assert check("Progress MS-10 delivered 2,600 kg.", store)["2,600 kg"].verdict == "supported"  # round figure
    assert check("Progress MS-10 delivered 2,700 kg.", store)["2,700 kg"].verdict == "contradicted"


@pytest.mark.parametrize(("text", "claim", "verdict"), [
    # Cygnus totals as NASA and Northrop Grumman publish them (with packaging) sit above GCAT's up cargo
    # (NG-14: 3,220 kg; NG-12: 3,392 kg; NG-10: 3,273 kg): that other count, round or not, is unverified
    ("Cygnus NG-14 carried about 8,000 pounds of cargo to the station.", "8,000 pounds", "unverified"),
    ("The NG-12 Cygnus delivered 3,720 kilograms of supplies.", "3,720 kilograms", "unverified"),
    ("Cygnus NG-10 is loaded with 3,350 kg of cargo.", "3,350 kg", "unverified"),
    ("Cygnus NG-10 is loaded with 3,270 kg of cargo.", "3,270 kg", "supported"),
    # below the record, or far above it, it is still another figure
    ("Cygnus NG-14 carried 2,900 kg of cargo to the station.", "2,900 kg", "contradicted"),
    ("Cygnus NG-14 carried 4,500 kg of cargo to the station.", "4,500 kg", "contradicted"),
    # other families keep the close margin: Progress's published totals are GCAT's
    ("Progress MS-10 delivered 2,654 kg of cargo.", "2,654 kg", "contradicted"),
])
def test_cygnus_totals_with_packaging_are_not_contradicted(store, text, claim, verdict):
    finding = check(text, store)[claim]
    assert finding.verdict == verdict, finding.message
    if verdict == "unverified":
        assert "packaging" in finding.message and finding.suggestion is None


@pytest.mark.parametrize(("text", "claim"), [
    ("Crew-3's Crew Dragon weighs 9,525 kg.", "9,525 kg"),          # the capsule without its trunk
    ("Progress MS-10 weighed 6,100 kg at launch.", "6,100 kg"),     # without its propellant? without cargo?
    ("The Cygnus NG-15 spacecraft weighs 17,500 pounds at launch.", "17,500 pounds"),
])
def test_a_launch_mass_that_differs_is_not_contradicted(store, text, claim):
    finding = check(text, store)[claim]
    assert finding.verdict == "unverified", finding.message
    assert "what is counted" in finding.message and finding.suggestion is None
    assert finding.details["link"]["property"] == "spacecraft_launch"


def test_without_a_store_the_check_yields_nothing():
    assert check_text(SEED, published=PUBLISHED, checks=["reference"], markdown=False).findings == ()


def test_an_empty_store_leaves_every_claim_unverified():
    found = check("Soyuz MS-11 lifted off Dec. 3.", ReferenceStore((), "empty"))
    assert [f.verdict for f in found.values()] == ["unverified"]


def test_mission_mentions_are_one_extraction_per_store(store):
    doc = parse_document("Soyuz MS-11 lifted off Dec. 3 with Oleg Kononenko.", markdown=False)
    extraction = Extraction(doc)
    first = claims.mentions(extraction, store)
    assert claims.mentions(extraction, store) is first  # memoised: the extractor is the same function
    assert [(m.text, m.kind) for m in first] == [("Soyuz MS-11", "name"), ("Oleg Kononenko", "person")]


def test_cli_check_reports_evidence_and_honours_data_dir(cli, tmp_path):
    draft = tmp_path / "seed.txt"
    draft.write_text(SEED.replace("on June 8", "on June 9"), encoding="utf-8")
    status, out, err = cli("check", "--format", "json", "--published", "2018-11-20", "--checks", "reference",
                           str(draft))
    assert status == 1, err  # a contradiction is an error
    findings = {f["text"]: f for f in json.loads(out)["files"][0]["findings"]}
    assert findings["June 9"]["verdict"] == "contradicted" and findings["June 9"]["suggestion"] == "June 8"
    assert findings["June 9"]["details"]["evidence"]["record"] == "soyuz-ms-09"
    (tmp_path / "data" / "missions").mkdir(parents=True)
    status, out, _ = cli("check", "--format", "json", "--published", "2018-11-20", "--checks", "reference",
                         "--data-dir", str(tmp_path / "data"), str(draft))
    assert status == 0
    assert {f["verdict"] for f in json.loads(out)["files"][0]["findings"]} == {"unverified"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # tokens: "MS-1" is no prefix of "MS-11": a designator of a flight the records do not hold
        ("Soyuz MS-1 is not Soyuz MS-11.", [("Soyuz MS-1", "other"), ("Soyuz MS-11", "name")]),
        ("CRS-1010 is garbled; HTV7 or Progress \u041cS-10 (a Cyrillic M)",
         [("CRS-1010", "other"), ("HTV7", "name"), ("Progress \u041cS-10", "name")]),
        ("A Soyuz-FG rocket lifted off from Space Launch Complex 40 at Cape Canaveral",
         [("Space Launch Complex 40", "pad"), ("Cape Canaveral", "site")]),
        ("Work made progress on Nov. 16.", []),  # a lower-case family word is an ordinary word
        ("Serena Aunon-Chancellor and GERST", [("Serena Aunon-Chancellor", "person"), ("GERST", "person")]),
        ("Prokopyev's crew and the Expedition 57 team", [("Prokopyev's crew", "crew"),
                                                         ("Expedition 57 team", "expedition")]),
        ("from Plesetsk Cosmodrome or Wallops Island", [("Plesetsk Cosmodrome", "site"), ("Wallops Island", "site")]),
        ("the S.S. John Young and 71P", [("S.S. John Young", "name"), ("71P", "name")]),
    ],
)
def test_mission_mentions(store, text, expected):
    doc = parse_document(text, markdown=False)
    assert [(m.text, m.kind) for m in claims.mentions(Extraction(doc), store)] == expected


@pytest.mark.parametrize("written, verdict", [
    ("2:28 p.m. EST (1928 GMT)", "supported"),
    ("3:28 p.m. EST (2028 GMT)", "contradicted"),
])
def test_a_time_without_a_date_is_compared_as_a_time_of_day(store, written, verdict):
    # Published two days after the docking: the day of an undated time is a guess, never a reason to contradict.
    text = f"Progress MS-10 docked at {written}."
    found = list(check(text, store, published=date(2018, 11, 20)).values())
    assert [f.verdict for f in found] == [verdict, verdict]
    assert all("time of day" in f.message for f in found)
    if verdict == "contradicted":
        assert found[0].suggestion == "2:28 p.m. EST"


def test_a_scheduled_launch_is_reported_as_a_schedule_and_never_contradicted(tmp_path):
    import shutil

    from orbitcheck.records.store import default_data_dir

    (tmp_path / "missions").mkdir()
    shutil.copy(default_data_dir() / "missions" / "soyuz-ms-11.toml", tmp_path / "missions")
    path = tmp_path / "missions" / "soyuz-ms-11.toml"
    path.write_text(path.read_text().replace('outcome = "success"', 'outcome = "scheduled"\nuncertain = true', 1))
    store = load_store(tmp_path)
    right = check("Soyuz MS-11 will launch Dec. 3.", store)["Dec. 3"]
    assert right.verdict == "supported" and "scheduled for 2018-12-03 11:31:52 UTC, per GCAT" in right.message
    moved = check("Soyuz MS-11 will launch Dec. 5.", store)["Dec. 5"]
    assert moved.verdict == "unverified" and moved.suggestion is None


@pytest.mark.parametrize(
    "text, claim, suggestion",
    [
        ("Soyuz MS-09 landed at 5:02 a.m. Dec. 20 Moscow time.", "5:02 a.m. Dec. 20 Moscow time",
         "8:02 a.m. Dec. 20 Moscow time"),
        ("Soyuz MS-09 landed at 1:02 a.m. EST Dec. 20.", "1:02 a.m. EST Dec. 20", "12:02 a.m. EST Dec. 20"),
        ("Progress MS-10 docked at 19:48 GMT on Nov. 18.", "19:48 GMT on Nov. 18", "19:28 GMT Nov. 18"),
    ],
)
def test_a_wrong_time_is_corrected_in_the_writers_zone_and_order(store, text, claim, suggestion):
    finding = check(text, store, published=date(2018, 12, 21))[claim]  # after both events: not a plan
    assert finding.verdict == "contradicted" and finding.suggestion == suggestion


def test_one_astronauts_name_can_support_but_not_contradict(store):
    filmed = check("Gerst filmed the launch on Nov. 16.", store)["Nov. 16"]
    assert filmed.verdict == "unverified" and filmed.details["link"]["weak"] is True
    assert "only one crew member's name" in filmed.message and filmed.suggestion is None
    assert check("Gerst launched on June 6.", store)["June 6"].verdict == "supported"
    crew = check("Gerst, Auñón-Chancellor and Prokopyev arrived at the station on June 9.", store)["June 9"]
    assert crew.verdict == "contradicted" and crew.details["link"]["weak"] is False


@pytest.mark.parametrize("text, claim", [("Progress MS-10 launched on Nov. 16.", "Nov. 16"),
                                         ("Soyuz MS-11 lifted off at 6:31 a.m. EST Dec. 3.", "6:31 a.m. EST Dec. 3")])
def test_an_inferred_year_is_not_held_against_a_later_article(store, text, claim):
    # Published in 2020: "Nov. 16" resolves to 2020-11-16, but the writer wrote no year.
    assert check(text, store, published=date(2020, 11, 20))[claim].verdict == "supported"
    written = check(text.replace(claim, claim + ", 2019"), store, published=date(2020, 11, 20))
    assert [f.verdict for f in written.values()] == ["contradicted"]  # a year written is a claim


def test_a_former_plan_is_not_contradicted(store):
    moved = check("Soyuz MS-11 was originally scheduled to launch Dec. 20.", store)["Dec. 20"]
    assert moved.verdict == "unverified" and "former plan" in moved.message
    # the seed's "is expected to leave Earth at 6:31 a.m." is a claim: the test above changes it and gets an error


def test_an_area_name_covers_its_neighbour_loosely_and_only_it():
    from orbitcheck.vocabulary.sites import site_table

    table = site_table()
    assert table.covers_loosely("Cape Canaveral", "kennedy") and table.covers_loosely("canaveral", "kennedy")
    # the station's own names are not the area's, and the area covers no other site
    assert not table.covers_loosely("Cape Canaveral Space Force Station", "kennedy")
    assert not table.covers_loosely("Cape Canaveral", "baikonur")
    assert not table.covers_loosely("Kennedy Space Center", "cape-canaveral")


@pytest.mark.parametrize(("text", "published", "claim", "verdict", "suggestion"), [
    # Progress MS-28: 03:20 UTC Aug. 15 at Baikonur, 11:20 p.m. EDT Aug. 14: a piece telling its times in EDT
    ("Coverage began at 11 p.m. EDT. Progress MS-28 lifted off from Baikonur on Aug. 14.", date(2024, 8, 16),
     "Aug. 14", "unverified", None),
    ("Coverage began at 11 p.m. EDT. Progress MS-28 lifted off from Baikonur on Aug. 12.", date(2024, 8, 16),
     "Aug. 12", "contradicted", "Aug. 14"),  # the correction in the draft's own reckoning
    # with no zone of its own the draft's day is UTC's: "Aug. 15", as before
    ("Progress MS-28 lifted off from Baikonur on Aug. 12.", date(2024, 8, 16), "Aug. 12", "contradicted", "Aug. 15"),
    # a UTC time says nothing of the reckoning; STS-89 left at 02:48 UTC Jan. 23 (9:48 p.m. EST Jan. 22)
    ("The window opened at 0240 GMT. STS-89 lifted off on Jan. 21, 1998.", date(1998, 1, 25),
     "Jan. 21, 1998", "contradicted", "Jan. 23, 1998"),
    ("The window opened at 9:40 p.m. EST. STS-89 lifted off on Jan. 21, 1998.", date(1998, 1, 25),
     "Jan. 21, 1998", "contradicted", "Jan. 22, 1998"),
])
def test_a_zoneless_date_is_read_in_the_zone_the_draft_tells_its_times_in(store, text, published, claim, verdict,
                                                                          suggestion):
    finding = check(text, store, published=published)[claim]
    assert (finding.verdict, finding.suggestion) == (verdict, suggestion), finding.message


def test_the_configured_default_zone_is_the_reckoning_of_a_draft_without_zoned_times(store):
    from orbitcheck.checks.context import CheckContext
    from orbitcheck.engine import check_document

    doc = parse_document("Progress MS-28 lifted off from Baikonur on Aug. 14.", markdown=False,
                         published=date(2024, 8, 16))
    report = check_document(doc, checks=["reference"],
                            context=CheckContext(published=doc.published, store=store,
                                                 default_zone="America/New_York"))
    finding = {f.text: f for f in report.findings}["Aug. 14"]
    assert finding.verdict == "unverified" and "America/New_York" in finding.message


@pytest.mark.parametrize(("text", "verdict"), [
    # Baikonur was UTC+6 in 2018 and is UTC+5 since 2024 (zones.toml, Asia/Qyzylorda): a 2025 piece's
    # "Dec. 3" with no year is read in the record's year, and so is the offset of its local time
    ("Soyuz MS-11 lifted off from Baikonur at 5:31 p.m. local time on Dec. 3.", "supported"),
    ("Soyuz MS-11 lifted off from Baikonur at 4:31 p.m. local time on Dec. 3.", "contradicted"),
])
def test_a_yearless_local_time_takes_the_offset_of_the_records_year(store, text, verdict):
    found = check(text, store, published=date(2025, 6, 1))
    claim = next(f for t, f in found.items() if "local time" in t)
    assert claim.verdict == verdict, claim.message
