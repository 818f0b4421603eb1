"""Worth in the terminal UI: the combined card, the list's combined column and settled
verdicts, the detail pane, the form's preview, and the profile form's worth fields."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from textual.widgets import Input, Static

from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile
from ltv_journal.core.worth import ImpliedWorth, Worth
from ltv_journal.store.journal import Journal
from ltv_journal.tui.screens.decision_preview import preview_text
from ltv_journal.tui.screens.profile_form import ProfileForm
from ltv_journal.tui.widgets.score_cards import ScoreCard

from .app_support import RecordingApp, card_text, detail_text, fill, settle, visible_text
from .screen_host import Host, pilot_test

WORTH = Worth(happiness=Decimal(1500), love=Decimal(2000), meaning=Decimal(1000))
PRESENTS = Decision(
    title="Christmas presents",
    date=date(2026, 11, 14),
    amount=Decimal(450),
    effects={
        Dimension.LOVE: Effect(
            per_year=Decimal("0.8"), years=Decimal(1), half_life_years=Decimal("0.5")
        )
    },
)


@pytest.fixture
def priced(journal: Journal) -> Journal:
    fill(journal)
    journal.save_profile(replace(journal.profile(), worth=WORTH))
    journal.add(PRESENTS)
    return journal


@pilot_test
async def test_without_worth_there_is_no_combined_card(journal: Journal) -> None:
    app = RecordingApp(journal.location, fill(journal))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert not app.screen.query("#card-combined")  # mounted only with a worth
        assert "Combined" not in visible_text(app)


@pilot_test
async def test_with_worth_the_combined_value_shows_on_card_list_and_details(
    priced: Journal,
) -> None:
    score = priced.score()
    assert score.combined is not None
    app = RecordingApp(priced.location, priced)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#card-combined", ScoreCard).display
        combined = f"{score.combined:,.2f} EUR"
        assert combined in card_text(app, "combined")
        screen = visible_text(app)
        assert "Combined" in screen.splitlines()[1]  # the card's border title
        assert "raises ±" in screen  # the presents: a trade-off settled by worth
        assert "+470" in screen
        await pilot.press("home")
        await settle(pilot)
        shown = detail_text(app)
        assert "raises your lifetime value by about 470 EUR — a trade-off" in shown
        assert "cost per point-year: love: 978.26 EUR a point-year" in shown


def test_the_preview_settles_the_draft_and_says_the_points_in_words() -> None:
    profile = Profile(birth_date=date(1990, 1, 1), worth=WORTH)
    text = preview_text(PRESENTS, profile).plain
    assert "raises · trade-off" in text
    assert "combined +470.00 EUR" in text
    assert "love: +0.8 a year for 1 year (halving every 0.5 years) = +0.46 point-years" in text
    bare = preview_text(PRESENTS, replace(profile, worth=Worth())).plain
    assert "trade-off" in bare and "combined" not in bare


def implied() -> dict[Dimension, ImpliedWorth]:
    love = ImpliedWorth(Dimension.LOVE, 2, Decimal(500), Decimal("739.13"), Decimal("978.26"))
    return {Dimension.LOVE: love}


@pilot_test
async def test_the_profile_form_takes_a_worth_and_offers_the_implied_one(
    max_muster: Profile,
) -> None:
    app = Host(ProfileForm(max_muster, implied_worth=implied))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(app.screen.query_one("#implied-worth", Static).render())
        assert "love 739.13 EUR" in said and "2 decisions" in said
        field = app.screen.query_one("#worth-happiness", Input)
        field.focus()
        await pilot.press(*"1500")
        await pilot.press("ctrl+t")  # fills the blank love field with the median
        assert app.screen.query_one("#worth-love", Input).value == "739.13"
        await pilot.press("enter")
        await pilot.pause()
    [saved] = app.result
    assert saved.worth == Worth(happiness=Decimal(1500), love=Decimal("739.13"))
    assert saved.birth_date == max_muster.birth_date


@pilot_test
async def test_a_bad_worth_is_marked_at_its_field_and_nothing_is_saved(
    max_muster: Profile,
) -> None:
    app = Host(ProfileForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#worth-meaning", Input)
        field.focus()
        await pilot.press(*"lots", "enter")
        await pilot.pause()
        assert app.result == []
        error = str(app.screen.query_one("#field-worth-meaning .field-error", Static).render())
        assert "'lots' is not a number" in error
        assert app.screen.query_one("#worth-meaning", Input).value == "lots"  # kept
