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

`DRAWS` = 2,000 draws from `random.Random(seed)`, the seed a SHA-256 of the decision's
title and date, so the same decision gives the same figures on every run and machine:
the Mersenne Twister's stream is the same everywhere, and normal draws are made from it
by a rational approximation of the normal quantile (no platform-dependent `gauss`).
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
    sources = [_source(dim, effect, day, profile) for dim, effect in effects.items()]
    paid = float(amount_value(amount, day, profile))
    worth = profile.worth
    rng = random.Random(seed_of(title, day))
    samples: dict[Dimension, list[float]] = {dim: [] for dim in DIMENSIONS}
    for _ in range(draws):
        drawn = dict.fromkeys(DIMENSIONS, 0.0)
        drawn[Dimension.MONEY] = -paid
        for source in sources:
            # Two numbers every draw, used or not, so one effect's draws do not shift
            # when another's confidence changes.
            happens = rng.random() < source.confidence
            z = normal_quantile(rng.random()) if source.ranged else 0.0
            if not happens:
                continue
            if source.ranged:
                per = source.median + z * (source.below if z < 0 else source.above)
                drawn[source.dimension] += source.unit * per
            else:
                drawn[source.dimension] += source.unit
        for dim in DIMENSIONS:
            samples[dim].append(drawn[dim])
    moving = {dim for dim in effects if dim in POINT_DIMENSIONS}
    return summary(samples, worth, moving, draws)


def decision_band(decision: Decision, profile: Profile) -> Band:
    """`band` of a logged decision."""
    return band(decision.title, decision.date, decision.amount, decision.effects, profile)


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
        prices = {dim: float(price) for dim, price in worth.items()}
        totals = [
            samples[Dimension.MONEY][i]
            + sum(price * samples[dim][i] for dim, price in prices.items())
            for i in range(draws)
        ]
        combined = _spread(totals)
    if worth and covers(dict.fromkeys(moving, Decimal(1)), worth):
        raised = sum(1 for total in totals if total > 0)
    else:
        for i in range(draws):
            column = [samples[dim][i] for dim in DIMENSIONS]
            if any(v > 0 for v in column) and not any(v < 0 for v in column):
                raised += 1
    return Band(dimensions, combined, Decimal(raised) / Decimal(draws), draws)


def _spread(values: list[float]) -> Spread:
    ordered = sorted(values)
    count = len(ordered)
    # Nearest rank: the ⌈p·N⌉-th smallest, in whole numbers (no float in the index).
    return Spread(*(_cents(ordered[(pct * count + 99) // 100 - 1]) for pct in (10, 50, 90)))


def _cents(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(_CENT) + 0  # + 0: no negative zero
