"""`orbitcheck import gcat --from DIR`: the station catalogue built from the GCAT excerpts and the crew tables.

The expected values below were read by hand from the source rows in tests/data/catalogue/ (launch excerpt
Launch_Date / Launch_Site / Launch_Pad, psatcat TDate, auxcat "Up Cargo" Mass and DryMass, satcat DDate,
astronauts.csv, crews-2020-2026.json) and typed in; they are not computed by the importer.
"""
from __future__ import annotations

import shutil
import threading
from datetime import date
from pathlib import Path

import pytest

from orbitcheck.errors import InputError
from orbitcheck.records import compiled
from orbitcheck.records.catalogue import import_catalogue
from orbitcheck.records.snapshot import locked
from orbitcheck.records.store import default_data_dir, load_store
from tests.helpers.paths import DATA

SOURCES = DATA / "catalogue"
ALIASES = default_data_dir() / "aliases.toml"
RETRIEVED = date(2025, 12, 1)


def _import(data_dir: Path, **kw):
    return import_catalogue(data_dir, SOURCES, retrieved=RETRIEVED, every_row=True, aliases=ALIASES, **kw)


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("catalogue")
    (data_dir / "missions").mkdir()
    _import(data_dir)
    return data_dir


@pytest.fixture(scope="module")
def by_tag(imported):
    store = load_store(imported, use_compiled=False)
    return {m.cospar.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if m.cospar else m.id: m for m in store.missions()}


