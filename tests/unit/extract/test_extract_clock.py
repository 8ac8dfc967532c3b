"""Clock-time mentions and time pairs: the forms news copy uses, zones, days, UTC instants."""
from datetime import UTC, date, datetime

import pytest

from orbitcheck.extract.clock import (
    AnchorSource,
    ClockPrecision,
    ClockStyle,
    extract_clock_times,
    extract_time_pairs,
)
from orbitcheck.rewrite.times import format_like
from orbitcheck.text import parse_document

UTC = UTC


def times(text, published=None):
    return extract_clock_times(parse_document(text, published=published))


def pairs(text, published=None):
    return extract_time_pairs(parse_document(text, published=published))


@pytest.mark.parametrize("written, hour, minute, second, precision", [
    ("6:31 a.m. EST", 6, 31, None, ClockPrecision.MINUTE),
    ("6:31am EST", 6, 31, None, ClockPrecision.MINUTE),
    ("1:17pm EDT", 13, 17, None, ClockPrecision.MINUTE),
    ("1.17am GMT", 1, 17, None, ClockPrecision.MINUTE),
    ("12.01 PM IST", 12, 1, None, ClockPrecision.MINUTE),
    ("12:52AM", 0, 52, None, ClockPrecision.MINUTE),
    ("5 p.m. EST", 17, 0, None, ClockPrecision.HOUR),
    ("noon EDT", 12, 0, None, ClockPrecision.HOUR),
    ("midnight GMT", 0, 0, None, ClockPrecision.HOUR),
    ("1131 GMT", 11, 31, None, ClockPrecision.MINUTE),
    ("0248 GMT", 2, 48, None, ClockPrecision.MINUTE),
    ("11:31 UTC", 11, 31, None, ClockPrecision.MINUTE),
    ("1814:08 GMT", 18, 14, 8, ClockPrecision.SECOND),
    ("18:14:08", 18, 14, 8, ClockPrecision.SECOND),
    ("21:14 Moscow time", 21, 14, None, ClockPrecision.MINUTE),
    ("5:31 p.m. Baikonur time", 17, 31, None, ClockPrecision.MINUTE),
])
def test_clock_forms(written, hour, minute, second, precision):
    text = f"The launch is at {written} on the pad."
    (mention,) = times(text)
    written_as = (mention.hour, mention.minute, mention.second, mention.precision)
    assert written_as == (hour, minute, second, precision)
    assert mention.text == written and text[mention.span.start:mention.span.end] == written


@pytest.mark.parametrize("text", [
    "It weighs 1.17 tonnes.", "The year 2018 was busy.", "Call 1131 now.", "It rose 3.5 percent at 1,131 m.",
    "A (6min 43sec file) is attached.", "Averaged over a duration (1951-1980).",
])
def test_not_clock_times(text):
    assert times(text) == ()


def test_zones_resolve_with_history():
    (msk,) = times("Docking at 21:14 Moscow time on March 26, 2014.")
    assert msk.utc == datetime(2014, 3, 26, 17, 14, tzinfo=UTC)  # Moscow was UTC+4 in 2014
    (baik_2018,) = times("Launch at 5:31 p.m. Baikonur time Dec. 3, 2018.")
    assert baik_2018.utc == datetime(2018, 12, 3, 11, 31, tzinfo=UTC)  # UTC+6 until 2018-12-21
    (baik_2019,) = times("Launch at 5:31 p.m. Baikonur time March 14, 2019.")
    assert baik_2019.utc == datetime(2019, 3, 14, 12, 31, tzinfo=UTC)  # UTC+5 after


def test_est_is_new_york_standard_time_not_panama():
    (est,) = times("Launch at 6:31 a.m. EST Dec. 3, 2018.")
    assert est.zone.entry.zone == "America/New_York" and est.zone.entry.daylight is False
    assert est.utc == datetime(2018, 12, 3, 11, 31, tzinfo=UTC)


def test_local_time_takes_the_zone_of_the_place_named():
    (local,) = times("The Soyuz left Baikonur at 5:31 p.m. local time on Dec. 3, 2018.")
    assert local.zone.entry.zone == "Asia/Qyzylorda"
    (unknown,) = times("It left at 5:31 p.m. local time.")
    assert unknown.zone.readings == () and unknown.utc is None


