"""How sure the numbers are: a seeded Monte Carlo band around a decision's values.

The model (DESIGN §1 "Options and uncertainty"):

- Each effect happens with probability `confidence`; a draw where it does not happen
  counts 0 for it. Effects happen or not independently of each other.
- When it happens, its per_year is drawn from a **split normal** (two half-normals
  joined at the median) fitted to the effect's range: P50 = per_year, P10 = low,
  P90 = high exactly. Below per_year the spread is (per_year − low) / 1.2816, above it
  (high − per_year) / 1.2816, so a lopsided range stays lopsided. It is unbounded: one
  draw in ten lies beyond each end of the range, as the 10th and 90th percentile say.
  Without a range per_year is fixed.
- An effect's lifetime value is linear in per_year (core/effects.py), so it is worked
  out once in exact decimals at per_year = 1 and multiplied by each draw's per_year.
- The amount paid is certain: the money dimension is the money effect less the amount,
  as in `decision_values`.

`p_raises` is the share of draws in which the decision raises the lifetime value: the
combined value (core/worth.py) is above 0 when the profile's worth covers every point
dimension that moves — the same rule by which `judge` lets the combined value settle a
verdict — and otherwise the four-dimension test of `verdict_of`: no dimension below 0
and one above.

`DRAWS` = 2,000 draws. Each effect draws from two streams of its own — uniforms
(whether it happens) and standard normals (where its per_year lands) — from
`random.Random` seeded by a SHA-256 of the decision's title and date plus the
dimension, so the same decision gives the same figures on every run and machine (the
Mersenne Twister's stream is the same everywhere, and normals are made from it by a
rational approximation of the normal quantile, not the platform's `gauss`), and editing
one effect leaves the others' draws alone. The streams are cached, so a form that
recomputes the band on every keystroke only redoes the arithmetic.
Sampling error at 2,000 draws: `p_raises` is within ±0.011 (one standard error,
√(p(1−p)/N) at p = ½), and a percentile of a normal spread σ within about ±0.04 σ
(P50 ±0.028 σ). Percentiles are the nearest-rank draws (the 200th, 1,000th and
1,800th of 2,000 in order). Floats are used only inside the sampler; every figure
leaves it as a Decimal rounded to the cent (or hundredth of a point).
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from operator import add

from .decision import Decision
from .dimensions import DIMENSIONS, Dimension
from .effects import Effect, lifetime_effect
from .money import round_cents
from .profile import Profile
from .score import amount_value
from .worth import POINT_DIMENSIONS, Worth, covers

DRAWS = 2000
"""Draws per band; see the module docstring for the sampling error this gives."""

Z90 = 1.2815515655446004
"""The standard normal's 90th percentile: a split normal's P90 lies Z90 spreads above
its median."""

_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Spread:
    """P10, P50 and P90 of one figure over the draws."""

    p10: Decimal
    p50: Decimal
    p90: Decimal


@dataclass(frozen=True, slots=True)
class Band:
    """A decision's band: each dimension's spread (money less the amount paid), the
    combined value's when the profile has a worth, and the share of draws that raise
    the lifetime value."""

    dimensions: Mapping[Dimension, Spread]
    combined: Spread | None
    p_raises: Decimal
    draws: int = DRAWS


@dataclass(frozen=True, slots=True)
class _Source:
    """One effect reduced to what a draw needs."""

    dimension: Dimension
    confidence: float
    unit: float
    """The lifetime value at per_year = 1 (ranged) or at per_year itself (fixed)."""
    ranged: bool
    median: float
    below: float
    above: float

    def column(self, seed: int, draws: int) -> list[float]:
        """`draws` draws of the effect's lifetime value: 0 when it does not happen."""
        spread = (self.median, self.below, self.above) if self.ranged else None
        return draw_column(seed, draws, self.confidence, self.unit, spread)


def seed_of(title: str, day: date) -> int:
    """The sampler's seed for a decision or option: its title and date, hashed."""
    digest = hashlib.sha256(f"{title}\n{day.isoformat()}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def band(
    title: str,
    day: date,
    amount: Decimal,
    effects: Mapping[Dimension, Effect],
    profile: Profile,
    draws: int = DRAWS,
) -> Band:
    """The band of a decision (or an option) given by its parts.
    Raises MissingBirthDate when an effect's horizon is unknown."""
    seed = seed_of(title, day)
    samples = {dim: [0.0] * draws for dim in DIMENSIONS}
    samples[Dimension.MONEY] = [-float(amount_value(amount, day, profile))] * draws
    for dim, effect in effects.items():
        source = _source(dim, effect, day, profile)
        # Each effect has streams of its own, so editing one leaves the others' draws.
        column = source.column(seed + DIMENSIONS.index(dim), draws)
        samples[dim] = list(map(add, samples[dim], column))
    moving = {dim for dim in effects if dim in POINT_DIMENSIONS}
    return summary(samples, profile.worth, moving, draws)


