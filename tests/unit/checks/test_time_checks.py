"""time-pair, zone-abbreviation and weekday-date on the seed article and on sentences of our own."""
from __future__ import annotations

import json
from datetime import date

import pytest

from orbitcheck.engine import check_text
from orbitcheck.errors import InputError
from orbitcheck.model import Severity, Verdict

SEED_PATH = "tests/data/seed/progress-ms-10-timelapse.txt"
PUBLISHED = date(2018, 11, 20)
SEED_PAIR = "6:31 a.m. EST Dec. 3 (1131 GMT)"
TIME_CHECKS = ["time-pair", "zone-abbreviation", "weekday-date"]


@pytest.fixture
def seed(data_dir) -> str:
    return (data_dir / "seed" / "progress-ms-10-timelapse.txt").read_text(encoding="utf-8")


def check(text, published=None, checks=TIME_CHECKS, **kw):
    return check_text(text, published=published, checks=checks, markdown=False, **kw).findings


def flagged(findings):
    return [f for f in findings if f.verdict is Verdict.INCONSISTENT or f.severity is not Severity.INFO]


def only(findings, check_id):
    found = [f for f in findings if f.check == check_id]
    assert len(found) == 1, found
    return found[0]


# --- the seed article ---------------------------------------------------------------------------------

def test_seed_pair_is_found_and_consistent(seed):
    findings = check(seed, PUBLISHED)
    pair = only(findings, "time-pair")
    assert pair.text == SEED_PAIR and seed[pair.start:pair.end] == SEED_PAIR
    assert pair.verdict is Verdict.CONSISTENT
    (side,) = pair.details["sides"]
    assert side["first_utc"] == side["other_utc"] == "2018-12-03T11:31:00Z"
    assert side["first_zone"]["zone"] == "America/New_York" and side["first_zone"]["daylight"] is False
    assert only(findings, "zone-abbreviation").verdict is Verdict.CONSISTENT
    assert flagged(findings) == []


def test_seed_with_gmt_an_hour_late_is_an_error(seed):
    findings = check(seed.replace("(1131 GMT)", "(1231 GMT)"), PUBLISHED)
    pair = only(findings, "time-pair")
    assert pair.verdict is Verdict.INCONSISTENT and pair.severity is Severity.ERROR
    assert pair.suggestion == "1131 GMT"
    (side,) = pair.details["sides"]
    assert (side["first_utc"], side["other_utc"]) == ("2018-12-03T11:31:00Z", "2018-12-03T12:31:00Z")
    assert side["difference_minutes"] == 60


def test_seed_with_edt_gets_a_daylight_time_warning(seed):
    findings = check(seed.replace("a.m. EST", "a.m. EDT"), PUBLISHED)
    warning = only(findings, "zone-abbreviation")
    assert warning.severity is Severity.WARNING and warning.verdict is Verdict.INCONSISTENT
    assert warning.suggestion == "EST" and warning.details["date"] == "2018-12-03"


def test_seed_weekdays(seed):
    right = seed.replace("launch on Nov. 16", "launch on Friday, Nov. 16")
    assert only(check(right, PUBLISHED), "weekday-date").verdict is Verdict.CONSISTENT
    wrong = seed.replace("launch on Nov. 16", "launch on Thursday, Nov. 16")
    finding = only(check(wrong, PUBLISHED), "weekday-date")
    assert finding.verdict is Verdict.INCONSISTENT and finding.suggestion == "Friday"
    assert finding.details["year_source"] == "published"


def test_seed_through_the_cli(cli, data_dir):
    status, out, err = cli("check", "--format", "json", "--published", "2018-11-20",
                           "--checks", "time-pair,zone-abbreviation",
                           str(data_dir / "seed" / "progress-ms-10-timelapse.txt"))
    assert status == 0 and "error" not in err
    findings = json.loads(out)["files"][0]["findings"]
    pair = next(f for f in findings if f["check"] == "time-pair")
    assert pair["text"] == SEED_PAIR and pair["verdict"] == "consistent" and pair["line"] == 9


