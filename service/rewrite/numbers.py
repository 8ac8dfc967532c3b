"""Write a corrected figure the way the writer wrote the wrong one: same precision, separators, scale word,
number words, minus sign. "22,314" corrected to 22,323.3 is "22,323"; "5,900" corrected to 4,828 is "4,800";
"twenty-four" corrected to 23.9 is "twenty-four"; "5.91 billion" stays in billions.
"""

from __future__ import annotations

import math

from ..extract.numbers import SCALES, WORD_VALUES, Number, parse_number

_WORDS = {v: w for w, v in WORD_VALUES.items()}


def _words(n: int) -> str:
    if n in _WORDS:
        return _WORDS[n]
    return f"{_WORDS[n - n % 10]}-{_WORDS[n % 10]}"


def _grouped(whole: str, separator: str) -> str:
    head = len(whole) % 3 or 3
    return separator.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])


def write_like(model: Number, value: float, finer: int = 0) -> str:
    """`value` written as `model` was; `finer` adds that many digits of precision beyond the writer's."""
    sign = (model.sign or "-") if value < 0 else ""
    magnitude = abs(value)
    if model.scale:
        digits = model.decimals + finer
        return f"{sign}{magnitude / SCALES[model.scale]:.{digits}f} {model.scale}"
    if model.word and finer == 0 and 1 <= round(magnitude) < 100:
        return sign + _words(round(magnitude))
    digits = model.decimals + finer if model.decimals else max(0, finer - model.trailing_zeros)
    if not model.decimals and finer < model.trailing_zeros:
        step = 10 ** (model.trailing_zeros - finer)
        magnitude = step * math.floor(magnitude / step + 0.5)
    text = f"{magnitude:.{digits}f}"
    whole, _, fraction = text.partition(".")
    separator = model.separator if model.separator is not None else ","
    if separator and len(whole) > 3:
        whole = _grouped(whole, separator)
    return sign + whole + ("." + fraction if fraction else "")


def corrected(model: Number, target: tuple[float, float], value: float, profile: str) -> str:
    """The coarsest writing of `value` in the writer's style whose own interval meets `target`."""
    text = ""
    for finer in range(7):
        text = write_like(model, value, finer)
        number = parse_number(text)
        if number is not None:
            lo, hi = number.with_hedge(model.hedge).interval(profile)
            if lo <= target[1] and target[0] <= hi:
                return text
    return text
