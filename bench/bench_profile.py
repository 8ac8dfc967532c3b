"""Where the engine's time goes: CPU per stage (document, each extractor, each check's own time, ordering
and suppressions, formatting) per 1,000 words, with the full catalogue loaded, on the bench draft and on
the mixed set of real-style drafts (bench/drafts/). Measured with the engine's StageTimes hook over many
runs; the percentages are shares of the pipeline's total. `make bench` runs it before and after tuning.

    python -m bench profile
"""
from __future__ import annotations

import gc

from orbitcheck.engine import StageTimes, check_text

RUNS = 60
FORMATS = ("json", "text", "sarif")


def _profile(label: str, drafts: list[tuple[str, str]], store: object) -> None:
    from orbitcheck.formats import FileResult, renderers

    words = sum(len(text.split()) for _, text in drafts)
    render = renderers()
    times = StageTimes()

    def once(measure: StageTimes | None) -> list[FileResult]:
        results = [FileResult(name, check_text(text, markdown=not name.endswith(".txt"), store=store,
                                               timings=measure))
                   for name, text in drafts]
        for fmt in FORMATS:
            if measure is None:
                render[fmt](results)
            else:
                with measure.stage(f"format {fmt}"):
                    render[fmt](results)
        return results

    once(None)  # warm up
    for _ in range(RUNS):
        once(times)
    total = sum(times.seconds.values())
    pipeline = sum(v for k, v in times.seconds.items() if not k.startswith("format "))
    print(f"profile: {label} ({len(drafts)} draft(s), {words} words): CPU per 1,000 words, mean of {RUNS} runs; "
          f"formatting renders the run's results once per format")
    print(f"  {'stage':34s} {'ms/1k words':>11s} {'share':>6s}")
    for stage, seconds in sorted(times.seconds.items(), key=lambda kv: -kv[1]):
        per_k = seconds / RUNS * 1000 * 1000 / words
        share = f"{seconds / pipeline:6.1%}" if not stage.startswith("format ") else "   n/a"
        print(f"  {stage:34s} {per_k:11.3f} {share}")
    print(f"  {'pipeline (without formatting)':34s} {pipeline / RUNS * 1e6 / words:11.3f}")
    print(f"  {'all, with ' + '+'.join(FORMATS):34s} {total / RUNS * 1e6 / words:11.3f}")


def main() -> None:
    from bench.archive import drafts
    from bench.bench_engine import DRAFT
    from orbitcheck.records.store import load_store

    store = load_store()
    gc.freeze()  # as the service's master does before forking (see bench_engine)
    _profile("bench draft", [("bench-draft.md", DRAFT)], store)
    _profile("mixed set", list(drafts().items()), store)
