"""Does this raise my lifetime value? The verdict over the four dimensions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .dimensions import Dimension
from .language import N_, _
from .worth import Worth, combined_value, covers


class Verdict(StrEnum):
    RAISES = "raises"
    LOWERS = "lowers"
    TRADE_OFF = "trade-off"
    NEUTRAL = "neutral"

    @property
    def shown(self) -> str:
        """The verdict as a word for a person: `raises`, German `erhöht`. JSON keeps the
        value itself."""
        return _(_WORDS[self.value])


_WORDS = {
    "raises": N_("raises"),
    "lowers": N_("lowers"),
    "trade-off": N_("trade-off"),
    "neutral": N_("neutral"),
}


def verdict_of(values: Mapping[Dimension, Decimal]) -> Verdict:
    """raises: none negative and one positive; lowers: none positive and one negative;
    trade-off: both; neutral: all zero."""
    positive = any(v > 0 for v in values.values())
    negative = any(v < 0 for v in values.values())
    if positive and negative:
        return Verdict.TRADE_OFF
    if positive:
        return Verdict.RAISES
    if negative:
        return Verdict.LOWERS
    return Verdict.NEUTRAL


@dataclass(frozen=True, slots=True)
class Judgement:
    """The answer to "does this raise my lifetime value?" for one decision (or draft).

    Without a worth, `verdict` is the four-dimension verdict above. With a worth that
    covers every point dimension that moves, a trade-off is settled by the combined
    value: the verdict says raises or lowers, and `trade_off` still names the tension.
    """

    verdict: Verdict
    trade_off: bool
    """The dimensions pull both ways (some up, some down)."""
    combined: Decimal | None = None
    """The combined lifetime value in money, when the profile has a worth."""

    @property
    def label(self) -> str:
        """`raises`, `lowers · trade-off`, `trade-off`, … — what a list cell shows."""
        if self.trade_off and self.verdict is not Verdict.TRADE_OFF:
            return f"{self.verdict.shown} · {Verdict.TRADE_OFF.shown}"
        return self.verdict.shown


def judge(values: Mapping[Dimension, Decimal], worth: Worth | None = None) -> Judgement:
    """The verdict of `values`, settled by the combined value when `worth` covers them."""
    bare = verdict_of(values)
    trade_off = bare is Verdict.TRADE_OFF
    combined = None if worth is None else combined_value(values, worth)
    if combined is None or not covers(values, worth or Worth()):
        return Judgement(bare, trade_off, combined)
    if combined > 0:
        return Judgement(Verdict.RAISES, trade_off, combined)
    if combined < 0:
        return Judgement(Verdict.LOWERS, trade_off, combined)
    return Judgement(bare, trade_off, combined)