# --- time-pair -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, published", [
    ("Docking came at 1.17am Moscow time on Wednesday (9.17pm GMT on Tuesday).", "2014-03-26"),
    ("Launch from Baikonur is at 5:31 p.m. Baikonur time (1131 GMT) on Dec. 3, 2018.", None),
    ("Launch from Baikonur is at 5:31 p.m. Baikonur time (1231 GMT) on March 14, 2019.", None),
    ("Liftoff is 9:30 a.m. EDT (1330 GMT, 6:30 a.m. PDT) on July 1, 2019.", None),
    ("Ignition was at 1814:08 GMT (1:14:08 p.m. EST) on Dec. 3, 2018.", None),
    ("The signal came at 12.01 PM IST (0631 GMT) on June 25, 2025.", None),
    ("Landing at 11:09 p.m. EDT Wednesday (0309 GMT Thursday).", "2013-09-25"),
    ("It launches at noon EDT (1600 GMT) on July 4, 2019.", None),
    ("The burn starts at 18:14:08 UTC (13:14 EST) on Dec. 3, 2018.", None),
])
def test_consistent_pairs(text, published):
    pair = only(check(text, date.fromisoformat(published) if published else None), "time-pair")
    assert pair.verdict is Verdict.CONSISTENT, pair.message


def test_zone_history_decides_the_verdict():
    # Moscow was UTC+4 in 2014: 01:17 MSK was 21:17 GMT, not 22:17.
    wrong = only(check("It docked at 1:17 a.m. Moscow time (2217 GMT) on March 26, 2014."), "time-pair")
    assert wrong.verdict is Verdict.INCONSISTENT and wrong.suggestion == "2117 GMT"
    # Baikonur moved from UTC+6 to UTC+5 on 2018-12-21.
    late = only(check("Launch is at 5:31 p.m. Baikonur time (1131 GMT) on March 14, 2019."), "time-pair")
    assert late.verdict is Verdict.INCONSISTENT and late.suggestion == "1231 GMT"


def test_triple_with_one_wrong_side():
    pair = only(check("Liftoff is 9:30 a.m. EDT (1330 GMT, 7:30 a.m. PDT) on July 1, 2019."), "time-pair")
    assert pair.verdict is Verdict.INCONSISTENT and pair.suggestion == "6:30 a.m. PDT"
    assert [s["outcome"] for s in pair.details["sides"]] == ["same", "different"]


def test_range_with_a_wrong_end():
    pair = only(check("The window is 7:43-9:43 a.m. EDT (1143-1443 GMT) on Aug. 12, 2005."), "time-pair")
    assert pair.verdict is Verdict.INCONSISTENT and pair.suggestion == "1343 GMT"


def test_wrong_day_in_the_parenthesis():
    pair = only(check("Landing is 11:09 p.m. EDT Wednesday, Sept. 25, 2013 (0309 GMT Friday)."), "time-pair")
    assert pair.verdict is Verdict.INCONSISTENT and pair.suggestion == "0309 GMT Thursday"
    assert pair.details["sides"][0]["day_wrong"] is True


def test_ambiguous_abbreviation_is_resolved_by_the_other_side_or_left_ambiguous():
    # IST read as India Standard Time fits; Irish and Israel readings do not: consistent, India used.
    pair = only(check("The probe woke at 2:31 a.m. EDT (12.01 PM IST) on June 25, 2025."), "time-pair")
    assert pair.verdict is Verdict.CONSISTENT
    assert pair.details["sides"][0]["other_zone"]["zone"] == "Asia/Kolkata"
    # "local time" with no place named: the zone is unknown, so never wrong.
    unknown = only(check("It left at 9:51 p.m. EDT (7:51 a.m. local time) on April 24, 2020."), "time-pair")
    assert unknown.verdict is Verdict.AMBIGUOUS and unknown.severity is Severity.INFO


