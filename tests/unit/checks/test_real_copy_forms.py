"""Issue 15: the forms and rules real copy uses, each class with a consistent and an inconsistent example.

Every sentence is our own; each stands for a class of writing seen in published copy (the real spans are in
tests/data/corpus/real_pairs.jsonl, scored by tests/corpus/test_real_corpus.py).
"""
from __future__ import annotations

import pytest

from orbitcheck.engine import check_text

CONSISTENT, INCONSISTENT, AMBIGUOUS = "consistent", "inconsistent", "ambiguous"


def _verdicts(text: str, check: str, published: str | None = None) -> list[str]:
    from datetime import date
    day = date.fromisoformat(published) if published else None
    return [str(f.verdict) for f in check_text(text, checks=[check], published=day).findings]


UNIT_CASES = [
    # A hedge before the whole pair applies to both sides: the conversion is of the figure as written.
    ("hedge-before-pair-bound", "The probe moves at more than 9,000 mph (14,500 km/h) at perihelion.", CONSISTENT),
    ("hedge-before-pair-bound", "The probe moves at more than 9,000 mph (19,000 km/h) at perihelion.", INCONSISTENT),
    # ... and a bound inside one side keeps its meaning.
    ("hedge-inside-side", "The crater is 10 kilometers (more than six miles) wide.", CONSISTENT),
    ("hedge-inside-side", "The crater is 10 kilometers (more than nine miles) wide.", INCONSISTENT),
    # A hedge does not widen the arithmetic.
    ("hedge-no-widening", "The lander weighs about 3,412 pounds (1,548 kg) fuelled.", CONSISTENT),
    ("hedge-no-widening", "The lander weighs about 3,412 pounds (1,563 kg) fuelled.", INCONSISTENT),
    # An open bound does not make every temperature reading fit.
    ("bound-temperature", "Days there reach up to 86 degrees F (30 degrees C) in summer.", CONSISTENT),
    ("bound-temperature", "Days there reach up to 86 degrees F (38 degrees C) in summer.", INCONSISTENT),
    # "76.000" may be a European thousands point.
    ("dot-thousands", "Each engine gives 340 kN (76.000 lbf) at sea level.", CONSISTENT),
    ("dot-thousands", "Each engine gives 340 kN (96.000 lbf) at sea level.", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), UNIT_CASES, ids=[f"{c[0]}-{c[2]}" for c in UNIT_CASES])
def test_unit_pair_forms(form, text, expected):
    assert _verdicts(text, "unit-pair") == [expected]


def test_a_figure_glued_to_another_is_not_read():
    assert _verdicts("The span was 2.8 one billion miles (4.5 billion km) by then.", "unit-pair") == []