# tag -> (name, launch UTC, precision, site, pad, end kind, end UTC, end precision)
# from the launch row (Launch_Date, Launch_Site via sites, Launch_Pad) and the psatcat row of piece A (TDate)
HAND_READ = {
    "1998-067": ("Zarya module", "1998-11-20T06:40:00Z", "second", "Baikonur Cosmodrome", "LC81/23", None, None, None),
    "1998-069": ("STS-88", "1998-12-04T08:35:34Z", "second", "Kennedy Space Center", "LC39A",
                 "landing", "1998-12-16T03:53:00Z", "minute"),
    "2000-070": ("Soyuz TM-31", "2000-10-31T07:52:47Z", "second", "Baikonur Cosmodrome", "LC1",
                 "landing", "2001-05-06T05:41:00Z", "minute"),
    "2001-035": ("STS-105", "2001-08-10T21:10:14Z", "second", "Kennedy Space Center", "LC39A",
                 "landing", "2001-08-22T18:23:00Z", "minute"),
    "2002-050": ("Soyuz TMA-1", "2002-10-30T03:11:11Z", "second", "Baikonur Cosmodrome", "LC1",
                 "landing", "2003-05-04T02:06:00Z", "minute"),
    "2003-045": ("Shenzhou 5", "2003-10-15T01:00:03Z", "second", "Jiuquan Satellite Launch Center", "LC921",
                 "landing", "2003-10-15T22:23:00Z", "minute"),
    "2005-026": ("STS-114", "2005-07-26T14:39:00Z", "second", "Kennedy Space Center", "LC39B",
                 "landing", "2005-08-09T12:11:00Z", "minute"),
    "2006-040": ("Soyuz TMA-9", "2006-09-18T04:08:42Z", "second", "Baikonur Cosmodrome", "LC1",
                 "landing", "2007-04-21T12:31:00Z", "minute"),
    "2008-008": ("ATV 1", "2008-03-09T04:03:11Z", "second", "Guiana Space Centre, Kourou", "ELA3",
                 "reentry", "2008-09-29T00:00:00Z", "day"),
    "2009-048": ("HTV-1", "2009-09-10T17:01:46Z", "second", "Tanegashima Space Center", "Y2",
                 "reentry", "2009-11-01T00:00:00Z", "day"),
    "2010-052": ("Soyuz TMA-01M", "2010-10-07T23:10:55Z", "second", "Baikonur Cosmodrome", "LC1",
                 "landing", "2011-03-16T07:53:00Z", "minute"),
    "2011-031": ("STS-135", "2011-07-08T15:29:04Z", "second", "Kennedy Space Center", "LC39A",
                 "landing", "2011-07-21T09:57:00Z", "minute"),
    "2011-F03": ("Progress M-12M", "2011-08-24T13:00:08Z", "second", "Baikonur Cosmodrome", "LC1", None, None, None),
    "2012-027": ("Dragon C2", "2012-05-22T07:44:38Z", "second", "Cape Canaveral", "LC40",
                 "landing", "2012-05-31T15:42:00Z", "minute"),
    "2014-044": ("ATV 5", "2014-07-29T23:47:38Z", "second", "Guiana Space Centre, Kourou", "ELA3",
                 "reentry", "2015-02-15T00:00:00Z", "day"),
    "2016-062": ("Cygnus OA-5", "2016-10-17T23:45:40Z", "second", "Mid-Atlantic Regional Spaceport, Wallops Island, "
                 "Virginia", "Pad 0A", "reentry", "2016-11-27T00:00:00Z", "day"),
    "2018-032": ("Dragon CRS-14", "2018-04-02T20:30:38Z", "second", "Cape Canaveral", "LC40",
                 "landing", "2018-05-05T19:00:00Z", "minute"),
    "2018-046": ("Cygnus OA-9", "2018-05-21T08:44:06Z", "second", "Mid-Atlantic Regional Spaceport, Wallops Island, "
                 "Virginia", "Pad 0A", "reentry", "2018-07-30T00:00:00Z", "day"),
    "2018-073": ("HTV-7", "2018-09-22T17:52:27Z", "second", "Tanegashima Space Center", "Y2",
                 "reentry", "2018-11-10T00:00:00Z", "day"),
    "2018-091": ("Progress MS-10", "2018-11-16T18:14:08Z", "second", "Baikonur Cosmodrome", "LC1",
                 "reentry", "2019-06-04T12:29:00Z", "minute"),
    "2019-011": ("Crew Dragon DM-1", "2019-03-02T07:49:00Z", "minute", "Kennedy Space Center", "LC39A",
                 "landing", "2019-03-08T13:45:00Z", "minute"),
    "2019-094": ("Starliner OFT", "2019-12-20T11:36:43Z", "second", "Cape Canaveral", "SLC41",
                 "landing", "2019-12-22T12:58:00Z", "minute"),
    "2020-033": ("Dragon DM-2", "2020-05-30T19:22:45Z", "second", "Kennedy Space Center", "LC39A",
                 "landing", "2020-08-02T18:47:00Z", "minute"),
    "2021-046": ("Tianzhou 2", "2021-05-29T12:55:29Z", "second", "Wenchang Space Launch Site", "LC201",
                 "reentry", "2022-03-31T10:40:00Z", "minute"),
    "2021-053": ("Shenzhou 12", "2021-06-17T01:22:32Z", "second", "Jiuquan Satellite Launch Center", "LC43/91",
                 "landing", "2021-09-17T05:34:00Z", "minute"),
    "2022-116": ("Soyuz MS-22", "2022-09-21T13:54:49Z", "second", "Baikonur Cosmodrome", "LC31",
                 "landing", "2023-03-28T11:45:58Z", "second"),
    "2023-110": ("Cygnus NG-19", "2023-08-02T00:31:18Z", "second", "Mid-Atlantic Regional Spaceport, Wallops Island, "
                 "Virginia", "Pad 0A", "reentry", "2024-01-09T19:11:25Z", "second"),
    "2024-109": ("Starliner CFT", "2024-06-05T14:52:15Z", "second", "Cape Canaveral", "SLC41",
                 "landing", "2024-09-07T04:01:35Z", "second"),
    "2024-139": ("Cygnus NG-21", "2024-08-04T15:02:53Z", "second", "Cape Canaveral", "LC40",
                 "reentry", "2025-03-30T10:15:00Z", "minute"),
    "2024-215": ("Progress MS-29", "2024-11-21T12:22:24Z", "second", "Baikonur Cosmodrome", "LC31", None, None, None),
    "2025-049": ("Dragon Crew-10", "2025-03-14T23:03:48Z", "second", "Kennedy Space Center", "LC39A", None, None, None),
}

