"""The customer-value calculator (core/clv.py), checked against sums done by hand."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect, lifetime_effect
from ltv_journal.core.profile import Profile
from ltv_journal.core.uncertainty import band

D = Decimal
MONEY = Dimension.MONEY
DAY = date(2025, 1, 1)
PROFILE = Profile(birth_date=date(1979, 1, 1), valued_at=DAY)
SHOP = CustomerValue(
    customers_per_month=D(4),
    average_order=D(120),
    orders_per_year=D(3),
    margin=D("0.4"),
    stay_years=D(3),
)
"""4 new customers a month, 120 an order, 3 orders a year, 40 % margin, 3 years."""


def _effect(clv: CustomerValue, **fields: object) -> Effect:
    return Effect(per_year=clv.money_per_year(), clv=clv, **fields)  # type: ignore[arg-type]


def test_the_simple_formula_is_margin_times_orders_times_order_times_years() -> None:
    # 0.4 × 3 × 120 × 3 = 432; a year's margin is 144.
    assert SHOP.yearly_margin == D(144)
    assert SHOP.per_customer() == D(432)
    assert SHOP.customer_years == D(3)


def test_the_churn_formula_is_margin_times_r_over_one_plus_d_minus_r() -> None:
    churn = replace(SHOP, stay_years=None, churn_per_year=D("0.25"), rate=D("0.1"))
    # 144 × 0.75 / (1 + 0.1 − 0.75) = 108 / 0.35 = 308.571428…
    assert churn.per_customer().quantize(D("0.000001")) == D("308.571429")
    undiscounted = replace(churn, rate=None)
    # 144 × 0.75 / 0.25 = 432: a churn of a quarter is a stay of three years.
    assert undiscounted.per_customer() == D(432)
    assert undiscounted.customer_years == D(3)
    assert undiscounted.money_per_year() == SHOP.money_per_year()


def test_a_discounted_stay_pays_its_margins_at_the_end_of_each_year() -> None:
    two_years = replace(SHOP, stay_years=D(2), rate=D("0.1"))
    # 144 / 1.1 + 144 / 1.21 = 130.909090… + 119.008264… = 249.917355…
    assert two_years.per_customer().quantize(D("0.000001")) == D("249.917355")


def test_steady_state_is_new_customers_a_year_times_one_customers_value() -> None:
    # 4 a month staying 36 months: 144 customers, each leaving 144 a year.
    assert SHOP.steady_customers == D(144)
    assert SHOP.money_per_year() == D("20736.00")
    assert SHOP.ramp_months == 36
    assert SHOP.share(0) * 36 == D(1)
    assert SHOP.share(35) == SHOP.share(600) == D(1)


def test_customers_ramp_up_month_by_month_to_the_steady_state() -> None:
    # Month j has 4 (j + 1) customers paying 12 a month each until month 36, then 144:
    # 48 × (1 + … + 36) = 31,968 for the ramp, + 24 × 1,728 = 41,472 after it.
    five_years = _effect(SHOP, years=D(5))
    assert lifetime_effect(five_years, MONEY, DAY, PROFILE) == D(73440)
    # Two years end inside the ramp: 48 × (1 + … + 24) = 14,400.
    two_years = _effect(SHOP, years=D(2))
    assert lifetime_effect(two_years, MONEY, DAY, PROFILE) == D(14400)
    # The same money typed as a plain stream would claim the steady state at once.
    plain = Effect(per_year=D(20736), years=D(5))
    assert lifetime_effect(plain, MONEY, DAY, PROFILE) == D(103680)


def test_churned_customers_count_for_the_years_they_complete() -> None:
    # One new customer a month, 120 a year's margin (10 a month), churn 0.5: steady 12.
    # Year 1: the cohorts weigh 0.5 each: 0.5 × (1 + … + 12) = 39 customer-months;
    # year 2: 6 from year 1 plus 0.25 × (1 + … + 12): 72 + 19.5 = 91.5. 130.5 × 10.
    clv = CustomerValue(D(1), D(120), D(1), D(1), churn_per_year=D("0.5"))
    assert clv.money_per_year() == D("1440.00")
    value = lifetime_effect(_effect(clv, years=D(2)), MONEY, DAY, PROFILE)
    assert value.quantize(D("0.000001")) == D(1305)


def test_a_ramp_is_discounted_month_by_month_at_the_profiles_rate() -> None:
    # One customer a month staying two months, 10 a month each: months pay 10, 20, 20,
    # valued at 1.05^(−j/12).
    clv = CustomerValue(D(1), D(10), D(12), D(1), stay_years=D(2) / 12)
    effect = _effect(clv, years=D(3) / 12)
    assert clv.ramp_months == 2
    assert effect.per_year == D(240)
    v = 1.05 ** (-1 / 12)
    expected = 10 + 20 * v + 20 * v * v
    profile = replace(PROFILE, discount_rate=D("0.05"))
    value = lifetime_effect(effect, MONEY, DAY, profile)
    assert math.isclose(float(value), expected, abs_tol=1e-9)
    assert value < D(50)


def test_confidence_and_delay_apply_as_to_any_effect() -> None:
    half = _effect(SHOP, years=D(5), confidence=D("0.5"), delay_months=12)
    assert lifetime_effect(half, MONEY, DAY, PROFILE) == D(36720)


def test_a_customer_effect_to_retirement_stops_there() -> None:
    # Born 1979-01-01, retiring at 67: 2046-01-01, 252 months after 2025-01-01.
    to_retirement = _effect(SHOP, until=Until.RETIREMENT)
    months_after_ramp = 252 - 36
    expected = 48 * (36 * 37 // 2) + months_after_ramp * 1728
    assert lifetime_effect(to_retirement, MONEY, DAY, PROFILE) == D(expected)


@settings(max_examples=40, deadline=None)
@given(
    rate=st.sampled_from([D(0), D("0.03"), D("1e-30")]),
    half_life=st.sampled_from([None, D(2), D(10) ** 30]),
    delay=st.integers(0, 30),
    years=st.integers(1, 40),
    customers=st.integers(1, 50),
)
def test_a_one_month_stay_is_the_plain_stream(
    rate: Decimal, half_life: Decimal | None, delay: int, years: int, customers: int
) -> None:
    """Customers who stay one month reach the steady state at once: the ramp changes
    nothing, whatever the rate, decay and delay."""
    clv = CustomerValue(D(customers), D("99.90"), D(12), D("0.5"), stay_years=D(1) / 12)
    profile = replace(PROFILE, discount_rate=rate)
    fields = {"delay_months": delay, "years": D(years), "half_life_years": half_life}
    worked_out = lifetime_effect(_effect(clv, **fields), MONEY, DAY, profile)
    plain = lifetime_effect(Effect(per_year=clv.money_per_year(), **fields), MONEY, DAY, profile)  # type: ignore[arg-type]
    assert abs(worked_out - plain) < D("1e-20") * max(abs(plain), D(1))


def test_the_band_of_a_ranged_customer_effect_is_centred_on_its_value() -> None:
    effect = _effect(SHOP, years=D(5), low=D(10000), high=D(30000))
    spread = band("Shop", DAY, D(0), {MONEY: effect}, PROFILE).dimensions[MONEY]
    assert spread.p10 < D(73440) < spread.p90


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"margin": D("1.5")}, "margin", "from 0 to 1"),
        ({"margin": D("-0.1")}, "margin", "from 0 to 1"),
        ({"customers_per_month": D(-1)}, "customers_per_month", "from 0 to"),
        ({"average_order": D("1.234")}, "average_order", "two decimals"),
        ({"stay_years": None, "churn_per_year": D(0)}, "churn_per_year", "from 0.001 to 1"),
        ({"stay_years": None, "churn_per_year": D("1.5")}, "churn_per_year", "to 1"),
        ({"churn_per_year": D("0.2")}, "stay_years", "not both"),
        ({"stay_years": None}, "stay_years", "give how long"),
        ({"stay_years": D(0)}, "stay_years", "more than 0"),
        ({"stay_years": D("0.01")}, "stay_years", "less than half a month"),
        ({"rate": D("-0.05")}, "rate", "from 0 to 1"),
    ],
)
def test_bad_inputs_are_named(changes: dict[str, object], field: str, words: str) -> None:
    problems = replace(SHOP, **changes).problems()  # type: ignore[arg-type]
    assert [name for name, _ in problems] == [field]
    assert words in problems[0][1]


def test_a_customer_effect_is_checked_on_the_effect_and_the_decision() -> None:
    huge = CustomerValue(D(1_000_000), D(1_000_000), D(3), D(1), stay_years=D(3))
    [(name, why)] = Effect(per_year=D(0), clv=huge).problems()
    assert name == "clv" and "more than the limit" in why
    [(name, why)] = Effect(per_year=D(100), clv=SHOP).problems()
    assert name == "per_year" and "20736.00" in why
    bad = Effect(per_year=D(0), clv=replace(SHOP, margin=D(2))).problems()
    assert [name for name, _ in bad] == ["clv.margin"]
    on_happiness = Decision(
        title="Shop", date=DAY, effects={Dimension.HAPPINESS: Effect(per_year=D(1), clv=SHOP)}
    )
    assert ("happiness.clv", "works out money: give it on the money effect") in (
        on_happiness.problems()
    )


@settings(max_examples=40, deadline=None)
@given(
    stay_months=st.integers(1, 120),
    churn=st.none() | st.integers(1, 100).map(lambda n: D(n) / 100),
    rate=st.sampled_from([D(0), D("0.05")]),
    years=st.integers(1, 30),
)
def test_a_ramp_never_adds_to_the_plain_stream(
    stay_months: int, churn: Decimal | None, rate: Decimal, years: int
) -> None:
    """Customers at most reach the steady state: a customer effect is worth no more than
    its money a year from the first month, and exactly that at a one-month stay."""
    stay = None if churn is not None else D(stay_months) / 12
    clv = CustomerValue(D(3), D(50), D(12), D("0.5"), stay_years=stay, churn_per_year=churn)
    profile = replace(PROFILE, discount_rate=rate)
    worked_out = lifetime_effect(_effect(clv, years=D(years)), MONEY, DAY, profile)
    plain = lifetime_effect(
        Effect(per_year=clv.money_per_year(), years=D(years)), MONEY, DAY, profile
    )
    assert D(0) <= worked_out <= plain + D("1e-20")


def test_a_churn_of_everyone_ramps_to_nothing_without_an_error() -> None:
    """Churn 100%: a customer pays only the year they came, so the ramp is full after a
    year; the first year's shares are worked out with 0 ** 0 = 1 kept, not refused by
    Decimal."""
    from ltv_journal.core.clv import _share

    twelfth = Decimal(1) / 12
    assert abs(_share(("churn", Decimal(0)), 0) - twelfth) < Decimal("1e-20")
    assert abs(_share(("churn", Decimal(0)), 11) - 1) < Decimal("1e-20")
    assert abs(_share(("churn", Decimal(0)), 12) - 1) < Decimal("1e-20")