def test_civil_time_without_any_date_is_ambiguous_but_stated_offsets_still_convert():
    undated = only(check("Liftoff is 2:45 pm Eastern time (11:45 am Pacific time)."), "time-pair")
    assert undated.verdict is Verdict.AMBIGUOUS
    stated = only(check("Liftoff is 6:40 p.m. EDT (2340 UTC)."), "time-pair")
    assert stated.verdict is Verdict.INCONSISTENT and stated.suggestion == "2240 UTC"


def test_hedged_time_widens_the_tolerance():
    text = "It lands at 5:57 p.m. US Eastern (around 3:30 a.m. Wednesday in India)."
    assert only(check(text, date(2025, 3, 18)), "time-pair").verdict is Verdict.CONSISTENT
    off = only(check(text.replace("3:30", "4:30"), date(2025, 3, 18)), "time-pair")
    assert off.verdict is Verdict.INCONSISTENT


def test_default_zone_applies_to_times_written_without_one():
    text = "Liftoff is at 6:31 a.m. (1131 GMT) on Dec. 3, 2018."
    assert only(check(text), "time-pair").verdict is Verdict.AMBIGUOUS
    right = only(check(text, default_zone="America/New_York"), "time-pair")
    assert right.verdict is Verdict.CONSISTENT
    wrong = only(check(text, default_zone="Europe/Paris"), "time-pair")
    assert wrong.verdict is Verdict.INCONSISTENT
    with pytest.raises(InputError, match="IANA"):
        check(text, default_zone="Mars/Olympus_Mons")


@pytest.mark.parametrize("text", [
    "The update came at 11:26:46 a.m. EDT (GMT-4) on May 5, 2020.",
    "The update came at 10:46 a.m. EST (GMT-5) on Jan. 5, 2020.",
    "The stream starts 12:52AM (May 31st) for viewers.",
    "The stream starts 7:48pm ET (Wednesday) for viewers.",
    "The stream starts 6:00 PM (Eastern) for viewers.",
    "Crew safe, NASA says (Updated 3:24 pm) after the abort.",
    "The clip (6min 43sec file) shows the burn.",
    "It weighs 1.17 tonnes (1,170 kg) in orbit.",
])
def test_no_false_alarm_on_forms_that_are_not_pairs(text):
    findings = check(text, date(2020, 5, 20))
    assert [f for f in findings if f.check == "time-pair"] == [] and flagged(findings) == []


# --- zone-abbreviation --------------------------------------------------------------------------------

def test_lone_time_with_the_wrong_abbreviation():
    warning = only(check("Launch is at 6:31 a.m. EDT Dec. 3.", PUBLISHED), "zone-abbreviation")
    assert warning.severity is Severity.WARNING and warning.suggestion == "EST"
    summer = only(check("Launch is at 9:30 a.m. PST on July 1, 2019."), "zone-abbreviation")
    assert summer.suggestion == "PDT"
    phrase = only(check("Launch is at 9:30 a.m. Eastern Standard Time on July 1, 2019."), "zone-abbreviation")
    assert phrase.suggestion == "Eastern Daylight Time"
    europe = only(check("Landing is at 23:12 CET on Sept. 27, 2021."), "zone-abbreviation")
    assert europe.suggestion == "CEST"


def test_wrong_abbreviation_in_a_consistent_pair_still_warns():
    findings = check("Liftoff was 4:33pm EST (2133 GMT) on May 27, 2020.")
    assert only(findings, "time-pair").verdict is Verdict.CONSISTENT
    assert only(findings, "zone-abbreviation").suggestion == "EDT"


def test_publication_date_near_a_clock_change_is_not_trusted():
    # Published Oct. 30; the event may well be after Nov. 3, when New York falls back: no warning.
    near = only(check("Launch is at 6:31 a.m. EST from Florida.", date(2019, 10, 30)), "zone-abbreviation")
    assert near.verdict is Verdict.AMBIGUOUS and near.severity is Severity.INFO
    far = only(check("Launch is at 6:31 a.m. EST from Florida.", date(2019, 7, 1)), "zone-abbreviation")
    assert far.verdict is Verdict.INCONSISTENT


