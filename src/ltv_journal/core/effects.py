"""One expected effect of a decision on one dimension, and its lifetime value.

The lifetime effect of an effect made on day D (DESIGN §1):

    E = confidence × Σ_{j=0}^{N−1} (per_year/12) × 0.5^(j/(12·h)) × (1+r)^(−(delay+j)/12)

The sum is a geometric series, so it is evaluated in closed form — O(1) however long
the effect lasts — in a 40-digit decimal context; plain cases stay exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from functools import lru_cache

from .clv import CustomerValue
from .conventions import format_date
from .dates import add_months, whole_months_between
from .dimensions import Dimension, Until
from .language import _
from .money import format_number, format_plain
from .profile import Profile

MATH_CONTEXT = Context(prec=40)
_LN_HALF = Decimal("0.5").ln(MATH_CONTEXT)
MAX_DELAY_MONTHS = 1200
MAX_YEARS = Decimal(150)
MAX_PER_YEAR = Decimal("1000000000000")
"""A trillion a year either way: beyond any real decision, and within what is stored."""
MIN_HALF_LIFE = Decimal("0.001")
MAX_HALF_LIFE = Decimal(1_000_000)


class MissingBirthDate(ValueError):
    """An effect that runs to retirement or death needs the profile's birth date."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "effects that last until retirement or death need a birth date in the profile; "
                "set one (ltv-journal profile --birth-date YYYY-MM-DD) or give the effect years"
            )
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
    low: Decimal | None = None
    """The 10th percentile of per_year (DESIGN §1 "Options and uncertainty"); with `high`."""
    high: Decimal | None = None
    """The 90th percentile of per_year; given with `low` or not at all."""
    clv: CustomerValue | None = None
    """The customer figures a money effect was worked out from (core/clv.py): per_year
    is then their money a year at steady state, and the months ramp up to it."""

    @property
    def ranged(self) -> bool:
        """Whether the effect gives a range (low and high) around per_year."""
        return self.low is not None and self.high is not None

    def problems(self) -> list[tuple[str, str]]:
        """Every invalid field as (field name, reason)."""
        found: list[tuple[str, str]] = []
        if abs(self.per_year) > MAX_PER_YEAR and self.clv is None:  # else: clv says why
            found.append(("per_year", _at_most_a_year(MAX_PER_YEAR)))
        if not 0 <= self.delay_months <= MAX_DELAY_MONTHS:
            found.append(
                ("delay_months", _("must be between 0 and {most}").format(most=MAX_DELAY_MONTHS))
            )
        if self.years is not None and self.until is not None:
            found.append(("years", _("give years or until, not both")))
        if self.years is not None and not Decimal(0) < self.years <= MAX_YEARS:
            found.append(
                ("years", _("must be more than 0 and at most {most}").format(most=MAX_YEARS))
            )
        elif self.years is not None and years_in_months(self.years) == 0:
            found.append(("years", _("is less than half a month; an effect lasts a month or more")))
        half_life = self.half_life_years
        if half_life is not None and not MIN_HALF_LIFE <= half_life <= MAX_HALF_LIFE:
            found.append(
                (
                    "half_life_years",
                    _("must be from {least} to {most} years (no decay: no half-life)").format(
                        least=format_number(MIN_HALF_LIFE), most=format_number(MAX_HALF_LIFE)
                    ),
                )
            )
        if not Decimal(0) < self.confidence <= Decimal(1):
            found.append(("confidence", _("must be more than 0 and at most 1")))
        found.extend(self._range_problems())
        found.extend(self._customer_problems())
        return found

    def _customer_problems(self) -> list[tuple[str, str]]:
        if self.clv is None:
            return []
        found = [(f"clv.{name}", why) for name, why in self.clv.problems()]
        if found:
            return found
        per_year = self.clv.money_per_year()
        if per_year > MAX_PER_YEAR:
            return [
                (
                    "clv",
                    _("gives {value} a year, more than the limit of {most}").format(
                        value=format_number(per_year), most=format_number(MAX_PER_YEAR)
                    ),
                )
            ]
        if per_year != self.per_year:
            return [
                (
                    "per_year",
                    _("must be what the customer value gives: {value}").format(
                        value=format_plain(per_year)
                    ),
                )
            ]
        return []

    def _range_problems(self) -> list[tuple[str, str]]:
        low, high = self.low, self.high
        if low is None and high is None:
            return []
        if low is None or high is None:
            given, missing = ("high", "low") if low is None else ("low", "high")
            return [
                (
                    missing,
                    _(
                        "a range needs {missing} as well as {given} "
                        "(the 10th and 90th percentile), or neither"
                    ).format(missing=missing, given=given),
                )
            ]
        for name, value in (("low", low), ("high", high)):
            if abs(value) > MAX_PER_YEAR:
                return [(name, _at_most_a_year(MAX_PER_YEAR))]
        if low > high:
            return [
                (
                    "low",
                    _("must not be above high ({low} > {high})").format(
                        low=format_plain(low), high=format_plain(high)
                    ),
                )
            ]
        if not low <= self.per_year <= high:
            return [
                (
                    "per_year",
                    _("must lie within its range, from low {low} to high {high}").format(
                        low=format_plain(low), high=format_plain(high)
                    ),
                )
            ]
        return []

    def horizon_for(self, dimension: Dimension) -> Until | None:
        """The open-ended horizon in force, or None when the effect lasts fixed years."""
        if self.years is not None:
            return None
        return self.until or dimension.default_until


