"""Lifetime values: a decision's, the baseline, and the LTV score."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext

from .conventions import format_date
from .decision import Decision
from .dimensions import DIMENSIONS, Dimension
from .effects import (
    MATH_CONTEXT,
    Effect,
    discount_factor,
    horizon_problems,
    lifetime_effect,
    monthly_series,
    months_from_valuation,
    present_value,
)
from .language import _
from .money import round_cents
from .profile import Profile
from .worth import Worth, combined_value

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
    values[Dimension.MONEY] -= amount_value(decision.amount, decision.date, profile)
    return values


def problems_under(decision: Decision, profile: Profile) -> list[tuple[str, str]]:
    """What makes a decision impossible to score under `profile`, as (field, reason):
    a date before the birth date, or an open-ended effect whose horizon (retirement,
    death) has passed when it starts, which would silently count 0."""
    born = profile.birth_date
    if born is not None and decision.date < born:
        return [("date", _("is before your birth date ({day})").format(day=format_date(born)))]
    found: list[tuple[str, str]] = []
    for dim, effect in decision.effects.items():
        found.extend(horizon_problems(effect, dim, decision.date, profile))
    return found


def amount_value(amount: Decimal, day: date, profile: Profile) -> Decimal:
    """A one-off amount paid on `day`, valued at the valuation date and rounded to the
    cent: the amount itself when the discount rate is 0."""
    if profile.discount_rate == 0:
        return amount
    return round_cents(present_value(amount, day, profile))


def baseline(profile: Profile) -> Values:
    """The score before any decision: income over the working years.

    With discount rate 0 this is annual_income × (retirement_age − career_start_age).
    Otherwise income accrues monthly and every working month is valued at the profile's
    valuation date, like every other flow, so the baseline does not move with the
    calendar.
    """
    values = zero_values()
    working = 12 * (profile.retirement_age - profile.career_start_age)
    monthly = profile.annual_income / 12
    rate = profile.discount_rate
    start = profile.career_start
    if rate == 0 or start is None or working == 0:
        values[Dimension.MONEY] = round_cents(monthly * working)
        return values
    with localcontext(MATH_CONTEXT):
        lead = discount_factor(rate, months_from_valuation(start, profile))
        total = lead * monthly_series(None, rate, working)
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
    worth: Worth = field(default_factory=Worth)

    @property
    def from_decisions(self) -> Values:
        return {dim: self.ltv[dim] - self.baseline[dim] for dim in DIMENSIONS}

    @property
    def combined(self) -> Decimal | None:
        """Money LTV plus each point LTV at its worth; None without a worth."""
        return combined_value(self.ltv, self.worth)

    @property
    def combined_from_decisions(self) -> Decimal | None:
        """What decisions add to the combined value; None without a worth."""
        return combined_value(self.from_decisions, self.worth)


def make_score(
    profile: Profile, as_of: date, decisions: int, totals: Mapping[Dimension, Decimal]
) -> Score:
    """Combine the baseline with summed decision values; `as_of` says which decisions
    the totals count (those dated up to it)."""
    base = baseline(profile)
    return Score(
        as_of=as_of,
        currency=profile.currency,
        decisions=decisions,
        baseline=base,
        ltv={dim: base[dim] + totals.get(dim, Decimal(0)) for dim in DIMENSIONS},
        worth=profile.worth,
    )