@pytest.mark.parametrize("published, verdict", [
    (date(2020, 3, 9), Verdict.AMBIGUOUS),      # the clocks changed Mar. 8: Friday's 11:50 p.m. EST is 04:50 UTC
    (date(2020, 3, 13), Verdict.INCONSISTENT),  # five days after the change: EDT, an hour off
    (date(2020, 7, 1), Verdict.INCONSISTENT),   # summer: EDT, an hour off
])
def test_a_pair_dated_by_publication_near_a_clock_change_is_not_faulted(published, verdict):
    pair = only(check("Liftoff came at 11:50 p.m. Eastern time (04:50 UTC).", published), "time-pair")
    assert pair.verdict is verdict
    if verdict is Verdict.AMBIGUOUS:
        assert "clocks" in pair.message and pair.severity is Severity.INFO


def test_a_slip_other_than_the_clock_change_is_still_wrong_near_it():
    pair = only(check("Liftoff came at 11:50 p.m. Eastern time (06:50 UTC).", date(2020, 3, 9)), "time-pair")
    assert pair.verdict is Verdict.INCONSISTENT


def test_the_date_nearest_before_in_the_sentence_anchors_the_time():
    text = "On Nov. 5, 2019, the launch is at 6:31 a.m. EST. On July 1, 2019 the first attempt came."
    assert only(check(text, date(2019, 7, 2)), "zone-abbreviation").verdict is Verdict.CONSISTENT


def test_no_date_no_zone_finding():
    assert [f for f in check("Launch is at 6:31 a.m. EDT.") if f.check == "zone-abbreviation"] == []


# --- weekday-date ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, verdict, suggestion, severity", [
    ("It launched Friday, Nov. 16, 2018.", None, Verdict.CONSISTENT, None, Severity.INFO),
    ("It launched Saturday, Nov. 16, 2018.", None, Verdict.INCONSISTENT, "Friday", Severity.ERROR),
    ("It launched Sat., Nov. 16, 2018.", None, Verdict.INCONSISTENT, "Fri.", Severity.ERROR),
    ("It launches Thurs., Dec. 3.", PUBLISHED, Verdict.INCONSISTENT, "Mon.", Severity.WARNING),
    ("It launches Monday, Dec. 3.", PUBLISHED, Verdict.CONSISTENT, None, Severity.INFO),
    ("It launches Monday, Dec. 3.", None, Verdict.AMBIGUOUS, None, Severity.INFO),
    ("It launched on Friday, 16 November 2018.", None, Verdict.CONSISTENT, None, Severity.INFO),
])
def test_weekday_date(text, published, verdict, suggestion, severity):
    finding = only(check(text, published), "weekday-date")
    assert (finding.verdict, finding.suggestion, finding.severity) == (verdict, suggestion, severity)


def test_a_weekday_alone_is_not_checked():
    assert check("It launched on Friday.", PUBLISHED, checks=["weekday-date"]) == ()


def test_roll_over_words_in_the_parenthesis():
    right = "Docking is at 11:09 p.m. EDT on Sept. 25, 2013 (0309 GMT the next day)."
    assert only(check(right), "time-pair").verdict is Verdict.CONSISTENT
    rolled = "Docking is at 8:09 p.m. EDT on Sept. 25, 2013 (0009 GMT the next day)."
    assert only(check(rolled), "time-pair").verdict is Verdict.CONSISTENT  # 00:09 GMT is the 26th
    same_day = "Docking is at 6:09 p.m. EDT on Sept. 25, 2013 (2209 GMT the next day)."
    finding = only(check(same_day), "time-pair")
    assert finding.verdict is Verdict.INCONSISTENT and finding.details["sides"][0]["day_wrong"] is True


