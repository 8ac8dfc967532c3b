"""GCAT reading (every quirk in tests/data/gcat/README.md) and the importer that writes records from it."""
from __future__ import annotations

import shutil
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from orbitcheck.errors import InputError
from orbitcheck.records import gcat
from orbitcheck.records.gcat import LAUNCH_FIELDS, parse_number, parse_time, read_rows
from orbitcheck.records.gcat_import import import_gcat
from orbitcheck.records.store import RecordError, default_data_dir, load_store
from orbitcheck.records.tomlwrite import dump_record
from tests.helpers.paths import DATA

GCAT = DATA / "gcat"
LAUNCH = GCAT / "launch-excerpt-2018-iss.tsv"
SATCAT = GCAT / "satcat-excerpt-2018-iss.tsv"
AUXCAT = GCAT / "auxcat-excerpt-2018-iss.tsv"
HEADER = "#" + "\t".join(LAUNCH_FIELDS) + "\n"


@pytest.mark.parametrize(
    "text, when, precision, uncertain",
    [
        ("2018 Nov 16 1814:08", (2018, 11, 16, 18, 14, 8), "second", False),
        ("2018 Nov 18 1928", (2018, 11, 18, 19, 28), "minute", False),
        ("2018 Dec  3", (2018, 12, 3), "day", False),  # space-padded day
        ("2018 Nov 07", (2018, 11, 7), "day", False),  # zero-padded day (one row)
        ("1944 Jan", (1944, 1, 1), "month", False),
        ("1994 Q3", (1994, 7, 1), "quarter", False),
        ("2018 Nov 22?", (2018, 11, 22), "day", True),
        ("1960 Apr 13 1228?", (1960, 4, 13, 12, 28), "minute", True),
        ("  2018 Dec  3 1131:52 ", (2018, 12, 3, 11, 31, 52), "second", False),
    ],
)
def test_dates_keep_their_precision(text, when, precision, uncertain):
    parsed = parse_time(text)
    assert parsed.time == datetime(*when, tzinfo=UTC)
    assert (parsed.precision, parsed.uncertain) == (precision, uncertain)


@pytest.mark.parametrize("text", ["-", "", None, "2018 Foo 16", "2018 Feb 30", "soon"])
def test_empty_or_junk_dates_are_none(text):
    assert parse_time(text) is None


@pytest.mark.parametrize("text, expected", [("    2564 ", (2564.0, "")), ("     40?", (40.0, "?")),
                                            ("    - ", (None, "")), ("  10.564 ", (10.564, ""))])
def test_numbers_with_trailing_flags(text, expected):
    assert parse_number(text) == expected


def test_launch_rows_have_26_fields_and_flags_ride_on_apogee_and_range():
    info, rows = read_rows(LAUNCH, "launch")
    rows = list(rows)
    assert [r["Launch_Tag"] for r in rows] == ["2018-046", "2018-051", "2018-055", "2018-F01", "2018-091",
                                              "2018-092", "2018-098", "2018-101"]
    failed = rows[3]
    assert (failed["Apogee"], failed["Range"], failed["LaunchCode"]) == ("93", "400", "OF")
    assert (failed["FailCode"], failed["Notes"]) == ("S1S", "Blok D bad sep")
    assert rows[4]["Flight"] == "Progress MS-10" and rows[4]["FlightCode"] == "ISS 71P"
    assert rows[4]["Dest"] is None  # "-" means empty
    assert info.skipped == 0


def test_synthetic_launch_rows(tmp_path):
    base = LAUNCH.read_text(encoding="utf-8").splitlines()[5].split("\t")  # Progress MS-10
    flagged = base[:14] + ["     40?", "  400*"] + base[16:]
    full = base[:14] + ["  411", "~", "-", ""] + base[16:]  # 28 fields: flags as their own columns
    path = tmp_path / "launch.tsv"
    path.write_text(HEADER + "# Updated 2025 Dec  1 0109:52\r\n" + "\t".join(flagged) + "\r\n"
                    + "\t".join(full) + "\n" + "too\tfew\tfields\n", encoding="utf-8")
    info, rows = read_rows(path, "launch")
    rows = list(rows)
    assert (rows[0]["Apogee"], rows[0]["Apoflag"], rows[0]["Range"], rows[0]["RangeFlag"]) == ("40", "?", "400", "*")
    assert (rows[1]["Apogee"], rows[1]["Apoflag"], rows[1]["Dest"], rows[1]["OrbPay"]) == ("411", "~", None, "7.430")
    assert info.skipped == 1
    assert info.updated == date(2025, 12, 1)


