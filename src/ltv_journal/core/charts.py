"""The series behind the pictures: the running lifetime value month by month, how
expectations compare with what happened, and where the money and points went.

Pure functions over what the store already keeps (month buckets, calibration samples,
decision summaries); the command line and the screens draw them.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .calibration import Sample
from .dimensions import DIMENSIONS, Dimension
from .worth import POINT_DIMENSIONS, Worth, combined_value, cost_per_point_year

Values = Mapping[Dimension, Decimal]


def month_end(month: int) -> date:
    """The last day of month `YYYYMM`."""
    year, number = divmod(month, 100)
    return date(year, number, calendar.monthrange(year, number)[1])


def next_month(month: int) -> int:
    return month + 1 if month % 100 < 12 else (month // 100 + 1) * 100 + 1


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """The running lifetime value at a month's end: the baseline plus every decision
    dated up to that day (what `score --as-of` gives for it)."""

    day: date
    ltv: dict[Dimension, Decimal]
    combined: Decimal | None = None


def trend_months(today: date, year: int | None = None) -> tuple[int | None, int]:
    """(first, last) YYYYMM of a trend: from the first decision (None) to this month, or
    over `year` (up to this month when it is this year)."""
    last = today.year * 100 + today.month
    if year is None:
        return None, last
    return year * 100 + 1, min(last, year * 100 + 12)


def trend(
    running: Sequence[tuple[int, Values]],
    baseline: Values,
    worth: Worth,
    last_month: int,
    first_month: int | None = None,
) -> list[TrendPoint]:
    """One point per month end from `first_month` (default: the first month with a
    decision) to `last_month`, from `running`: (YYYYMM, decisions' values summed up to
    that month), oldest first, for the months that have decisions."""
    if not running and first_month is None:
        return []
    month = first_month if first_month is not None else running[0][0]
    totals: Values = dict.fromkeys(DIMENSIONS, Decimal(0))
    pending = iter(running)
    upcoming = next(pending, None)
    points: list[TrendPoint] = []
    while month <= last_month:
        while upcoming is not None and upcoming[0] <= month:
            totals = upcoming[1]
            upcoming = next(pending, None)
        ltv = {dim: baseline[dim] + totals[dim] for dim in DIMENSIONS}
        points.append(TrendPoint(month_end(month), ltv, combined_value(ltv, worth)))
        month = next_month(month)
    return points


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Effects given a confidence in [low, high): how often they happened."""

    low: Decimal
    high: Decimal
    count: int
    mean_confidence: Decimal | None
    happened: Decimal | None
    """The share that materialised; None for an empty bin."""


@dataclass(frozen=True, slots=True)
class CalibrationPicture:
    expected_vs_actual: dict[Dimension, list[tuple[Decimal, Decimal]]]
    """Per dimension, (expected, actual) per year of each reviewed decision."""
    reliability: list[ReliabilityBin] = field(default_factory=list)


BINS = 5


def calibration_picture(samples: Iterable[Sample]) -> CalibrationPicture:
    """The points of the two calibration pictures: expected against actual per year
    (the line of perfect prediction is actual = expected), and a reliability diagram of
    confidence against how often the effect happened, in five bins."""
    pairs: dict[Dimension, list[tuple[Decimal, Decimal]]] = {dim: [] for dim in DIMENSIONS}
    binned: list[list[Sample]] = [[] for _ in range(BINS)]
    for sample in samples:
        if sample.actual is not None:
            pairs[sample.dimension].append((sample.expected, sample.actual))
        if sample.confidence is not None:
            index = min(int(sample.confidence * BINS), BINS - 1)
            binned[index].append(sample)
    bins = []
    for index, group in enumerate(binned):
        low, high = Decimal(index) / BINS, Decimal(index + 1) / BINS
        if not group:
            bins.append(ReliabilityBin(low, high, 0, None, None))
            continue
        count = len(group)
        mean = sum((s.confidence or Decimal(0) for s in group), Decimal(0)) / count
        happened = Decimal(sum(1 for s in group if s.materialised)) / count
        bins.append(
            ReliabilityBin(
                low, high, count, mean.quantize(Decimal("0.01")), happened.quantize(Decimal("0.01"))
            )
        )
    return CalibrationPicture({d: p for d, p in pairs.items() if p}, bins)


@dataclass(frozen=True, slots=True)
class CategorySpending:
    """One category's year: money out, and the point-years its decisions brought."""

    category: str
    spent: Decimal
    invested: Decimal
    points: dict[Dimension, Decimal]
    cost_per_point_year: dict[Dimension, Decimal]


@dataclass(frozen=True, slots=True)
class Spending:
    """Where a year's money went."""

    year: int
    months: list[tuple[int, Decimal, Decimal]]
    """(YYYYMM, spent, invested) for the months of the year with decisions."""
    categories: list[CategorySpending]


def by_category(
    rows: Iterable[tuple[str, str, Decimal, Values]], no_category: str = "(none)"
) -> list[CategorySpending]:
    """From (category, kind, amount, values) per decision: each category's spending and
    the point-years it bought, largest spending first; cost per point-year is over the
    category's decisions together."""
    money: dict[str, list[Decimal]] = {}
    totals: dict[str, dict[Dimension, Decimal]] = {}
    for category, kind, amount, values in rows:
        name = category or no_category
        spent_invested = money.setdefault(name, [Decimal(0), Decimal(0)])
        spent_invested[1 if kind == "investment" else 0] += amount
        summed = totals.setdefault(name, dict.fromkeys(DIMENSIONS, Decimal(0)))
        for dim in DIMENSIONS:
            summed[dim] += values.get(dim, Decimal(0))
    result = [
        CategorySpending(
            category=name,
            spent=money[name][0],
            invested=money[name][1],
            points={dim: totals[name][dim] for dim in POINT_DIMENSIONS},
            cost_per_point_year=cost_per_point_year(totals[name]),
        )
        for name in money
    ]
    result.sort(key=lambda c: (-(c.spent + c.invested), c.category))
    return result