@pytest.mark.parametrize("text", [
    "The burn starts at 12 noon EDT (1600 GMT) on July 4, 2019.",
    "The burn starts at 1600Z (noon EDT) on July 4, 2019.",
    "The burn starts at 16:00 Zulu (12:00 EDT) on July 4, 2019.",
    "The burn starts at midnight GMT (8 p.m. EDT) on July 4, 2019.",
])
def test_noon_midnight_and_zulu(text):
    assert only(check(text), "time-pair").verdict is Verdict.CONSISTENT


def test_ranges_of_bare_hours_and_uneven_ranges():
    right = only(check("The window runs 9 to 11 a.m. PDT (1600-1800 GMT) on July 1, 2019."), "time-pair")
    assert right.verdict is Verdict.CONSISTENT and len(right.details["sides"]) == 2
    wrong = only(check("The window runs 9-11 a.m. PDT (1700-1800 GMT) on July 1, 2019."), "time-pair")
    assert wrong.verdict is Verdict.INCONSISTENT and wrong.suggestion == "1600"
    uneven = only(check("The window opens at 11 a.m. PDT (1600-1800 GMT) on July 1, 2019."), "time-pair")
    assert uneven.verdict is Verdict.AMBIGUOUS


@pytest.mark.parametrize("text, suggestion", [
    ("Launch is 9:20 p.m. EDT March 11, 2009 (0120 March 11 GMT).", "0120 March 12 GMT"),
    ("Launch is 11:35 p.m. EDT Wednesday, June 29, 2011 (0335 GMT Wed.).", "0335 GMT Thurs."),
    ("Launch is 11:35 p.m. EDT Wednesday, June 29, 2011 (0335 GMT Wednesday).", "0335 GMT Thursday"),
])
def test_wrong_day_is_corrected_the_writers_way(text, suggestion):
    finding = only(check(text), "time-pair")
    assert finding.verdict is Verdict.INCONSISTENT and finding.suggestion == suggestion


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_publication_dates_off_the_calendar_resolve_nothing(published):
    text = "Launch is Sat., Dec. 3 at 6:31 a.m. EST (1131 GMT), or Friday at midnight GMT (the next day)."
    findings = check(text, published)
    assert flagged(findings) == []
    assert only(findings, "weekday-date").verdict is Verdict.AMBIGUOUS


def test_a_date_written_after_the_time_is_only_a_guess_for_the_daylight_check():
    moved = "The launch at 6:31 a.m. EST was scrubbed and moved to July 1."
    finding = only(check(moved, date(2019, 1, 10)), "zone-abbreviation")
    assert finding.verdict is Verdict.AMBIGUOUS and finding.details["date_source"] == "after"
    summer = "The launch is at 6:31 a.m. EST, weather permitting, on July 1."
    assert only(check(summer, date(2019, 6, 28)), "zone-abbreviation").verdict is Verdict.INCONSISTENT


@pytest.mark.parametrize("zone, verdict", [("EST", Verdict.CONSISTENT), ("EDT", Verdict.INCONSISTENT)])
def test_the_utc_side_of_a_pair_dates_the_abbreviation(zone, verdict):
    # A week before New York springs forward: the publication date alone cannot settle EST or EDT, but the
    # parenthesised UTC side writes its own date (March 3, 04:16 GMT is March 2, 11:16 p.m. in New York).
    text = f"The flight now lifts off Saturday at 11:16 p.m. {zone} (0416 March 3 GMT)."
    found = only(check(text, date(2024, 2, 29)), "zone-abbreviation")
    assert found.verdict is verdict
    assert found.details["date"] == "2024-03-02"


def test_a_utc_side_with_another_clock_time_does_not_date_the_abbreviation():
    # 0516 GMT is not 11:16 p.m. in New York on either reading: the side dates nothing, the guess stays a guess
    found = only(check("The flight now lifts off Saturday at 11:16 p.m. EST (0516 March 3 GMT).", date(2024, 2, 29)),
                 "zone-abbreviation")
    assert found.verdict is Verdict.AMBIGUOUS