# The zone as a phrase (published 2024-06-01: Baikonur is UTC+5, Texas CDT, Kourou UTC-3, Berlin CEST).
TIME_CASES = [
    ("local-place-time", "Liftoff is at 9:15 a.m. local Texas time (1415 GMT) today.", CONSISTENT),
    ("local-place-time", "Liftoff is at 9:15 a.m. local Texas time (1515 GMT) today.", INCONSISTENT),
    ("place-time", "Liftoff is at 4:05 p.m. Kazakhstan time (1105 GMT) today.", CONSISTENT),
    ("place-time", "Liftoff is at 4:05 p.m. Kazakhstan time (1205 GMT) today.", INCONSISTENT),
    ("in-place-time", "Liftoff is at 3:10 p.m. in Baikonur time (1010 GMT) today.", CONSISTENT),
    ("in-place-time", "Liftoff is at 3:10 p.m. in Baikonur time (0910 GMT) today.", INCONSISTENT),
    ("in-place", "Liftoff is at 1010 GMT (3:10 p.m. in Baikonur) today.", CONSISTENT),
    ("in-place", "Liftoff is at 1010 GMT (4:10 p.m. in Baikonur) today.", INCONSISTENT),
    ("in-abbreviation", "Liftoff is at 2 p.m. in BST (1300 GMT) today.", CONSISTENT),
    ("in-abbreviation", "Liftoff is at 2 p.m. in BST (1400 GMT) today.", INCONSISTENT),
    ("local-time-in-place", "Liftoff is at 1300 GMT (10:00 a.m. local time in Kourou) today.", CONSISTENT),
    ("local-time-in-place", "Liftoff is at 1300 GMT (11:00 a.m. local time in Kourou) today.", INCONSISTENT),
    ("local-time-at-site", "From Kourou: 1300 GMT (10:00 a.m. local time at the launch site) today.", CONSISTENT),
    ("local-time-at-site", "From Kourou: 1300 GMT (9:00 a.m. local time at the launch site) today.", INCONSISTENT),
    ("local-time-at-site", "Liftoff is at 1300 GMT (11:50 p.m. local time at the launch site) today.", AMBIGUOUS),
    ("phrase-then-time", "Liftoff is at 8 a.m. US Central Time (1300 GMT) today.", CONSISTENT),
    ("phrase-then-time", "Liftoff is at 8 a.m. US Central Time (1400 GMT) today.", INCONSISTENT),
    ("phrase-then-abbreviation", "Liftoff is at 10 p.m. Japan Standard Time JST (1300 GMT) today.", CONSISTENT),
    ("phrase-then-abbreviation", "Liftoff is at 10 p.m. Japan Standard Time JST (1200 GMT) today.", INCONSISTENT),
    ("country-time", "Liftoff is at 3 p.m. Germany time (1300 GMT) today.", CONSISTENT),
    ("country-time", "Liftoff is at 3 p.m. Germany time (1400 GMT) today.", INCONSISTENT),
    ("capitalisation", "Liftoff is at 4 p.m. Moscow Time (1300 GMT) today.", CONSISTENT),
    ("capitalisation", "Liftoff is at 4 p.m. MOSCOW TIME (1400 GMT) today.", INCONSISTENT),
    # A place named as another side's zone ("Moscow time") is no place for "local time".
    ("zone-place-not-local", "Liftoff is at 8:40 a.m. local time (6:40 a.m. Moscow time) today.", AMBIGUOUS),
]


@pytest.mark.parametrize(("form", "text", "expected"), TIME_CASES, ids=[f"{c[0]}-{c[2]}" for c in TIME_CASES])
def test_time_pair_zone_phrases(form, text, expected):
    assert _verdicts(text, "time-pair", "2024-06-01") == [expected]


# Inside the parentheses: fillers, a day or an offset first, "and", slashes without spaces, an aside.
PAREN_CASES = [
    ("filler-and-aside", "Liftoff is at 1300 GMT (that's 2 p.m. BST for readers in Britain) today.", CONSISTENT),
    ("filler-and-aside", "Liftoff is at 1300 GMT (that's 3 p.m. BST for readers in Britain) today.", INCONSISTENT),
    ("filler-or", "From Florida liftoff is at 1300 GMT (or 0900 local time) today.", CONSISTENT),
    ("filler-or", "From Florida liftoff is at 1300 GMT (or 0800 local time) today.", INCONSISTENT),
    ("date-first", "Liftoff is at 1300 GMT (June 1, 6:30 p.m. IST) today.", CONSISTENT),
    ("date-first", "Liftoff is at 1300 GMT (June 1, 7:30 p.m. IST) today.", INCONSISTENT),
    ("weekday-first", "On June 1, 2024 liftoff is at 1300 GMT (Saturday, 10 p.m. JST).", CONSISTENT),
    ("weekday-first", "On June 1, 2024 liftoff is at 1300 GMT (Sunday, 10 p.m. JST).", INCONSISTENT),
    ("offset-first", "Liftoff is at 9 a.m. EDT (GMT-4; 1300 GMT) today.", CONSISTENT),
    ("offset-first", "Liftoff is at 9 a.m. EDT (GMT-4; 1400 GMT) today.", INCONSISTENT),
    ("and-joined", "Liftoff is at 0340 GMT (11:40 a.m. Beijing time and 4:40 a.m. BST) on June 1.", CONSISTENT),
    ("and-joined", "Liftoff is at 0340 GMT (11:40 a.m. Beijing time and 5:40 a.m. BST) on June 1.", INCONSISTENT),
    ("slash-list", "On Dec. 15, 2015 it was 11am GMT (12pm CET/6am ET/3am PT).", CONSISTENT),
    ("slash-list", "On Dec. 15, 2015 it was 11am GMT (12pm CET/7am ET/3am PT).", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), PAREN_CASES, ids=[f"{c[0]}-{c[2]}" for c in PAREN_CASES])
