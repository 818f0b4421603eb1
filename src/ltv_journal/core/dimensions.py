"""The four dimensions of lifetime value, defined once and read everywhere."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from .language import N_, _


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
    def suggested_half_life(self) -> Decimal | None:
        """The half-life (years) the form and the effect syntax prefill for a new
        open-ended effect: people adapt to most gains (hedonic adaptation), fastest to
        pleasures, slower to closeness, slowest to meaning (README: "Why points fade").
        None for money. The interchange format never assumes it: files spell it out."""
        return _SUGGESTED_HALF_LIFE.get(self.value)

    @property
    def unit(self) -> str:
        """The unit word shown after a non-money value (`pts`, German `Pkt.`)."""
        return "" if self.is_money else _("pts")

    @property
    def shown(self) -> str:
        """The dimension as a word for a person: `money`, German `Geld`. Never a key:
        JSON, TOML and the `--effect` syntax use the value itself."""
        return _(_NAMES[self.value])


_NAMES = {
    "money": N_("money"),
    "happiness": N_("happiness"),
    "love": N_("love"),
    "meaning": N_("meaning"),
}


_SUGGESTED_HALF_LIFE = {
    "happiness": Decimal(1),
    "love": Decimal(2),
    "meaning": Decimal(5),
}


class Until(StrEnum):
    """The horizon an open-ended effect runs to."""

    RETIREMENT = "retirement"
    DEATH = "death"

    @property
    def shown(self) -> str:
        """The horizon as a word a person reads and types: `retirement`, German `Rente`."""
        return _(N_("retirement")) if self is Until.RETIREMENT else _(N_("death"))


DIMENSIONS: tuple[Dimension, ...] = tuple(Dimension)
"""The dimensions in the order they are always shown."""
