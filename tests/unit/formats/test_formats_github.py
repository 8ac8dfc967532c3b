"""--format github: workflow-command annotations on the shared CI draft, with GitHub's escaping."""

import pytest

from orbitcheck.engine import Report
from orbitcheck.formats import FileResult
from orbitcheck.formats.github import escape_data, escape_property, render
from orbitcheck.model import Finding, Severity, Span, Verdict
from orbitcheck.text import parse_document
from tests.helpers.paths import DATA

DRAFT = DATA / "ci" / "draft.md"


def test_errors_and_warnings_become_annotations_info_prints_nothing(cli, fixture_registry, monkeypatch):
    monkeypatch.chdir(DRAFT.parent)
    status, out, _ = cli("check", "--format", "github", "draft.md")
    assert status == 1
    assert out.splitlines() == [
        # Line 7: 47 code points ("Auñón", "🚀" count one each) precede the claim; endColumn is its last one.
        "::error file=draft.md,line=7,col=48,endLine=7,endColumn=65,title=fixture-pair%3A inconsistent"
        "::254 miles is 409 km, not 400. Suggestion: 409 km.",
        "::warning file=draft.md,line=11,col=20,endLine=11,endColumn=43,title=fixture-pair%3A ambiguous"
        "::35,926 km is 22,323.4 miles, close to 22,314.",
    ]


def test_clean_draft_prints_nothing(cli, tmp_path, fixture_registry):
    draft = tmp_path / "ok.md"
    draft.write_text("Progress delivered 5,652 pounds (2,564 kg).\n", encoding="utf-8")
    assert cli("check", "--format", "github", str(draft))[:2] == (0, "")


@pytest.mark.parametrize("raw, data, prop", [
    ("50% more", "50%25 more", "50%25 more"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("drafts/a:b,c.md", "drafts/a:b,c.md", "drafts/a%3Ab%2Cc.md"),
    ("%0A", "%250A", "%250A"),  # an escape sequence in the input is not passed through as one
])
def test_escaping_follows_the_runner(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def _report(text: str, start: int, end: int, message: str) -> FileResult:
    doc = parse_document(text)
    finding = Finding("fixture-pair", Verdict.INCONSISTENT, Severity.ERROR, Span(start, end),
                      text[start:end], message)
    return FileResult("a,b:c.md", Report(doc, (finding,)))


def test_properties_and_message_are_escaped_in_the_command():
    out = render([_report("x 5 km\n", 2, 6, "100% wrong,\nreally")])
    assert out == ("::error file=a%2Cb%3Ac.md,line=1,col=3,endLine=1,endColumn=6,"
                   "title=fixture-pair%3A inconsistent::100%25 wrong,%0Areally\n")


def test_a_claim_across_lines_carries_no_columns():
    out = render([_report("It fell 254\nmiles (400 km).\n", 8, 26, "m")])
    assert out.startswith("::error file=a%2Cb%3Ac.md,line=1,endLine=2,title=")
