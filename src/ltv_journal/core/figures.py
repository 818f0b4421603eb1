"""Investment figures and the opportunity cost of spending."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from .dates import whole_months_between
from .effects import MATH_CONTEXT
from .money import round_cents
from .profile import Profile


@dataclass(frozen=True, slots=True)
class InvestmentFigures:
    stream: Decimal
    """The lifetime value of the money effect."""
    net_gain: Decimal
    """stream − amount."""
    roi: Decimal | None
    """net_gain / amount, or None when nothing was paid."""


def investment_figures(amount: Decimal, money_stream: Decimal) -> InvestmentFigures:
    net = money_stream - amount
    roi = (net / amount).quantize(Decimal("0.0001")) if amount > 0 else None
    return InvestmentFigures(stream=money_stream, net_gain=net, roi=roi)


@dataclass(frozen=True, slots=True)
class OpportunityCost:
    at_retirement: Decimal | None
    """What the amount would grow to by retirement at the profile's return rate."""
    working_hours: Decimal | None
    """How many hours of working life the amount costs at the profile's income."""


def opportunity_cost(amount: Decimal, decided_on: date, profile: Profile) -> OpportunityCost:
    """a × (1+return_rate)^(years to retirement), and a / hourly income."""
    at_retirement: Decimal | None = None
    retirement = profile.retirement
    if retirement is not None:
        years = Decimal(whole_months_between(decided_on, retirement)) / 12
        with localcontext(MATH_CONTEXT):
            growth = ((1 + profile.return_rate).ln() * years).exp()
            at_retirement = round_cents(amount * growth)
    hourly = profile.hourly_income
    hours = None if hourly is None else (amount / hourly).quantize(Decimal("0.1"))
    return OpportunityCost(at_retirement=at_retirement, working_hours=hours)
