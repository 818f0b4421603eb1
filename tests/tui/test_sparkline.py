"""The cards' sparkline: bars measured from zero, one column per month."""

from __future__ import annotations

from ltv_journal.tui.widgets.score_cards import BARS, spark_levels


def drawn(values: list[float], width: int = 10) -> str:
    return "".join(BARS[level] for level in spark_levels(values, width))


def test_a_flat_series_draws_flat_at_its_level() -> None:
    assert drawn([500.0] * 4) == "████"
    assert drawn([-500.0] * 4) == "▁▁▁▁"  # below zero: the bottom, not full bars


def test_a_series_of_zeros_draws_nothing() -> None:
    assert drawn([0.0] * 12) == ""


def test_a_rise_from_zero_climbs() -> None:
    assert drawn([0.0, 350.0, 700.0]) == "▁▅█"


def test_more_months_than_columns_show_where_each_stretch_ends() -> None:
    assert drawn([float(v) for v in range(1, 101)], width=4) == "▃▅▆█"
