"""The four dimensions of lifetime value, defined once and read everywhere."""

from __future__ import annotations

from enum import StrEnum


class Dimension(StrEnum):
    """One axis of lifetime value. Iterating the enum gives the display order."""

    MONEY = "money"
    HAPPINESS = "happiness"
    LOVE = "love"
    MEANING = "meaning"

    @property
    def is_money(self) -> bool:
        return self is Dimension.MONEY

    @property
    def default_until(self) -> Until:
        """Money lasts until retirement by default, everything else for life."""
        return Until.RETIREMENT if self.is_money else Until.DEATH

    @property
    def unit(self) -> str:
        """The unit word shown after a non-money value."""
        return "" if self.is_money else "pts"


class Until(StrEnum):
    """The horizon an open-ended effect runs to."""

    RETIREMENT = "retirement"
    DEATH = "death"


DIMENSIONS: tuple[Dimension, ...] = tuple(Dimension)
"""The dimensions in the order they are always shown."""
