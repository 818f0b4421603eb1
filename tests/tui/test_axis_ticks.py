"""Chart axes the language's way, with only the labels that fit side by side."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from ltv_journal.core import language
from ltv_journal.tui.chart_drawing import axis_ticks, fitting_ticks


def test_german_axes_group_thousands_with_dots_and_write_decimal_commas() -> None:
    with language.using(language.GERMAN):
        assert [label for _t, label in axis_ticks(-2700, 4800)] == [
            "-2.700",
            "-825",
            "1.050",
            "2.925",
            "4.800",
        ]
        assert [label for _t, label in axis_ticks(-0.5, 3)][:2] == ["-0,50", "0,38"]


def test_english_axes_write_numbers_as_plotext_does_on_the_other_axis() -> None:
    assert [label for _t, label in axis_ticks(-2700, 4800)][-1] == "4800"
    assert axis_ticks(-0.5, 3)[0][1] == "-0.50"


@given(
    low=st.integers(-10_000_000, 10_000_000),
    spread=st.integers(1, 10_000_000),
    columns=st.integers(1, 200),
)
def test_the_labels_kept_stay_apart_and_the_ends_are_kept_first(
    low: int, spread: int, columns: int
) -> None:
    high = low + spread
    ticks = axis_ticks(low, high)
    kept = fitting_ticks(ticks, low, high, columns)
    assert kept[0] == ticks[0]
    if len(kept) > 1:
        assert kept[-1] == ticks[-1]  # the highest is labelled whenever two fit
    middles = [((value - low) / (high - low) * columns, label) for value, label in kept]
    for (left, left_label), (right, right_label) in pairwise(middles):
        # far enough apart that plotext places them alike in any order
        assert right - left >= len(left_label) + len(right_label)
