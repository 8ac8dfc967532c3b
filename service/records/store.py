"""Reference records: load and validate reference_data/missions/*.toml into an immutable ReferenceStore.

The store is built once (by `main` or `create_app`, never at import) and never changes; a reload builds a new
one and swaps it whole. Any invalid record refuses the whole load with every problem listed: serving half the
data would make "unverified" mean "we dropped the record", which an editor cannot tell apart.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from ..errors import OrbitcheckError

ENV_DATA_DIR = "ORBITCHECK_DATA_DIR"


class RecordError(OrbitcheckError):
    """Invalid reference data. `problems` holds one "file: field: reason" line per problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s) in reference records: " + "; ".join(self.problems))


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    retrieved: date
    licence: str
    url: str | None = None
    dataset: str | None = None
    method: str = "curated"
    note: str = ""

    def cite(self) -> dict[str, Any]:
        """What a finding's evidence shows: enough to find the figure again."""
        return {"key": self.key, "title": self.title, "url": self.url, "dataset": self.dataset,
                "licence": self.licence, "retrieved": self.retrieved.isoformat()}


@dataclass(frozen=True)
class Launch:
    time: datetime
    precision: str
    source: str
    outcome: str | None = None
    uncertain: bool = False
    site: str | None = None
    site_aliases: tuple[str, ...] = ()
    pad: str | None = None
    zone: str | None = None
    vehicle: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Event:
    kind: str
    time: datetime
    precision: str
    source: str
    uncertain: bool = False
    target: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Mass:
    kind: str
    value: float
    unit: str
    source: str
    uncertain: bool = False
    part: str | None = None
    note: str = ""


@dataclass(frozen=True)
class CrewMember:
    name: str
    source: str
    agency: str | None = None
    role: str | None = None
    expedition: str | None = None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Mission:
    id: str
    name: str
    kind: str
    sources: Mapping[str, Source] = field(compare=False)
    aliases: tuple[str, ...] = ()
    cospar: str | None = None
    destination: str | None = None
    expeditions: tuple[str, ...] = ()
    expeditions_source: str | None = None
    launch: Launch | None = None
    events: tuple[Event, ...] = ()
    masses: tuple[Mass, ...] = ()
    crew: tuple[CrewMember, ...] = ()
    hand_edited: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        """The vehicle family a bare word refers to ("the Progress launch"): the name's first word."""
        return self.name.split()[0]

    def event(self, kind: str) -> Event | None:
        return next((e for e in self.events if e.kind == kind), None)

    def mass(self, kind: str) -> Mass | None:
        return next((m for m in self.masses if m.kind == kind), None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, in the record's own shape (times as "...Z" strings), sources included: the one record
        schema's dump, so the API, `orbitcheck missions --format json` and docs/records.md cannot drift."""
        from ..schemas.records import MissionSchema

        record = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "sources"}
        record["launch"] = _plain(self.launch) if self.launch else None
        for name in ("events", "masses", "crew"):
            record[name] = [_plain(item) for item in getattr(self, name)]
        record["sources"] = {k: _plain(v) for k, v in self.sources.items()}
        return MissionSchema().dump(record)


def _plain(obj: Any) -> dict[str, Any]:
    return {name: list(v) if isinstance(v := getattr(obj, name), tuple) else v for name in obj.__dataclass_fields__}


def name_key(text: str) -> str:
    """Case-, accent- and punctuation-free form: "Soyuz MS-11", "soyuz ms 11", "SOYUZ MS11" -> "soyuz ms 11"."""
    return " ".join(name_tokens(text))


def name_tokens(text: str) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return re.findall(r"\d+|[^\W\d_]+", plain)  # over names and queries only, never a whole draft


class MissionStore(Protocol):
    """What the checks, the engine and the API read of a reference store: ReferenceStore below, or a double.

    Read-only: a store never changes once built (a reload builds a new one and swaps it whole). Hashable, by
    identity: the reference check caches one gazetteer per store."""

    @property
    def version(self) -> str: ...

    def __hash__(self) -> int: ...

    def __len__(self) -> int: ...

    def get(self, mission_id: str) -> Mission | None: ...

    def missions(self) -> tuple[Mission, ...]: ...

    def search(self, q: str) -> list[Mission]: ...


