"""--format sarif on the shared CI draft: schema-valid, stable ids and fingerprints, exact regions, fixes."""
import json

import jsonschema
import pytest

from tests.helpers.paths import DATA

SCHEMA = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
DRAFT = DATA / "ci" / "draft.md"


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def sarif(cli, *paths) -> dict:
    status, out, err = cli("check", "--format", "sarif", "--fail-on", "never", *map(str, paths))
    assert status == 0, err
    return json.loads(out)


def test_draft_with_findings_validates_and_lists_warnings_and_errors(cli, fixture_registry):
    log = sarif(cli, DRAFT)
    validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "utf16CodeUnits"
    assert [r["level"] for r in run["results"]] == ["error", "warning"]  # the passing pair is not an alert
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["fixture-pair"]
    assert rules[0]["shortDescription"]["text"].startswith("A km/miles or pounds/kg pair")
    assert all(r["ruleId"] == "fixture-pair" and r["ruleIndex"] == 0 for r in run["results"])


def test_draft_without_findings_validates(cli, tmp_path, fixture_registry):
    clean = tmp_path / "clean.md"
    clean.write_text("Nothing to check, Auñón-Chancellor 🚀.\n", encoding="utf-8")
    log = sarif(cli, clean)
    validate(log)
    assert log["runs"][0]["results"] == []


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def test_region_counts_utf16_units_on_a_line_with_accents_and_emoji(cli, fixture_registry):
    log = sarif(cli, DRAFT)
    assert log["runs"][0]["columnKind"] == "utf16CodeUnits"  # as GitHub's code scanning counts
    result = log["runs"][0]["results"][0]
    location = result["locations"][0]["physicalLocation"]
    region = location["region"]
    # Line 7 is "Serena Auñón-Chancellor 🚀 saw the booster fall 254 miles (400 km) away.":
    # 47 code points precede "254", the rocket among them counting two UTF-16 units; end column exclusive.
    text = DRAFT.read_text("utf-8")
    assert region == {"startLine": 7, "startColumn": 49, "endLine": 7, "endColumn": 67,
                      "charOffset": len(_utf16(text[:text.index("254 miles")])) // 2, "charLength": 18}
    # inside the repository: relative to its root, with the base id GitHub resolves
    assert location["artifactLocation"] == {"uri": "tests/data/ci/draft.md", "uriBaseId": "%SRCROOT%"}
    units = _utf16(text)
    assert units[2 * region["charOffset"]:2 * (region["charOffset"] + region["charLength"])].decode(
        "utf-16-le") == "254 miles (400 km)"


def test_fix_replaces_only_the_wrong_side_of_the_pair(cli, fixture_registry):
    result = sarif(cli, DRAFT)["runs"][0]["results"][0]
    change = result["fixes"][0]["artifactChanges"][0]
    replacement = change["replacements"][0]
    deleted = replacement["deletedRegion"]
    assert replacement["insertedContent"]["text"] == "409 km"
    units = _utf16(DRAFT.read_text("utf-8"))
    fixed = (units[:2 * deleted["charOffset"]] + _utf16("409 km")
             + units[2 * (deleted["charOffset"] + deleted["charLength"]):]).decode("utf-16-le")
    assert "254 miles (409 km) away" in fixed
    assert (deleted["startLine"], deleted["startColumn"], deleted["endColumn"]) == (7, 60, 66)
    assert len(result["fixes"]) == 1


def test_fingerprints_survive_unrelated_line_shifts_and_tell_repeats_apart(cli, tmp_path, fixture_registry):
    body = "It fell 254 miles (400 km) away.\n\nAgain: 254 miles (400 km).\n"
    draft = tmp_path / "d.md"
    draft.write_text(body, encoding="utf-8")
    before = [r["partialFingerprints"] for r in sarif(cli, draft)["runs"][0]["results"]]
    draft.write_text("# A new headline\n\nAn unrelated paragraph.\n\n" + body, encoding="utf-8")
    shifted = sarif(cli, draft)["runs"][0]["results"]
    after = [r["partialFingerprints"] for r in shifted]
    assert before == after
    assert shifted[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert before[0] != before[1]  # same claim twice in a file: two alerts, not one


def test_suppressed_findings_are_carried_as_in_source_suppressions(cli, tmp_path, fixture_registry):
    draft = tmp_path / "s.md"
    draft.write_text("<!-- orbitcheck-disable-next-line -->\nIt fell 254 miles (400 km) away.\n"
                     "It fell 254 miles (400 km) away.\n", encoding="utf-8")
    log = sarif(cli, draft)
    validate(log)
    results = log["runs"][0]["results"]
    assert [r.get("suppressions") for r in results] == [[{"kind": "inSource",
                                                          "justification": "orbitcheck-disable comment"}], None]


@pytest.mark.parametrize("given, uri", [("./drafts/a b.md", "drafts/a%20b.md"),
                                        ("drafts/../news/x.md", "news/x.md")])
def test_artifact_uris_are_relative_to_the_root_with_its_base_id(given, uri, tmp_path, monkeypatch):
    from orbitcheck.formats.sarif import artifact_location

    monkeypatch.chdir(tmp_path)
    assert artifact_location(given, tmp_path) == {"uri": uri, "uriBaseId": "%SRCROOT%"}
    outside = artifact_location("../elsewhere.md", tmp_path)
    assert outside == {"uri": (tmp_path.parent / "elsewhere.md").as_uri()}  # not under the root: absolute
    assert artifact_location("-", tmp_path) == {"uri": "stdin"}


def test_the_default_root_is_the_git_repository_and_rules_carry_their_help(tmp_path, monkeypatch):
    from orbitcheck.engine import check_text
    from orbitcheck.formats import FileResult
    from orbitcheck.formats.sarif import default_root, sarif_log

    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path / "drafts")
    assert default_root() == tmp_path.resolve()
    report = check_text("It is 35,926 km (22,314 miles) up.", markdown=False)
    log = sarif_log([FileResult("a.md", report)], docs_url="https://docs.example.org/orbitcheck")
    (run,) = log["runs"]
    assert set(run["originalUriBaseIds"]["%SRCROOT%"]) == {"description"}  # no path of this machine
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/a.md"
    driver = run["tool"]["driver"]
    assert driver["informationUri"] == "https://docs.example.org/orbitcheck"
    for rule in driver["rules"]:
        assert rule["help"]["text"].startswith(rule["id"] + ":")  # the check module's own docs
        assert rule["helpUri"].startswith("https://docs.example.org/orbitcheck#")
    assert "helpUri" not in sarif_log([FileResult("a.md", report)])["runs"][0]["tool"]["driver"]["rules"][0]
