"""How sure the whole journal's figures are: the band of every decision's effects
summed, for the score and month by month for the trend.

The model is the decisions' (core/uncertainty.py): each effect happens with its
confidence, independently of every other, and a ranged per_year is drawn from the split
normal fitted to its range. The journal's lifetime effect on a dimension is the sum of
its decisions' values, so its band is the band of a sum of many independent terms.

Drawing every effect of a large journal 2,000 times is out of reach (100,000 decisions
hold some 160,000 uncertain effects), so the sum is split:

- **Certain parts** — amounts paid, effects with confidence 1 and no range — are added
  exactly, as the stored values.
- **The `SAMPLED` terms with the largest spread** (variance) are drawn one by one, as a
  decision's band draws them: a lone big bet keeps its true, lopsided or two-valued shape.
- **All other uncertain effects** — each no larger in spread than the smallest sampled
  one — are drawn together as one normal per dimension with their exact summed mean and
  variance (the central limit theorem: a sum of many small independent terms is close to
  normal, and closer the more there are).

A journal with no more than `SAMPLED` uncertain effects is therefore drawn exactly like
a decision. Moments of one effect, in the value's own units (hundredths in the store):

- without a range, with value E = c·V stored (V the value if it happens, c the
  confidence): mean E, variance E²·(1 − c) / c;
- with a range: per_year is a split normal with median m and spreads s₁ = (m − low) /
  z₉₀ and s₂ = (high − m) / z₉₀; its mean is m + (s₂ − s₁)/√(2π) and its second moment
  m² + 2m(s₂ − s₁)/√(2π) + (s₁² + s₂²)/2; the effect is that times u (the value at
  per_year 1) times the Bernoulli(c) of whether it happens.

The store sums the moments of unranged effects in SQL (the same formula, `fixed_variance`)
and hands over the largest of them and every ranged effect; `journal_bands` does the
rest. Each sampled term draws from streams seeded by its decision's id and dimension, and
the pooled normals from `JOURNAL_SEED`, so the same journal gives the same figures on
every run and machine, and adding a decision leaves the others' draws alone. Month by
month the same draws are reused (a term enters at its decision's month), so the band
moves smoothly.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import add

from .dimensions import DIMENSIONS, Dimension
from .uncertainty import DRAWS, Z90, Band, Spread, draw_column, normals, summary
from .worth import POINT_DIMENSIONS, Worth

SAMPLED = 128
"""Uncertain effects drawn one by one; the rest are drawn as one normal per dimension."""

JOURNAL_SEED = int.from_bytes(hashlib.sha256(b"ltv-journal: the journal's band").digest()[:8])

EVERYTHING = 999_912
"""A month after any decision's: `journal_bands([EVERYTHING], …)` is the whole journal."""

_ROOT_2PI = math.sqrt(2 * math.pi)


def fixed_variance(value: float, confidence: float) -> float:
    """The variance of an unranged effect whose expected value is `value`."""
    return value * value * (1 / confidence - 1)


def ranged_moments(
    c: float, unit: float, median: float, below: float, above: float
) -> tuple[float, float]:
    """(mean, variance) of a ranged effect: a Bernoulli(c) times `unit` times a split
    normal with `median` and spreads `below` and `above`."""
    shift = (above - below) / _ROOT_2PI
    mean = c * unit * (median + shift)
    second = median * median + 2 * median * shift + (below * below + above * above) / 2
    return mean, max(c * unit * unit * second - mean * mean, 0.0)


