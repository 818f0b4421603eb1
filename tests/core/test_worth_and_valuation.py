"""Worth, the combined value, cost per point-year, implied worth, and the valuation date
(DESIGN §1), against hand-computed figures and as properties."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltv_journal.core import clock
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect, lifetime_effect
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import baseline, decision_values, problems_under
from ltv_journal.core.verdict import Verdict, judge
from ltv_journal.core.worth import Worth, combined_value, cost_per_point_year, implied_worth

M, H, L, S = Dimension.MONEY, Dimension.HAPPINESS, Dimension.LOVE, Dimension.MEANING
WORTH = Worth(happiness=Decimal(1500), love=Decimal(2000), meaning=Decimal(1000))


def test_combined_value_is_money_plus_points_at_their_worth() -> None:
    values = {M: Decimal("-450.00"), H: Decimal(0), L: Decimal("0.46"), S: Decimal(0)}
    assert combined_value(values, WORTH) == Decimal("470.00")  # -450 + 2000 × 0.46
    assert combined_value(values, Worth()) is None


def test_a_trade_off_is_settled_by_the_combined_value_and_still_named() -> None:
    presents = {M: Decimal("-450.00"), H: Decimal(0), L: Decimal("0.46"), S: Decimal(0)}
    bare = judge(presents)
    assert (bare.verdict, bare.trade_off, bare.combined) == (Verdict.TRADE_OFF, True, None)
    settled = judge(presents, WORTH)
    assert settled.verdict is Verdict.RAISES and settled.trade_off
    assert settled.label == "raises · trade-off"
    watch = {M: Decimal("-9000.00"), H: Decimal("0.5"), L: Decimal(0), S: Decimal(0)}
    assert judge(watch, WORTH).verdict is Verdict.LOWERS  # -9000 + 750


def test_a_dimension_without_a_worth_leaves_the_trade_off_open() -> None:
    values = {M: Decimal(-100), H: Decimal(1), L: Decimal(0), S: Decimal(0)}
    only_love = Worth(love=Decimal(2000))
    assert judge(values, only_love).verdict is Verdict.TRADE_OFF


def test_cost_per_point_year_and_implied_worth() -> None:
    presents = {M: Decimal("-450.00"), H: Decimal(0), L: Decimal("0.46"), S: Decimal(0)}
    assert cost_per_point_year(presents) == {L: Decimal("978.26")}  # DESIGN's example
    course = {M: Decimal(-900), H: Decimal(0), L: Decimal("3.6"), S: Decimal("2.5")}
    assert cost_per_point_year(course) == {L: Decimal("250.00"), S: Decimal("360.00")}
    earns = {M: Decimal(100), H: Decimal(1), L: Decimal(0), S: Decimal(0)}
    assert cost_per_point_year(earns) == {}  # nothing given up
    dinner = {M: Decimal(-100), H: Decimal(0), L: Decimal("0.2"), S: Decimal(0)}
    found = implied_worth([presents, course, dinner, earns])
    assert set(found) == {L}  # the course moved two dimensions; earns gave nothing up
    love = found[L]
    assert (love.decisions, love.low, love.high) == (2, Decimal("500.00"), Decimal("978.26"))
    assert love.median == Decimal("739.13")


points = st.decimals(min_value=-200, max_value=200, places=2)
money = st.decimals(min_value=-(10**7), max_value=10**7, places=2)
prices = st.decimals(min_value=0, max_value=10**5, places=2)


@settings(max_examples=200, deadline=None)
@given(money, points, points, points, prices, prices, prices, st.integers(0, 5))
def test_the_combined_value_is_linear_in_worth(
    m: Decimal, h: Decimal, lv: Decimal, s: Decimal, ph: Decimal, pl: Decimal, ps: Decimal, k: int
) -> None:
    values = {M: m, H: h, L: lv, S: s}
    worth = Worth(happiness=ph, love=pl, meaning=ps)
    scaled = Worth(happiness=ph * k, love=pl * k, meaning=ps * k)
    exact_points = ph * h + pl * lv + ps * s  # exact: hundredths times hundredths
    assert combined_value(values, worth) == (m + exact_points).quantize(Decimal("0.01"))
    assert combined_value(values, scaled) == (m + k * exact_points).quantize(Decimal("0.01"))


MAX = Profile(birth_date=date(1979, 1, 1), annual_income=Decimal(35000))
BUSINESS = Decision(
    title="Online business",
    date=date(2025, 1, 1),
    amount=Decimal(2000),
    effects={M: Effect(per_year=Decimal(6000), delay_months=12), H: Effect(per_year=Decimal(1))},
)


@settings(max_examples=50, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_at_rate_zero_the_valuation_date_changes_nothing(valued_at: date) -> None:
    moved = replace(MAX, valued_at=valued_at)
    assert baseline(moved) == baseline(MAX)
    assert decision_values(BUSINESS, moved) == decision_values(BUSINESS, MAX)
    assert decision_values(BUSINESS, MAX)[M] == Decimal("118000.00")  # 120,000 − 2,000


def test_with_a_rate_flows_before_the_valuation_date_compound_and_after_discount() -> None:
    rate = Decimal("0.03")
    profile = replace(MAX, discount_rate=rate, valued_at=date(2026, 1, 1))
    one_year = Effect(per_year=Decimal(1200), years=Decimal(1))
    before = lifetime_effect(one_year, M, date(2025, 1, 1), profile)  # months −12 .. −1
    after = lifetime_effect(one_year, M, date(2026, 1, 1), profile)  # months 0 .. 11
    by_hand_before = sum(Decimal(100) * (1 + rate) ** (Decimal(12 - j) / 12) for j in range(12))
    by_hand_after = sum(Decimal(100) * (1 + rate) ** (-Decimal(j) / 12) for j in range(12))
    assert abs(before - by_hand_before) < Decimal("1e-20")
    assert abs(after - by_hand_after) < Decimal("1e-20")
    assert before > 1200 > after
    # The amount is a flow of its own month: a year before V it is worth more.
    paid = Decision(title="Paid", date=date(2025, 1, 15), amount=Decimal(1000))
    assert decision_values(paid, profile)[M] == Decimal("-1030.00")


def test_the_lifetime_value_does_not_drift_with_the_calendar() -> None:
    profile = replace(MAX, discount_rate=Decimal("0.03"), valued_at=date(2025, 1, 1))
    with clock.fixed_today(date(2026, 3, 1)):
        early = (baseline(profile), decision_values(BUSINESS, profile))
    with clock.fixed_today(date(2031, 9, 1)):
        late = (baseline(profile), decision_values(BUSINESS, profile))
    assert early == late


@pytest.mark.parametrize(
    ("half_life", "rate"),
    [(Decimal("1e40"), Decimal(0)), (None, Decimal("1e-45")), (Decimal("1e40"), Decimal("1e-39"))],
)
def test_extreme_half_lives_and_rates_give_the_plain_sum(
    half_life: Decimal | None, rate: Decimal
) -> None:
    profile = replace(MAX, discount_rate=rate, valued_at=date(2025, 1, 1))
    effect = Effect(per_year=Decimal(6), years=Decimal(10), half_life_years=half_life)
    value = lifetime_effect(effect, H, date(2025, 1, 1), profile)
    assert value.quantize(Decimal("0.01")) == Decimal("60.00")


def test_years_round_to_whole_months_and_less_than_half_a_month_is_refused() -> None:
    effect = Effect(per_year=Decimal(12), years=Decimal("0.95"))  # 11.4 months → 11
    assert lifetime_effect(effect, M, date(2025, 1, 1), MAX) == Decimal(11)
    assert Effect(per_year=Decimal(12), years=Decimal("0.96")).problems() == []  # 11.52 → 12
    assert ("years", "is less than half a month; an effect lasts a month or more") in Effect(
        per_year=Decimal(1), years=Decimal("0.04")
    ).problems()
    assert Effect(per_year=Decimal(1), half_life_years=Decimal("1e-999999")).problems()


def test_decisions_before_birth_and_effects_past_their_horizon_are_refused() -> None:
    early = Decision(title="Before birth", date=date(1970, 1, 1))
    assert problems_under(early, MAX) == [("date", "is before your birth date (1979-01-01)")]
    retired = Decision(
        title="Late", date=date(2047, 1, 1), effects={M: Effect(per_year=Decimal(100))}
    )
    [(where, why)] = problems_under(retired, MAX)
    assert where == "money.until" and "retirement (2046-01-01) has passed" in why
    assert problems_under(BUSINESS, MAX) == []
