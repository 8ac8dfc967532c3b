"""weekday-date: "Friday, Nov. 16, 2018" must fall on a Friday. A year inferred from the publication date
is used (a weaker claim: warning, not error); with no year at all the finding is ambiguous, never wrong.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..extract import Extraction
from ..extract.dates import WEEKDAYS, DateMention, DatePrecision, extract_dates
from ..model import Finding, Fix, Severity, Span, Verdict
from ..rewrite.times import weekday_like
from . import Examples
from .context import CheckContext

ID = "weekday-date"
SEVERITY = Severity.ERROR  # a wrong claim; hedged or uncertain ones are reported milder
DESCRIPTION = "A weekday written with a date (\"Friday, Nov. 16, 2018\") must be that date's weekday."
EXAMPLES = Examples(
    passing=("The Soyuz launched Friday, Nov. 16, 2018, from Baikonur.",
             ("Progress MS-10 launched Friday, Nov. 16.", "2018-11-20")),
    failing=("The Soyuz launched Thursday, Nov. 16, 2018, from Baikonur.",
             ("Progress MS-10 launched Sat., Nov. 16.", "2018-11-20")),
)


def run(extraction: Extraction, context: CheckContext) -> Iterable[Finding]:
    for mention in extraction.get(extract_dates):
        if mention.weekday is not None and mention.precision is DatePrecision.DAY:
            yield _finding(mention)


def _finding(mention: DateMention) -> Finding:
    written = WEEKDAYS[mention.weekday]  # type: ignore[index]
    details = {"weekday_written": written, "date": mention.date.isoformat() if mention.date else None,
               "year_source": str(mention.year_source)}
    if mention.date is None:
        return Finding(ID, Verdict.AMBIGUOUS, Severity.INFO, mention.span, mention.text,
                       "No year is written and no publication date is known: the weekday cannot be checked.",
                       None, details)
    actual = mention.date.weekday()
    details["weekday_of_date"] = WEEKDAYS[actual]
    if actual == mention.weekday:
        return Finding(ID, Verdict.CONSISTENT, Severity.INFO, mention.span, mention.text,
                       f"{mention.date:%B %-d, %Y} is a {written}.", None, details)
    inferred = "" if mention.year_written else f" (year {mention.date.year} taken from the publication date)"
    severity = Severity.ERROR if mention.year_written else Severity.WARNING
    right = weekday_like(mention.weekday_text or written, actual)
    return Finding(ID, Verdict.INCONSISTENT, severity, mention.span, mention.text,
                   f"{mention.date:%B %-d, %Y} is a {WEEKDAYS[actual]}, not a {written}{inferred}.",
                   right, details, fix=_weekday_fix(mention, right))


def _weekday_fix(mention: DateMention, right: str) -> Fix | None:
    """The weekday word alone is replaced, when it is written once in the mention."""
    word = mention.weekday_text
    if not word or mention.text.count(word) != 1:
        return None
    start = mention.span.start + mention.text.index(word)
    return Fix(Span(start, start + len(word)), right) if right != word else None
