"""Worth: what one point-year of happiness, love or meaning is worth in money.

With a worth, the four dimensions fold into one **combined** lifetime value in money
(DESIGN §1 "Worth"), the way health economics prices a quality-adjusted life year:

    combined = money + Σ_dim worth_dim × points_dim

A decision that trades money for points also has a **cost per point-year** (money
given up ÷ point-years gained), and the journal's own trade-offs **imply** a worth:
paying 450 for +0.46 love point-years says love is worth at least 978 a point-year.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from .dimensions import DIMENSIONS, Dimension
from .language import _, ngettext
from .money import format_number

POINT_DIMENSIONS: tuple[Dimension, ...] = tuple(d for d in DIMENSIONS if not d.is_money)
MAX_WORTH = Decimal("100000000")
"""No point-year is priced above a hundred million: beyond it a typo is likelier."""


@dataclass(frozen=True, slots=True)
class Worth:
    """Money per point-year of each point dimension; None where the person set none."""

    happiness: Decimal | None = None
    love: Decimal | None = None
    meaning: Decimal | None = None

    def get(self, dim: Dimension) -> Decimal | None:
        return None if dim.is_money else getattr(self, str(dim))

    def items(self) -> Iterator[tuple[Dimension, Decimal]]:
        """The dimensions that have a worth, in display order."""
        for dim in POINT_DIMENSIONS:
            value = self.get(dim)
            if value is not None:
                yield dim, value

    def __bool__(self) -> bool:
        # Asked once per row of a list: no `dataclasses.fields()` walk.
        return self.happiness is not None or self.love is not None or self.meaning is not None

    def problems(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for dim, value in self.items():
            if not Decimal(0) <= value <= MAX_WORTH:
                found.append(
                    (
                        f"worth.{dim}",
                        _("must be from 0 to {most} a point-year").format(
                            most=format_number(MAX_WORTH)
                        ),
                    )
                )
            elif value != value.quantize(Decimal("0.01")):
                found.append((f"worth.{dim}", _("has more than two decimals")))
        return found


def combined_value(values: Mapping[Dimension, Decimal], worth: Worth) -> Decimal | None:
    """Money plus every point dimension at its worth, in money; None without any worth.

    A point dimension without a worth adds nothing: `covers()` says whether that matters.
    """
    if not worth:
        return None
    total = values.get(Dimension.MONEY, Decimal(0))
    for dim, price in worth.items():
        total += price * values.get(dim, Decimal(0))
    return total.quantize(Decimal("0.01"))


def covers(values: Mapping[Dimension, Decimal], worth: Worth) -> bool:
    """Whether every point dimension that moves has a worth, so the combined value is whole."""
    return not unpriced(values, worth)


def unpriced(values: Mapping[Dimension, Decimal], worth: Worth) -> list[Dimension]:
    """The point dimensions that move but have no worth: the combined value leaves them out."""
    return [dim for dim in POINT_DIMENSIONS if values.get(dim) and worth.get(dim) is None]


def left_out(values: Mapping[Dimension, Decimal], worth: Worth) -> str:
    """` (love has no worth: left out)` when the combined value leaves a dimension out."""
    missing = unpriced(values, worth) if worth else []
    if not missing:
        return ""
    names = _(" and ").join(d.shown for d in missing)
    return " " + ngettext(
        "({names} has no worth: left out)", "({names} have no worth: left out)", len(missing)
    ).format(names=names)


def cost_per_point_year(values: Mapping[Dimension, Decimal]) -> dict[Dimension, Decimal]:
    """Money given up per point-year gained, for each point dimension that gains, when the
    decision costs money overall (its money value is negative). Empty otherwise."""
    given_up = -values.get(Dimension.MONEY, Decimal(0))
    if given_up <= 0:
        return {}
    return {
        dim: (given_up / values[dim]).quantize(Decimal("0.01"))
        for dim in POINT_DIMENSIONS
        if values.get(dim, Decimal(0)) > 0
    }


@dataclass(frozen=True, slots=True)
class ImpliedWorth:
    """What the journal's own trade-offs say one point-year of a dimension is worth."""

    dimension: Dimension
    decisions: int
    """How many decisions it rests on: each paid money for this dimension alone."""
    low: Decimal
    median: Decimal
    high: Decimal


def implied_worth(
    decision_values: Iterable[Mapping[Dimension, Decimal]],
) -> dict[Dimension, ImpliedWorth]:
    """Per point dimension, the range and median of the cost per point-year the person
    paid in decisions that bought that dimension alone (money down, that dimension up,
    no other point dimension moved): each such choice says the point-year was worth at
    least what it cost. Dimensions no decision priced are absent."""
    found: dict[Dimension, list[Decimal]] = {dim: [] for dim in POINT_DIMENSIONS}
    for values in decision_values:
        moved = [dim for dim in POINT_DIMENSIONS if values.get(dim)]
        if len(moved) != 1:
            continue
        costs = cost_per_point_year(values)
        if moved[0] in costs:
            found[moved[0]].append(costs[moved[0]])
    result: dict[Dimension, ImpliedWorth] = {}
    for dim, paid in found.items():
        if not paid:
            continue
        paid.sort()
        median = Decimal(statistics.median(paid)).quantize(Decimal("0.01"))
        result[dim] = ImpliedWorth(dim, len(paid), paid[0], median, paid[-1])
    return result


@dataclass(frozen=True, slots=True)
class PointPrice:
    """What one decision paid for a point-year of one dimension."""

    title: str
    cost: Decimal


def cheapest_and_dearest(
    purchases: Iterable[tuple[str, Mapping[Dimension, Decimal]]],
) -> dict[Dimension, tuple[PointPrice, PointPrice]]:
    """Per point dimension, the decision that bought its point-years cheapest and the
    one that bought them dearest (the same one when only one did), from (title, values)."""
    found: dict[Dimension, tuple[PointPrice, PointPrice]] = {}
    for title, values in purchases:
        for dim, cost in cost_per_point_year(values).items():
            price = PointPrice(title, cost)
            low, high = found.get(dim, (price, price))
            found[dim] = (min(low, price, key=_cost), max(high, price, key=_cost))
    return {dim: found[dim] for dim in POINT_DIMENSIONS if dim in found}


def _cost(price: PointPrice) -> Decimal:
    return price.cost