def test_time_pair_parenthesis_forms(form, text, expected):
    assert _verdicts(text, "time-pair", "2024-06-01") == [expected]


def test_an_aside_without_a_second_time_is_no_pair():
    assert _verdicts("The move (at 3:24 pm EDT for now) was made.", "time-pair", "2024-06-01") == []


# Pairs without parentheses, time styles, brackets and ranges with a meridiem on each time (issue 15,
# priorities 1-3). Published 2024-06-01 unless the sentence writes its own date.
NO_PAREN_CASES = [
    ("which-is", "The launch is at 9 a.m. ET, which is 2 p.m. BST, on Saturday.", CONSISTENT),
    ("which-is", "The launch is at 9 a.m. ET, which is 3 p.m. BST, on Saturday.", INCONSISTENT),
    ("comma-or-local-in-place", "Liftoff is 1400 GMT, or 1100 local time in Kourou.", CONSISTENT),
    ("comma-or-local-in-place", "Liftoff is 1400 GMT, or 1200 local time in Kourou.", INCONSISTENT),
    ("spaced-slash", "Docking is due at 14:05 BST / 15:05 CEST on Saturday.", CONSISTENT),
    ("spaced-slash", "Docking is due at 14:05 BST / 16:05 CEST on Saturday.", INCONSISTENT),
    ("dash-thats", "Coverage opens at 4:10 p.m. ET – that's 9:10 p.m. UK time.", CONSISTENT),
    ("dash-thats", "Coverage opens at 4:10 p.m. ET – that's 10:10 p.m. UK time.", INCONSISTENT),
    ("date-then-slash", "The probe left on February 18, 2017 10:01 EST / 15:01 UTC from the Cape.", CONSISTENT),
    ("date-then-slash", "The probe left on February 18, 2017 10:01 EST / 14:01 UTC from the Cape.", INCONSISTENT),
    ("converts-to-date", "Liftoff is May 27, 2020, at 1:33 pm PT that converts to May 28, 2020, at 2:03 am IST.",
     CONSISTENT),
    ("converts-to-date", "Liftoff is May 27, 2020, at 1:33 pm PT that converts to May 28, 2020, at 3:03 am IST.",
     INCONSISTENT),
    ("unspaced-slash", "The burn starts at 6:18am ET/10:18 UTC on Saturday.", CONSISTENT),
    ("unspaced-slash", "The burn starts at 6:18am ET/11:18 UTC on Saturday.", INCONSISTENT),
    ("comma-list", "Watch at 3am AEDT, 2:30am ACDT, 2am AEST and 12am AWST on Jan. 10.", CONSISTENT),
    # A bare list is confirmed when the times agree, never faulted: they may be different events.
    ("comma-list", "Watch at 3am AEDT, 2:30am ACDT, 1am AEST and 12am AWST on Jan. 10.", AMBIGUOUS),
    ("comma-list", "Briefings are at 11 a.m. EDT, 1 p.m. CDT and 4 p.m. PDT on different days.", AMBIGUOUS),
    ("paren-then-or", "Launch is at 8 a.m. EDT (1200 GMT), or 7 a.m. CDT, on Saturday.", CONSISTENT),
    ("paren-then-or", "Launch is at 8 a.m. EDT (1200 GMT), or 8 a.m. CDT, on Saturday.", INCONSISTENT),
    ("label-list", "New York: 3:22PM / San Francisco: 12:22PM / London: 8:22PM / Moscow: 10:22PM", CONSISTENT),
    ("label-list", "New York: 3:22PM / San Francisco: 12:22PM / London: 9:22PM / Moscow: 10:22PM", INCONSISTENT),
    ("label-list-dates", "Times are ET: 23:05, Aug 30 PT: 20:05, Aug 30 NZT: 15:05, Aug 31.", CONSISTENT),
    ("label-list-dates", "Times are ET: 23:05, Aug 30 PT: 20:05, Aug 30 NZT: 16:05, Aug 31.", INCONSISTENT),
    ("label-list-lines", "Watch it live:\n\n- New York: 3:22PM\n- London: 8:22PM\n", CONSISTENT),
    ("label-list-lines", "Watch it live:\n\n- New York: 3:22PM\n- London: 9:22PM\n", INCONSISTENT),
    ("range-which-is-between", "It lifts off from Texas between 8.28am and 9.30am local time, which is between "
                               "2.28pm and 3.30pm in the UK.", CONSISTENT),
    ("range-which-is-between", "It lifts off from Texas between 8.28am and 9.30am local time, which is between "
                               "3.28pm and 4.30pm in the UK.", INCONSISTENT),
    ("place-before-parenthesis", "It lifts off at 7:20 a.m. EDT in Kourou, French Guiana (8:20 a.m. GFT/11:20 "
                                 "UTC).", CONSISTENT),
    ("place-before-parenthesis", "It lifts off at 7:20 a.m. EDT in Kourou, French Guiana (8:20 a.m. GFT/12:20 "
                                 "UTC).", INCONSISTENT),
    # Time styles.
    ("24h-dot", "Liftoff came at 14.35 IST (0905 GMT) on Saturday.", CONSISTENT),
    ("24h-dot", "Liftoff came at 14.35 IST (1005 GMT) on Saturday.", INCONSISTENT),
    ("fractional-seconds", "Contact came at 09:41:17.512 Moscow time (06:41:17 GMT).", CONSISTENT),
    ("fractional-seconds", "Contact came at 09:41:17.512 Moscow time (07:41:17 GMT).", INCONSISTENT),
    ("h-separator", "Liftoff came at 20H47 GMT (16H47 EDT) on Saturday.", CONSISTENT),
    ("h-separator", "Liftoff came at 20H47 GMT (15H47 EDT) on Saturday.", INCONSISTENT),
    ("square-brackets", "Liftoff came at 19:23 Beijing time [11:23 GMT] on Saturday.", CONSISTENT),
    ("square-brackets", "Liftoff came at 19:23 Beijing time [12:23 GMT] on Saturday.", INCONSISTENT),
    ("abbreviation-local-time", "Liftoff is 2:06 p.m. EDT (1806 GMT or 11:06 a.m. PDT local time).", CONSISTENT),
    ("abbreviation-local-time", "Liftoff is 2:06 p.m. EDT (1806 GMT or 10:06 a.m. PDT local time).", INCONSISTENT),
    ("zero-hour-am", "Docking came at 03:30 a.m. Moscow Time (00:30 a.m. UTC) on Saturday.", CONSISTENT),
    ("zero-hour-am", "Docking came at 03:30 a.m. Moscow Time (01:30 a.m. UTC) on Saturday.", INCONSISTENT),
    ("abbreviation-dot", "On Sept. 17, 2012 it came at 02:53 UT. (8:53 a.m. Kazakhstan time Sept. 17).", CONSISTENT),
    ("abbreviation-dot", "On Sept. 17, 2012 it came at 02:53 UT. (9:53 a.m. Kazakhstan time Sept. 17).", INCONSISTENT),
    ("zone-words", "It docks at 12:12 EDT (18:12 South African Standard Time SAST) on Saturday.", CONSISTENT),
    ("zone-words", "It docks at 12:12 EDT (19:12 South African Standard Time SAST) on Saturday.", INCONSISTENT),
    ("in-the-uk", "From Florida it is 8.33am local time (1.33pm in the UK) on Saturday.", CONSISTENT),
    ("in-the-uk", "From Florida it is 8.33am local time (2.33pm in the UK) on Saturday.", INCONSISTENT),
    # Ranges with a meridiem on each end, and midnight as an end.
    ("range-own-meridiem", "The window runs 7:35 am to 9:10 am Moscow time (0435 to 0610 GMT).", CONSISTENT),
    ("range-own-meridiem", "The window runs 7:35 am to 9:10 am Moscow time (0435 to 0710 GMT).", INCONSISTENT),
    ("range-between-and", "It flies between 8:33 a.m. and 10:33 a.m. EDT (1233-1433 GMT) today.", CONSISTENT),
    ("range-and", "It flies 8:33 a.m. and 10:33 a.m. EDT (1233-1433 GMT) today.", CONSISTENT),
    ("range-and", "It flies 8:33 a.m. and 10:33 a.m. EDT (1233-1434 GMT) today.", INCONSISTENT),
    ("range-between-and", "It flies between 8:33 a.m. and 10:33 a.m. EDT (1233-1533 GMT) today.", INCONSISTENT),
    ("range-midnight", "The window is 11 p.m. – midnight EDT (03:00 – 04:00 UTC) tonight.", CONSISTENT),
    ("range-midnight", "The window is 11 p.m. – midnight EDT (03:00 – 05:00 UTC) tonight.", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), NO_PAREN_CASES,
                         ids=[f"{c[0]}-{c[2]}" for c in NO_PAREN_CASES])
