"""Launch sites and their pads (launch_sites.toml): which names are one site, which names are pads, and which
site each pad is at. Read once per process on first use."""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class SiteTable:
    sites: dict[str, str]   # name key ("cape canaveral air force station") -> site key ("cape-canaveral")
    pads: dict[str, str]    # pad name key ("slc 40") -> the key of the site it is at
    names: dict[str, tuple[str, ...]]  # site key -> its names, first the usual one
    # name key -> the neighbouring sites a name of an area may also cover ("cape canaveral" -> {"kennedy"})
    areas: dict[str, frozenset[str]] = field(default_factory=dict)

    def site_of(self, name: str) -> str | None:
        """The site a written site name (or a record's site label) is, or None when the table lacks it."""
        return self.sites.get(key_of(name))

    def covers_loosely(self, name: str, site: str) -> bool:
        """Whether `name`, a name of one site, is also used for an area that includes `site` ("Cape Canaveral"
        of a launch from the Kennedy Space Center)."""
        return site in self.areas.get(key_of(name), ())

    def pad_site(self, name: str) -> str | None:
        return self.pads.get(key_of(name))


def key_of(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    plain = re.sub(r"['’]s\b", "s", plain)
    return " ".join(re.findall(r"\d+|[^\W\d_]+", plain))


@cache
def site_table() -> SiteTable:
    raw = tomllib.loads(resources.files(__package__).joinpath("launch_sites.toml").read_text(encoding="utf-8"))
    sites: dict[str, str] = {}
    names: dict[str, tuple[str, ...]] = {}
    for entry in raw.get("site", ()):
        names[entry["key"]] = tuple(entry["names"])
        for name in entry["names"]:
            sites[key_of(name)] = entry["key"]
    areas = {key_of(name): frozenset(entry.get("area_includes", ()))
             for entry in raw.get("site", ()) for name in entry.get("area_names", ())}
    pads = {key_of(name): entry["site"] for entry in raw.get("pad", ()) for name in entry["names"]}
    unknown = {site for site in pads.values() if site not in names}
    unknown |= {site for included in areas.values() for site in included if site not in names}
    if unknown:
        raise ValueError(f"launch_sites.toml: pads or areas at unknown sites {sorted(unknown)}")
    return SiteTable(sites, pads, names, areas)
