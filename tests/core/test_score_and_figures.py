"""Baseline, verdict, investment figures, opportunity cost, calibration by hand."""

from datetime import date
from decimal import Decimal

import pytest

from ltv_journal.core.calibration import Sample, breakdown, calibrate, describe, samples_of
from ltv_journal.core.dates import add_months, parse_date, whole_months_between
from ltv_journal.core.decision import Decision, Kind, Observation, Review
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.figures import investment_figures, opportunity_cost
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import baseline, decision_values
from ltv_journal.core.verdict import Verdict, verdict_of

M, H, L, S = Dimension.MONEY, Dimension.HAPPINESS, Dimension.LOVE, Dimension.MEANING


def test_months_are_calendar_months() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert whole_months_between(date(2026, 1, 1), date(2046, 1, 1)) == 240
    assert whole_months_between(date(2026, 1, 15), date(2026, 2, 14)) == 0
    assert parse_date("1979", year_means_midyear=True) == date(1979, 7, 1)
    assert parse_date("31.12.2025") == date(2025, 12, 31)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("31 Dec 2025")


def test_discounted_baseline_values_every_working_month_at_the_valuation_date(
    max_muster: Profile,
) -> None:
    from dataclasses import replace

    profile = replace(max_muster, discount_rate=Decimal("0.03"), valued_at=date(2026, 11, 1))
    # Max works 2001-01 .. 2045-12 (540 months); 2026-11 is working month 310 (0-based):
    # the months before it compound, the months after it are discounted.
    value = baseline(profile)[M]
    monthly = Decimal(35000) / 12
    expected = sum(monthly * Decimal("1.03") ** (-Decimal(k - 310) / 12) for k in range(540))
    assert abs(value - expected) < Decimal("0.01")
    assert value != Decimal(1575000)
    # The same baseline whatever day it is read on: it never drifts with the calendar.
    from ltv_journal.core import clock

    with clock.fixed_today(date(2031, 6, 1)):
        assert baseline(profile)[M] == value


def test_verdicts() -> None:
    assert verdict_of({M: Decimal(1), H: Decimal(0)}) is Verdict.RAISES
    assert verdict_of({M: Decimal(-1), H: Decimal(0)}) is Verdict.LOWERS
    assert verdict_of({M: Decimal(-1), H: Decimal(2)}) is Verdict.TRADE_OFF
    assert verdict_of({M: Decimal(0)}) is Verdict.NEUTRAL


def test_an_expensive_watch_lowers_lifetime_value(max_muster: Profile) -> None:
    watch = Decision(title="Watch", date=date(2025, 3, 1), amount=Decimal("8999.99"))
    values = decision_values(watch, max_muster)
    assert values[M] == Decimal("-8999.99")
    assert verdict_of(values) is Verdict.LOWERS


def test_investment_figures() -> None:
    figures = investment_figures(Decimal(2000), Decimal(12000))
    assert figures.net_gain == Decimal(10000)
    assert figures.roi == Decimal(5)


def test_opportunity_cost_at_retirement_and_in_hours(max_muster: Profile) -> None:
    # 2026-01-01 to retirement 2046-01-01: 20 years at 5 %.
    cost = opportunity_cost(Decimal(1000), date(2026, 1, 1), max_muster)
    assert cost.at_retirement == Decimal("2653.30")
    # 35,000 / 1,720 hours = 20.3488… an hour.
    assert cost.working_hours == Decimal("49.1")


def test_no_income_means_no_hours(max_muster: Profile) -> None:
    from dataclasses import replace

    cost = opportunity_cost(Decimal(1000), date(2026, 1, 1), replace(max_muster, annual_income=0))
    assert cost.working_hours is None


def test_decision_problems_name_fields() -> None:
    bad = Decision(
        title=" ",
        date=date(2025, 1, 1),
        amount=Decimal("-1"),
        review_on=date(2024, 1, 1),
        effects={H: Effect(per_year=Decimal(1), confidence=Decimal(0))},
    )
    assert {name for name, _ in bad.problems()} == {
        "title",
        "amount",
        "review_on",
        "happiness.confidence",
    }


def test_tags_are_normalised() -> None:
    d = Decision(title="x", date=date(2025, 1, 1), tags=(" Travel", "travel", "", "Family"))
    assert d.tags == ("travel", "family")


