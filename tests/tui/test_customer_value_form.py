"""The customer-value calculator, opened from the money row of the add/edit form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from textual.widgets import Input, Label, Static

from ltv_journal.core import clock
from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile
from ltv_journal.store.journal import Journal
from ltv_journal.tui.screens.customer_value_form import CustomerValueForm
from ltv_journal.tui.screens.decision_form import DecisionForm

from .screen_host import Host, pilot_test

SHOP = CustomerValue(Decimal(4), Decimal(120), Decimal(3), Decimal("0.4"), stay_years=Decimal(3))
MONEY = Dimension.MONEY


async def fill(pilot, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(f"#clv-{key}", Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)


def result_text(app: Host) -> str:
    return str(app.screen.query_one("#clv-result", Static).render())


def row_name(app: Host) -> str:
    return str(app.screen.query_one("#effect-money .effect-name", Label).render())


@pilot_test
async def test_the_calculator_fills_the_money_row_and_the_decision_is_saved_with_it(
    journal: Journal,
) -> None:
    with clock.fixed_today(date(2025, 1, 1)):
        app = Host(DecisionForm(journal.profile(), save=journal.add))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press(*"Web shop")
            app.screen.query_one("#money-per_year", Input).focus()
            await pilot.press("ctrl+b")
            assert isinstance(app.screen, CustomerValueForm)
            await fill(pilot, "customers_per_month", "4")
            await fill(pilot, "average_order", "120")
            await fill(pilot, "orders_per_year", "3")
            await fill(pilot, "margin", "40%")
            await fill(pilot, "stay_years", "36m")
            await pilot.pause()
            # The result follows the typing.
            assert "per customer: 432.00 EUR" in result_text(app)
            assert "steady state: 144 customers, 20,736.00 EUR a year" in result_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, DecisionForm)
            assert app.screen.query_one("#money-per_year", Input).value == "20736"
            assert row_name(app) == "money·clv"
            app.screen.query_one("#money-lasts", Input).value = "5"
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
    [saved] = app.result
    money = journal.get(saved.id).effects[MONEY]
    assert money.clv == SHOP
    assert money.per_year == Decimal(20736)
    assert journal.score().ltv[MONEY] - journal.score().baseline[MONEY] == Decimal(73440)


@pilot_test
async def test_bad_figures_are_marked_and_nothing_is_filled(max_muster: Profile) -> None:
    app = Host(DecisionForm(max_muster))
    async with app.run_test(size=(100, 40)) as pilot:
        app.screen.query_one("#money-per_year", Input).focus()
        await pilot.press("ctrl+b")
        await fill(pilot, "customers_per_month", "4")
        await fill(pilot, "average_order", "120")
        await fill(pilot, "orders_per_year", "3")
        await fill(pilot, "margin", "140%")
        await fill(pilot, "stay_years", "3")
        await fill(pilot, "churn_per_year", "20%")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CustomerValueForm)
        margin = str(screen.query_one("#field-margin .field-error", Static).render())
        assert "must be from 0 to 1" in margin
        stay = str(screen.query_one("#field-stay_years .field-error", Static).render())
        assert "not both" in stay
        assert "Fill in the figures" in result_text(app)
        await pilot.press("escape", "escape")  # asks, then discards
        await pilot.pause()
        assert isinstance(app.screen, DecisionForm)
        assert app.screen.query_one("#money-per_year", Input).value == ""


@pilot_test
async def test_editing_reopens_the_inputs_and_a_typed_value_lets_them_go(
    max_muster: Profile,
) -> None:
    original = Decision(
        id="6f1c2a9e-8d3b-4f57-9a61-0c2f3d4e5a6b",
        title="Web shop",
        date=date(2025, 1, 1),
        effects={MONEY: Effect(per_year=Decimal("20736.00"), years=Decimal(5), clv=SHOP)},
    )
    app = Host(DecisionForm(max_muster, original))
    async with app.run_test(size=(100, 40)) as pilot:
        assert row_name(app) == "money·clv"
        app.screen.query_one("#money-per_year", Input).focus()
        await pilot.press("ctrl+b")
        screen = app.screen
        assert isinstance(screen, CustomerValueForm)
        assert screen.query_one("#clv-margin", Input).value == "40%"
        assert screen.query_one("#clv-stay_years", Input).value == "3"
        await fill(pilot, "customers_per_month", "5")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#money-per_year", Input).value == "25920"
        await pilot.press("enter")
    [edited] = app.result
    assert edited.effects[MONEY].clv == CustomerValue(
        Decimal(5), Decimal(120), Decimal(3), Decimal("0.4"), stay_years=Decimal(3)
    )
    app = Host(DecisionForm(max_muster, original))
    async with app.run_test(size=(100, 40)) as pilot:
        field = app.screen.query_one("#money-per_year", Input)
        field.focus()
        field.value = ""
        await pilot.press(*"6000")
        await pilot.pause()
        assert row_name(app) == "money"
        await pilot.press("enter")
    [typed] = app.result
    assert typed.effects[MONEY] == Effect(per_year=Decimal(6000), years=Decimal(5))