def decision_band(decision: Decision, profile: Profile) -> Band:
    """`band` of a logged decision."""
    return band(decision.title, decision.date, decision.amount, decision.effects, profile)


def draw_column(
    seed: int,
    draws: int,
    confidence: float,
    unit: float,
    spread: tuple[float, float, float] | None,
    *,
    cached: bool = True,
) -> list[float]:
    """`draws` draws of one effect from the streams of `seed`: it happens with
    `confidence`; then, without a `spread`, it is worth `unit`; with one — (median,
    spread below, spread above) of per_year — `unit` times a split-normal draw of
    per_year. `cached=False` for streams drawn once (a journal's terms)."""
    happens = (uniforms if cached else uniforms.__wrapped__)(seed, draws)
    if spread is None:
        return [unit if u < confidence else 0.0 for u in happens]
    median, below, above = spread
    return [
        unit * (median + z * (below if z < 0 else above)) if u < confidence else 0.0
        for u, z in zip(
            happens, (normals if cached else normals.__wrapped__)(seed, draws), strict=True
        )
    ]


@lru_cache(maxsize=64)
def uniforms(seed: int, draws: int) -> list[float]:
    """The uniform stream of `seed` (whether an effect happens). Cached: while a form is
    edited the same effects draw again on every keystroke."""
    rng = random.Random(seed)
    return [rng.random() for _ in range(draws)]


@lru_cache(maxsize=64)
def normals(seed: int, draws: int) -> list[float]:
    """The standard normal stream of `seed` (where per_year lands in its range)."""
    rng = random.Random(seed ^ _NORMAL_STREAM)
    return [normal_quantile(rng.random()) for _ in range(draws)]


_NORMAL_STREAM = 0x5EED_0F_7E_4A_11
"""Mixed into a seed for its normal stream, so the two streams are independent."""


def _source(dim: Dimension, effect: Effect, day: date, profile: Profile) -> _Source:
    certain = replace(effect, confidence=Decimal(1), low=None, high=None)
    if effect.low is None or effect.high is None:
        value = round_cents(lifetime_effect(certain, dim, day, profile))
        return _Source(dim, float(effect.confidence), float(value), False, 0.0, 0.0, 0.0)
    unit = lifetime_effect(replace(certain, per_year=Decimal(1)), dim, day, profile)
    median = float(effect.per_year)
    return _Source(
        dim,
        float(effect.confidence),
        float(unit),
        True,
        median,
        (median - float(effect.low)) / Z90,
        (float(effect.high) - median) / Z90,
    )


def normal_quantile(u: float) -> float:
    """The standard normal quantile of u in [0, 1) (Acklam's rational approximation,
    relative error below 1.2e-9): arithmetic, and a log and square root in the tails."""
    if u <= 0.0:
        u = 5e-324
    if u < 0.02425:
        q = math.sqrt(-2 * math.log(u))
        return _tail(q)
    if u > 1 - 0.02425:
        q = math.sqrt(-2 * math.log(1 - u))
        return -_tail(q)
    q = u - 0.5
    r = q * q
    a = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02,
         1.383577518672690e02, -3.066479806614716e01, 2.506628277459239e00)  # fmt: skip
    b = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02,
         6.680131188771972e01, -1.328068155288572e01)  # fmt: skip
    num = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
    den = ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1
    return num / den


def _tail(q: float) -> float:
    c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00,
         -2.549732539343734e00, 4.374664141464968e00, 2.938163982698783e00)  # fmt: skip
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00,
         3.754408661907416e00)  # fmt: skip
    num = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
    den = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
    return num / den


def summary(
    samples: Mapping[Dimension, list[float]],
    worth: Worth,
    moving: set[Dimension],
    draws: int,
) -> Band:
    """The band of `draws` joint draws: `samples[dim][i]` is dimension dim in draw i.
    `moving` are the point dimensions that move, which the worth must cover for the
    combined value to decide whether a draw raises the lifetime value."""
    dimensions = {dim: _spread(values) for dim, values in samples.items()}
    combined: Spread | None = None
    raised = 0
    totals: list[float] = []
    if worth:
        totals = list(samples[Dimension.MONEY])
        for dim, price in worth.items():
            at = float(price)
            totals = [total + at * value for total, value in zip(totals, samples[dim], strict=True)]
        combined = _spread(totals)
    if worth and covers(dict.fromkeys(moving, Decimal(1)), worth):
        raised = sum(1 for total in totals if total > 0)
    else:
        for column in zip(*(samples[dim] for dim in DIMENSIONS), strict=True):
            if max(column) > 0 and min(column) >= 0:
                raised += 1
    return Band(dimensions, combined, Decimal(raised) / Decimal(draws), draws)


def _spread(values: list[float]) -> Spread:
    ordered = sorted(values)
    count = len(ordered)
    # Nearest rank: the ⌈p·N⌉-th smallest, in whole numbers (no float in the index).
    return Spread(*(_cents(ordered[(pct * count + 99) // 100 - 1]) for pct in (10, 50, 90)))


def _cents(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(_CENT) + 0  # + 0: no negative zero
