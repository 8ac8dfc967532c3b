"""Suppression comments: each form, what counts as a directive, and how every output treats the result."""
import json

import pytest

from orbitcheck.engine import check_text

BAD = "It fell 254 miles (400 km) away."  # an error from the fixture check


def suppressed_flags(text: str) -> list[bool]:
    return [f.suppressed for f in check_text(text).findings]


@pytest.mark.parametrize("text, expected", [
    # A region around the claim, with and without check ids.
    (f"<!-- orbitcheck-disable -->\n{BAD}\n<!-- orbitcheck-enable -->\n{BAD}\n", [True, False]),
    (f"<!-- orbitcheck-disable fixture-pair -->\n{BAD}\n<!-- orbitcheck-enable fixture-pair -->\n{BAD}\n",
     [True, False]),
    # A region naming another check leaves ours alone.
    (f"<!-- orbitcheck-disable unit-pair -->\n{BAD}\n", [False]),
    # Ids may be separated by commas; a region without enable runs to the end.
    (f"<!-- orbitcheck-disable unit-pair, fixture-pair -->\n{BAD}\n\n{BAD}\n", [True, True]),
    # enable without ids ends a region that named checks; enable of another id does not.
    (f"<!-- orbitcheck-disable fixture-pair -->\n<!-- orbitcheck-enable unit-pair -->\n{BAD}\n", [True]),
    (f"<!-- orbitcheck-disable fixture-pair -->\n<!-- orbitcheck-enable -->\n{BAD}\n", [False]),
    # next-line: only the line right after the comment.
    (f"<!-- orbitcheck-disable-next-line fixture-pair -->\n{BAD}\n{BAD}\n", [True, False]),
    (f"<!-- orbitcheck-disable-next-line -->\n{BAD}\n", [True]),
    (f"<!-- orbitcheck-disable-next-line unit-pair -->\n{BAD}\n", [False]),
    (f"<!-- orbitcheck-disable-next-line -->\n\n{BAD}\n", [False]),
    # A claim before the region starts is not in it.
    (f"{BAD} <!-- orbitcheck-disable -->\n{BAD}\n", [False, True]),
    # Comments shown as examples in code are not directives.
    (f"```\n<!-- orbitcheck-disable -->\n```\n{BAD}\n", [False]),
    (f"Write `<!-- orbitcheck-disable -->` to silence it.\n{BAD}\n", [False]),
    # Near misses are not directives.
    (f"<!-- orbitcheck-disabled -->\n{BAD}\n", [False]),
    (f"<!-- vale off -->\n{BAD}\n", [False]),
])
def test_each_suppression_form(fixture_registry, text, expected):
    assert suppressed_flags(text) == expected


DRAFT = f"<!-- orbitcheck-disable-next-line fixture-pair -->\n{BAD}\n"


@pytest.fixture
def suppressed_draft(tmp_path):
    path = tmp_path / "s.md"
    path.write_text(DRAFT, encoding="utf-8")
    return str(path)


def test_suppressed_error_does_not_fail_the_build(cli, fixture_registry, suppressed_draft):
    status, out, err = cli("check", suppressed_draft)
    assert (status, out) == (0, "")
    assert err.strip() == "orbitcheck: 1 file, 1 claim checked, 0 findings, 1 suppressed"


def test_json_keeps_the_finding_marked_and_counts_it(cli, fixture_registry, suppressed_draft):
    status, out, _ = cli("check", "--format", "json", suppressed_draft)
    report = json.loads(out)
    (finding,) = report["files"][0]["findings"]
    assert finding["suppressed"] is True and finding["verdict"] == "inconsistent"
    assert report["summary"]["suppressed"] == 1
    assert report["summary"]["findings"] == 0


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_line_formats_leave_suppressed_findings_out(cli, fixture_registry, suppressed_draft, fmt):
    assert cli("check", "--format", fmt, suppressed_draft)[1] == ""


def test_rdjson_leaves_suppressed_findings_out(cli, fixture_registry, suppressed_draft):
    assert json.loads(cli("check", "--format", "rdjson", suppressed_draft)[1])["diagnostics"] == []


def test_unsuppressed_twin_still_fails(cli, fixture_registry, tmp_path):
    path = tmp_path / "t.md"
    path.write_text(DRAFT + BAD + "\n", encoding="utf-8")
    status, out, err = cli("check", str(path))
    assert status == 1
    assert out.startswith(f"{path}:3:9: error:")
    assert err.strip() == "orbitcheck: 1 file, 2 claims checked, 1 finding (1 error, 0 warnings), 1 suppressed"
