"""Numbers as news copy writes them, parsed by us (never by pint, which reads "1,5" as 15).

A written number stands for an interval: what the writer could have meant at the precision written.
`NUMBER` is a regex fragment (no groups, every repetition bounded, so scanning stays linear) that other
extractors compose; `parse_number` turns a matched piece of text into a `Number`.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass

from ..model import quick_init
from ..vocabulary import hedges
from ..vocabulary.hedges import ABOVE, APPROX, BELOW

# A list of twenty words reads better as words than as twenty quoted items.
_ONES = (  # noqa: SIM905
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

# "a" only before a scale word ("a million miles"), "half a" before its unit ("half a kilometer").
A_SCALE = r"a(?=\s(?i:thousand|million|billion|trillion)\b)"
HALF_A = r"half\san?"
_WORD = (
    rf"(?i:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[1:10])}))?"
    rf"|{'|'.join(sorted(_ONES, key=len, reverse=True))}|{A_SCALE}|{HALF_A})(?!\w)"
)
# Thousands groups: "5,652", "141, 000" (odd spacing as printed), "183 000" (SI spacing, thin spaces).
_GROUPED = r"\d{1,3}(?:(?:,[ ]?|[ \u00a0\u2009\u202f])\d{3}(?!\d)){1,6}"
# A vulgar fraction after the whole figure: "12\u00bd miles", "46\u00bc feet".
FRACTIONS = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75}
_DIGITS = rf"(?:{_GROUPED}|\d{{1,16}})(?:\.\d{{1,9}}|\s?[\u00bd\u00bc\u00be])?(?!\d)|\.\d{{1,9}}(?!\d)"
# A minus: "-", "\u2212", or an en or em dash glued to the figure ("\u2013305\u00b0F"), which may also be a
# dash of punctuation: service/normalise/compare.py reads a dash-signed figure both ways.
_SIGN = r"(?:(?<![\w.,])[-\u2212\u2013\u2014]|(?i:minus|negative)\s)"
DASH_SIGNS = ("\u2013", "\u2014")
_SCALE = r"(?:[ -](?i:thousand|million|billion|trillion)\b)"
NUMBER = rf"(?<![\w.,:/]){_SIGN}?(?:{_DIGITS}|{_WORD}){_SCALE}?"

# Hedges (vocabulary/hedges.py): APPROX widens both ways, ABOVE/BELOW make one-sided bounds.
HEDGES = {word: kind for kind, words in hedges.QUANTITY.items() for word in words}
HEDGE = (
    r"(?:~\s?|(?<!\w)(?i:"
    + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True) if h != "~")
    + r")\s)"
)

_PARTS = re.compile(rf"({_SIGN})?(?:({_DIGITS})|({_WORD}))({_SCALE})?")
_SEPARATOR = re.compile(r",[ ]?|[ \u00a0\u2009\u202f]")
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")


@quick_init
@dataclass(frozen=True, slots=True)
class Number:
    """A parsed number and what the writer's way of writing it says about its precision and style."""

    value: float
    half_unit: float  # half a unit of the last written digit (in the value's own terms)
    trailing_zeros: int  # of a whole number written without decimals ("28,000": 3)
    decimals: int  # digits written after the point (of the scaled figure)
    separator: str | None  # thousands separator as written ("," or " "), "" when none was used, None unknown
    scale: str | None  # "million" ...
    word: bool  # written in words ("six")
    sign: str  # how a minus was written: "-", "\u2212", "minus ", or ""
    hedge: str | None = None  # APPROX / ABOVE / BELOW
    dot_thousands: bool = False  # "76.000": a decimal, or 76,000 with a European thousands point
    significant: int = 0  # significant digits of a whole number written in digits ("3,410": 3; 0 unknown)

    @property
    def round_figure(self) -> bool:
        """A round figure ("400", "28,000", "1.1 million") claims less precision than its digits show."""
        return self.trailing_zeros > 0 or self.scale is not None

    @property
    def coarse(self) -> bool:
        """A round figure of one or two significant digits ("400", "28,000", "1.1 million") may stand for
        anything within 5 %; one of three or more ("3,410", "238,000") only within 1 %, which a figure rounded
        or cut at its last non-zero digit stays within: "about 3,410 pounds (1,563 kg)" is 1 % off and wrong."""
        return self.scale is not None or (self.trailing_zeros > 0 and self.significant <= 2)

    def interval(self, profile: str = "news") -> tuple[float, float]:
        """What the writer could have meant; "strict" takes the written digits exactly."""
        v = self.value
        # Half a unit of "1" is half the figure: "1 mile (2.1 kilometers)" would hold. A figure of one digit
        # still claims a tenth of itself at least ("5 miles" is 4.5-5.5, "1 mile" 0.9-1.1).
        spread = min(self.half_unit, 0.1 * abs(v)) if v else self.half_unit
        if self.round_figure and profile != "strict":
            spread = max(spread, (0.05 if self.coarse else 0.01) * abs(v))
        lo, hi = v - spread, v + spread
        if self.hedge == APPROX:
            lo, hi = lo - 0.03 * abs(v), hi + 0.03 * abs(v)
        elif self.hedge == ABOVE:
            hi = math.inf
        elif self.hedge == BELOW:
            lo = -math.inf
        return lo, hi

    def with_hedge(self, hedge: str | None) -> Number:
        if hedge == self.hedge:
            return self
        # Built directly: dataclasses.replace() costs several times more, and this runs for every hedged pair.
        return Number(self.value, self.half_unit, self.trailing_zeros, self.decimals, self.separator, self.scale,
                      self.word, self.sign, hedge, self.dot_thousands, self.significant)

    def as_thousands(self) -> Number:
        """ "76.000" read with a thousands point: 76,000, precise to the unit (or round, if it ends in 0s)."""
        value = self.value * 1000
        whole = str(round(abs(value)))
        trailing = len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0
        return dataclasses.replace(self, value=value, half_unit=self.half_unit * 1000, trailing_zeros=trailing,
                                   decimals=0, separator=".", dot_thousands=False,
                                   significant=len(whole.strip("0")))