@dataclass(frozen=True, slots=True)
class Uncertain:
    """One effect that may not turn out as expected, in the store's units (hundredths)."""

    key: tuple[str, str]
    """(decision id, dimension): the order draws are made in."""
    month: int
    """YYYYMM of its decision."""
    dimension: Dimension
    expected: float
    """Its stored value: the confidence times the value at per_year."""
    confidence: float
    unit: float = 0.0
    """The value if it happens at per_year 1 (ranged only)."""
    median: float = 0.0
    below: float = 0.0
    above: float = 0.0
    ranged: bool = False
    mean: float = field(init=False)
    variance: float = field(init=False)

    def __post_init__(self) -> None:
        c = self.confidence
        if not self.ranged:
            mean, variance = self.expected, fixed_variance(self.expected, c)
        else:
            mean, variance = ranged_moments(c, self.unit, self.median, self.below, self.above)
        object.__setattr__(self, "mean", mean)
        object.__setattr__(self, "variance", max(variance, 0.0))

    def draws(self, count: int) -> list[float]:
        """`count` draws of its lifetime value, from streams of its own (its key's), so
        adding or removing a decision leaves every other's draws alone."""
        digest = hashlib.sha256(f"{JOURNAL_SEED}\n{self.key[0]}\n{self.key[1]}".encode()).digest()
        seed = int.from_bytes(digest[:8])
        c = self.confidence
        if not self.ranged:
            return draw_column(seed, count, c, self.expected / c, None, cached=False)
        spread = (self.median, self.below, self.above)
        return draw_column(seed, count, c, self.unit, spread, cached=False)


def unranged(key: tuple[str, str], month: int, dim: Dimension, value: float, c: float) -> Uncertain:
    """An effect without a range whose stored value is `value`."""
    return Uncertain(key, month, dim, value, c)


def ranged(
    key: tuple[str, str],
    month: int,
    dim: Dimension,
    value: float,
    c: float,
    bounds: tuple[float, float, float],
    unit: float,
) -> Uncertain:
    """An effect with a range: `bounds` = (low, per_year, high); `unit` its value if it
    happens at per_year 1."""
    low, median, high = bounds
    return Uncertain(
        key,
        month,
        dim,
        value,
        c,
        unit=unit,
        median=median,
        below=(median - low) / Z90,
        above=(high - median) / Z90,
        ranged=True,
    )


@dataclass(slots=True)
class Pool:
    """Sums over a month's uncertain effects on one dimension."""

    expected: float = 0.0
    mean: float = 0.0
    variance: float = 0.0


RangedRow = tuple[tuple[str, str], int, Dimension, float, float, float, float, float, float | None]
"""(key, month, dimension, stored value, confidence, low, per_year, high, unit or None):
a ranged effect as the store reads it; `unit` (its value if it happens at per_year 1)
is None when the stored value tells it (per_year not 0)."""


def pool_ranged(
    rows: Iterable[RangedRow], pools: dict[tuple[int, Dimension], Pool], keep: int = SAMPLED
) -> list[Uncertain]:
    """Add the ranged effects' moments to `pools` and give the `keep` with the largest
    variance as terms (the others are drawn pooled, and need no object of their own)."""
    heap: list[tuple[float, tuple[str, str], RangedRow, float]] = []
    for row in rows:
        key, month, dim, value, c, low, median, high, unit = row
        if unit is None:
            unit = value / (c * median)
        below, above = (median - low) / Z90, (high - median) / Z90
        mean, variance = ranged_moments(c, unit, median, below, above)
        pool = pools.get((month, dim))
        if pool is None:
            pool = pools[(month, dim)] = Pool()
        pool.expected += value
        pool.mean += mean
        pool.variance += variance
        entry = (variance, key, row, unit)  # ties: the larger key stays, on any read order
        if len(heap) < keep:
            heapq.heappush(heap, entry)
        elif entry[:2] > heap[0][:2]:
            heapq.heapreplace(heap, entry)
    return [
        ranged(row[0], row[1], row[2], row[3], row[4], (row[5], row[6], row[7]), unit)
        for _, _, row, unit in heap
    ]


@dataclass(frozen=True, slots=True)
class JournalUncertainty:
    """What the journal's band is drawn from, as the store reads it.

    `totals`: per month (YYYYMM, ascending) the decisions' summed values per dimension.
    `pools`: per (month, dimension) the expected values, means and variances summed
    over every uncertain effect. `candidates`: the effects with the largest variance
    (at least the `SAMPLED` largest), as terms to draw one by one.
    """

    totals: Sequence[tuple[int, Mapping[Dimension, float]]]
    pools: Mapping[tuple[int, Dimension], Pool]
    candidates: Sequence[Uncertain]


