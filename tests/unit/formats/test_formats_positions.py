"""Positions shared by the CI formats (UTF-8 byte columns), and the one fix model every format reads."""
import pytest

from orbitcheck.engine import check_text
from orbitcheck.formats import FileResult
from orbitcheck.formats import json as json_format
from orbitcheck.formats.positions import Position, utf8_position
from orbitcheck.formats.rdjson import diagnostic_result
from orbitcheck.formats.sarif import sarif_log
from orbitcheck.model import Fix, Span
from orbitcheck.text import parse_document


def test_utf8_columns_restart_on_each_line_and_count_bytes():
    doc = parse_document("🚀 ñ\nñx\r\nok", markdown=False)
    assert utf8_position(doc, doc.text.index("ñ")) == Position(1, 6)  # 🚀 is 4 bytes, then a space
    assert utf8_position(doc, doc.text.index("x")) == Position(2, 3)
    assert utf8_position(doc, doc.text.index("ok")) == Position(3, 1)


def test_a_fix_leaves_the_written_white_space_out_and_is_none_when_nothing_changes():
    text = "It is ( 22,314 miles ) away."
    inner = Span(text.index("(") + 1, text.index(")"))
    fix = Fix.over(text, inner, "22,323 miles")
    assert text[fix.span.start:fix.span.end] == "22,314 miles" and fix.replacement == "22,323 miles"
    assert Fix.over(text, inner, None) is None
    assert Fix.over(text, inner, " 22,314 miles") is None


@pytest.mark.parametrize("text, published, replaced, replacement", [
    ("It is 35,926 km (22,314 miles) up.", None, "22,314 miles", "22,323 miles"),
    ("It launched at 6:31 a.m. EST Dec. 3, 2018 (1231 GMT).", None, "1231 GMT", "1131 GMT"),
    ("It launched Thursday, Nov. 16, 2018.", None, "Thursday", "Friday"),
    ("Docking is at 9:30 a.m. EST on July 1, 2019.", None, "EST", "EDT"),
])
def test_every_format_reads_the_checks_own_fix(text, published, replaced, replacement):
    report = check_text(text, markdown=False)
    (finding,) = [f for f in report.findings if f.fix is not None]
    assert text[finding.fix.span.start:finding.fix.span.end] == replaced
    assert finding.fix.replacement == replacement
    results = [FileResult("draft.txt", report)]
    start, end = finding.fix.span.start, finding.fix.span.end
    as_json = json_format.finding_dict(finding, report.document)
    assert as_json["fix"] == {"start": start, "end": end, "replacement": replacement}
    (sarif_result,) = [r for r in sarif_log(results)["runs"][0]["results"] if r["ruleId"] == finding.check]
    (change,) = sarif_result["fixes"][0]["artifactChanges"]
    (replaced_region,) = change["replacements"]
    assert replaced_region["deletedRegion"]["charOffset"] == start  # ASCII: UTF-16 units are code points
    assert replaced_region["insertedContent"]["text"] == replacement
    (diagnostic,) = [d for d in diagnostic_result(results)["diagnostics"] if d["code"]["value"] == finding.check]
    assert diagnostic["suggestions"][0]["text"] == replacement