def test_time_pair_without_parentheses_and_time_styles(form, text, expected):
    assert _verdicts(text, "time-pair", "2024-06-01") == [expected]


# Times joined without parentheses that are alternatives, not renderings: no pair, so no finding.
NOT_PAIRS = [
    "Launch is at 9 a.m. EDT or 10 a.m. EDT, whichever the weather allows.",     # one zone: alternatives
    "Launch is set for 9:30 a.m. EDT Thursday, or 1400 GMT Friday.",             # another day: another time
    "Launch is Sat., Dec. 3 at 6:31 a.m. EST, or Friday at midnight GMT.",       # a day first after "or"
    "The count resumes at 1:15 pm EDT, and 2:30 pm GMT is the cut-off.",         # "and" joins no rendering
    "Scores of 14.35 (and 12.50 later) were posted.",                            # decimals, no zone
    "A 2h30 spacewalk followed.",                                                # a duration
    "Watch at 3am AEDT, then 2am AEST.",                                         # one comma joins no list
    "Update: 3:24 pm EDT. Launch: 9:30 a.m. EDT.",                               # labels that name no zone
]


@pytest.mark.parametrize("text", NOT_PAIRS)
def test_alternatives_and_numbers_are_no_time_pairs(text):
    assert _verdicts(text, "time-pair", "2024-06-01") == []


