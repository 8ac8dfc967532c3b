"""The shipped checks through every format on one draft with accents and emoji: each format places each
finding where the JSON contract does, in its own unit (code points, or UTF-8 bytes for reviewdog)."""
import json
import re

import jsonschema

from tests.helpers.paths import DATA

DRAFT = DATA / "ci" / "real" / "launch.md"
SCHEMA = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def run(cli, fmt: str) -> str:
    return cli("check", "--format", fmt, str(DRAFT))[1]


def shown(cli) -> list[dict]:
    """The JSON findings every CI format reports: warnings and errors that are not suppressed."""
    findings = json.loads(run(cli, "json"))["files"][0]["findings"]
    return [f for f in findings if f["severity"] != "info" and not f.get("suppressed")]


def test_the_draft_exercises_multibyte_columns(cli):
    finding = next(f for f in shown(cli) if f["check"] == "unit-pair")
    line = DRAFT.read_text("utf-8").splitlines()[finding["line"] - 1]
    assert len(line[: finding["column"] - 1].encode("utf-8")) > finding["column"] - 1  # ñ, ó before it


def test_sarif_matches_json_and_validates(cli):
    log = json.loads(run(cli, "sarif"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = [r for r in log["runs"][0]["results"] if "suppressions" not in r]
    assert len(results) == len(shown(cli))
    text = DRAFT.read_text("utf-8")
    lines = text.splitlines(keepends=True)

    def units(s: str) -> int:
        return len(s.encode("utf-16-le")) // 2

    for result, finding in zip(results, shown(cli), strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert result["ruleId"] == finding["check"]
        # the same place, counted in UTF-16 units (the run's columnKind) where JSON counts code points
        line = lines[finding["line"] - 1]
        assert (region["startLine"], region["startColumn"]) == (finding["line"],
                                                                units(line[:finding["column"] - 1]) + 1)
        assert (region["charOffset"], region["charLength"]) == (
            units(text[:finding["start"]]), units(text[finding["start"]:finding["end"]]))
    (suppressed,) = [r for r in log["runs"][0]["results"] if "suppressions" in r]
    assert suppressed["ruleId"] == "unit-pair"


def test_github_matches_json(cli):
    lines = run(cli, "github").splitlines()
    assert len(lines) == len(shown(cli))
    for line, finding in zip(lines, shown(cli), strict=True):
        props = dict(p.split("=", 1) for p in re.match(r"::\w+ (.*?)::", line).group(1).split(","))
        assert (int(props["line"]), int(props["col"])) == (finding["line"], finding["column"])
        assert int(props["endColumn"]) == finding["column"] + len(finding["text"]) - 1


def test_rdjson_matches_json_in_bytes(cli):
    diagnostics = json.loads(run(cli, "rdjson"))["diagnostics"]
    text = DRAFT.read_text("utf-8")
    assert len(diagnostics) == len(shown(cli))
    placed = 0
    for diagnostic, finding in zip(diagnostics, shown(cli), strict=True):
        line = text.splitlines()[finding["line"] - 1]
        start = diagnostic["location"]["range"]["start"]
        assert start == {"line": finding["line"],
                         "column": len(line[: finding["column"] - 1].encode("utf-8")) + 1}
        if "suggestions" not in diagnostic:  # no suggestion, or no safe way to place it
            continue
        (suggestion,) = diagnostic["suggestions"]
        placed += 1
        encoded = line.encode("utf-8")
        fixed = encoded[: suggestion["range"]["start"]["column"] - 1] + suggestion["text"].encode() + \
            encoded[suggestion["range"]["end"]["column"] - 1:]
        assert finding["suggestion"] in fixed.decode("utf-8")
        assert fixed.decode("utf-8").count("(") == line.count("(")  # one side replaced, the pair intact
    assert placed >= 1


def test_text_matches_json(cli):
    lines = run(cli, "text").splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{DRAFT}:{f['line']}:{f['column']}" for f in shown(cli)]