def parse_number(text: str, hedge: str | None = None) -> Number | None:
    """The Number written as `text` (a match of NUMBER), or None when `text` is not one."""
    m = _PARTS.fullmatch(text.strip())
    if not m:
        return None
    sign_text, digits, word, scale_text = m.groups()
    scale = scale_text.strip(" -").lower() if scale_text else None
    multiplier = SCALES[scale] if scale else 1.0
    sign = -1.0 if sign_text else 1.0
    fraction = 0.0
    if word:
        value, decimals, separator = float(_word_value(word)), 0, None
        trailing = 1 if value >= 10 and value % 10 == 0 else 0
        significant = 0
    else:
        fraction = FRACTIONS.get(digits[-1], 0.0)
        if fraction:
            digits = digits[:-1].rstrip()
        if digits.isdigit():  # most figures: no separator, no point
            seps, plain = [], digits
        else:
            seps, plain = _SEPARATOR.findall(digits), _SEPARATOR.sub("", digits)
        separator = (seps[0].strip() or " ") if seps else ("" if len(digits.split(".")[0]) > 3 else None)
        whole, _, frac = plain.partition(".")
        value, decimals = float(plain) + fraction, len(frac)
        trailing = len(whole) - len(whole.rstrip("0")) if not frac and not fraction and whole.strip("0") else 0
        significant = len(whole.strip("0")) if not frac and not fraction else 0
    half = 0.5 * 10.0 ** (-decimals) * multiplier
    if fraction:
        half = 0.125 * multiplier if fraction != 0.5 else 0.25 * multiplier  # written to the half or quarter
    dot_thousands = bool(digits) and not scale and "." in digits and _DOT_THOUSANDS.fullmatch(digits) is not None
    return Number(
        sign * value * multiplier,
        half,
        trailing,
        decimals,
        separator,
        scale,
        bool(word),
        (sign_text or "").lower(),
        hedge,
        dot_thousands,
        significant,
    )


def _word_value(word: str) -> float:
    word = word.lower()
    if word == "a":
        return 1.0
    if word.startswith("half"):
        return 0.5
    return float(sum(WORD_VALUES[p] for p in re.split(r"[- ]", word)))
