"""What a check may know besides the text: publication date, tolerance profile, reference records."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records.store import MissionStore


@dataclass(frozen=True)
class CheckContext:
    published: date | None = None
    # Tolerance profile: "news" (default), "strict", "ap" (AP Stylebook's coarse factors).
    profile: str = "news"
    # IANA zone for clock times written without one (None: such times are not checked).
    default_zone: str | None = None
    # The immutable reference store (orbitcheck.records.store.ReferenceStore) or None.
    store: MissionStore | None = None
