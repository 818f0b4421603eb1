"""Does this raise my lifetime value? The verdict over the four dimensions."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum

from .dimensions import Dimension


class Verdict(StrEnum):
    RAISES = "raises"
    LOWERS = "lowers"
    TRADE_OFF = "trade-off"
    NEUTRAL = "neutral"


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
