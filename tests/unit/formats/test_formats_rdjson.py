"""--format rdjson: reviewdog's DiagnosticResult on the shared CI draft, columns in UTF-8 bytes."""
import json

from tests.helpers.paths import DATA

DRAFT = DATA / "ci" / "draft.md"


def rdjson(cli, *argv) -> dict:
    status, out, err = cli("check", "--format", "rdjson", "--fail-on", "never", *argv)
    assert status == 0, err
    return json.loads(out)


def test_diagnostics_for_warnings_and_errors_with_source_code_and_severity(cli, fixture_registry):
    result = rdjson(cli, str(DRAFT))
    assert result["source"] == {"name": "orbitcheck"}
    assert [(d["severity"], d["code"], d["location"]["path"]) for d in result["diagnostics"]] == [
        ("ERROR", {"value": "fixture-pair"}, str(DRAFT)),
        ("WARNING", {"value": "fixture-pair"}, str(DRAFT)),
    ]


def test_columns_count_utf8_bytes_after_accents_and_emoji(cli, fixture_registry):
    error = rdjson(cli, str(DRAFT))["diagnostics"][0]
    line = DRAFT.read_text("utf-8").splitlines()[6]
    byte_col = len(line[: line.index("254 miles")].encode("utf-8")) + 1
    # By hand: 47 code points precede the claim; ñ and ó take 2 bytes, 🚀 takes 4: 47 + 1 + 1 + 3 = 52 bytes.
    assert byte_col == 53
    assert error["location"]["range"] == {"start": {"line": 7, "column": 53}, "end": {"line": 7, "column": 71}}
    encoded = line.encode("utf-8")
    assert encoded[53 - 1:71 - 1].decode("utf-8") == "254 miles (400 km)"


def test_suggestion_replaces_the_wrong_side_in_byte_columns(cli, fixture_registry):
    error = rdjson(cli, str(DRAFT))["diagnostics"][0]
    (suggestion,) = error["suggestions"]
    assert suggestion["text"] == "409 km"
    rng = suggestion["range"]
    line = DRAFT.read_text("utf-8").splitlines()[6].encode("utf-8")
    start, end = rng["start"]["column"] - 1, rng["end"]["column"] - 1
    assert rng["start"]["line"] == rng["end"]["line"] == 7
    assert (line[:start] + b"409 km" + line[end:]).decode("utf-8").endswith("254 miles (409 km) away.")


def test_line_without_multibyte_characters_has_equal_byte_and_code_point_columns(cli, fixture_registry):
    warning = rdjson(cli, str(DRAFT))["diagnostics"][1]
    assert warning["location"]["range"]["start"] == {"line": 11, "column": 20}
    assert "suggestions" not in warning