def journal_bands(
    source: JournalUncertainty,
    months: Sequence[int],
    worth: Worth,
    draws: int = DRAWS,
    scale: float = 100.0,
) -> list[Band]:
    """The band of the decisions' summed values up to the end of each of `months`
    (ascending YYYYMM), in units (the store's hundredths divided by `scale`)."""
    chosen = sorted(source.candidates, key=lambda t: (-t.variance, t.key))[:SAMPLED]
    # The rest, per month and dimension: the pools less the chosen effects.
    rest: dict[tuple[int, Dimension], Pool] = {
        key: Pool(pool.expected, pool.mean, pool.variance) for key, pool in source.pools.items()
    }
    for term in chosen:
        pool = rest[(term.month, term.dimension)]
        pool.mean -= term.mean
        pool.variance -= term.variance

    chosen.sort(key=lambda t: t.key)
    term_draws = [(term, term.draws(draws)) for term in chosen]
    pooled = {
        dim: normals.__wrapped__(JOURNAL_SEED + index, draws)
        for index, dim in enumerate(DIMENSIONS)
    }

    events = _by_month(source, rest, term_draws)
    certain = dict.fromkeys(DIMENSIONS, 0.0)
    pooled_mean = dict.fromkeys(DIMENSIONS, 0.0)
    pooled_var = dict.fromkeys(DIMENSIONS, 0.0)
    drawn = {dim: [0.0] * draws for dim in DIMENSIONS}
    moving: set[Dimension] = set()
    bands = []
    position = 0
    for month in months:
        while position < len(events) and events[position][0] <= month:
            entering = events[position][1]
            position += 1
            for dim, value in entering.totals.items():
                certain[dim] += value
                if value and dim in POINT_DIMENSIONS:
                    moving.add(dim)
            for dim, pool in entering.pools.items():
                certain[dim] -= pool.expected
                pooled_mean[dim] += pool.mean
                pooled_var[dim] += pool.variance
                if pool.variance > 0 and dim in POINT_DIMENSIONS:
                    moving.add(dim)
            for term, values in entering.terms:
                drawn[term.dimension] = list(map(add, drawn[term.dimension], values))
                if term.dimension in POINT_DIMENSIONS:
                    moving.add(term.dimension)
        samples = {}
        for dim in DIMENSIONS:
            base = certain[dim] + pooled_mean[dim]
            sd = math.sqrt(max(pooled_var[dim], 0.0))
            z = pooled[dim]
            samples[dim] = [(base + x + sd * z[i]) / scale for i, x in enumerate(drawn[dim])]
        bands.append(summary(samples, worth, moving, draws))
    return bands


@dataclass(slots=True)
class _Month:
    """What enters the band in one month."""

    totals: dict[Dimension, float] = field(default_factory=dict)
    pools: dict[Dimension, Pool] = field(default_factory=dict)
    terms: list[tuple[Uncertain, list[float]]] = field(default_factory=list)


def _by_month(
    source: JournalUncertainty,
    rest: Mapping[tuple[int, Dimension], Pool],
    term_draws: Iterable[tuple[Uncertain, list[float]]],
) -> list[tuple[int, _Month]]:
    """Per month, ascending: its totals, its pooled rest per dimension, its drawn terms."""
    months: dict[int, _Month] = {}
    for month, totals in source.totals:
        months.setdefault(month, _Month()).totals.update(totals)
    for (month, dim), pool in rest.items():
        months.setdefault(month, _Month()).pools[dim] = pool
    for term, values in term_draws:
        months.setdefault(term.month, _Month()).terms.append((term, values))
    return sorted(months.items())


def lifetime_band(band: Band, baseline: Mapping[Dimension, Decimal]) -> Band:
    """A band of the decisions' summed values moved onto the lifetime value: each
    dimension plus its baseline, the combined value plus the money baseline."""

    def moved(spread: Spread, by: Decimal) -> Spread:
        return Spread(spread.p10 + by, spread.p50 + by, spread.p90 + by)

    money = baseline[Dimension.MONEY]
    return Band(
        {dim: moved(spread, baseline[dim]) for dim, spread in band.dimensions.items()},
        None if band.combined is None else moved(band.combined, money),
        band.p_raises,
        band.draws,
    )