def _at_most_a_year(most: Decimal) -> str:
    return _("must be at most {most} a year either way").format(most=format_number(most))


def effect_months(effect: Effect, dimension: Dimension, decided_on: date, profile: Profile) -> int:
    """N: the number of whole months the effect lasts, never past life expectancy.

    `years` counts to the nearest whole month (half a month rounds up)."""
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
        months = years_in_months(effect.years)
    if death is not None:
        months = min(months, whole_months_between(start, death))
    return max(months, 0)


def years_in_months(years: Decimal) -> int:
    """A duration in years as whole months, to the nearest month (half rounds up)."""
    return int((years * 12).to_integral_value(rounding=ROUND_HALF_UP))


def month_index(day: date) -> int:
    """Months since year 0: the calendar month a day falls in, ignoring the day."""
    return day.year * 12 + day.month - 1


def months_from_valuation(day: date, profile: Profile) -> int:
    """m₀: calendar months from the valuation date's month to `day`'s (negative before)."""
    return month_index(day) - month_index(profile.valuation_date)


def horizon_problems(
    effect: Effect, dimension: Dimension, decided_on: date, profile: Profile
) -> list[tuple[str, str]]:
    """Why an open-ended effect cannot count: its horizon (retirement or death) has
    passed by the time it starts. Empty when it can, or when the horizon is unknown."""
    until = effect.horizon_for(dimension)
    if until is None:
        return []
    horizon = profile.horizon(until)
    start = add_months(decided_on, effect.delay_months)
    if horizon is None or start < horizon:
        return []
    return [
        (
            f"{dimension}.until",
            _(
                "{until} ({horizon}) has passed by the time the effect starts "
                "({start}); give the effect years instead"
            ).format(until=until.shown, horizon=format_date(horizon), start=format_date(start)),
        )
    ]


def lifetime_effect(
    effect: Effect, dimension: Dimension, decided_on: date, profile: Profile
) -> Decimal:
    """E for `effect`, unrounded, valued at the profile's valuation date.
    Raises MissingBirthDate when a horizon is unknown."""
    months = effect_months(effect, dimension, decided_on, profile)
    rate = profile.discount_rate
    half_life = effect.half_life_years
    if months == 0 or effect.per_year == 0:
        return Decimal(0)
    with localcontext(MATH_CONTEXT):
        if effect.clv is not None:
            return _customer_effect(effect, effect.clv, months, decided_on, profile)
        if half_life is None and rate == 0:
            # Multiply before dividing so whole-year sums stay exact (6000/12 × 240).
            return effect.confidence * effect.per_year * months / 12
        start = add_months(decided_on, effect.delay_months)
        lead = discount_factor(rate, months_from_valuation(start, profile))
        series = monthly_series(half_life, rate, months)
        return +(effect.confidence * effect.per_year / 12 * lead * series)