def test_a_file_that_is_not_the_named_kind_is_refused(tmp_path):
    with pytest.raises(InputError, match="not a GCAT launch.tsv"):
        read_rows(SATCAT, "launch")
    with pytest.raises(InputError, match="cannot read"):
        read_rows(tmp_path / "missing.tsv", "auxcat")


def test_streams_a_file_as_large_as_the_full_launch_tsv(tmp_path):
    row = LAUNCH.read_text(encoding="utf-8").splitlines()[1].split("\t")
    path = tmp_path / "launch.tsv"
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(75_000):  # the full file has more than 73,000 rows
            out.write("\t".join([f"1999-{i:05d}", *row[1:]]) + "\n")
    assert path.stat().st_size > 11_000_000
    _, rows = read_rows(path, "launch")
    assert sum(1 for _ in rows) == 75_000


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(default_data_dir() / "missions", tmp_path / "missions")
    # Start from the curated records only: drop what the importer wrote into the shipped data.
    for path in (tmp_path / "missions").glob("*.toml"):
        record = tomllib.loads(path.read_text(encoding="utf-8"))
        imported = {k for k, s in record["sources"].items() if s.get("method") == "imported"}
        if imported == set(record["sources"]):
            path.unlink()
            continue
        for name in ("events", "masses"):
            record[name] = [f for f in record.get(name, []) if f["source"] not in imported]
        if (record.get("launch") or {}).get("source") in imported:
            del record["launch"]  # a record curated in part (Soyuz MS-23's docking) keeps only that part
        record["sources"] = {k: s for k, s in record["sources"].items() if k not in imported}
        path.write_text(dump_record(record), encoding="utf-8")
    return tmp_path


def test_import_adds_cargo_masses_and_keeps_curated_figures(data):
    before = load_store(data).get("progress-ms-10")
    report = import_gcat(data, launch=LAUNCH, satcat=SATCAT, auxcat=AUXCAT, today=date(2026, 1, 4))
    after = load_store(data).get("progress-ms-10")
    assert after.mass("cargo_up").value == 2564 and after.mass("cargo_dry").value == 1300
    source = after.sources[after.mass("cargo_up").source]
    assert (source.method, source.dataset, source.retrieved) == ("imported", "GCAT auxcat.tsv, JCAT A09216",
                                                                 date(2025, 12, 1))
    assert "CC-BY" in source.licence
    assert after.launch == before.launch and after.event("docking") == before.event("docking")
    assert after.event("docking").target == "Zvezda aft"  # curated, where GCAT only says S26400
    assert "launch" in report.kept["progress-ms-10"]
    assert report.created == []  # without --add-iss-year only known launches are touched
    assert load_store(data).get("cygnus-ng-10").mass("cargo_up").value == 3273


def test_import_creates_the_years_iss_cargo_flights(data):
    report = import_gcat(data, launch=LAUNCH, satcat=SATCAT, auxcat=AUXCAT, add_iss_year=2018)
    assert sorted(report.created) == ["htv-7", "progress-ms-08", "progress-ms-09", "spx-14"]
    store = load_store(data)
    htv = store.get("htv-7")
    assert htv.mass("cargo_pressurized").value == 2624  # pressurized only; not HTV-X1's 4000 kg filed under the same tag
    assert htv.mass("cargo_dry") is None  # GCAT's DryMass 0 is "no figure"
    assert (htv.launch.time.date(), htv.launch.precision) == (date(2018, 9, 22), "day")
    assert store.get("progress-ms-08").aliases == ("ISS 69P",)
    assert any("A11665" in c for c in report.conflicts)
    # Dragon's GCAT figure is its pressurized cargo only (trunk payloads are rows of their own)
    assert store.get("spx-14").mass("cargo_up") is None and store.get("spx-14").mass("cargo_pressurized").value == 1605
    # every ISS cargo flight of 2018 in auxcat now carries its up-cargo mass
    cargo = {m.cospar[:8] for m in store.missions() if m.mass("cargo_up") or m.mass("cargo_pressurized")}
    assert cargo == {"2018-019", "2018-032", "2018-046", "2018-055", "2018-058", "2018-073", "2018-091",
                     "2018-092", "2018-101"}