# tag -> {mass kind (or "cargo_up_part:PART"): kg} from the auxcat "Up Cargo" rows (Mass, DryMass) and satcat TotMass
CARGO = {
    "1998-069": {"cargo_up": 154},                                   # "STS-88 ISS Up Cargo" 154 (no part)
    "2001-035": {"cargo_up_part:Shuttle middeck": 1005, "cargo_up_part:MPLM": 2864},  # A06571, A06572
    "2011-031": {"cargo_up_part:Shuttle middeck": 821, "cargo_up_part:MPLM": 4265},   # A07861, A07862
    "2005-026": {"cargo_up_part:MPLM": 1676},                        # A06971
    "2008-008": {"cargo_up": 4557},                                  # A08884 ATV-1 Up Cargo (DryMass 0)
    "2014-044": {"cargo_up": 6602},                                  # A08893
    "2009-048": {"cargo_pressurized": 3600},                         # A08873 HTV-1 Up Cargo (pressurized only)
    "2012-027": {"cargo_pressurized": 520},                          # A08895 ISS SpX-C2 Up Cargo
    "2018-032": {"cargo_pressurized": 1605},                         # A09113 SpX-14 Up Cargo
    "2016-062": {"cargo_up": 2345},                                  # A08560 ISS OA-5
    "2018-046": {"cargo_up": 3204},                                  # A09130 ISS OA-9
    "2023-110": {"cargo_up": 3749, "spacecraft_launch": 8050},       # A11006; satcat S57488 TotMass 8050
    "2024-139": {"cargo_up": 3843, "cargo_dry": 3700},               # A11279: Mass 3843, DryMass 3700
    "2021-046": {"cargo_up": 5290, "cargo_dry": 4290},               # A11037
    "2018-073": {"cargo_pressurized": 2624},                         # A09174 (A11665 HTV-X1 under this tag skipped)
    "2018-091": {"cargo_up": 2564, "cargo_dry": 1300, "spacecraft_launch": 7430},  # A09216; satcat S43702
    "2024-215": {"cargo_up": 2487, "cargo_dry": 1155},               # A11360
    "2019-094": {"cargo_up": 272, "spacecraft_launch": 8000},        # A09531 Boe-OFT; satcat S44900
    "2024-109": {"cargo_up": 250, "spacecraft_launch": 8000},        # A11228 Boe-CFT; satcat S59968
}

# tag -> first docking or capture (kind, UTC, precision) from the satcat excerpt rows (DDate, Status)
DOCKINGS = {
    "2018-091": ("docking", "2018-11-18T19:28:00Z", "minute"),
    "2019-011": ("docking", "2019-03-03T10:51:00Z", "minute"),
    "2022-116": ("docking", "2022-09-21T17:06:34Z", "second"),
    "2023-110": ("grapple", "2023-08-04T08:52:00Z", "minute"),
    "2024-109": ("docking", "2024-06-06T17:34:00Z", "minute"),
}

# tag -> crew as written in astronauts.csv ("Surname, Given" turned round) or crews-2020-2026.json
CREWS = {
    "1998-069": {"Robert D. Cabana", "Frederick W. Sturckow", "Nancy J. Currie", "Jerry L. Ross", "James H. Newman",
                 "Sergei Krikalev"},
    "2006-040": {"Mikhail Tyurin", "Michael E. Lopez-Alegria", "Anousheh Ansari"},
    "2003-045": {"Liwei Yang"},
    "2025-049": {"Anne McClain", "Nichole Ayers", "Takuya Onishi", "Kirill Peskov"},
    "2021-053": {"Nie Haisheng", "Liu Boming", "Tang Hongbo"},
}


def test_thirty_records_field_by_field(by_tag):
    assert len(HAND_READ) >= 30
    for tag, (name, launch, precision, site, pad, end_kind, end, end_precision) in HAND_READ.items():
        m = by_tag[tag]
        assert m.name == name, tag
        assert m.launch is not None and m.launch.time.strftime("%Y-%m-%dT%H:%M:%SZ") == launch, tag
        assert (m.launch.precision, m.launch.site, m.launch.pad) == (precision, site, pad), tag
        assert m.sources[m.launch.source].dataset.endswith(f"Launch_Tag {tag}"), tag
        ends = [e for e in m.events if e.kind in ("landing", "reentry")]
        if end_kind is None:
            assert ends == [], tag
        else:
            assert [(e.kind, e.time.strftime("%Y-%m-%dT%H:%M:%SZ"), e.precision) for e in ends] == [
                (end_kind, end, end_precision)], tag


