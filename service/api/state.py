"""The reference store the service answers from, held so that a reload swaps it whole.

Requests read `holder.store` ONCE and use that object to the end (the store is immutable), so a reload
that swaps in a new store never changes data under a request in flight; a reload that fails to load or
validate raises and leaves the old store in place.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flask import current_app

if TYPE_CHECKING:
    from ..records.store import MissionStore

EXTENSION = "orbitcheck"


@dataclass
class StoreHolder:
    loader: Callable[[], MissionStore]
    store: MissionStore | None = None
    # Set by gunicorn_conf.py's when_ready hook in the master: asks the master to re-fork its workers.
    notify_master: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()  # one reload at a time; readers never take it

    def load(self) -> MissionStore:
        """Load a new store and swap it in; on any error the old store stays and the error propagates."""
        with self._lock:
            fresh = self.loader()
            self.store = fresh  # a single reference assignment: atomic for readers
            return fresh


def holder() -> StoreHolder:
    return current_app.extensions[EXTENSION]


def current_store() -> MissionStore | None:
    return holder().store


def store_version(store: MissionStore | None) -> str | None:
    return None if store is None else str(store.version)