# "local time" takes the zone of the place the article names before it, not only in its sentence; with no
# place named anywhere it stays ambiguous.
LOCAL_CONTEXT_CASES = [
    ("place-earlier", "The crew trained at Baikonur for weeks. Liftoff was at 9:51 p.m. ET "
                      "(6:51 a.m. Saturday local time) after a delay.", "2019-03-14", CONSISTENT),
    ("place-earlier", "The crew trained at Baikonur for weeks. Liftoff was at 9:51 p.m. ET "
                      "(7:51 a.m. Saturday local time) after a delay.", "2019-03-14", INCONSISTENT),
    ("no-place", "Liftoff was at 9:51 p.m. ET (6:51 a.m. Saturday local time) after a delay.", "2019-03-14",
     AMBIGUOUS),
    ("date-both-sides", "Rocket Lab launched from Mahia, New Zealand.\n\nThe window opened at 8:05 p.m. PT on "
                        "Wednesday, August 26 (3:05 p.m. local time on Thursday, August 27).", "2020-08-26",
     CONSISTENT),
    ("date-both-sides", "Rocket Lab launched from Mahia, New Zealand.\n\nThe window opened at 8:05 p.m. PT on "
                        "Wednesday, August 26 (4:05 p.m. local time on Thursday, August 27).", "2020-08-26",
     INCONSISTENT),
    ("offset-then-time", "The Soyuz stood on its pad at Baikonur. It flew at 3:20 p.m. EST "
                         "(GMT-5; 2:20 a.m. Friday local time).", "2016-11-17", CONSISTENT),
    ("offset-then-time", "The Soyuz stood on its pad at Baikonur. It flew at 3:20 p.m. EST "
                         "(GMT-5; 3:20 a.m. Friday local time).", "2016-11-17", INCONSISTENT),
    ("dot-zone-phrase", "SpaceX flies from Florida today. It lifts off at 11.59am local time (4.59pm BST).",
     "2020-07-08", CONSISTENT),
    ("dot-zone-phrase", "SpaceX flies from Florida today. It lifts off at 11.59am local time (3.59pm BST).",
     "2020-07-08", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "published", "expected"), LOCAL_CONTEXT_CASES,
                         ids=[f"{c[0]}-{c[3]}" for c in LOCAL_CONTEXT_CASES])
def test_local_time_takes_the_place_named_before(form, text, published, expected):
    assert _verdicts(text, "time-pair", published) == [expected]