def test_import_is_idempotent_and_dry_run_writes_nothing(data):
    snapshot = {p.name: p.read_text() for p in (data / "missions").glob("*.toml")}
    report = import_gcat(data, auxcat=AUXCAT, add_iss_year=2018, dry_run=True)
    assert report.created and {p.name: p.read_text() for p in (data / "missions").glob("*.toml")} == snapshot
    import_gcat(data, auxcat=AUXCAT, add_iss_year=2018)
    again = import_gcat(data, auxcat=AUXCAT, add_iss_year=2018)
    assert again.created == [] and again.updated == {}


def test_imported_figures_are_updated_but_curated_ones_are_not(data, tmp_path):
    import_gcat(data, auxcat=AUXCAT)
    changed = tmp_path / "aux.tsv"
    changed.write_text(AUXCAT.read_text().replace("    2564 ", "    2600 "), encoding="utf-8")
    report = import_gcat(data, auxcat=changed)
    assert report.updated["progress-ms-10"] == ["masses.cargo_up", "masses.cargo_dry"]
    assert load_store(data).get("progress-ms-10").mass("cargo_up").value == 2600
    path = data / "missions" / "progress-ms-10.toml"
    path.write_text(path.read_text().replace('method = "imported"', 'method = "curated"'))
    changed.write_text(AUXCAT.read_text().replace("    2564 ", "    2700 "), encoding="utf-8")
    report = import_gcat(data, auxcat=changed)
    assert "masses.cargo_up" in report.kept["progress-ms-10"]
    assert load_store(data).get("progress-ms-10").mass("cargo_up").value == 2600


def test_an_import_that_would_break_a_record_writes_nothing(data, tmp_path):
    # An Up Cargo row whose name is already another mission's alias: the new record would clash.
    row = AUXCAT.read_text().splitlines()[2].replace("Progress MS-08 Up Cargo", "Progress 71 Up Cargo")
    bad = tmp_path / "aux.tsv"
    bad.write_text("\n".join(AUXCAT.read_text().splitlines()[:2] + [row]) + "\n")
    snapshot = sorted(p.name for p in (data / "missions").glob("*.toml"))
    with pytest.raises(RecordError, match="'Progress 71' is already a name or alias of 'progress-ms-10'"):
        import_gcat(data, auxcat=bad, add_iss_year=2018)
    assert sorted(p.name for p in (data / "missions").glob("*.toml")) == snapshot


def test_cli_import_and_missions(cli, data):
    status, out, err = cli("import", "gcat", "--auxcat", str(AUXCAT), "--add-iss-year", "2018",
                           "--data-dir", str(data))
    assert status == 0, err
    assert "create htv-7" in out and "update progress-ms-10: masses.cargo_up" in out
    status, out, _ = cli("missions", "htv", "--data-dir", str(data))
    assert status == 0 and out.startswith("htv-7") and "launch 2018-09-22 UTC" in out


@pytest.mark.parametrize(
    "argv, needle",
    [
        (["import", "gcat"], "at least one of"),
        (["import", "gcat", "--launch", str(SATCAT)], "not a GCAT launch.tsv"),
        (["import", "gcat", "--auxcat", "/no/such.tsv"], "cannot read"),
        (["import", "gcat", "--auxcat", str(AUXCAT), "--retrieved", "yesterday"], "--retrieved"),
        (["import", "gcat", "--auxcat", str(AUXCAT), "--data-dir", "/no/such/dir"], "no such folder"),
    ],
)
def test_cli_import_bad_input_exits_2(cli, argv, needle):
    status, out, err = cli(*argv)
    assert status == 2 and needle in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("name", "pressurized"), [
    ("SpX-15 Up Cargo", True), ("ISS SpX-C2 Up Cargo", True),   # Dragon: the trunk's payloads are rows of their own
    ("HTV-6 Up Cargo", True), ("HTV-1 Up Cargo", True),         # HTV: the exposed pallet's cargo is not in the row
    ("Progress MS-10 Up Cargo", False), ("ISS NG-10 Up Cargo", False), ("ATV-1 Up Cargo", False),
    ("HTVX-1 Up Cargo", False), ("", False), (None, False),
])
def test_which_up_cargo_rows_count_the_pressurized_cargo_only(name, pressurized):
    assert gcat.pressurized_only(name) is pressurized
