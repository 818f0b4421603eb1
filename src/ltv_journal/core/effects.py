"""One expected effect of a decision on one dimension, and its lifetime value.

The lifetime effect of an effect made on day D (DESIGN §1):

    E = confidence × Σ_{j=0}^{N−1} (per_year/12) × 0.5^(j/(12·h)) × (1+r)^(−(delay+j)/12)

The sum is a geometric series, so it is evaluated in closed form — O(1) however long
the effect lasts — in a 40-digit decimal context; plain cases stay exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Context, Decimal, localcontext
from functools import lru_cache

from .dates import add_months, whole_months_between
from .dimensions import Dimension, Until
from .profile import Profile

MATH_CONTEXT = Context(prec=40)
_LN_HALF = Decimal("0.5").ln(MATH_CONTEXT)
MAX_DELAY_MONTHS = 1200
MAX_YEARS = Decimal(150)
MAX_PER_YEAR = Decimal("1000000000000")
"""A trillion a year either way: beyond any real decision, and within what is stored."""
MIN_HALF_LIFE = Decimal("0.001")
MAX_HALF_LIFE = Decimal(1_000_000)
NEGLIGIBLE = Decimal("1e-20")
"""A monthly log-factor this small weighs every month alike to 20 digits: the series is
the plain count of months (the closed form would divide 0 by 0 at 40 digits)."""


class MissingBirthDate(ValueError):
    """An effect that runs to retirement or death needs the profile's birth date."""

    def __init__(self) -> None:
        super().__init__(
            "effects that last until retirement or death need a birth date in the profile; "
            "set one (ltv-journal profile --birth-date YYYY-MM-DD) or give the effect years"
        )


@dataclass(frozen=True, slots=True)
class Effect:
    """Expected value per year (money or points) and how it unfolds over time.

    Exactly one of `years` and `until` applies; when both are None the dimension's
    default horizon (`Dimension.default_until`) is used.
    """

    per_year: Decimal
    delay_months: int = 0
    years: Decimal | None = None
    until: Until | None = None
    half_life_years: Decimal | None = None
    confidence: Decimal = Decimal(1)

    def problems(self) -> list[tuple[str, str]]:
        """Every invalid field as (field name, reason)."""
        found: list[tuple[str, str]] = []
        if abs(self.per_year) > MAX_PER_YEAR:
            found.append(("per_year", f"must be at most {MAX_PER_YEAR:,} a year either way"))
        if not 0 <= self.delay_months <= MAX_DELAY_MONTHS:
            found.append(("delay_months", f"must be between 0 and {MAX_DELAY_MONTHS}"))
        if self.years is not None and self.until is not None:
            found.append(("years", "give years or until, not both"))
        if self.years is not None and not Decimal(0) < self.years <= MAX_YEARS:
            found.append(("years", f"must be more than 0 and at most {MAX_YEARS}"))
        if self.half_life_years is not None and not (
            MIN_HALF_LIFE <= self.half_life_years <= MAX_HALF_LIFE
        ):
            found.append(
                ("half_life_years", f"must be from {MIN_HALF_LIFE} to {MAX_HALF_LIFE:,} years")
            )
        if not Decimal(0) < self.confidence <= Decimal(1):
            found.append(("confidence", "must be more than 0 and at most 1"))
        return found

    def horizon_for(self, dimension: Dimension) -> Until | None:
        """The open-ended horizon in force, or None when the effect lasts fixed years."""
        if self.years is not None:
            return None
        return self.until or dimension.default_until


def effect_months(effect: Effect, dimension: Dimension, decided_on: date, profile: Profile) -> int:
    """N: the number of whole months the effect lasts, never past life expectancy."""
    start = add_months(decided_on, effect.delay_months)
    until = effect.horizon_for(dimension)
    death = profile.death
    if until is not None:
        horizon = profile.horizon(until)
        if horizon is None:
            raise MissingBirthDate()
        months = whole_months_between(start, horizon)
    else:
        assert effect.years is not None
        months = int(effect.years * 12)
    if death is not None:
        months = min(months, whole_months_between(start, death))
    return max(months, 0)


def lifetime_effect(
    effect: Effect, dimension: Dimension, decided_on: date, profile: Profile
) -> Decimal:
    """E for `effect`, unrounded. Raises MissingBirthDate when a horizon is unknown."""
    months = effect_months(effect, dimension, decided_on, profile)
    rate = profile.discount_rate
    half_life = effect.half_life_years
    if months == 0 or effect.per_year == 0:
        return Decimal(0)
    with localcontext(MATH_CONTEXT):
        if half_life is None and rate == 0:
            # Multiply before dividing so whole-year sums stay exact (6000/12 × 240).
            return effect.confidence * effect.per_year * months / 12
        lead, series = _lead_and_series(half_life, rate, months, effect.delay_months if rate else 0)
        return +(effect.confidence * effect.per_year / 12 * lead * series)


@lru_cache(maxsize=16384)
def _lead_and_series(
    half_life: Decimal | None, rate: Decimal, months: int, delay_months: int
) -> tuple[Decimal, Decimal]:
    """(v^delay, Σ_{j<months} q^j): the discount until the effect starts and the sum of
    its monthly weights. Journals repeat these few inputs, and the 40-digit exp is the
    dearest step of an effect, so each combination is computed once."""
    with localcontext(MATH_CONTEXT):
        log_q, log_v, q = _monthly_factors(half_life, rate)
        if abs(log_q) < NEGLIGIBLE:
            series = Decimal(months)
        else:
            series = (1 - (log_q * months).exp()) / (1 - q)
        lead = (log_v * delay_months).exp() if log_v and delay_months else Decimal(1)
        return lead, series


@lru_cache(maxsize=1024)
def _monthly_factors(half_life: Decimal | None, rate: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """(ln q, ln v, q): the monthly decay-and-discount factor q and the discount factor v.

    They depend only on the half-life and the rate, which journals repeat, so they are
    computed once (ln and exp at 40 digits are most of the cost of an effect).
    """
    with localcontext(MATH_CONTEXT):
        log_q = Decimal(0)
        if half_life is not None:
            log_q += _LN_HALF / (12 * half_life)
        log_v = -(1 + rate).ln() / 12 if rate else Decimal(0)
        log_q += log_v
        return log_q, log_v, log_q.exp()