# Weekday forms (published 2021-11-20 where no year is written).
WEEKDAY_CASES = [
    ("short-no-dot", "The launch is Thurs, Nov. 18, 2021, from the Cape.", CONSISTENT),
    ("short-no-dot", "The launch is Thurs, Nov. 19, 2021, from the Cape.", INCONSISTENT),
    ("tues", "The launch is Tues Nov. 16, 2021, from the Cape.", CONSISTENT),
    ("tues", "The launch is Tues Nov. 17, 2021, from the Cape.", INCONSISTENT),
    ("weds-dot", "The launch is Weds. Nov. 17, 2021, from the Cape.", CONSISTENT),
    ("weds-dot", "The launch is Weds. Nov. 18, 2021, from the Cape.", INCONSISTENT),
    ("date-in-parentheses", "It launched Friday (May 7, 2021) from Wenchang.", CONSISTENT),
    ("date-in-parentheses", "It launched Thursday (May 7, 2021) from Wenchang.", INCONSISTENT),
    ("day-number-alone", "It flies Sunday, Sun. 14, weather permitting.", CONSISTENT),
    ("day-number-alone", "It flies Saturday, Sat. 14, weather permitting.", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), WEEKDAY_CASES, ids=[f"{c[0]}-{c[2]}" for c in WEEKDAY_CASES])
def test_weekday_forms(form, text, expected):
    assert _verdicts(text, "weekday-date", "2021-11-20") == [expected]


@pytest.mark.parametrize("text", ["Friday the 13th is no launch day.", "Friday 13 satellites flew.",
                                  "The Sun. 14 probes watch it.", "They wed Thurs Hall.", "It flies Friday 9 a.m."])
def test_weekday_look_alikes_are_no_dates(text):
    assert _verdicts(text, "weekday-date", "2021-11-20") == []


# A zone abbreviation whose date is in an earlier sentence, or written without a year where no year is
# known: "EST on July 14" is wrong in every year since 1967; "EST on March 10" depends on the year.
ZONE_CASES = [
    ("no-year", "Liftoff is at 9 a.m. EDT on July 14 from the Cape.", None, CONSISTENT),
    ("no-year", "Liftoff is at 9 a.m. EST on July 14 from the Cape.", None, INCONSISTENT),
    ("no-year-either-side", "Liftoff is at 9 a.m. EST on March 10 from the Cape.", None, AMBIGUOUS),
    ("earlier-sentence", "Launch is set for July 14, 2019. Liftoff is at 9 a.m. EDT from the Cape.", None,
     CONSISTENT),
    ("earlier-sentence", "Launch is set for July 14, 2019. Liftoff is at 9 a.m. EST from the Cape.", None,
     INCONSISTENT),
    ("earlier-sentence-no-year", "Launch is set for July 14. Liftoff is at 9 a.m. EST from the Cape.", None,
     INCONSISTENT),
    ("earlier-sentence-near-change", "Launch was set for March 1. Liftoff is at 9 a.m. EST from the Cape.",
     "2019-03-20", AMBIGUOUS),
    # "today" or "tonight" next to the time dates it by the publication date itself: no guess, even near a change
    ("today-next-to-time", "The freighter is due at the station today at 4:40 a.m. EST.", "2021-02-22", CONSISTENT),
    ("today-next-to-time", "The freighter is due at the station today at 4:40 a.m. EDT.", "2021-02-22",
     INCONSISTENT),
    ("tonight-after-time", "Watch the launch at 8:28 p.m. EST tonight.", "2023-11-09", CONSISTENT),
    ("today-not-next-to-time", "NASA said today that the freighter is due at the station at 4:40 a.m. EST.",
     "2021-02-22", AMBIGUOUS),
    # a launch told as done was on or before the publication date: the weeks after it (and their clock change)
    # no longer make the zone ambiguous, but they are never dropped to fault one
    ("told-as-done-before-change", "The company flew its suborbital test on Oct. 20. The booster lifted off at "
     "9:15 a.m. CDT from its Texas site.", "2022-10-21", CONSISTENT),
    ("told-as-done-wrong-zone", "The company flew its suborbital test on Oct. 20. The booster lifted off at "
     "9:15 a.m. CST from its Texas site.", "2022-10-21", AMBIGUOUS),
    ("still-a-plan", "The suborbital test is set for Oct. 20. The booster will lift off at 9:15 a.m. CDT from its "
     "Texas site.", "2022-10-18", AMBIGUOUS),
]


