"""The add form is built before `a` is pressed and reused: it opens at once, and opens
empty every time."""

from __future__ import annotations

from decimal import Decimal

from textual.widgets import Input, Static

from ltv_journal.core import clock
from ltv_journal.store.journal import Journal
from ltv_journal.tui.form_ahead import SCREEN_NAME
from ltv_journal.tui.screens.decision_form import DecisionForm

from .app_support import RecordingApp, settle
from .screen_host import pilot_test
from .test_app_bursts import SIZE, burst, decisions


def values(form: DecisionForm) -> dict[str, str]:
    return {str(control.id): control.value for control in form.query(Input) if control.value}


@pilot_test
async def test_the_add_form_is_ready_before_a_is_pressed(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ahead = app.get_screen(SCREEN_NAME, DecisionForm)
        assert ahead.is_mounted and ahead not in app.screen_stack
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is ahead


@pilot_test
async def test_a_discarded_form_opens_empty_again(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "a", "text:Half typed", "tab", "text:1x", "enter")
        form = app.screen
        assert isinstance(form, DecisionForm)
        assert "not a number" in str(form.query_one("#field-amount .field-error", Static).render())
        await burst(pilot, "escape", "escape")  # asked, then discarded
        assert app.screen is not form
        await burst(pilot, "a", "text:Fresh")
        assert app.screen is form
        assert values(form) == {"title": "Fresh", "date": clock.today().isoformat()}
        assert str(form.query_one("#field-amount .field-error", Static).render()) == ""
        await burst(pilot, "escape", "escape")
        assert decisions(journal) == []


@pilot_test
async def test_a_saved_form_opens_empty_for_the_next_decision(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "a", "text:First", "tab", "text:30", "enter")
        await burst(pilot, "a", "text:Second", "enter")
        assert [(d.title, d.amount) for d in decisions(journal)] == [
            ("First", Decimal(30)),
            ("Second", Decimal(0)),
        ]


@pilot_test
async def test_a_form_opened_again_forgets_the_customer_calculator(journal: Journal) -> None:
    from textual.widgets import Label

    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "a", "text:Web shop")
        form = app.screen
        assert isinstance(form, DecisionForm)
        form.query_one("#money-per_year", Input).focus()
        await burst(pilot, "ctrl+b")  # the customer-value calculator
        for key, text in (
            ("customers_per_month", "4"),
            ("average_order", "120"),
            ("orders_per_year", "3"),
            ("margin", "40%"),
            ("stay_years", "3"),
        ):
            app.screen.query_one(f"#clv-{key}", Input).focus()
            await burst(pilot, f"text:{text}")
        await burst(pilot, "enter")
        name = form.query_one("#effect-money .effect-name", Label)
        assert app.screen is form and str(name.render()) == "money·clv"
        await burst(pilot, "escape", "escape", "a")
        assert app.screen is form and str(name.render()) == "money"
        assert values(form) == {"date": clock.today().isoformat()}


@pilot_test
async def test_a_new_currency_builds_the_form_again_with_it(journal: Journal) -> None:
    from dataclasses import replace

    from textual.widgets import Label

    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.get_screen(SCREEN_NAME, DecisionForm)
        journal.save_profile(replace(journal.profile(), currency="USD"))
        app.main.reload()
        await settle(pilot)
        await burst(pilot, "a")
        form = app.screen
        assert isinstance(form, DecisionForm) and form is not before
        assert app.get_screen(SCREEN_NAME) is form
        assert str(form.query_one("#field-amount .field-hint", Label).render()) == "USD"
        await burst(pilot, "text:Lunch", "tab", "text:12", "enter")
        [saved] = decisions(journal)
        assert (saved.title, saved.amount) == ("Lunch", Decimal(12))