def test_ambiguous_abbreviations_keep_every_reading_unless_the_text_decides():
    (ist,) = times("Signal at 12.01 PM IST.")
    assert len(ist.zone.readings) == 3 and ist.zone.entry is None
    (india,) = times("ISRO said the signal came at 12.01 PM IST.")
    assert india.zone.entry.zone == "Asia/Kolkata"
    (china,) = times("The Long March rose at 10:43 CST.")
    assert china.zone.entry.zone == "Asia/Shanghai"


def test_seed_pair_is_found_and_dated():
    text = "The Soyuz launches at 6:31 a.m. EST Dec. 3 (1131 GMT) from Baikonur."
    (pair,) = pairs(text, published=date(2018, 11, 20))
    assert pair.text == "6:31 a.m. EST Dec. 3 (1131 GMT)"
    (first,), ((gmt,),) = pair.first, pair.others
    assert first.day.date == date(2018, 12, 3) and first.anchor_source is AnchorSource.WRITTEN
    assert first.utc == gmt.utc == datetime(2018, 12, 3, 11, 31, tzinfo=UTC)
    assert gmt.anchor_source is AnchorSource.PAIR and gmt.style is ClockStyle.HHMM


def test_ranges_and_triples():
    (rng,) = pairs("The window is 7:43-9:43 a.m. EDT (1143-1343 GMT) on Aug. 12, 2005.")
    assert [(m.hour, m.minute) for m in rng.first] == [(7, 43), (9, 43)]
    assert [(m.hour, m.minute) for m in rng.others[0]] == [(11, 43), (13, 43)]
    (triple,) = pairs("Liftoff is 9:30 a.m. EDT (1330 GMT, 6:30 a.m. PDT) on July 1, 2019.")
    assert [o[0].zone.text for o in triple.others] == ["GMT", "PDT"]
    (slash,) = pairs("It flew at 16:33 EDT (20:33 GMT / 21:33 BST) on May 27, 2020.")
    assert len(slash.others) == 2


def test_days_inside_the_pair():
    (p,) = pairs("Launch was 11:09 p.m. EDT Wednesday (0309 GMT Thursday).", published=date(2013, 9, 25))
    assert p.others[0][0].day.weekday == 3 and p.first[0].day.weekday == 2
    (q,) = pairs("Launch was 9:20 p.m. EDT (0120 March 12 GMT).", published=date(2009, 3, 11))
    assert q.others[0][0].day.date == date(2009, 3, 12)
    (r,) = pairs("Launch was 0255 GMT (9:55 p.m. EST Sat.).", published=date(2009, 12, 6))
    assert r.others[0][0].local_date == date(2009, 12, 5)


def test_hedge_is_kept():
    (p,) = pairs("It lands at 5:57 p.m. US Eastern (around 3 a.m. Wednesday in India).")
    assert p.others[0][0].hedge == "around"


@pytest.mark.parametrize("text", [
    "at 11:26:46 a.m. EDT (GMT-4) today", "at 10:46 a.m. EST (GMT-5) today", "at 12:52AM (May 31st) today",
    "at 7:48pm ET (Wednesday) today", "at 6:00 PM (Eastern) today", "the page (Updated 3:24 pm) today",
])
def test_not_pairs(text):
    assert pairs(text, published=date(2020, 5, 1)) == ()


@pytest.mark.parametrize("written, hour, minute, expected", [
    ("1231 GMT", 11, 31, "1131"), ("11:31 UTC", 9, 5, "09:05"), ("6:31 a.m. EST", 18, 31, "6:31 p.m."),
    ("1.17am GMT", 21, 17, "9.17pm"), ("12.01 PM IST", 0, 1, "12.01 AM"), ("5 p.m. EST", 16, 0, "4 p.m."),
    ("5 p.m. EST", 16, 30, "4:30 p.m."), ("noon EDT", 12, 0, "noon"),
])
def test_format_like_the_writer(written, hour, minute, expected):
    (mention,) = times(f"At {written} it flew.")
    assert format_like(mention, hour, minute) == expected


def test_no_break_spaces_as_typeset_copy_uses_them():
    text = "Liftoff is at 6:31\u00a0a.m.\u00a0EST Dec.\u00a03 (1131\u202fGMT) from around\u00a0noon."
    (pair,) = pairs(text, published=date(2018, 11, 20))
    assert pair.first[0].zone.text == "EST" and pair.others[0][0].zone.text == "GMT"
    assert pair.first[0].utc == pair.others[0][0].utc