def _reviewed(kind: Kind, category: str, effects: dict, reviews: list[Review]) -> Decision:
    return Decision(
        title="d",
        date=date(2025, 1, 1),
        kind=kind,
        category=category,
        effects=effects,
        reviews=tuple(reviews),
    )


def test_calibration_by_hand() -> None:
    # Decision A expects +2 happiness at 80 %; observed +0.5, it happened.
    a = _reviewed(
        Kind.EXPENSE,
        "gadgets",
        {H: Effect(per_year=Decimal(2), confidence=Decimal("0.8"))},
        [
            Review(date=date(2025, 4, 1), actual={H: Observation(Decimal(1), True)}),
            Review(date=date(2025, 7, 1), actual={H: Observation(Decimal("0.5"), True)}),
        ],
    )
    # Decision B expects +1 happiness at 60 %; it did not happen (actual 0).
    b = _reviewed(
        Kind.EXPENSE,
        "travel",
        {H: Effect(per_year=Decimal(1), confidence=Decimal("0.6"))},
        [Review(date=date(2025, 4, 1), actual={H: Observation(None, False)})],
    )
    samples = samples_of(a) + samples_of(b)
    result = calibrate(samples)[H]
    # errors: 0.5 − 2 = −1.5 (latest review only), 0 − 1 = −1
    assert result.reviews == 2
    assert result.mean_error == Decimal("-1.25")
    assert result.mean_abs_error == Decimal("1.25")
    # Brier: (0.8 − 1)² = 0.04, (0.6 − 0)² = 0.36 → 0.2
    assert result.brier == Decimal("0.2")
    assert calibrate(samples)[M].reviews == 0
    by_category = breakdown(samples, "category")
    assert list(by_category) == ["gadgets", "travel"]
    assert by_category["travel"][H].mean_error == Decimal(-1)
    sentence = describe(H, result, subject="purchases")
    assert (
        sentence == "you expect about 1.25 happiness points a year more from purchases than you get"
        " (2 reviews)"
    )


def test_an_unexpected_observation_counts_against_zero() -> None:
    d = _reviewed(
        Kind.INVESTMENT,
        "",
        {},
        [Review(date=date(2025, 4, 1), actual={L: Observation(Decimal(2), True)})],
    )
    (sample,) = samples_of(d)
    assert sample == Sample(L, Decimal(0), Decimal(2), None, True, "investment", "")
    assert calibrate([sample])[L].brier is None


def test_impossible_profiles_are_refused(max_muster: Profile) -> None:
    from dataclasses import replace

    future = replace(max_muster, birth_date=date(3000, 7, 1))
    assert ("birth_date", "must not be in the future") in future.problems()
    short = replace(max_muster, life_expectancy=60)
    assert ("life_expectancy", "must be at least the retirement age") in short.problems()
    assert max_muster.problems() == []


def test_points_stay_on_their_scale_and_years_are_positive() -> None:
    huge = Decision(
        title="Puppy",
        date=date(2025, 1, 1),
        effects={
            H: Effect(per_year=Decimal(50)),
            M: Effect(per_year=Decimal(50_000)),
            L: Effect(per_year=Decimal(1), years=Decimal(0)),
        },
        reviews=(Review(date=date(2025, 6, 1), actual={S: Observation(Decimal(-11), True)}),),
    )
    assert {name for name, _ in huge.problems()} == {
        "happiness.per_year",
        "love.years",
        "reviews.0.actual.meaning",
    }


def test_reviews_without_values_are_described_as_such() -> None:
    d = _reviewed(
        Kind.EXPENSE,
        "",
        {M: Effect(per_year=Decimal(100))},
        [Review(date=date(2025, 4, 1), actual={M: Observation(None, True)})],
    )
    result = calibrate(samples_of(d))[M]
    assert describe(M, result) == "1 review of money, none with an observed value yet"
    assert describe(L, calibrate([])[L]) == "no reviews of love yet"


def test_ids_are_lower_case_uuids() -> None:
    from ltv_journal.core.ids import is_id, new_id

    made = new_id()
    assert is_id(made)
    assert not is_id(made.upper())
    assert not is_id("6f1c")
