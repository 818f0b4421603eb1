"""The compare screen (c): options in columns, live figures, choosing one saves it with
the others as its options, cancelling asks first, bad input is marked per option."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from ltv_journal.core.profile import Profile
from ltv_journal.store.journal import Journal
from ltv_journal.tui.screens.compare_screen import CompareScreen
from ltv_journal.tui.screens.fields import ConfirmDiscard

from .app_support import RecordingApp, decision_list, detail_text, fill, settle
from .screen_host import Host, pilot_test

SIZE = (160, 60)


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)


async def three_options(pilot: Pilot[None]) -> None:
    """A watch, a course, or keeping the money."""
    await type_into(pilot, "#o1-title", "Watch")
    await type_into(pilot, "#o1-amount", "900")
    await type_into(pilot, "#o1-happiness-per_year", "0.5")
    await type_into(pilot, "#o2-title", "Course")
    await type_into(pilot, "#o2-amount", "1200")
    await type_into(pilot, "#o2-meaning-per_year", "1")
    await type_into(pilot, "#o2-meaning-lasts", "5")
    await type_into(pilot, "#o3-title", "Keep the money")
    await pilot.pause()


def figures(app: Host | RecordingApp, serial: int) -> str:
    return str(app.screen.query_one(f"#option-{serial} .option-figures", Static).render())


@pytest.fixture
def filled(journal: Journal) -> Journal:
    return fill(journal)


@pilot_test
async def test_choosing_the_course_logs_it_with_the_others_as_its_options(
    filled: Journal,
) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert len(app.screen.columns) == 3
        await three_options(pilot)
        app.screen.query_one("#o2-title").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "Added 'Course', chosen over 'Watch', 'Keep the money'." in app.said
        assert decision_list(app).total == 7
        assert decision_list(app).selected.title == "Course"
        shown = detail_text(app)
        assert "options not taken (2):" in shown
        assert "Watch · expense · 900.00 EUR" in shown
        assert "Keep the money · expense · 0.00 EUR" in shown
    [course] = [d for d in filled.iter_decisions() if d.title == "Course"]
    assert course.amount == Decimal(1200)
    assert [o.title for o in course.options] == ["Watch", "Keep the money"]
    assert course.options[0].amount == Decimal(900)


@pilot_test
async def test_the_figures_move_while_typing(max_muster: Profile) -> None:
    app = Host(CompareScreen(max_muster))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#o1-title", "Watch")
        await type_into(pilot, "#o1-amount", "900")
        await pilot.pause()
        assert "lowers" in figures(app, 1)
        assert "-900.00 EUR" in figures(app, 1)
        assert "44.2 hours of working life" in figures(app, 1)
        await type_into(pilot, "#o1-happiness-per_year", "0.5")
        await pilot.pause()
        shown = figures(app, 1)
        assert "trade-off" in shown
        assert "EUR per happiness point-year" in shown
        assert "band P10 / P50 / P90" in shown and "raises it in" in shown
        assert "type a title" in figures(app, 2)  # a blank column waits


@pilot_test
async def test_with_a_worth_each_option_has_a_combined_value(max_muster: Profile) -> None:
    from dataclasses import replace

    from ltv_journal.core.worth import Worth

    valued = replace(max_muster, worth=Worth(happiness=Decimal(1500)))
    app = Host(CompareScreen(valued))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#o1-title", "Watch")
        await type_into(pilot, "#o1-amount", "900")
        await type_into(pilot, "#o1-happiness-per_year", "0.5")
        await pilot.pause()
        shown = figures(app, 1)
        assert "combined" in shown
        assert "combined -" in shown or "combined +" in shown  # the band's line


@pilot_test
async def test_bad_input_is_marked_at_its_option_and_nothing_is_lost(
    max_muster: Profile,
) -> None:
    app = Host(CompareScreen(max_muster))
    async with app.run_test(size=SIZE) as pilot:
        await three_options(pilot)
        await type_into(pilot, "#o2-amount", "abc")
        await type_into(pilot, "#o3-love-confidence", "2 0")
        app.screen.query_one("#o1-title").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        screen = app.screen
        assert screen.query_one("#o2-amount", Input).has_class("-invalid")
        assert screen.query_one("#o3-love-confidence", Input).has_class("-invalid")
        assert not screen.query_one("#o1-amount", Input).has_class("-invalid")
        amount_error = screen.query_one("#field-o2-amount .field-error", Static)
        assert "'abc' is not a number" in str(amount_error.render())
        assert "love" in str(screen.query_one("#o3-effect-love .effect-error").render())
        assert "fix the marked fields first" in figures(app, 2)
        assert "trade-off" in figures(app, 1)  # the good option still shows its figures
        assert screen.query_one("#o2-title", Input).value == "Course"
        assert screen.query_one("#o2-amount", Input).value == "abc"
        await type_into(pilot, "#o2-amount", "1200")
        await type_into(pilot, "#o3-love-confidence", "")
        app.screen.query_one("#o1-title").focus()
        await pilot.press("enter")
        await pilot.pause()
    [watch] = app.result
    assert watch.title == "Watch"
    assert [o.title for o in watch.options] == ["Course", "Keep the money"]


@pilot_test
async def test_an_option_without_a_title_is_marked(max_muster: Profile) -> None:
    app = Host(CompareScreen(max_muster))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#o1-title", "Watch")
        await type_into(pilot, "#o2-amount", "300")
        app.screen.query_one("#o1-title").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        assert app.screen.query_one("#o2-title", Input).has_class("-invalid")


@pilot_test
async def test_a_single_option_cannot_be_chosen(max_muster: Profile) -> None:
    app = Host(CompareScreen(max_muster))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#o1-title", "Watch")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        error = str(app.screen.query_one("#field-o2-title .field-error").render())
        assert "compare at least 2 options" in error


@pilot_test
async def test_cancel_asks_before_discarding_and_an_untouched_screen_just_closes(
    max_muster: Profile,
) -> None:
    app = Host(CompareScreen(max_muster))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.result == [None]
    app = Host(CompareScreen(max_muster))
    async with app.run_test(size=SIZE) as pilot:
        await three_options(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("x")  # any other key: back, with everything still there
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.query_one("#o2-title", Input).value == "Course"
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.result == [None]


@pilot_test
async def test_columns_are_added_up_to_five_and_removed_down_to_two(
    max_muster: Profile,
) -> None:
    app = Host(CompareScreen(max_muster))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert [c.border_title for c in screen.columns][-1] == "option 4"
        assert app.focused is screen.query_one("#o4-title")
        await pilot.press(*"Bike")
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert len(screen.columns) == 5
        assert any("At most 5 options" in said for said in app.said)
        # a blank column goes at once; one with content asks first
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert len(screen.columns) == 4
        screen.query_one("#o4-title").focus()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("escape")
        await pilot.pause()
        assert [c.border_title for c in screen.columns] == ["option 1", "option 2", "option 3"]
        await pilot.press("ctrl+r", "ctrl+r")
        await pilot.pause()
        assert len(screen.columns) == 2
        assert any("Compare at least 2 options" in said for said in app.said)


@pilot_test
async def test_a_journal_refusal_is_shown_at_the_option_it_concerns(
    journal: Journal,
) -> None:
    from ltv_journal.core.decision import Decision

    def refuse(decision: Decision) -> Decision:
        from ltv_journal.store.errors import Invalid

        raise Invalid([("options.0.amount", "is refused by the journal")])

    app = Host(CompareScreen(journal.profile(), save=refuse))
    async with app.run_test(size=SIZE) as pilot:
        await three_options(pilot)
        app.screen.query_one("#o2-title").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.result == []
        error = str(app.screen.query_one("#field-o1-amount .field-error").render())
        assert "refused by the journal" in error


def test_compare_screen_filled(snap_compare, max_muster: Profile) -> None:  # type: ignore[no-untyped-def]
    async def typed(pilot: Pilot[None]) -> None:
        await three_options(pilot)
        await type_into(pilot, "#o3-amount", "1,5")  # ambiguous: marked at option 3
        pilot.app.screen.query_one("#o1-title").focus()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(Host(CompareScreen(max_muster)), run_before=typed, terminal_size=(130, 50))


@pilot_test
async def test_the_review_form_shows_the_road_not_taken(max_muster: Profile) -> None:
    from datetime import date

    from ltv_journal.core.decision import Decision, Option
    from ltv_journal.core.dimensions import Dimension
    from ltv_journal.core.effects import Effect
    from ltv_journal.tui.screens.review_form import ReviewForm

    watch = Option(
        "Watch",
        amount=Decimal(900),
        effects={Dimension.HAPPINESS: Effect(per_year=Decimal("0.5"), years=Decimal(2))},
    )
    course = Decision(
        title="Course",
        date=date(2026, 1, 10),
        amount=Decimal(1200),
        options=(watch, Option("Keep the money")),
    )
    app = Host(ReviewForm(course, max_muster, date(2026, 11, 25)))
    async with app.run_test(size=(100, 40)):
        shown = str(app.screen.query_one("#road-not-taken", Static).render())
        assert "Watch · expense · 900.00 EUR" in shown
        assert "happiness +1 pts" in shown
        assert "Keep the money" in shown
    plain = Host(ReviewForm(replace(course, options=()), max_muster, date(2026, 11, 25)))
    async with plain.run_test(size=(100, 40)):
        assert not plain.screen.query("#road-not-taken")


@pilot_test
async def test_a_horizon_passed_is_marked_at_the_option_before_saving(
    max_muster: Profile,
) -> None:
    app = Host(CompareScreen(max_muster))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#date", "2047-01-01")  # Max retires at the start of 2046
        await type_into(pilot, "#o1-title", "Side business")
        await type_into(pilot, "#o1-money-per_year", "1000")
        await type_into(pilot, "#o2-title", "Keep the money")
        app.screen.query_one("#o1-title").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        assert app.screen.query_one("#o1-money-lasts", Input).has_class("-invalid")
        error = str(app.screen.query_one("#o1-effect-money .effect-error", Static).render())
        assert "has passed" in error
        assert "fix the marked fields first" in figures(app, 1)


@pilot_test
async def test_three_options_stand_side_by_side_at_120_columns(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        regions = [column.region for column in screen.columns]
        assert len(regions) == 3
        assert all(r.right <= 120 for r in regions)  # all three on screen at once
        assert regions[0].x < regions[1].x < regions[2].x
