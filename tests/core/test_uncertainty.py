"""The Monte Carlo band against closed forms, within its sampling error at a fixed seed.

At 2,000 draws a share has a standard error of at most 0.011 and a percentile of a
normal spread σ about 0.04 σ; the tolerances below are four standard errors."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect, lifetime_effect
from ltv_journal.core.money import round_cents
from ltv_journal.core.profile import Profile
from ltv_journal.core.uncertainty import DRAWS, Spread, band, decision_band, seed_of
from ltv_journal.core.worth import Worth

PROFILE = Profile(birth_date=date(1979, 1, 1), annual_income=Decimal(35000))
DAY = date(2025, 1, 1)
ONE_YEAR = {"years": Decimal(1)}  # at a rate of 0 and no decay, the value is per_year


def _decision(amount: Decimal = Decimal(0), **effects: Effect) -> Decision:
    return Decision(
        title="Course",
        date=DAY,
        amount=amount,
        effects={Dimension(name): effect for name, effect in effects.items()},
    )


def test_a_certain_effect_without_range_gives_a_zero_width_band_at_its_value() -> None:
    effect = Effect(Decimal(6000), delay_months=12, half_life_years=Decimal(30))
    value = round_cents(lifetime_effect(effect, Dimension.MONEY, DAY, PROFILE))
    found = decision_band(_decision(Decimal(900), money=effect), PROFILE)
    assert found.dimensions[Dimension.MONEY] == Spread(value - 900, value - 900, value - 900)
    for dim in DIMENSIONS[1:]:
        assert found.dimensions[dim] == Spread(Decimal(0), Decimal(0), Decimal(0))
    assert found.combined is None
    assert found.p_raises == 1
    assert found.draws == DRAWS


@pytest.mark.parametrize("confidence", ["0.1", "0.3", "0.5", "0.7", "0.95"])
def test_confidence_is_the_share_of_draws_a_lone_positive_effect_raises(confidence: str) -> None:
    c = Decimal(confidence)
    effect = Effect(Decimal(1), confidence=c, **ONE_YEAR)
    found = decision_band(_decision(happiness=effect), PROFILE)
    error = math.sqrt(float(c) * (1 - float(c)) / DRAWS)
    assert abs(float(found.p_raises) - float(c)) <= 4 * error
    # A draw counts the whole effect or nothing of it.
    spread = found.dimensions[Dimension.HAPPINESS]
    assert {spread.p10, spread.p50, spread.p90} <= {Decimal(0), Decimal(1)}
    if c >= Decimal("0.3"):
        assert spread.p90 == 1
    if c <= Decimal("0.7"):
        assert spread.p10 == 0


@pytest.mark.parametrize(
    ("per_year", "low", "high"),
    [("2", "0.5", "3"), ("0", "-1", "1"), ("6000", "3600", "8400"), ("1", "1", "4")],
)
def test_a_ranged_effect_has_its_range_as_p10_and_p90(per_year: str, low: str, high: str) -> None:
    value, lo, hi = Decimal(per_year), Decimal(low), Decimal(high)
    effect = Effect(value, low=lo, high=hi, **ONE_YEAR)
    found = decision_band(_decision(money=effect), PROFILE).dimensions[Dimension.MONEY]
    below, above = float(value - lo) / 1.2816, float(hi - value) / 1.2816
    assert abs(float(found.p10 - lo)) <= 4 * 0.04 * below + 0.01
    assert abs(float(found.p50 - value)) <= 4 * 0.03 * max(below, above) + 0.01
    assert abs(float(found.p90 - hi)) <= 4 * 0.04 * above + 0.01


def test_the_range_scales_with_the_lifetime_value() -> None:
    """Twenty years of a ranged effect: the band is twenty times the yearly range."""
    effect = Effect(Decimal(2), low=Decimal(1), high=Decimal(3), years=Decimal(20))
    found = decision_band(_decision(meaning=effect), PROFILE).dimensions[Dimension.MEANING]
    assert abs(found.p10 - 20) <= Decimal("1.2")
    assert abs(found.p50 - 40) <= Decimal("1.2")
    assert abs(found.p90 - 60) <= Decimal("1.2")


def test_the_combined_band_prices_points_at_the_worth() -> None:
    profile = Profile(
        birth_date=date(1979, 1, 1), worth=Worth(happiness=Decimal(1000), love=Decimal(500))
    )
    decision = _decision(
        Decimal(300), happiness=Effect(Decimal(1), **ONE_YEAR), money=Effect(Decimal(-100))
    )
    found = decision_band(decision, profile)
    money = found.dimensions[Dimension.MONEY].p50
    assert found.combined == Spread(money + 1000, money + 1000, money + 1000)
    assert found.p_raises == (1 if money + 1000 > 0 else 0)


def test_without_a_worth_p_raises_counts_draws_that_raise_no_dimension_lowered() -> None:
    """A trade-off never raises without a worth; with one, the combined value decides."""
    trade_off = _decision(Decimal(500), happiness=Effect(Decimal(1), **ONE_YEAR))
    assert decision_band(trade_off, PROFILE).p_raises == 0
    priced = Profile(birth_date=date(1979, 1, 1), worth=Worth(happiness=Decimal(1000)))
    assert decision_band(trade_off, priced).p_raises == 1
    # A worth that leaves a moving dimension out does not settle it.
    unpriced = _decision(Decimal(500), love=Effect(Decimal(1), **ONE_YEAR))
    assert decision_band(unpriced, priced).p_raises == 0


def test_the_same_decision_gives_the_same_band_every_time() -> None:
    decision = _decision(
        Decimal(1200),
        money=Effect(
            Decimal(6000), low=Decimal(2000), high=Decimal(9000), confidence=Decimal("0.6")
        ),
        happiness=Effect(
            Decimal(2), low=Decimal("0.5"), high=Decimal(3), half_life_years=Decimal(1)
        ),
    )
    assert decision_band(decision, PROFILE) == decision_band(decision, PROFILE)
    assert seed_of("Course", DAY) == seed_of("Course", DAY) != seed_of("Course ", DAY)


points = st.integers(-1000, 1000).map(lambda n: Decimal(n) / 100)


@st.composite
def ranged_effects(draw: st.DrawFn) -> Effect:
    middle, a, b = sorted(draw(st.lists(points, min_size=3, max_size=3)))
    per_year = draw(st.sampled_from([middle, a, b]))
    return Effect(
        per_year=per_year,
        low=a if draw(st.booleans()) else None,
        high=b if draw(st.booleans()) else None,
        years=Decimal(draw(st.integers(1, 40))),
        confidence=Decimal(draw(st.integers(1, 100))) / 100,
    )


@settings(max_examples=40, deadline=None)
@given(
    effects=st.dictionaries(st.sampled_from(DIMENSIONS), ranged_effects(), max_size=4),
    amount=st.integers(0, 100_000).map(Decimal),
    worth=st.booleans(),
)
def test_p10_is_at_most_p50_is_at_most_p90(
    effects: dict[Dimension, Effect], amount: Decimal, worth: bool
) -> None:
    effects = {
        dim: effect if effect.problems() == [] else Effect(effect.per_year, years=effect.years)
        for dim, effect in effects.items()
    }
    profile = Profile(
        birth_date=date(1979, 1, 1),
        worth=Worth(happiness=Decimal(800)) if worth else Worth(),
    )
    found = band("Option", DAY, amount, effects, profile, draws=200)
    spreads = [*found.dimensions.values(), *([found.combined] if found.combined else [])]
    for spread in spreads:
        assert spread.p10 <= spread.p50 <= spread.p90
    assert 0 <= found.p_raises <= 1
