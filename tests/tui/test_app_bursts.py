"""Keys typed in one burst, as a fast typist or a paste sends them, land where they were
typed: every key is handed to the app at once, with no pause between them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input, Static

from ltv_journal.core.decision import Decision
from ltv_journal.core.profile import Profile
from ltv_journal.store.journal import Journal
from ltv_journal.tui.screens.decision_form import DecisionForm

from .app_support import RecordingApp, fill, settle
from .screen_host import pilot_test

SIZE = (120, 36)


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Hand every key to the app in one go, as the terminal's parser does for a burst;
    `text:…` stands for its characters. Then wait until everything is done."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        if key.startswith("text:"):
            for char in key.removeprefix("text:"):
                name = char if char.isalnum() else _character_to_key(char)
                driver.send_message(events.Key(name, char))
        else:
            # a terminal reads ESC+letter as alt+letter, the letter its character
            char = key.removeprefix("alt+") if key.startswith("alt+") else None
            driver.send_message(events.Key(key, char))
    await settle(pilot)


def decisions(journal: Journal) -> list[Decision]:
    return sorted(journal.iter_decisions(), key=lambda d: d.title)


@pilot_test
async def test_keys_typed_right_after_a_go_into_the_new_form(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "a", "text:Quick burst", "tab", "text:12", "enter")
        [saved] = decisions(journal)
        assert (saved.title, saved.amount) == ("Quick burst", Decimal(12))
        assert not isinstance(app.screen, DecisionForm)


@pilot_test
async def test_tab_in_a_burst_moves_on_before_the_next_keys(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, DecisionForm)
        # title, amount, (kind), date
        await burst(pilot, "text:Burst1", "tab", "text:12", "tab", "tab", "text:2026-11-20")
        # back to the amount (Tab selects a field's text: End keeps it) and save
        await burst(pilot, "shift+tab", "shift+tab", "end", "text:.5", "enter")
        [saved] = decisions(journal)
        assert (saved.title, saved.amount, saved.date) == (
            "Burst1",
            Decimal("12.5"),
            date(2026, 11, 20),
        )


@pilot_test
async def test_two_quick_logs_in_one_burst_are_both_saved(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "a", "text:One", "enter", "a", "text:Two", "tab", "text:5", "enter")
        assert [(d.title, d.amount) for d in decisions(journal)] == [
            ("One", Decimal(0)),
            ("Two", Decimal(5)),
        ]


@pilot_test
async def test_a_profile_change_in_one_burst(journal: Journal, max_muster: Profile) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # name, birth date, income: clear the income and type a new one
        await burst(pilot, "p", "tab", "tab", "ctrl+u", "text:61000", "enter")
        profile = journal.profile()
        assert profile.name == max_muster.name
        assert profile.annual_income == Decimal(61000)


@pilot_test
async def test_keys_after_r_go_to_the_review_queue(journal: Journal) -> None:
    app = RecordingApp(journal.location, fill(journal))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # the queue is read in a thread; the first key after r picks from it
        await burst(pilot, "r", "enter")
        assert type(app.screen).__name__ == "ReviewForm"
        assert "Review:" in str(app.screen.query_one(".form-box").border_title)


@pilot_test
async def test_an_entry_that_cannot_be_scored_stays_in_the_form(journal: Journal) -> None:
    journal.save_profile(Profile(name="No birthday"))
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # title, then six Tabs to the money row: 6000 a year until retirement (the default)
        await burst(pilot, "a", "text:Side business", *["tab"] * 6, "text:6000", "enter")
        assert isinstance(app.screen, DecisionForm)
        assert app.screen.query_one("#title", Input).value == "Side business"
        row = str(app.screen.query_one("#effect-money .effect-error", Static).render())
        assert "until retirement needs your birth date" in row
        assert decisions(journal) == []
        assert not any("effects" in said for said in app.said)


@pilot_test
async def test_esc_read_together_with_the_next_key_closes_the_form_first(
    journal: Journal,
) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        # a late reader sees Esc and `a` as one Alt+a; both were meant
        await burst(pilot, "alt+a", "text:After esc", "enter")
        assert [d.title for d in decisions(journal)] == ["After esc"]


@pilot_test
async def test_keys_typed_while_the_journal_opens_wait_for_it(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "a", "text:Early", "enter")  # no settling first
        assert [d.title for d in decisions(journal)] == ["Early"]
        assert "The journal is still opening…" not in app.said