@pytest.mark.parametrize(("form", "text", "published", "expected"), ZONE_CASES,
                         ids=[f"{c[0]}-{c[3]}" for c in ZONE_CASES])
def test_zone_abbreviation_dates_from_context(form, text, published, expected):
    assert _verdicts(text, "zone-abbreviation", published) == [expected]


# A time written with no zone, its pair in another zone, in a sentence that names the place (else after a
# place named earlier): the place's zone may confirm the pair; when it does not fit, the writer may have meant
# another zone (ambiguous).
IMPLIED_CASES = [
    ("place-fits", "The H-2B lifted off from Tanegashima at 1:05 a.m. (4:05 p.m. Tuesday GMT) on Wednesday.",
     CONSISTENT),
    ("place-does-not-fit", "The H-2B lifted off from Tanegashima at 1:05 a.m. (6:05 p.m. Tuesday GMT) on "
                           "Wednesday.", AMBIGUOUS),
    ("no-place", "The H-2B lifted off at 1:05 a.m. (4:05 p.m. Tuesday GMT) on Wednesday.", AMBIGUOUS),
    # the place named in an earlier sentence (a dateline, "stood at Tanegashima") confirms it the same way
    ("earlier-place-fits", "TANEGASHIMA, Japan - The H-2B stood ready. It lifted off at 1:05 a.m. (4:05 p.m. "
                           "Tuesday GMT) on Wednesday.", CONSISTENT),
    ("earlier-place-does-not-fit", "TANEGASHIMA, Japan - The H-2B stood ready. It lifted off at 1:05 a.m. (6:05 "
                                   "p.m. Tuesday GMT) on Wednesday.", AMBIGUOUS),
    ("place-only-after", "It lifted off at 1:05 a.m. (4:05 p.m. Tuesday GMT) on Wednesday. Tanegashima cheered.",
     AMBIGUOUS),
]


@pytest.mark.parametrize(("form", "text", "expected"), IMPLIED_CASES, ids=[c[0] for c in IMPLIED_CASES])
def test_a_time_without_a_zone_is_confirmed_by_the_place_never_faulted(form, text, expected):
    assert _verdicts(text, "time-pair", "2019-09-25") == [expected]


# The zone the paragraph's previous pair wrote ("Moscow time") confirms the next pair that leaves it out; it
# never faults it, and a paragraph break ends it.
KEPT_ZONE_CASES = [
    ("zone-kept-fits", "The freighter lifts off at 3:22 p.m. Moscow time (12:22 p.m. GMT). It docks two days "
                       "later at 5:36 p.m. (2:36 p.m. GMT).", CONSISTENT),
    ("zone-kept-does-not-fit", "The freighter lifts off at 3:22 p.m. Moscow time (12:22 p.m. GMT). It docks two "
                               "days later at 5:36 p.m. (1:36 p.m. GMT).", AMBIGUOUS),
    ("zone-kept-other-paragraph", "The freighter lifts off at 3:22 p.m. Moscow time (12:22 p.m. GMT).\n\nIt "
                                  "docks two days later at 5:36 p.m. (2:36 p.m. GMT).", AMBIGUOUS),
]


@pytest.mark.parametrize(("form", "text", "expected"), KEPT_ZONE_CASES, ids=[c[0] for c in KEPT_ZONE_CASES])
def test_a_time_without_a_zone_is_confirmed_by_the_zone_the_paragraph_wrote(form, text, expected):
    assert _verdicts(text, "time-pair", "2024-11-20") == [CONSISTENT, expected]


