"""The seed's worked example (DESIGN §1), to the cent."""

from datetime import date
from decimal import Decimal

from ltv_journal.core.decision import Decision, Kind
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect, effect_months
from ltv_journal.core.figures import investment_figures
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import baseline, decision_values, make_score
from ltv_journal.core.verdict import Verdict, verdict_of

ONLINE_BUSINESS = Decision(
    title="Build an online business",
    date=date(2025, 1, 1),
    kind=Kind.INVESTMENT,
    effects={Dimension.MONEY: Effect(per_year=Decimal(6000), delay_months=12)},
)


def test_baseline_is_income_times_working_years(max_muster: Profile) -> None:
    assert baseline(max_muster)[Dimension.MONEY] == Decimal("1575000.00")


def test_online_business_runs_240_months_and_adds_120000(max_muster: Profile) -> None:
    effect = ONLINE_BUSINESS.effects[Dimension.MONEY]
    assert effect_months(effect, Dimension.MONEY, ONLINE_BUSINESS.date, max_muster) == 240
    values = decision_values(ONLINE_BUSINESS, max_muster)
    assert values[Dimension.MONEY] == Decimal("120000.00")
    assert verdict_of(values) is Verdict.RAISES


def test_ltv_becomes_1695000(max_muster: Profile) -> None:
    values = decision_values(ONLINE_BUSINESS, max_muster)
    score = make_score(max_muster, date(2026, 11, 25), 1, values)
    assert score.ltv[Dimension.MONEY] == Decimal("1695000.00")


def test_net_gain_with_no_amount_is_120000() -> None:
    figures = investment_figures(Decimal(0), Decimal("120000.00"))
    assert figures.net_gain == Decimal("120000.00")
    assert figures.roi is None