def test_outcomes_from_the_launch_code(by_tag):
    assert by_tag["2011-F03"].launch.outcome == "failure"  # LaunchCode OF, FailCode S3P
    assert "FailCode S3P" in by_tag["2011-F03"].launch.note
    assert by_tag["2018-091"].launch.outcome == "success"


def test_cargo_and_its_parts(by_tag):
    for tag, masses in CARGO.items():
        got = {(f"{m.kind}:{m.part}" if m.part else m.kind): m.value for m in by_tag[tag].masses}
        assert {k: got.get(k) for k in masses} == masses, tag
        for mass in by_tag[tag].masses:
            assert by_tag[tag].sources[mass.source].licence.startswith("CC-BY"), tag


def test_dockings_from_the_satcat(by_tag):
    for tag, (kind, when, precision) in DOCKINGS.items():
        event = by_tag[tag].event(kind)
        assert event is not None, tag
        assert (event.time.strftime("%Y-%m-%dT%H:%M:%SZ"), event.precision) == (when, precision), tag


def test_crews_from_the_astronaut_table_and_the_cited_pages(by_tag):
    for tag, names in CREWS.items():
        assert {c.name for c in by_tag[tag].crew} == names, tag
        assert by_tag[tag].kind == "crewed"
    # mission_title: 14 for the two expedition members, "Soyuz TMA-9" (no expedition) for the visitor
    assert {c.name: c.expedition for c in by_tag["2006-040"].crew} == {
        "Mikhail Tyurin": "14", "Michael E. Lopez-Alegria": "14", "Anousheh Ansari": None}
    assert by_tag["2006-040"].expeditions == ("14",)
    crew10 = by_tag["2025-049"]
    source = crew10.sources[crew10.crew[0].source]
    assert source.url.startswith("https://") and "facts cited" in source.licence


def test_aliases_from_the_data_and_the_table_and_never_a_bare_family(by_tag):
    assert {"ISS 90P", "90P", "Progress 90"} <= set(by_tag["2024-215"].aliases)
    assert {"Crew-10", "SpaceX Crew-10", "NASA's SpaceX Crew-10"} <= set(by_tag["2025-049"].aliases)
    assert {"SpX-14", "CRS-14", "SpaceX CRS-14"} <= set(by_tag["2018-032"].aliases)
    assert {"Kounotori 7"} <= set(by_tag["2018-073"].aliases)
    assert {"OA-9", "S.S. J.R. Thompson"} <= set(by_tag["2018-046"].aliases)
    assert "ISS 1S" in by_tag["2000-070"].aliases
    assert {"ISS 44P", "Progress 44"} <= set(by_tag["2011-F03"].aliases)  # Progress-N ended at 42
    assert "44P" not in by_tag["2011-F03"].aliases  # "44P" would match the clock time "9:44 p.m."
    assert "Progress 25" not in {a for m in by_tag.values() for a in m.aliases}  # Progress-25 flew in 1986
    bare = {"dragon", "progress", "soyuz", "cygnus", "shenzhou", "crew dragon", "poisk", "zvezda"}
    assert not {a.lower() for m in by_tag.values() for a in (m.name, *m.aliases)} & bare


def test_every_launch_row_but_the_placeholders_is_a_record(by_tag):
    rows = [ln for ln in (SOURCES / "launch-excerpt-1998-2026-stations-crewed.tsv").read_text("utf-8").splitlines()
            if not ln.startswith("#")]
    real = {ln.split("\t")[0].strip() for ln in rows if "Not real" not in ln}
    assert len(rows) == 389 and len(real) == 387
    assert real == set(by_tag)


def test_a_second_import_writes_byte_identical_files(imported, tmp_path):
    before = {p.name: p.read_bytes() for p in (imported / "missions").iterdir()}
    report = _import(imported)
    assert (report.created, report.updated) == ([], {})
    assert {p.name: p.read_bytes() for p in (imported / "missions").iterdir()} == before


