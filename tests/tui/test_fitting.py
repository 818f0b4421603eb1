"""Cutting text to the cells a column has, wide characters included."""

from rich.cells import cell_len

from ltv_journal.tui.widgets.fitting import first_fitting


def test_the_first_wording_that_fits_wins() -> None:
    assert first_fitting(["1,695,000.00 EUR", "1.70M EUR"], 12) == "1.70M EUR"


def test_wide_characters_are_cut_by_cells_not_letters() -> None:
    cut = first_fitting(["日本への旅行と温泉"], 9)
    assert cell_len(cut) <= 9
    assert cut.endswith("…")