class ReferenceStore:
    """An immutable set of missions with lookup by id and search by name, alias, COSPAR id or crew."""

    def __init__(self, missions: Iterable[Mission], version: str, data_dir: Path | None = None) -> None:
        ordered = sorted(missions, key=lambda m: (m.launch.time.isoformat() if m.launch else "9999", m.id))
        self._missions = tuple(ordered)
        self._by_id = MappingProxyType({m.id: m for m in ordered})
        self.version = version
        self.data_dir = data_dir

    def __len__(self) -> int:
        return len(self._missions)

    def __repr__(self) -> str:
        return f"<ReferenceStore {len(self)} missions version={self.version}>"

    def get(self, mission_id: str) -> Mission | None:
        return self._by_id.get(mission_id)

    def missions(self) -> tuple[Mission, ...]:
        return self._missions

    def search(self, q: str) -> list[Mission]:
        """Missions whose id, name, alias, COSPAR id, expedition or crew member contains the query's words."""
        want = name_key(q)
        if not want:
            return list(self._missions)
        return [m for m in self._missions if any(f" {want}" in key for key in _search_keys(m))]


def _search_keys(m: Mission) -> list[str]:
    texts = [m.id, m.name, *m.aliases, m.cospar or "", *(f"expedition {e}" for e in m.expeditions),
             *(c.name for c in m.crew)]
    # A leading space so that the query matches at word starts only ("ms" finds "soyuz ms 11", "s" not "ms").
    return [f" {name_key(t)}" for t in texts if t]


def default_data_dir() -> Path:
    """The shipped records: package data `orbitcheck.reference_data` (the repository's reference_data/ folder).

    Found with importlib.resources, so a wheel, an editable install and the source tree all find them."""
    return Path(str(resources.files("orbitcheck.reference_data")))


def data_dir_from_env(environ: Mapping[str, str] | None = None) -> Path | None:
    """ORBITCHECK_DATA_DIR if set (the service's override), else None. Call it at start-up, not import."""
    value = (os.environ if environ is None else environ).get(ENV_DATA_DIR, "").strip()
    return Path(value) if value else None


