"""A newsroom archive of real-style drafts, for `bench archive` and the tests that compare --jobs runs.

bench/drafts/ holds ten drafts of our own (news, a live blog, an explainer, a wire brief, an opinion piece,
a table-heavy round-up, several time zones). `make_archive` writes `count` drafts built from them: each
takes one draft's front matter and title and a seeded random selection of paragraphs from all ten, so the
files differ in length, mix and order like an archive's, and the same seed always gives the same tree.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

DRAFTS = Path(__file__).resolve().parent / "drafts"
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def drafts() -> dict[str, str]:
    """name -> text of every draft in bench/drafts/ (sorted by name)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(DRAFTS.iterdir())
            if p.suffix in (".md", ".txt")}


def _paragraphs(text: str) -> list[str]:
    body = _FRONT.sub("", text)
    return [p for p in (part.strip() for part in body.split("\n\n")) if p and not p.startswith("#")]


def make_archive(root: Path, count: int, *, seed: int = 18) -> list[Path]:
    """Write `count` drafts under root/<section>/ and return their paths in the order the CLI reads them."""
    rng = random.Random(seed)
    sources = drafts()
    pool = [p for text in sources.values() for p in _paragraphs(text)]
    names = list(sources)
    written = []
    for i in range(count):
        name = names[i % len(names)]
        text = sources[name]
        front = _FRONT.match(text)
        head = front.group(0) + "\n" if front else ""
        body = "\n\n".join(rng.sample(pool, rng.randint(3, 12)))
        path = root / f"section{i % 8}" / f"{i:04d}-{name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{head}# Draft {i}\n\n{body}\n", encoding="utf-8")
        written.append(path)
    return sorted(written)