# Each time with its zone in parentheses, listed one a line or joined by a dash; the next sentence saying
# what the time is elsewhere.
LIST_CASES = [
    ("paren-zone-lines", "Liftoff is set for the night of 3/4 May at exactly:\n\n23:06:31 (local time in French "
                         "Guiana on 3 May)\n02:06:31 (GMT on 4 May)\n04:06:31 (Paris time on 4 May)\n",
     "2013-04-25", CONSISTENT),
    ("paren-zone-lines", "Liftoff is set for the night of 3/4 May at exactly:\n\n23:06:31 (local time in French "
                         "Guiana on 3 May)\n02:06:31 (GMT on 4 May)\n05:06:31 (Paris time on 4 May)\n",
     "2013-04-25", INCONSISTENT),
    ("paren-zone-dash", "Watch it at 8.33 am (EDT) - 1.33 pm (Irish Summer Time) today.", "2022-08-29", CONSISTENT),
    ("paren-zone-dash", "Watch it at 8.33 am (EDT) - 2.33 pm (Irish Summer Time) today.", "2022-08-29",
     INCONSISTENT),
    ("next-sentence", "SpaceX flies from Florida. It lifts off at 1.33pm local time. That works out to 6.33pm "
                      "here in the UK.", "2020-05-27", CONSISTENT),
    ("next-sentence", "SpaceX flies from Florida. It lifts off at 1.33pm local time. That works out to 9.33pm "
                      "here in the UK.", "2020-05-27", INCONSISTENT),
    ("next-sentence-for-readers", "The launch is Friday, September 2 at 12.48pm ET. For those watching in "
                                  "Australia, it would be Saturday, September 3 at 2.48am AEST.", "2022-09-01",
     CONSISTENT),
    ("next-sentence-for-readers", "The launch is Friday, September 2 at 12.48pm ET. For those watching in "
                                  "Australia, it would be Saturday, September 3 at 3.48am AEST.", "2022-09-01",
     INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "published", "expected"), LIST_CASES,
                         ids=[f"{c[0]}-{c[3]}" for c in LIST_CASES])
def test_time_lists_and_the_next_sentence(form, text, published, expected):
    assert _verdicts(text, "time-pair", published) == [expected]


def test_a_zone_in_parentheses_needs_a_time_and_one_time_answers_one():
    assert _verdicts("The window opens at 9:28 a.m. ET and ends at 10:30 a.m. ET. That's 6:28 a.m. PT and 7:30 "
                     "a.m. PT.", "time-pair", "2023-04-20") == []
    assert _verdicts("The burn ran 10 (GMT) minutes. It lifts off at 9 a.m. EDT. That is when the window "
                     "opens.", "time-pair", "2020-05-27") == []


@pytest.mark.parametrize("text", ["Liftoff is at 7:43-9:43 a.m. EDT (1143-1343 GMT) today.",
                                  "The window runs 7:35 am to 9:10 am Moscow time (0435 to 0610 GMT)."])
def test_a_range_start_spans_only_itself(text):
    from orbitcheck.extract.clock import extract_clock_times
    from orbitcheck.text import parse_document
    spans = [c.span for c in extract_clock_times(parse_document(text))]
    assert len(spans) == 4
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert text[spans[0].start:spans[0].end] in ("7:43", "7:35 am")


# Two names of one zone ("UTC/GMT"); an ambiguous abbreviation whose reading the draft's words suggest does
# not fit, while another reading does: not faulted (published 2024-01-10).
ALIAS_CASES = [
    ("utc-gmt", "Liftoff is at 1:30 p.m. EST (18:30 UTC/GMT) today.", CONSISTENT),
    ("utc-gmt", "Liftoff is at 1:30 p.m. EST (19:30 UTC/GMT) today.", INCONSISTENT),
    ("reading-set-aside", "Liftoff at 11:42 p.m. CST (0542 GMT) from Jiuquan.", AMBIGUOUS),
    ("reading-suggested", "Liftoff at 11:42 p.m. CST (1542 GMT) from Jiuquan.", CONSISTENT),
    ("reading-suggested", "Liftoff at 11:42 p.m. CST (1742 GMT) from Jiuquan.", INCONSISTENT),
]


@pytest.mark.parametrize(("form", "text", "expected"), ALIAS_CASES, ids=[f"{c[0]}-{c[2]}" for c in ALIAS_CASES])
def test_zone_aliases_and_readings_set_aside(form, text, expected):
    assert _verdicts(text, "time-pair", "2024-01-10") == [expected]


def test_a_parenthesis_after_a_rendering_is_a_pair_of_its_own():
    text = "It lifts off at 2:43 p.m. local time, which is 8:43 p.m. EST on January 19 ({gmt} GMT)."
    assert _verdicts(text.format(gmt="0143"), "time-pair", "2018-01-19") == [AMBIGUOUS, CONSISTENT]
    assert _verdicts(text.format(gmt="0243"), "time-pair", "2018-01-19") == [AMBIGUOUS, INCONSISTENT]
