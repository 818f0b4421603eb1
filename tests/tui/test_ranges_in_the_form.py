"""Ranges in the add form: a P10-to-P90 field on each effect row, read into the effect's
low and high, marked when it cannot be used, and the preview's band line."""

from __future__ import annotations

from decimal import Decimal

from textual.widgets import Input, Static

from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.profile import Profile
from ltv_journal.tui.screens.decision_form import DecisionForm

from .screen_host import Host, pilot_test
from .test_screens_decision_form import preview, type_into


def row_error(app: Host, dim: str) -> str:
    return str(app.screen.query_one(f"#effect-{dim} .effect-error", Static).render())


@pilot_test
async def test_a_range_is_read_into_low_and_high_and_the_preview_shows_the_band(
    max_muster: Profile,
) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press(*"Course", "tab", *"900")
        await type_into(pilot, "#happiness-per_year", "2")
        await type_into(pilot, "#happiness-lasts", "3")
        await type_into(pilot, "#happiness-range", "0.5 to 3")
        await pilot.pause()
        said = preview(app)
        assert "band (P10 / P50 / P90)" in said and "happiness" in said
        assert "% of 2,000 draws" in said
        await pilot.press("enter")
    [decision] = app.result
    effect = decision.effects[Dimension.HAPPINESS]
    assert (effect.low, effect.per_year, effect.high) == (Decimal("0.5"), 2, 3)


@pilot_test
async def test_a_certain_draft_shows_no_band(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press(*"Course", "tab", *"900")
        await type_into(pilot, "#happiness-per_year", "2")
        await pilot.pause()
        assert "band (P10" not in preview(app)


@pilot_test
async def test_bad_ranges_are_marked_at_the_field_and_the_draft_is_kept(
    max_muster: Profile,
) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press(*"Course")
        await type_into(pilot, "#love-per_year", "1")
        await type_into(pilot, "#love-range", "3 to 0.5")  # low above high
        await type_into(pilot, "#meaning-range", "1 to 2")  # a range with no effect
        await type_into(pilot, "#happiness-per_year", "1")
        await type_into(pilot, "#happiness-range", "half")  # cannot be read
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result == []
        screen = app.screen
        for dim in ("love", "happiness"):
            assert screen.query_one(f"#{dim}-range", Input).has_class("-invalid"), dim
        # A range without a value a year: the value is what is missing.
        assert screen.query_one("#meaning-per_year", Input).has_class("-invalid")
        assert "give a value per year" in row_error(app, "meaning")
        assert "P10–P90" in row_error(app, "love")
        assert "low to high" in row_error(app, "happiness")
        assert screen.query_one("#love-range", Input).value == "3 to 0.5"
        assert screen.query_one("#title", Input).value == "Course"


@pilot_test
async def test_edit_shows_the_range_it_was_saved_with(max_muster: Profile) -> None:
    from datetime import date

    from ltv_journal.core.decision import Decision
    from ltv_journal.core.effects import Effect

    effect = Effect(Decimal(500), years=Decimal(2), low=Decimal(300), high=Decimal(700))
    saved = Decision("Side job", date(2026, 1, 1), effects={Dimension.MONEY: effect})
    app = Host(DecisionForm(max_muster, saved))
    async with app.run_test(size=(110, 40)):
        assert app.screen.query_one("#money-range", Input).value == "300 to 700"
