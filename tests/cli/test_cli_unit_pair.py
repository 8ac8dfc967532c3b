"""The CLI on drafts with unit pairs: exit codes, text lines, JSON with passing pairs too."""

import json

DRAFT = (
    "---\ndate: 2018-11-20\n---\n"
    "Progress delivered 5,652 pounds (2,564 kg) to the station.\n"
    "At apogee it is 35,926 km (22,314 miles) from Earth.\n"
    "It flies at 25.6km (15.8 miles) over the pad.\n"
    "`410 km (200 mi)` is code.\n"
)


def _draft(tmp_path, text=DRAFT):
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_inconsistent_pair_exits_1_with_fail_on_error(cli, tmp_path):
    status, _, err = cli("check", "--fail-on", "error", _draft(tmp_path))
    assert status == 1 and err.startswith("orbitcheck: 1 file,")  # the summary line, no error


def test_fail_on_never_exits_0_and_consistent_drafts_exit_0(cli, tmp_path):
    assert cli("check", "--fail-on", "never", _draft(tmp_path))[0] == 0
    clean = _draft(tmp_path, "Progress delivered 5,652 pounds (2,564 kg).\n")
    assert cli("check", "--fail-on", "warning", clean)[:2] == (0, "")  # nothing at warning level: no lines


def test_warning_level_counts_rounding_slips(cli, tmp_path):
    slip = _draft(tmp_path, "It flies at 25.6km (15.8 miles).\n")
    assert cli("check", slip)[0] == 0
    assert cli("check", "--fail-on", "warning", slip)[0] == 1


def test_text_format_lines(cli, tmp_path):
    path = _draft(tmp_path)
    _, out, _ = cli("check", path)
    assert out.splitlines() == [
        f"{path}:5:17: error: 35,926 km is 22,323.4 miles, not 22,314 miles. (suggestion: 22,323 miles) [unit-pair]",
        f"{path}:6:13: warning: 25.6 km is 15.91 miles, not 15.8 miles. (suggestion: 15.9 miles) [unit-pair]",
    ]


def test_json_lists_passing_pairs_too(cli, tmp_path):
    path = _draft(tmp_path)
    _, out, _ = cli("check", "--format", "json", "--fail-on", "never", "--checks", "unit-pair", path)
    report = json.loads(out)
    findings = report["files"][0]["findings"]
    assert [(f["text"], f["verdict"], f["severity"]) for f in findings] == [
        ("5,652 pounds (2,564 kg)", "consistent", "info"),
        ("35,926 km (22,314 miles)", "inconsistent", "error"),
        ("25.6km (15.8 miles)", "inconsistent", "warning"),
    ]
    assert set(findings[1]) == {
        "check",
        "verdict",
        "severity",
        "start",
        "end",
        "line",
        "column",
        "text",
        "message",
        "suggestion",
        "fix",
        "details",
    }
    assert DRAFT[findings[1]["start"] : findings[1]["end"]] == "35,926 km (22,314 miles)"
    assert (findings[1]["line"], findings[1]["column"]) == (5, 17)
    assert report["summary"]["by_verdict"] == {"consistent": 1, "inconsistent": 2}


def test_plain_text_files_are_not_read_as_markdown(cli, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("Code-like `410 km (200 mi)` is prose in a .txt file.\n", encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", "--fail-on", "never", str(path))
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert finding["verdict"] == "inconsistent" and finding["suggestion"] == "250 mi"
