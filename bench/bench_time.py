"""Time and date checks on a 1,000-word draft full of clock times: time-pair, zone-abbreviation and
weekday-date, median of many runs, next to parsing the same draft alone (the ratio is what to compare
between runs: this machine is shared and noisy). Goal: the whole check under 5 ms per 1,000 words.

Each run checks a fresh Document (extractors memoise per document, so reusing one would measure a cache).
"""
from __future__ import annotations

import statistics
import time
from datetime import date

from orbitcheck.checks.context import CheckContext
from orbitcheck.engine import check_document
from orbitcheck.text import parse_document

SENTENCES = (
    "The Soyuz lifts off at 6:31 a.m. EST Dec. 3 (1131 GMT) from Baikonur Cosmodrome in Kazakhstan.",
    "Progress MS-10 launched Friday, Nov. 16, and docked two days later at 2:28 p.m. EST (1928 GMT).",
    "Landing came at 11:09 p.m. EDT Wednesday (0309 GMT Thursday) on the steppe southeast of Dzhezkazgan.",
    "Liftoff is set for 9:30 a.m. EDT (1330 GMT, 6:30 a.m. PDT), weather permitting, after a two-day delay.",
    "The crew of three spent the afternoon unpacking cargo and preparing experiments for the coming weeks.",
    "The hatch opened at 21:14 Moscow time, and the crews greeted each other in the Russian segment.",
    "Mission controllers in Houston watched the rendezvous, which the station crew filmed from the Cupola.",
)
RUNS = 200
TIME_CHECKS = ("time-pair", "zone-abbreviation", "weekday-date")


def _draft(words: int = 1000) -> str:
    out: list[str] = []
    count = 0
    while count < words:
        for sentence in SENTENCES:
            out.append(sentence)
            count += len(sentence.split())
    return " ".join(out)


def _median(fn, text: str) -> float:
    """Median CPU time of `fn` (CPU, not wall-clock: other processes share this machine's two cores)."""
    samples = []
    for i in range(RUNS):
        variant = text + f" {i}"
        start = time.process_time()
        fn(variant)
        samples.append(time.process_time() - start)
    return statistics.median(samples)


def main() -> None:
    text = _draft()
    words = len(text.split())
    published = date(2018, 11, 20)

    def parse(t: str) -> None:
        parse_document(t, published=published)

    def check(t: str, checks=TIME_CHECKS) -> None:
        doc = parse_document(t, published=published)
        check_document(doc, checks=checks, context=CheckContext(published=published))

    check(text)  # first use builds the zone table and regexes: not part of the figure
    parsed, timed = _median(parse, text), _median(check, text)
    every = _median(lambda t: check(t, None), text)
    per_k = 1000 / words
    print(f"time checks, {words}-word draft with {text.count('(')} time pairs: "
          f"{timed * 1000 * per_k:.2f} ms CPU per 1,000 words (parse alone {parsed * 1000 * per_k:.2f} ms, "
          f"ratio {timed / parsed:.1f}x); all checks {every * 1000 * per_k:.2f} ms CPU per 1,000 words")


if __name__ == "__main__":
    main()
