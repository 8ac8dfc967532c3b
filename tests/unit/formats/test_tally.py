"""Tally: what the summary, the summary line and the exit status read of a file, counted once per file."""
from __future__ import annotations

from orbitcheck.engine import check_text
from orbitcheck.formats import FileResult, Tally, summary
from orbitcheck.model import Severity

DRAFT = """Its orbit is 35,926 km (22,314 miles) high. It flies at 25.6km (15.8 miles) over the pad.
Progress delivered 5,652 pounds (2,564 kg) to the station.

<!-- orbitcheck-disable-next-line -->
The figure the source gave, verbatim: 254 miles (400 km).
"""


def test_tally_counts_what_the_findings_say() -> None:
    report = check_text(DRAFT)
    tally = Tally.of(report)
    shown = [f for f in report.findings if not f.suppressed]
    assert tally.claims == len(report.findings) > len(shown) > 0
    assert tally.suppressed == len(report.findings) - len(shown) == 1
    assert tally.errors == sum(1 for f in shown if f.severity is Severity.ERROR) == 1
    assert tally.warnings == sum(1 for f in shown if f.severity is Severity.WARNING) == 1
    assert tally.worst == Severity.ERROR.rank
    assert sum(tally.by_verdict.values()) == len(shown)


def test_worst_of_nothing_shown_is_below_every_level() -> None:
    assert Tally.of(check_text("Nothing to check here.")).worst < Severity.INFO.rank
    info_only = Tally.of(check_text("Its orbit is 410 km (255 mi) high."))
    assert info_only.worst == Severity.INFO.rank and info_only.errors == info_only.warnings == 0


def test_summary_adds_up_the_files() -> None:
    results = [FileResult("a.md", check_text(DRAFT)), FileResult("b.md", check_text("It is 3 miles (5 km) away."))]
    total = summary(results)
    assert total["files"] == 2
    assert total["suppressed"] == 1
    assert total["findings"] == sum(r.tally.errors + r.tally.warnings for r in results) + sum(
        1 for r in results for f in r.report.findings if not f.suppressed and f.severity is Severity.INFO)
    assert list(total["by_verdict"]) == sorted(total["by_verdict"])
