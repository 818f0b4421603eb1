"""Lifetime values: a decision's, the baseline, and the LTV score."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from .dates import add_months, whole_months_between
from .decision import Decision
from .dimensions import DIMENSIONS, Dimension
from .effects import MATH_CONTEXT, NEGLIGIBLE, Effect, lifetime_effect
from .money import round_cents
from .profile import Profile

Values = dict[Dimension, Decimal]


def zero_values() -> Values:
    return dict.fromkeys(DIMENSIONS, Decimal("0.00"))


EffectValue = Callable[[Effect, Dimension, date], Decimal]
"""Computes one effect's rounded lifetime value; the store passes a memoised one."""


def effect_values(
    decision: Decision, profile: Profile, effect_value: EffectValue | None = None
) -> Values:
    """Each effect's lifetime value rounded to the cent (money) or hundredth (points)."""
    value = effect_value or (lambda e, d, day: round_cents(lifetime_effect(e, d, day, profile)))
    values = zero_values()
    for dim, effect in decision.effects.items():
        values[dim] = value(effect, dim, decision.date)
    return values


def decision_values(
    decision: Decision, profile: Profile, effect_value: EffectValue | None = None
) -> Values:
    """The decision's contribution to the score: its effects, and −amount in money."""
    values = effect_values(decision, profile, effect_value)
    values[Dimension.MONEY] -= decision.amount
    return values


def baseline(profile: Profile, as_of: date) -> Values:
    """The score before any decision: income over the working years.

    With discount rate 0 this is annual_income × (retirement_age − career_start_age).
    Otherwise income accrues monthly; months started by `as_of` count at face value and
    later ones are discounted by (1+r)^(−months_from_today/12).
    """
    values = zero_values()
    working = 12 * (profile.retirement_age - profile.career_start_age)
    monthly = profile.annual_income / 12
    rate = profile.discount_rate
    start = profile.career_start
    if rate == 0 or start is None:
        values[Dimension.MONEY] = round_cents(monthly * working)
        return values
    past = min(working, whole_months_between(start, as_of) + 1) if as_of >= start else 0
    future = working - past
    total = Decimal(past)
    if future:
        first = whole_months_between(as_of, add_months(start, past))
        with localcontext(MATH_CONTEXT):
            log_v = -(1 + rate).ln() / 12
            if abs(log_v) < NEGLIGIBLE:  # a rate too small to discount anything
                total += future
            else:
                v = log_v.exp()
                total += (log_v * first).exp() * (1 - (log_v * future).exp()) / (1 - v)
    values[Dimension.MONEY] = round_cents(monthly * total)
    return values


@dataclass(frozen=True, slots=True)
class Score:
    """The LTV score: baseline plus the lifetime values of all live decisions."""

    as_of: date
    currency: str
    decisions: int
    baseline: Mapping[Dimension, Decimal]
    ltv: Mapping[Dimension, Decimal]

    @property
    def from_decisions(self) -> Values:
        return {dim: self.ltv[dim] - self.baseline[dim] for dim in DIMENSIONS}


def make_score(
    profile: Profile, as_of: date, decisions: int, totals: Mapping[Dimension, Decimal]
) -> Score:
    """Combine the baseline for `as_of` with summed decision values."""
    base = baseline(profile, as_of)
    return Score(
        as_of=as_of,
        currency=profile.currency,
        decisions=decisions,
        baseline=base,
        ltv={dim: base[dim] + totals.get(dim, Decimal(0)) for dim in DIMENSIONS},
    )
