"""The per-request work budget: how much text one request may ask the service to check.

Checking is linear in the text (about 25 us a character on a busy 2020s core for the costliest forms, such
as a draft of nothing but clock times), so the budget is counted in characters: MAX_CHARACTERS (default
200,000, `ORBITCHECK_MAX_CHARACTERS`) per request, summed over a batch's documents. That bounds the worst
request at about 5 s here and 10 s on a core twice as slow: a third of the worker timeout. Over budget is a
413 problem naming the size and the limit, before any checking starts; docs/api.md states the contract.
A response lists at most MAX_FINDINGS findings per document (default 1,000); beyond that it carries
`truncated: true` and `findings_total`, so a hostile draft cannot make a 20 MB answer.
"""
from __future__ import annotations

from collections.abc import Iterable

from flask import current_app

from .problems import Problem


def enforce(texts: Iterable[str], limit: int | None = None) -> None:
    """413 when the texts together are over `limit` (default the app's MAX_CHARACTERS)."""
    if limit is None:
        limit = current_app.config["MAX_CHARACTERS"]
    size = sum(len(t) for t in texts)
    if size > limit:
        raise Problem(413, f"the request asks to check {size:,} characters; the limit per request is "
                           f"{limit:,} (split the draft, or send a batch of smaller documents within it)",
                      errors={"text": [f"At most {limit} characters per request."]})
