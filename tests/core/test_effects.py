"""The lifetime-effect formula and its properties."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltv_journal.core.dates import add_months, whole_months_between
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect, MissingBirthDate, effect_months, lifetime_effect
from ltv_journal.core.profile import Profile

PROFILE = Profile(birth_date=date(1979, 1, 1), annual_income=Decimal(35000))
DAY = date(2025, 1, 1)

per_years = st.decimals(min_value=-100_000, max_value=100_000, places=2, allow_nan=False)
confidences = st.decimals(min_value=Decimal("0.01"), max_value=1, places=2)
half_lives = st.decimals(min_value=Decimal("0.1"), max_value=50, places=1)
delays = st.integers(min_value=0, max_value=120)
years = st.decimals(min_value=0, max_value=80, places=1)
dimensions = st.sampled_from(list(Dimension))
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2070, 12, 31))


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("1e-20") * max(1, abs(a), abs(b))


def test_plain_effect_is_per_year_times_years() -> None:
    effect = Effect(per_year=Decimal(1200), years=Decimal(3))
    assert lifetime_effect(effect, Dimension.MONEY, DAY, PROFILE) == Decimal(3600)


def test_money_defaults_to_retirement_and_others_to_death() -> None:
    money = Effect(per_year=Decimal(12))
    joy = Effect(per_year=Decimal(12))
    # Retirement 2046-01-01 and death 2061-01-01 for someone born 1979-01-01.
    assert effect_months(money, Dimension.MONEY, DAY, PROFILE) == 21 * 12
    assert effect_months(joy, Dimension.HAPPINESS, DAY, PROFILE) == 36 * 12
    until_death = Effect(per_year=Decimal(12), until=Until.DEATH)
    assert effect_months(until_death, Dimension.MONEY, DAY, PROFILE) == 36 * 12


def test_half_life_halves_the_value_of_month_12h() -> None:
    # One month only, starting after 24 months of decay with a half-life of 2 years,
    # is not how the formula works (decay counts from the start), so compare series:
    # with h = 1 year, twelve months of 12/yr sum to Σ 0.5^(j/12), j = 0..11.
    effect = Effect(per_year=Decimal(12), years=Decimal(1), half_life_years=Decimal(1))
    expected = sum(Decimal("0.5") ** (Decimal(j) / 12) for j in range(12))
    assert abs(lifetime_effect(effect, Dimension.HAPPINESS, DAY, PROFILE) - expected) < Decimal(
        "1e-20"
    )


def test_discounting_matches_the_month_by_month_sum() -> None:
    profile = Profile(birth_date=date(1979, 1, 1), discount_rate=Decimal("0.03"), valued_at=DAY)
    effect = Effect(per_year=Decimal(6000), delay_months=12, years=Decimal(2))
    expected = sum(Decimal(500) * Decimal("1.03") ** (-(Decimal(12 + j) / 12)) for j in range(24))
    got = lifetime_effect(effect, Dimension.MONEY, DAY, profile)
    assert abs(got - expected) < Decimal("1e-15")


def test_until_needs_a_birth_date() -> None:
    with pytest.raises(MissingBirthDate):
        lifetime_effect(Effect(per_year=Decimal(1)), Dimension.LOVE, DAY, Profile())
    # Fixed years work without one.
    fixed = Effect(per_year=Decimal(1), years=Decimal(2))
    assert lifetime_effect(fixed, Dimension.LOVE, DAY, Profile()) == 2


def test_effects_after_life_expectancy_are_zero() -> None:
    late = date(2062, 1, 1)
    effect = Effect(per_year=Decimal(100), years=Decimal(10))
    assert lifetime_effect(effect, Dimension.MONEY, late, PROFILE) == 0


@settings(max_examples=60)
@given(per_years, confidences, delays, years, half_lives, dimensions, st.integers(2, 5))
def test_linear_in_per_year_and_confidence(
    per_year: Decimal,
    conf: Decimal,
    delay: int,
    yrs: Decimal,
    h: Decimal,
    dim: Dimension,
    k: int,
) -> None:
    base = Effect(per_year, delay, yrs, None, h, conf)
    scaled = Effect(per_year * k, delay, yrs, None, h, conf)
    value = lifetime_effect(base, dim, DAY, PROFILE)
    assert close(lifetime_effect(scaled, dim, DAY, PROFILE), value * k)
    if conf * k <= 1:
        surer = Effect(per_year, delay, yrs, None, h, conf * k)
        assert close(lifetime_effect(surer, dim, DAY, PROFILE), value * k)


@given(
    per_years,
    st.integers(min_value=0, max_value=60),
    st.dates(date(1990, 1, 1), date(2019, 12, 31)),
)
def test_without_rate_or_decay_value_is_per_year_times_years(
    per_year: Decimal, yrs: int, day: date
) -> None:
    profile = Profile(birth_date=date(1950, 1, 1), life_expectancy=130)
    effect = Effect(per_year=per_year, years=Decimal(yrs))
    assert lifetime_effect(effect, Dimension.MONEY, day, profile) == per_year * yrs


@settings(max_examples=60)
@given(per_years, delays, years, half_lives, half_lives, dimensions)
def test_longer_half_life_never_shrinks_the_effect(
    per_year: Decimal, delay: int, yrs: Decimal, h1: Decimal, h2: Decimal, dim: Dimension
) -> None:
    short, long = sorted((h1, h2))
    a = lifetime_effect(Effect(per_year, delay, yrs, None, short), dim, DAY, PROFILE)
    b = lifetime_effect(Effect(per_year, delay, yrs, None, long), dim, DAY, PROFILE)
    assert abs(b) >= abs(a) - Decimal("1e-25")


@given(delays, st.one_of(years, st.none()), dimensions, days)
def test_effects_never_run_past_life_expectancy(
    delay: int, yrs: Decimal | None, dim: Dimension, day: date
) -> None:
    effect = Effect(Decimal(1), delay, yrs)
    months = effect_months(effect, dim, day, PROFILE)
    start = add_months(day, delay)
    assert PROFILE.death is not None
    assert months <= whole_months_between(start, PROFILE.death)
    assert months >= 0


def test_problems_name_each_bad_field() -> None:
    bad = Effect(
        per_year=Decimal(1),
        delay_months=-1,
        years=Decimal(1),
        until=Until.DEATH,
        half_life_years=Decimal(0),
        confidence=Decimal("1.5"),
    )
    fields = {name for name, _ in bad.problems()}
    assert fields == {"delay_months", "years", "half_life_years", "confidence"}


def test_a_range_is_both_bounds_in_order_around_per_year() -> None:
    from ltv_journal.core.decision import Decision

    def problems(**bounds: Decimal) -> list[tuple[str, str]]:
        return Effect(per_year=Decimal(2), **bounds).problems()

    assert problems() == []
    assert problems(low=Decimal("0.5"), high=Decimal(3)) == []
    assert problems(low=Decimal(2), high=Decimal(2)) == []
    assert [name for name, _ in problems(low=Decimal(1))] == ["high"]
    assert [name for name, _ in problems(high=Decimal(3))] == ["low"]
    assert [name for name, _ in problems(low=Decimal(3), high=Decimal(1))] == ["low"]
    assert [name for name, _ in problems(low=Decimal(3), high=Decimal(4))] == ["per_year"]
    assert [name for name, _ in problems(low=Decimal(0), high=Decimal("1e13"))] == ["high"]
    scaled = Decision(
        title="Course",
        date=date(2025, 1, 1),
        effects={Dimension.HAPPINESS: Effect(Decimal(2), low=Decimal(-11), high=Decimal(3))},
    )
    assert [name for name, _ in scaled.problems()] == ["happiness.low"]
    money = Decision(
        title="Job",
        date=date(2025, 1, 1),
        effects={Dimension.MONEY: Effect(Decimal(6000), low=Decimal(-11), high=Decimal(9000))},
    )
    assert money.problems() == []
