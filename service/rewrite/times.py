"""Writing results about clock times: the details a finding carries and the corrected text it suggests."""
from __future__ import annotations

import re
from typing import Any

from ..extract.clock import ClockMention, ClockPrecision, ClockStyle
from ..extract.dates import WEEKDAYS
from ..normalise.instants import SideComparison

# AP style abbreviations, then the three-letter ones: a suggestion uses the family the writer used.
_AP_WEEKDAYS = ("Mon.", "Tues.", "Wed.", "Thurs.", "Fri.", "Sat.", "Sun.")
_SHORT_WEEKDAYS = ("Mon.", "Tue.", "Wed.", "Thu.", "Fri.", "Sat.", "Sun.")


def describe_side(side: SideComparison) -> dict[str, Any]:
    """One compared side as findings' details show it: both UTC instants and the zone entries used."""
    minutes = None if side.difference is None else round(side.difference.total_seconds() / 60)
    return {
        "first": side.first.text.strip(),
        "other": side.other.text.strip(),
        "outcome": str(side.outcome),
        "first_utc": _iso(side.first_utc, side.dated),
        "other_utc": _iso(side.other_utc, side.dated),
        "expected_other": side.expected.time().isoformat() if side.expected else None,
        "difference_minutes": minutes,
        "first_zone": side.first_entry.as_dict() if side.first_entry else None,
        "other_zone": side.other_entry.as_dict() if side.other_entry else None,
        "date_used": side.first.local_date.isoformat() if side.first.local_date else None,
        "date_source": str(side.first.anchor_source),
        "day_wrong": side.day_wrong,
        **({"reason": side.reason} if side.reason else {}),
    }


def _iso(instant, dated: bool) -> str | None:
    if instant is None:
        return None
    # Without a date only the time of day is meaningful: say so rather than print the nominal day.
    naive = instant.replace(tzinfo=None)
    return naive.isoformat() + "Z" if dated else naive.time().isoformat() + "Z"


def corrected_side(side: SideComparison, text: str) -> str | None:
    """The other side written right, the writer's way: "1131 GMT", "9.17pm GMT on Tuesday"."""
    other, expected = side.other, side.expected
    if expected is None:
        return None
    written = text[other.span.start:other.span.end]
    cut = other.time_span.end - other.span.start
    second = expected.second if other.second is not None else None
    fixed = format_like(other, expected.hour, expected.minute, second) + written[cut:]
    if side.day_wrong and other.day is not None:
        fixed = _fix_day(fixed, other, expected.weekday(), expected.day, expected.month)
    return fixed.strip()


def _fix_day(fixed: str, other: ClockMention, weekday: int, day: int, month: int) -> str:
    mention = other.day
    assert mention is not None
    if mention.weekday_text:
        old = mention.weekday_text
        new = weekday_like(old, weekday)
        fixed = fixed.replace(old, new, 1)
    if mention.day is not None and mention.month == month and mention.day != day:
        fixed = re.sub(rf"(?<!\d){mention.day}(?!\d)", str(day), fixed, count=1)
    return fixed


def weekday_like(written: str, weekday: int) -> str:
    """The weekday `weekday` written the way `written` is ("Fri." -> "Sat.", "Friday" -> "Saturday")."""
    if not written.endswith("."):
        return WEEKDAYS[weekday]
    return (_AP_WEEKDAYS if written in _AP_WEEKDAYS else _SHORT_WEEKDAYS)[weekday]


def format_like(mention: ClockMention, hour: int, minute: int, second: int | None = None) -> str:
    """`hour:minute[:second]` written as `mention` was: "1131", "11:31", "6:31 a.m.", "1.17am", "5 p.m."."""
    written = mention.text[: mention.time_span.end - mention.time_span.start]
    show_seconds = mention.second is not None and second is not None
    if mention.style is ClockStyle.HHMM:
        return f"{hour:02d}{minute:02d}" + (f":{second:02d}" if show_seconds else "")
    sep = next((c for c, n in zip(written, written[1:], strict=False) if c in ":." and n.isdigit()), ":")
    if mention.style is ClockStyle.H24:
        lead = f"{hour:02d}" if written[:2].isdigit() else str(hour)
        return f"{lead}{sep}{minute:02d}" + (f"{sep}{second:02d}" if show_seconds else "")
    if mention.style is ClockStyle.WORD and minute == 0 and hour in (0, 12):
        return "noon" if hour == 12 else "midnight"
    h12 = hour % 12 or 12
    body = str(h12) if minute == 0 and not show_seconds and mention.precision is ClockPrecision.HOUR \
        else f"{h12}{sep}{minute:02d}" + (f"{sep}{second:02d}" if show_seconds else "")
    return body + _meridiem_like(mention.meridiem or " p.m.", hour >= 12)


def _meridiem_like(written: str, pm: bool) -> str:
    """" a.m." -> " p.m.", "am" -> "pm", " PM" -> " AM": the letter swapped, dots/case/space kept."""
    out = []
    for ch in written:
        if ch in "aApP":
            ch = ("p" if pm else "a") if ch.islower() else ("P" if pm else "A")
        out.append(ch)
    return "".join(out)
