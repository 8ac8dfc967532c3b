"""Date mentions: forms, year inference from the publication date, weekdays, sentence anchors."""
from datetime import date

import pytest

from orbitcheck.extract import Extraction
from orbitcheck.extract.dates import (
    DatePrecision,
    YearSource,
    anchor_before,
    extract_dates,
    nearest_occurrence,
    sentence_bounds,
)
from orbitcheck.text import parse_document


def dates_in(text, published=None):
    return extract_dates(parse_document(text, published=published))


@pytest.mark.parametrize("text, expected", [
    ("It launched Nov. 16, 2018 from Baikonur.", date(2018, 11, 16)),
    ("It launched November 16, 2018.", date(2018, 11, 16)),
    ("It launched on 3 December 2018.", date(2018, 12, 3)),
    ("It launched on the 3rd of December, 2018.", date(2018, 12, 3)),
    ("It launched 2018-11-16 at dawn.", date(2018, 11, 16)),
    ("It launched Friday, Nov. 16, 2018.", date(2018, 11, 16)),
])
def test_written_years(text, expected):
    (mention,) = dates_in(text)
    assert mention.date == expected
    assert mention.year_source is YearSource.WRITTEN and mention.year_written
    assert mention.precision is DatePrecision.DAY
    assert text[mention.span.start:mention.span.end] == mention.text


def test_year_from_publication_date_is_the_nearest_occurrence():
    (dec,) = dates_in("Launch is set for Dec. 3.", published=date(2018, 11, 20))
    assert dec.date == date(2018, 12, 3) and dec.year_source is YearSource.PUBLISHED
    (jan,) = dates_in("Launch is set for Jan. 5.", published=date(2018, 12, 20))
    assert jan.date == date(2019, 1, 5)
    (aug,) = dates_in("It flew on Aug. 31st.", published=date(2019, 1, 2))
    assert aug.date == date(2018, 8, 31)


def test_without_year_or_publication_date_the_date_stays_unresolved():
    (mention,) = dates_in("Launch is set for Dec. 3.")
    assert mention.date is None and mention.year_source is YearSource.UNRESOLVED
    assert (mention.month, mention.day) == (12, 3)


def test_earlier_full_date_gives_the_year_when_there_is_no_publication_date():
    first, second = dates_in("Soyuz flew on Nov. 16, 2018. It docked on Nov. 18.")
    assert second.date == date(2018, 11, 18) and second.year_source is YearSource.TEXT


def test_weekdays_written_and_alone():
    (both,) = dates_in("It launched Friday, Nov. 16.", published=date(2018, 11, 20))
    assert both.weekday == 4 and both.weekday_text == "Friday" and both.date == date(2018, 11, 16)
    (alone,) = dates_in("It docks on Sat. after a two-day trip.", published=date(2018, 11, 20))
    assert alone.precision is DatePrecision.WEEKDAY and alone.weekday == 5
    assert alone.date == date(2018, 11, 17)  # the Saturday nearest the publication date
    assert dates_in("We looked at the Sun. Then we left.") == ()


@pytest.mark.parametrize("text", ["It costs 3.5 million.", "The 2018-13-45 code.", "May we go?", "Build 12"])
def test_not_dates(text):
    assert dates_in(text, published=date(2018, 11, 20)) == ()


def test_sentences_and_anchor_before():
    text = "Launch came at 6:31 a.m. EST Dec. 3. The crew docked Dec. 3 at 5:33 p.m. EST."
    doc = parse_document(text, published=date(2018, 11, 20))
    start, end = sentence_bounds(doc, text.index("6:31"))
    assert text[start:end].startswith("Launch came") and text[start:end].endswith("Dec. 3. ")
    anchor = anchor_before(doc, text.index("5:33"))
    assert anchor is not None and anchor.span.start == text.index("Dec. 3 at")
    assert anchor_before(doc, text.index("6:31")) is None  # Dec. 3 comes after it


def test_extraction_memoises_the_extractor():
    extraction = Extraction(parse_document("Nov. 16, 2018"))
    assert extraction.get(extract_dates) is extraction.get(extract_dates)


def test_nearest_occurrence_skips_impossible_days():
    assert nearest_occurrence(2, 29, date(2019, 3, 1)) == date(2020, 2, 29)


@pytest.mark.parametrize("text", [
    "Shenzhou-12 launched on a Long March 2F rocket from Jiuquan.",
    "A Long March 5 lifted off from Wenchang.",
    "The Long-March 7 rocket is ready.",
    "It rode a Long March 2F/G.",
])
def test_the_long_march_rockets_are_no_dates(text):
    assert [d.text for d in dates_in(text, date(2021, 6, 17)) if d.precision is not DatePrecision.WEEKDAY] == []


@pytest.mark.parametrize("text, expected", [
    ("It launched March 2, 2021 on a Long March 2F.", ["March 2, 2021"]),
    ("Launch is set for March 5th.", ["March 5th"]),
    ("Long March 5 flew on March 5.", ["March 5"]),
])
def test_march_dates_near_the_rockets_stay_dates(text, expected):
    assert [d.text for d in dates_in(text, date(2021, 6, 17))] == expected


def test_a_year_after_a_closing_quote_belongs_to_the_quoted_date():
    (found,) = [d for d in dates_in('It was moved to "no earlier than Friday, July 21st" 2023, then again.',
                                    date(2024, 5, 1))]
    assert found.date == date(2023, 7, 21) and found.year_source is YearSource.WRITTEN


@pytest.mark.parametrize("text, expected", [
    # the number of a designator, then a dated caption line: the date is the caption's, not "2 May"
    ("Gallery: Crew Demo-2\nMay 30, 2020: the rocket launched.", [date(2020, 5, 30)]),
    ("The Crew-3 May launch slipped.", []),
    ("Soyuz MS-9 June 6 2018 launch.", [date(2018, 6, 6)]),
])
def test_a_designator_number_is_no_day_of_the_month(text, expected):
    found = [d.date for d in dates_in(text, date(2020, 6, 1)) if d.precision is DatePrecision.DAY]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    ("It flew on 2 May 2020.", date(2020, 5, 2)),
    ("It flew on 15-16 May 2020, a two-day window.", date(2020, 5, 16)),
    ("It flew on 2\nMay 2020 after a delay.", date(2020, 5, 2)),  # a hard-wrapped line keeps its date
])
def test_a_day_before_its_month_is_still_read(text, expected):
    assert expected in [d.date for d in dates_in(text, date(2020, 6, 1))]
