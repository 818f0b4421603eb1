"""The series behind the pictures, on hand-made inputs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ltv_journal.core.calibration import DimensionCalibration, Sample, findings
from ltv_journal.core.charts import by_category, calibration_picture, trend
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.worth import Worth

M, H = Dimension.MONEY, Dimension.HAPPINESS
ZERO = dict.fromkeys(DIMENSIONS, Decimal(0))


def test_the_trend_fills_months_without_decisions_and_adds_the_baseline() -> None:
    base = {**ZERO, M: Decimal(1000)}
    running = [
        (202501, {**ZERO, M: Decimal(-10)}),
        (202503, {**ZERO, M: Decimal(-30), H: Decimal(2)}),
    ]
    points = trend(running, base, Worth(happiness=Decimal(100)), 202504)
    assert [p.day for p in points] == [
        date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30)
    ]  # fmt: skip
    assert [p.ltv[M] for p in points] == [990, 990, 970, 970]
    assert [p.combined for p in points] == [990, 990, 1170, 1170]
    narrowed = trend(running, base, Worth(), 202502, first_month=202412)
    assert [(p.day, p.ltv[M], p.combined) for p in narrowed] == [
        (date(2024, 12, 31), 1000, None), (date(2025, 1, 31), 990, None),
        (date(2025, 2, 28), 990, None),
    ]  # fmt: skip


def sample(confidence: str, happened: bool, expected: str = "1", actual: str = "1") -> Sample:
    return Sample(H, Decimal(expected), Decimal(actual), Decimal(confidence), happened)


def test_the_reliability_diagram_bins_confidences_and_counts_what_happened() -> None:
    picture = calibration_picture(
        [sample("0.9", True), sample("0.9", False), sample("1", True), sample("0.3", False)]
    )
    top = picture.reliability[-1]
    assert (top.count, top.mean_confidence, top.happened) == (3, Decimal("0.93"), Decimal("0.67"))
    low = picture.reliability[1]
    assert (low.low, low.high, low.count, low.happened) == (
        Decimal("0.2"), Decimal("0.4"), 1, Decimal("0.00")
    )  # fmt: skip
    assert picture.reliability[0].count == 0 and picture.reliability[0].happened is None
    assert picture.expected_vs_actual == {H: [(Decimal(1), Decimal(1))] * 4}


def test_findings_rank_large_consistent_well_supported_biases_first() -> None:
    def result(n: int, error: str, spread: str) -> DimensionCalibration:
        return DimensionCalibration(n, Decimal(error), Decimal(spread), None)

    overall = {
        M: result(10, "-500", "600"),  # consistent, ten reviews
        H: result(2, "-3", "3"),  # as consistent, but two reviews: too early
        Dimension.LOVE: result(10, "0.1", "2"),  # small against its spread
    }
    found = findings(overall, {})
    assert [f.text.split(" ")[3] for f in found] == ["500.00", "3", "0.1"]
    assert [f.too_early for f in found] == [False, True, False]


def test_spending_per_category_with_the_cost_per_point_year() -> None:
    rows = [
        ("sport", "expense", Decimal(900), {**ZERO, M: Decimal(-900), H: Decimal(1)}),
        ("sport", "investment", Decimal(300), {**ZERO, M: Decimal(-300), H: Decimal(2)}),
        ("", "expense", Decimal(50), {**ZERO, M: Decimal(-50)}),
    ]
    sport, other = by_category(rows)
    assert (sport.category, sport.spent, sport.invested) == ("sport", 900, 300)
    assert sport.points[H] == 3 and sport.cost_per_point_year == {H: Decimal("400.00")}
    assert (other.category, other.cost_per_point_year) == ("(none)", {})