def test_hand_edited_fields_and_curated_figures_are_never_overwritten(tmp_path):
    shutil.copytree(default_data_dir() / "missions", tmp_path / "missions")
    path = tmp_path / "missions" / "progress-ms-10.toml"
    text = path.read_text("utf-8").replace('name = "Progress MS-10"', 'name = "Progress MS-10 (edited)"')
    path.write_text(text, "utf-8")
    (tmp_path / "missions" / compiled.FILE).unlink()
    report = _import(tmp_path)
    record = load_store(tmp_path).get("progress-ms-10")
    assert record.name == "Progress MS-10 (edited)"  # name is in hand_edited
    assert record.launch.source == "gcat-launch" and record.sources["gcat-launch"].method == "curated"
    assert "launch" in report.kept["progress-ms-10"]


def test_an_import_while_the_lock_is_held_is_refused_and_loses_nothing(tmp_path):
    shutil.copytree(default_data_dir() / "missions", tmp_path / "missions")
    for p in (tmp_path / "missions").glob("*.toml"):
        if p.stem not in ("progress-ms-10", "soyuz-ms-11"):
            p.unlink()
    (tmp_path / "missions" / compiled.FILE).unlink()
    before = {p.name: p.read_bytes() for p in (tmp_path / "missions").iterdir()}
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with locked(tmp_path):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        with pytest.raises(InputError, match="locked"):
            _import(tmp_path)
        assert {p.name: p.read_bytes() for p in (tmp_path / "missions").iterdir()} == before
    finally:
        release.set()
        holder.join()
    report = _import(tmp_path)  # once the lock is free, the same import lands whole
    assert len(report.created) == 385
    assert len(load_store(tmp_path, use_compiled=False)) == 387


def test_the_compiled_snapshot_matches_the_toml_and_a_stale_one_is_ignored(imported, tmp_path):
    fast, slow = load_store(imported), load_store(imported, use_compiled=False)
    assert fast.version == slow.version and fast.missions() == slow.missions()
    assert [dict(m.sources) for m in fast.missions()] == [dict(m.sources) for m in slow.missions()]
    shutil.copytree(imported / "missions", tmp_path / "missions")
    path = tmp_path / "missions" / "progress-ms-29.toml"
    path.write_text(path.read_text("utf-8").replace("2487", "2488"), "utf-8")
    store = load_store(tmp_path)  # the digest differs: the TOML files are read, not the stale compile
    assert store.get("progress-ms-29").mass("cargo_up").value == 2488


def test_shipped_records_cover_every_ended_flight_and_every_auxcat_cargo_flight(store):
    """Against the source rows themselves: psatcat ends before April 2025, auxcat Up Cargo rows."""
    by_cospar = {m.cospar: m for m in store.missions() if m.cospar}
    tags = {ln.split("\t")[0].strip() for ln in (SOURCES / "launch-excerpt-1998-2026-stations-crewed.tsv")
            .read_text("utf-8").splitlines() if not ln.startswith("#")}
    ended = 0
    for line in (SOURCES / "psatcat.tsv").read_text("utf-8").splitlines()[2:]:
        cols = line.split("\t")
        piece, tdate, result = cols[1], cols[6], cols[14]
        if not piece.endswith("A") or piece[:-1] not in tags or tdate in ("*", "-") or result != "S":
            continue
        if tdate[:4] < "2025" or tdate[:8] in ("2025 Jan", "2025 Feb", "2025 Mar"):
            if tdate[:11].replace("  ", " ") == cols[3][:11].replace("  ", " "):
                continue  # ended on its launch day (the Dragon qualification unit): no landing or reentry
            ended += 1
            assert any(e.kind in ("landing", "reentry") for e in by_cospar[piece].events), piece
    assert ended > 330
    cargo = 0
    for line in (SOURCES / "auxcat.tsv").read_text("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > 6 and cols[5].strip().endswith("Up Cargo") and cols[2].strip() in tags:
            tag, piece = cols[2].strip(), cols[3].strip()
            if not piece.startswith(tag):
                continue  # A11665: HTV-X1's cargo filed under HTV-7's tag, refused by the importer
            m = next(m for c, m in by_cospar.items() if c.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == tag)
            cargo += 1
            assert m.mass("cargo_up") or m.mass("cargo_pressurized") or m.mass("cargo_up_part"), tag
    assert cargo > 180