def resolve_data_dir(given: str | Path | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """--data-dir wins, then ORBITCHECK_DATA_DIR, then the shipped reference_data/."""
    if given:
        return Path(given)
    return data_dir_from_env(environ) or default_data_dir()


def load_store(data_dir: Path | None = None, *, use_compiled: bool = True) -> ReferenceStore:
    """Read and validate every record under data_dir/missions; RecordError lists every problem at once.

    missions/ (a symlink to a snapshot, or a plain folder) is resolved once: it is opened as a directory
    descriptor under a shared flock, and every file is listed and read through that descriptor, so a sync
    or import swapping in a new snapshot meanwhile cannot give this load half of each (see snapshot.py).
    When the snapshot's compiled.json matches its TOML files' digest (records/compiled.py), it is used instead
    of parsing and validating each file again; `use_compiled=False` always reads the TOML (an importer's check)."""
    from . import compiled

    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    folder = data_dir / "missions"
    fast = None
    with _opened_snapshot(folder) as fd:
        names = sorted(os.listdir(fd))
        files = [(name, _read_at(fd, name)) for name in names if name.endswith(".toml")]
        if use_compiled and compiled.FILE in names:
            version = compiled.digest(files)
            fast = compiled.load_fresh_text(_read_at(fd, compiled.FILE), version)
    if fast is not None:
        return ReferenceStore(fast, version, data_dir)
    return _build(files, data_dir)


@contextlib.contextmanager
def _opened_snapshot(folder: Path) -> Iterator[int]:
    """A descriptor of the snapshot folder, share-locked so no writer deletes it while it is read."""
    for _ in range(5):
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except (FileNotFoundError, NotADirectoryError):
            raise RecordError([f"{folder}: no such folder (a data dir holds missions/<id>.toml)"]) from None
        try:
            with contextlib.suppress(OSError):  # a file system without flock: read without it
                fcntl.flock(fd, fcntl.LOCK_SH)
            if os.fstat(fd).st_nlink > 0:  # not a retired snapshot deleted before our lock was granted
                yield fd
                return
        finally:
            os.close(fd)
    raise RecordError([f"{folder}: the snapshot kept changing while it was read; try again"])


def _read_at(fd: int, name: str) -> bytes:
    handle = os.open(name, os.O_RDONLY, dir_fd=fd)
    with os.fdopen(handle, "rb") as stream:
        return stream.read()


def _build(files: list[tuple[str, bytes]], data_dir: Path) -> ReferenceStore:
    # marshmallow only here: a snapshot with a fresh compiled.json (the usual start) is loaded without it.
    from marshmallow import ValidationError

    from orbitcheck.schemas.records import MissionSchema

    schema, digest = MissionSchema(), hashlib.sha256()
    missions: list[Mission] = []
    problems: list[str] = []
    for name, raw in files:
        stem = name.removesuffix(".toml")
        digest.update(name.encode() + b"\0" + raw + b"\0")
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            problems.append(f"{name}: not valid TOML: {exc}")
            continue
        try:
            loaded = schema.load(data)
        except ValidationError as exc:
            problems.extend(f"{name}: {where}: {reason}" for where, reason in flatten_errors(exc.messages))
            continue
        if loaded["id"] != stem:
            problems.append(f"{name}: id: {loaded['id']!r} must equal the file name {stem!r}")
        missions.append(mission_from_dict(loaded))
    problems.extend(_clashes(missions))
    if problems:
        raise RecordError(problems)
    return ReferenceStore(missions, digest.hexdigest()[:16], data_dir)


def _clashes(missions: list[Mission]) -> list[str]:
    """Names and aliases must each point at one mission, or a mention could not be linked without guessing."""
    owner: dict[str, str] = {}
    problems = []
    for m in missions:
        for label in dict.fromkeys((m.name, *m.aliases)):
            key = name_key(label)
            if key in owner and owner[key] != m.id:
                problems.append(f"{m.id}.toml: aliases: {label!r} is already a name or alias of {owner[key]!r}")
            owner.setdefault(key, m.id)
    return problems


def flatten_errors(messages: Any, prefix: str = "") -> list[tuple[str, str]]:
    """marshmallow's nested {field: {index: {field: [msg]}}} -> [("masses[0].kind", msg), ...]."""
    out: list[tuple[str, str]] = []
    if isinstance(messages, dict):
        for key, value in messages.items():
            where = f"{prefix}[{key}]" if isinstance(key, int) else f"{prefix}.{key}" if prefix else str(key)
            out.extend(flatten_errors(value, where))
    elif isinstance(messages, list):
        for value in messages:
            out.extend(flatten_errors(value, prefix) if isinstance(value, (dict, list)) else [(prefix, str(value))])
    else:
        out.append((prefix, str(messages)))
    return out


def mission_from_dict(d: Mapping[str, Any]) -> Mission:
    """A Mission from MissionSchema().load() output."""
    launch = d.get("launch")
    return Mission(
        id=d["id"], name=d["name"], kind=d["kind"], aliases=tuple(d.get("aliases") or ()), cospar=d.get("cospar"),
        destination=d.get("destination"), expeditions=tuple(d.get("expeditions") or ()),
        expeditions_source=d.get("expeditions_source"),
        launch=Launch(**{**launch, "site_aliases": tuple(launch.get("site_aliases") or ())}) if launch else None,
        events=tuple(Event(**e) for e in d.get("events") or ()),
        masses=tuple(Mass(**m) for m in d.get("masses") or ()),
        crew=tuple(CrewMember(**c) for c in d.get("crew") or ()),
        hand_edited=tuple(d.get("hand_edited") or ()),
        sources=MappingProxyType({k: Source(key=k, **v) for k, v in (d.get("sources") or {}).items()}),
    )
