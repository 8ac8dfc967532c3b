"""Merge synced LL2 launches into the existing records: what to add, update, leave alone, and report.

Ownership is per file, decided by the record's own [sources] table:
- a record whose every source has `method = "synced"` belongs to the sync, which rewrites it whole (keeping
  only its hand-added `aliases`, which LL2 never supplies);
- a record with any other source (curated, imported) belongs to its editors: the sync never rewrites it, so
  no curated field is ever overwritten and no comment or layout is lost. Where LL2 disagrees with it, one
  `conflict:` line per field says so and the curated value stays.
A launch is matched to a record by its LL2 id (in a source URL), else by launch designator, else by name.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .ll2_mapping import SOURCE_KEY, Mapped, Skipped, ll2_id_of
from .store import name_key

Dump = Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class Existing:
    file: str  # "<id>.toml"
    raw: dict[str, Any]  # as tomllib read it

    @property
    def id(self) -> str:
        return self.file.removesuffix(".toml")

    @property
    def sync_owned(self) -> bool:
        sources = self.raw.get("sources") or {}
        return bool(sources) and all(_dict(s).get("method") == "synced" for s in sources.values())

    @functools.cached_property
    def ll2_ids(self) -> set[str]:
        return {i for s in (self.raw.get("sources") or {}).values() if (i := ll2_id_of(_dict(s).get("url")))}

    @functools.cached_property
    def names(self) -> set[str]:
        """Normalised once per record (name_key is the costly part of a merge)."""
        labels = [self.raw.get("name"), *(self.raw.get("aliases") or ())]
        return {name_key(x) for x in labels if isinstance(x, str)}


@dataclass
class Plan:
    writes: dict[str, str] = field(default_factory=dict)  # file name -> new text
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


class _Records:
    """The records by file, with indexes by LL2 id, launch tag and name key kept up to date as the merge adds
    and rewrites records: each lookup is a dict access, so a merge is linear in the number of records."""

    def __init__(self, existing: Iterable[Existing]) -> None:
        self.by_file: dict[str, Existing] = {}
        self.by_id: dict[str, list[Existing]] = {}
        self.by_tag: dict[str, list[Existing]] = {}
        self.by_name: dict[str, list[Existing]] = {}
        for record in existing:
            self[record.file] = record

    def __contains__(self, file: str) -> bool:
        return file in self.by_file

    def __setitem__(self, file: str, record: Existing) -> None:
        old = self.by_file.get(file)
        if old is not None:
            for index, keys in self._keys(old):
                for key in keys:
                    index[key].remove(old)
        self.by_file[file] = record
        for index, keys in self._keys(record):
            for key in keys:
                index.setdefault(key, []).append(record)

    def _keys(self, record: Existing) -> list[tuple[dict[str, list[Existing]], set[str]]]:
        tag = _launch_tag(record.raw.get("cospar"))
        return [(self.by_id, record.ll2_ids), (self.by_tag, {tag} if tag else set()),
                (self.by_name, record.names)]

    def named(self, key: str) -> list[Existing]:
        return self.by_name.get(key, [])


def merge(existing: Iterable[Existing], results: Iterable[Mapped | Skipped], dump: Dump) -> Plan:
    records = _Records(existing)
    plan = Plan()
    latest: dict[str, Mapped | Skipped] = {}
    for result in results:  # offset paging can repeat a launch when LL2 changes mid-sync: keep the last
        latest.pop(result.ll2_id, None)
        latest[result.ll2_id] = result
    for result in latest.values():
        if isinstance(result, Skipped):
            plan.skipped.append(result)
            continue
        target = _match(result, records)
        if target is None:
            _add(result, records, plan, dump)
        elif target.sync_owned:
            _refresh(result, target, records, plan, dump)
        else:
            plan.unchanged.append(target.id)
            plan.conflicts.extend(
                f"conflict: {target.id}: {c}; kept curated" for c in conflicts(target.raw, result.record)
            )
    return plan


def _match(result: Mapped, records: _Records) -> Existing | None:
    by_id = records.by_id.get(result.ll2_id)
    if by_id:
        return by_id[0]
    tag = result.record.get("cospar")
    by_tag = records.by_tag.get(tag, []) if isinstance(tag, str) else []
    if len(by_tag) == 1:
        return by_tag[0]
    # A record already tied to another LL2 launch is not this one, whatever its name.
    key = name_key(result.record["name"])
    by_name = [r for r in records.named(key) if not r.ll2_ids]
    return by_name[0] if len(by_name) == 1 else None


def _add(result: Mapped, records: _Records, plan: Plan, dump: Dump) -> None:
    record = dict(result.record)
    key = name_key(record["name"])
    owner = next(iter(records.named(key)), None)
    if owner is not None:  # names must link to one mission; guessing which would be worse than a miss
        plan.skipped.append(
            Skipped(result.ll2_id, record["name"], f"name already belongs to record {owner.id!r}")
        )
        return
    if f"{record['id']}.toml" in records:
        record["id"] = f"{record['id']}-{result.ll2_id[:8]}"
    file = f"{record['id']}.toml"
    plan.writes[file] = dump(record)
    plan.added.append(record["id"])
    records[file] = Existing(file, record)


def _refresh(result: Mapped, target: Existing, records: _Records, plan: Plan, dump: Dump) -> None:
    record = {**result.record, "id": target.id}
    if target.raw.get("aliases"):
        record["aliases"] = list(target.raw["aliases"])
    # Unchanged when only the retrieval stamp would differ: a re-run leaves the file byte-identical.
    if dump(_without_retrieval(record)) == dump(_without_retrieval(target.raw)):
        plan.unchanged.append(target.id)
        return
    key = name_key(record["name"])
    owner = next((r for r in records.named(key) if r.file != target.file), None)
    if owner is not None:  # LL2 renamed the mission to a name another record holds: keep ours, say so
        reason = f"new name already belongs to record {owner.id!r}; {target.id} left as it was"
        plan.skipped.append(Skipped(result.ll2_id, record["name"], reason))
        return
    plan.writes[target.file] = dump(record)
    plan.updated.append(target.id)
    records[target.file] = Existing(target.file, record)


def _without_retrieval(record: dict[str, Any]) -> dict[str, Any]:
    sources = {}
    for key, source in (record.get("sources") or {}).items():
        source = dict(source)
        if key == SOURCE_KEY:
            source["retrieved"] = "-"
            source["note"] = (source.get("note") or "").split("; retrieved ")[0]
        sources[key] = source
    return {**record, "sources": sources}


def conflicts(curated: dict[str, Any], synced: dict[str, Any]) -> list[str]:
    """Fields where LL2 says something the curated record contradicts, one readable line each."""
    out = []
    ours, theirs = _dict(curated.get("launch")), _dict(synced.get("launch"))
    if ours and theirs:
        if not _overlap(ours, theirs):
            out.append(
                f"launch.time: curated {ours.get('time')} ({ours.get('precision')}), "
                f"LL2 {theirs['time']} ({theirs['precision']})"
            )
        if ours.get("outcome") != theirs["outcome"]:
            out.append(f"launch.outcome: curated {ours.get('outcome')!r}, LL2 {theirs['outcome']!r}")
        for name in ("zone", "vehicle", "site"):
            mine = [ours.get(name), *(ours.get("site_aliases") or ())] if name == "site" else [ours.get(name)]
            if theirs.get(name) and mine[0] and not any(_same(m, theirs[name]) for m in mine if m):
                out.append(f"launch.{name}: curated {mine[0]!r}, LL2 {theirs[name]!r}")
    tag = _launch_tag(curated.get("cospar"))
    if tag and synced.get("cospar") and tag != synced["cospar"]:
        out.append(f"cospar: curated {curated['cospar']!r}, LL2 {synced['cospar']!r}")
    crew_ours = {_surname(c) for c in curated.get("crew") or ()} - {""}
    crew_theirs = {_surname(c) for c in synced.get("crew") or ()} - {""}
    if crew_ours and crew_theirs and crew_ours != crew_theirs:
        out.append(f"crew: curated {sorted(crew_ours)}, LL2 {sorted(crew_theirs)} (surnames)")
    for event in synced.get("events") or ():
        same_kind = next((e for e in curated.get("events") or () if e.get("kind") == event["kind"]), None)
        if same_kind and not _overlap(same_kind, event):
            out.append(
                f"{event['kind']}: curated {same_kind.get('time')} ({same_kind.get('precision')}), "
                f"LL2 {event['time']} ({event['precision']})"
            )
    return out


def _surname(member: Any) -> str:
    words = name_key(member.get("name") or "").split() if isinstance(member, dict) else []
    return words[-1] if words else ""


def _same(a: str, b: str) -> bool:
    """Loose: "Soyuz-FG" = "Soyuz FG", "Baikonur Cosmodrome" ~ "Baikonur Cosmodrome, Kazakhstan"."""
    a, b = name_key(a), name_key(b)
    return a in b or b in a


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Do the two (time, precision) intervals share an instant? Unreadable values count as agreeing."""
    try:
        (a0, a1), (b0, b1) = _interval(a), _interval(b)
    except (KeyError, TypeError, ValueError):
        return True
    return a0 < b1 and b0 < a1


def _interval(figure: dict[str, Any]) -> tuple[datetime, datetime]:
    value = figure["time"]
    start = (
        value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    )
    precision = figure["precision"]
    fixed = {
        "second": timedelta(seconds=1),
        "minute": timedelta(minutes=1),
        "hour": timedelta(hours=1),
        "day": timedelta(days=1),
    }
    if precision in fixed:
        return start, start + fixed[precision]
    months = {"month": 1, "quarter": 3, "year": 12}[precision]
    month = start.month - 1 + months
    year = start.year + month // 12
    end = start.replace(
        year=year, month=month % 12 + 1, day=min(start.day, calendar.monthrange(year, month % 12 + 1)[1])
    )
    return start, end


def _launch_tag(cospar: Any) -> str | None:
    return cospar[:8] if isinstance(cospar, str) and len(cospar) >= 8 and cospar[:4].isdigit() else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
