from datetime import date

import pytest

from orbitcheck.errors import InputError
from orbitcheck.text import Utf16Offsets, parse_date, parse_document


def test_plain_text_is_all_prose():
    doc = parse_document("5 km (3 mi) `x`", markdown=False)
    assert doc.prose == doc.text


@pytest.mark.parametrize(
    "markdown, hidden, visible",
    [
        ("Use `410 km (255 mi)` here and 410 km (255 mi) there.", "`410 km (255 mi)`", "there"),
        ("Intro\n```\n410 km (255 mi)\n```\nAfter 3 km.", "410 km (255 mi)", "After 3 km."),
        ("Intro\n~~~python\nx = 1\n", "x = 1", "Intro"),
        ("See [the report](http://example.com/a_(b)) today.", "http://example.com", "the report"),
        ("Note <!-- 410 km (255 mi) --> done.", "410 km (255 mi)", "done."),
        ("It was **5,652 pounds** (2,564 kg).", "**", "5,652 pounds"),
    ],
)
def test_markdown_masks_non_prose_keeping_offsets(markdown, hidden, visible):
    doc = parse_document(markdown)
    assert len(doc.prose) == len(doc.text)
    assert hidden not in doc.prose
    assert visible in doc.prose
    assert doc.prose.index(visible) == doc.text.index(visible)


def test_front_matter_is_masked_and_gives_the_date():
    doc = parse_document("---\ntitle: 5 km (9 mi)\ndate: 2018-11-20\n---\nBody text.\n")
    assert doc.published == date(2018, 11, 20)
    assert doc.front_matter["title"] == "5 km (9 mi)"
    assert "5 km" not in doc.prose
    assert doc.prose.endswith("Body text.\n")


def test_explicit_publication_date_wins_over_front_matter():
    doc = parse_document("---\ndate: 2018-11-20\n---\nx", published=date(2020, 1, 2))
    assert doc.published == date(2020, 1, 2)


def test_malformed_front_matter_date_is_ignored_not_fatal():
    assert parse_document("---\ndate: soon\n---\nx").published is None


def test_line_and_column_are_one_based_code_points():
    doc = parse_document("Auñón\r\nsecond line\nthird", markdown=False)
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(doc.text.index("second")) == (2, 1)
    assert doc.line_col(doc.text.index("line")) == (2, 8)
    assert doc.line_col(doc.text.index("third")) == (3, 1)


def test_utf16_offsets_count_astral_characters_twice():
    doc = parse_document("🚀 Auñón 5 km", markdown=False)
    at = doc.text.index("5")
    assert at == 8
    assert Utf16Offsets(doc.text)(at) == 9


@pytest.mark.parametrize("bad", ["2018-13-01", "yesterday", "", "18-11-20"])
def test_parse_date_rejects_bad_dates(bad):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_date(bad)