def _customer_effect(
    effect: Effect, clv: CustomerValue, months: int, decided_on: date, profile: Profile
) -> Decimal:
    """E of a money effect worked out from customers: each month weighted by the share
    of the steady state paying then (core/clv.py)."""
    rate = profile.discount_rate
    start = add_months(decided_on, effect.delay_months)
    lead = discount_factor(rate, months_from_valuation(start, profile))
    log_q = _monthly_factors(effect.half_life_years, rate)[0]
    series = clv.ramp_series(log_q, months)
    return +(effect.confidence * effect.per_year * lead * series / 12)


def present_value(amount: Decimal, day: date, profile: Profile) -> Decimal:
    """A one-off flow on `day` valued at the valuation date: amount × v^m₀ (exact at r = 0)."""
    rate = profile.discount_rate
    if rate == 0 or amount == 0:
        return amount
    with localcontext(MATH_CONTEXT):
        return +(amount * discount_factor(rate, months_from_valuation(day, profile)))


@lru_cache(maxsize=16384)
def discount_factor(rate: Decimal, months: int) -> Decimal:
    """(1+r)^(−months/12): a flow `months` after the valuation date (before it when
    negative, so it compounds)."""
    if rate == 0 or months == 0:
        return Decimal(1)
    with localcontext(MATH_CONTEXT):
        return (_monthly_factors(None, rate)[1] * months).exp()


@lru_cache(maxsize=16384)
def monthly_series(half_life: Decimal | None, rate: Decimal, months: int) -> Decimal:
    """Σ_{j<months} q^j, the sum of an effect's monthly weights (decay and discount).

    Written as expm1(months·ln q) / expm1(ln q) so that a q within 10^−40 of 1 (a
    half-life of 10^40 years, a rate of 10^−45) gives the plain count of months instead
    of 0/0; journals repeat these few inputs, so each is computed once."""
    with localcontext(MATH_CONTEXT):
        log_q = _monthly_factors(half_life, rate)[0]
        if log_q == 0:
            return Decimal(months)
        return +(_expm1(log_q * months) / _expm1(log_q))


def _expm1(x: Decimal) -> Decimal:
    """e^x − 1 without losing the digits of a tiny x (a Taylor series below 10^−3)."""
    if abs(x) >= Decimal("0.001"):
        return x.exp() - 1
    total = term = x
    n = 1
    limit = abs(x) * Decimal("1e-45")
    while abs(term) > limit:
        n += 1
        term = term * x / n
        total += term
    return total


@lru_cache(maxsize=1024)
def _monthly_factors(half_life: Decimal | None, rate: Decimal) -> tuple[Decimal, Decimal]:
    """(ln q, ln v): the logs of the monthly decay-and-discount factor q and of the
    discount factor v. They depend only on the half-life and the rate, which journals
    repeat, so they are computed once (ln at 40 digits is most of an effect's cost)."""
    with localcontext(MATH_CONTEXT):
        log_q = Decimal(0)
        if half_life is not None:
            log_q += _LN_HALF / (12 * half_life)
        log_v = -_log1p(rate) / 12 if rate else Decimal(0)
        return log_q + log_v, log_v


def _log1p(x: Decimal) -> Decimal:
    """ln(1 + x) keeping the digits of a tiny x (a series below 10^−3)."""
    if x >= Decimal("0.001"):
        return (1 + x).ln()
    total = Decimal(0)
    power = x
    n = 1
    limit = x * Decimal("1e-45")
    while abs(power) > limit:
        total += power / n if n % 2 else -power / n
        n += 1
        power *= x
    return total
