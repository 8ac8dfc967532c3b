"""`import gcat --download`: fetch GCAT's current TSV files into a folder, all or nothing.

One requests Session with retries on the adapter (connection errors and 502/503/504, bounded back-off, never
sleeping for a server's Retry-After), a (connect, read) timeout on every call plus a total deadline per file,
a size cap, and checks before anything is kept: status 200, the complete body (Content-Length when given, a
final newline), and the header line of the named GCAT file. Each file goes to DIR/.download/<name>.part and the
set is moved into DIR only when every file passed, so a failed or interrupted download leaves DIR (and the
records, which the import then never touches) as they were.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import IO

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..errors import InputError
from .gcat import CAT_FIELDS, LAUNCH_FIELDS

FILES = {"launch.tsv": "launch/launch.tsv", "psatcat.tsv": "cat/psatcat.tsv", "auxcat.tsv": "cat/auxcat.tsv",
         "satcat.tsv": "cat/satcat.tsv", "sites.tsv": "tables/sites.tsv"}
HEADERS = {"launch.tsv": LAUNCH_FIELDS[0], "psatcat.tsv": "JCAT", "auxcat.tsv": CAT_FIELDS[0],
           "satcat.tsv": CAT_FIELDS[0], "sites.tsv": "Site"}
MAX_BYTES = 64 * 2**20  # the full satcat.tsv is 18 MB


def session(retries: int = 2) -> requests.Session:
    s = requests.Session()
    retry = Retry(total=retries, connect=retries, read=0, status=retries, backoff_factor=0.2,
                  status_forcelist=(502, 503, 504), allowed_methods=("GET",), respect_retry_after_header=False)
    s.mount("http://", HTTPAdapter(max_retries=retry))
    s.mount("https://", HTTPAdapter(max_retries=retry))
    return s


def download(base_url: str, folder: Path, log: IO[str], *, timeout: tuple[float, float] = (5.0, 30.0),
             deadline: float = 300.0, max_bytes: int = MAX_BYTES, files: dict[str, str] | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / ".download"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    base = base_url if base_url.endswith("/") else base_url + "/"
    try:
        with session() as s:
            for name, path in (files or FILES).items():
                _fetch(s, base + path, staging / f"{name}.part", name, timeout, deadline, max_bytes)
                log.write(f"downloaded {name}\n")
        for name in files or FILES:
            os.replace(staging / f"{name}.part", folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _fetch(s: requests.Session, url: str, target: Path, name: str, timeout: tuple[float, float], deadline: float,
           max_bytes: int) -> None:
    start, size = time.monotonic(), 0
    try:
        with s.get(url, timeout=timeout, stream=True) as response:
            if response.status_code != 200:
                raise InputError(f"download {url}: HTTP {response.status_code}; nothing changed")
            expected = response.headers.get("Content-Length")
            with open(target, "wb") as out:
                for chunk in response.iter_content(65536):
                    size += len(chunk)
                    if size > max_bytes:
                        raise InputError(f"download {url}: more than {max_bytes} bytes; nothing changed")
                    if time.monotonic() - start > deadline:
                        raise InputError(f"download {url}: took more than {deadline:g} s; nothing changed")
                    out.write(chunk)
    except requests.RequestException as exc:
        raise InputError(f"download {url}: {type(exc).__name__}; nothing changed") from None
    if expected is not None and int(expected) != size:
        raise InputError(f"download {url}: {size} of {expected} bytes (truncated); nothing changed")
    with open(target, "rb") as handle:
        first = handle.readline().decode("utf-8", "replace").lstrip("#").split("\t")[0].strip()
        handle.seek(max(0, size - 1))
        last = handle.read(1)
    if first != HEADERS[name]:
        raise InputError(f"download {url}: not GCAT's {name} (it starts {first[:40]!r}); nothing changed")
    if last != b"\n":
        raise InputError(f"download {url}: the file does not end with a full line (truncated); nothing changed")
