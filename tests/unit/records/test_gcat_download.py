"""`import gcat --download` against a fake GCAT server on 127.0.0.1: a good run, then every failure changes nothing."""
from __future__ import annotations

import shutil
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest

from orbitcheck.errors import InputError
from orbitcheck.records.catalogue import import_catalogue
from orbitcheck.records.gcat_download import FILES, download
from orbitcheck.records.store import default_data_dir
from tests.helpers.paths import DATA

SRC = DATA / "catalogue"
BODIES = {"launch/launch.tsv": SRC / "launch-excerpt-1998-2026-stations-crewed.tsv",
          "cat/psatcat.tsv": SRC / "psatcat.tsv", "cat/auxcat.tsv": SRC / "auxcat.tsv",
          "cat/satcat.tsv": SRC / "satcat-excerpt-2019-2025-iss.tsv", "tables/sites.tsv": SRC / "sites.tsv"}


class Fake(BaseHTTPRequestHandler):
    mode = "good"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.removeprefix("/gcat/")
        body = BODIES[path].read_bytes()
        mode = type(self).mode
        if mode == "500" and path.startswith("cat/auxcat"):
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if mode == "html" and path.startswith("cat/psatcat"):
            body = b"<html><body>Site maintenance</body></html>\n"
        if mode == "hang" and path.startswith("cat/satcat"):
            time.sleep(3)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if mode == "truncated" and path.startswith("cat/psatcat"):
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Fake)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/gcat/"
    httpd.shutdown()
    Fake.mode = "good"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir() / "missions", data / "missions")
    return data, tmp_path / "gcat"


def test_a_good_download_then_import(server, tmp_path):
    data, folder = _setup(tmp_path)
    download(server, folder, StringIO(), timeout=(2, 2))
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    report = import_catalogue(data, folder, retrieved=date(2025, 12, 1), every_row=True,
                              aliases=default_data_dir() / "aliases.toml")
    assert not report.created  # the excerpts' flights are all shipped already
    crewed = (data / "missions" / "sts-88.toml").read_text("utf-8")
    assert 'name = "Robert D. Cabana"' in crewed  # no astronauts.csv in a GCAT download: its crews are kept


@pytest.mark.parametrize("mode, needle", [("truncated", "truncated|ChunkedEncodingError|ConnectionError"),
                                          ("500", "HTTP 500"), ("hang", "ReadTimeout|ConnectionError|took more"),
                                          ("html", "not GCAT's psatcat.tsv")])
def test_a_failed_download_changes_nothing(server, tmp_path, mode, needle):
    data, folder = _setup(tmp_path)
    download(server, folder, StringIO(), timeout=(2, 2))  # a previous good download
    before_files, before_records = _snapshot(folder), _snapshot(data)
    Fake.mode = mode
    with pytest.raises(InputError, match=needle):
        download(server, folder, StringIO(), timeout=(1, 1))
    assert _snapshot(folder) == before_files
    assert _snapshot(data) == before_records
