"""`.orbitcheck.toml`: lookup (walk up, stdin from cwd, --config), precedence flag > file > default,
every key reaching the check, and invalid files refused with file, key and reason on one line."""
import io
import json
import sys

import pytest

from orbitcheck import config

WARNING_ONLY = "The station passed 35,926 km (22,314 miles) overhead.\n"  # an ambiguous warning
ERROR = "It fell 254 miles (400 km) away.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def details(out: str) -> dict:
    return json.loads(out)["files"][0]["findings"][0]["details"]


def test_config_is_found_by_walking_up_from_the_draft(tmp_path):
    cfg = write(tmp_path / ".orbitcheck.toml", 'fail_on = "warning"\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert config.find(tmp_path / "a" / "b") == cfg
    nearer = write(tmp_path / "a" / ".orbitcheck.toml", 'fail_on = "never"\n')
    assert config.find(tmp_path / "a" / "b") == nearer


def test_each_draft_gets_its_nearest_config(cli, tmp_path, fixture_registry):
    write(tmp_path / ".orbitcheck.toml", 'fail_on = "warning"\n')
    strict = write(tmp_path / "strict" / "w.md", WARNING_ONLY)
    write(tmp_path / "lenient" / ".orbitcheck.toml", 'fail_on = "never"\n')
    lenient = write(tmp_path / "lenient" / "w.md", WARNING_ONLY)
    assert cli("check", str(lenient))[0] == 0
    assert cli("check", str(strict))[0] == 1
    assert cli("check", str(strict), str(lenient))[0] == 1


def test_stdin_looks_up_from_the_working_directory(cli, tmp_path, monkeypatch, fixture_registry):
    write(tmp_path / ".orbitcheck.toml", 'fail_on = "warning"\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WARNING_ONLY.encode())))
    assert cli("check", "-")[0] == 1


def test_explicit_config_overrides_lookup(cli, tmp_path, fixture_registry):
    write(tmp_path / ".orbitcheck.toml", 'fail_on = "warning"\n')
    draft = write(tmp_path / "w.md", WARNING_ONLY)
    other = write(tmp_path / "elsewhere" / "ci.toml", 'fail_on = "never"\n')
    assert cli("check", str(draft))[0] == 1
    assert cli("check", "--config", str(other), str(draft))[0] == 0


@pytest.mark.parametrize("file_value, flag, expected_status", [
    (None, None, 0),             # default: fail on errors only
    ('"warning"', None, 1),      # the file
    ('"warning"', "error", 0),   # the flag beats the file
    ('"never"', "warning", 1),
    (None, "warning", 1),
])
def test_fail_on_precedence(cli, tmp_path, fixture_registry, file_value, flag, expected_status):
    if file_value:
        write(tmp_path / ".orbitcheck.toml", f"fail_on = {file_value}\n")
    draft = write(tmp_path / "w.md", WARNING_ONLY)
    argv = ["check", str(draft)] + (["--fail-on", flag] if flag else [])
    assert cli(*argv)[0] == expected_status


@pytest.mark.parametrize("file_lines, flags, profile, zone", [
    ([], [], "news", None),
    (['tolerance = "ap"', 'default_zone = "America/New_York"'], [], "ap", "America/New_York"),
    (['tolerance = "ap"', 'default_zone = "America/New_York"'], ["--tolerance", "strict"], "strict",
     "America/New_York"),
    (['tolerance = "ap"'], ["--default-zone", "Europe/Moscow"], "ap", "Europe/Moscow"),
])
def test_tolerance_and_zone_reach_the_check_context(cli, tmp_path, fixture_registry, file_lines, flags,
                                                    profile, zone):
    if file_lines:
        write(tmp_path / ".orbitcheck.toml", "\n".join(file_lines) + "\n")
    draft = write(tmp_path / "e.md", ERROR)
    status, out, err = cli("check", "--format", "json", *flags, str(draft))
    assert status == 1, err
    assert (details(out)["profile"], details(out)["zone"]) == (profile, zone)


def test_published_field_names_the_front_matter_date(cli, tmp_path, fixture_registry):
    write(tmp_path / ".orbitcheck.toml", 'published_field = "pubDate"\n')
    draft = write(tmp_path / "e.md", "---\ndate: 2001-01-01\npubDate: 2018-11-20\n---\n" + ERROR)
    assert details(cli("check", "--format", "json", str(draft))[1])["published"] == "2018-11-20"
    # --published still wins over any front matter.
    out = cli("check", "--format", "json", "--published", "2019-03-04", str(draft))[1]
    assert details(out)["published"] == "2019-03-04"


def test_checks_disable_and_enable_and_the_flag_winning(cli, tmp_path, fixture_registry):
    draft = write(tmp_path / "e.md", ERROR)
    cfg = write(tmp_path / ".orbitcheck.toml", '[checks]\ndisable = ["fixture-pair"]\n')
    assert cli("check", "--format", "json", str(draft))[:2][0] == 0
    assert json.loads(cli("check", "--format", "json", str(draft))[1])["files"][0]["findings"] == []
    assert cli("check", "--checks", "fixture-pair", str(draft))[0] == 1
    cfg.write_text('[checks]\nenable = ["fixture-pair"]\n', encoding="utf-8")
    assert cli("check", str(draft))[0] == 1


@pytest.mark.parametrize("content, key, reason", [
    ('fail_on = "sometimes"\n', "fail_on", "Must be one of"),
    ("fail_on = 3\n", "fail_on", "Not a valid string"),
    ('tolerance = "loose"\n', "tolerance", "Must be one of"),
    ('default_zone = "Mars/Olympus"\n', "default_zone", "not an IANA time zone"),
    ('default_zone = "../../etc/passwd"\n', "default_zone", "not an IANA time zone"),
    ('published_field = ""\n', "published_field", "Shorter than minimum length"),
    ('colour = "red"\n', "colour", "Unknown field"),
    ('[checks]\nenable = ["fixture-pair", "nope"]\n', "checks.enable[1]", "unknown check 'nope'"),
    ('[checks]\ndisable = "fixture-pair"\n', "checks.disable", "Not a valid list"),
    ('[checks]\nonly = ["x"]\n', "checks.only", "Unknown field"),
    ('fail_on = "warning\n', "", "not valid TOML"),
])
def test_invalid_config_exits_2_naming_file_key_and_reason(cli, tmp_path, fixture_registry, content, key,
                                                           reason):
    cfg = write(tmp_path / ".orbitcheck.toml", content)
    draft = write(tmp_path / "e.md", ERROR)
    status, out, err = cli("check", str(draft))
    assert (status, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert f"{cfg}: {key}" in err and reason in err
    assert "Traceback" not in err


def test_missing_explicit_config_and_bad_zone_flag_exit_2(cli, tmp_path, fixture_registry):
    draft = write(tmp_path / "e.md", ERROR)
    status, _, err = cli("check", "--config", str(tmp_path / "nope.toml"), str(draft))
    assert status == 2 and "nope.toml: cannot read config" in err
    status, _, err = cli("check", "--default-zone", "EST5", str(draft))
    assert status == 2 and "--default-zone" in err


def test_resolve_combines_key_by_key():
    file = config.Config(fail_on="warning", tolerance="ap", default_zone="UTC", published_field="pub")
    flags = config.Overrides(tolerance="strict")
    assert config.resolve(file, flags) == config.Settings(
        fail_on="warning", checks=None, profile="strict", default_zone="UTC", published_field="pub")
    assert config.resolve(config.Config(), config.Overrides()) == config.Settings()


def test_tolerance_from_the_file_reaches_the_shipped_unit_check(cli, tmp_path):
    write(tmp_path / ".orbitcheck.toml", 'tolerance = "strict"\n[checks]\nenable = ["unit-pair"]\n')
    draft = write(tmp_path / "u.md", "Progress delivered 5,652 pounds (2,564 kg).\n")
    status, out, err = cli("check", "--format", "json", str(draft))
    assert status == 0, err
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert finding["check"] == "unit-pair" and finding["details"]["profile"] == "strict"
    out = cli("check", "--format", "json", "--tolerance", "ap", str(draft))[1]
    assert json.loads(out)["files"][0]["findings"][0]["details"]["profile"] == "ap"


def test_config_errors_name_the_file_relative_to_the_working_directory(cli, tmp_path, monkeypatch):
    write(tmp_path / "drafts" / ".orbitcheck.toml", 'tolerance = "loose"\n')
    write(tmp_path / "drafts" / "a.md", ERROR)
    monkeypatch.chdir(tmp_path)
    status, _, err = cli("check", "drafts")
    assert status == 2
    assert err == "orbitcheck: error: drafts/.orbitcheck.toml: tolerance: Must be one of: strict, news, ap.\n"
