"""Every key of the main screen, on a small journal in a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltv_journal.store.journal import Journal
from ltv_journal.store.queries import DecisionFilter

from .app_support import RecordingApp, card_text, decision_list, detail_text, fill, settle
from .screen_host import pilot_test

SIZE = (160, 48)


@pytest.fixture
def filled(journal: Journal) -> Journal:
    return fill(journal)


@pilot_test
async def test_q_quits(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pilot_test
async def test_delete_then_undo_changes_the_money_card_and_the_list(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "1,696,349.00 EUR" in card_text(app, "money")
        await pilot.press("d")
        await settle(pilot)
        assert "Deleted 'Index fund savings plan'. Press u to undo." in app.said
        assert decision_list(app).total == 5
        # the fund was +4,200 EUR for life: the LTV falls by that much
        assert "1,692,149.00 EUR" in card_text(app, "money")
        assert "Streaming subscription, cancelled" in detail_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Undid the deletion of 'Index fund savings plan'." in app.said
        assert decision_list(app).total == 6
        assert "1,696,349.00 EUR" in card_text(app, "money")


@pilot_test
async def test_undo_with_nothing_to_undo_says_so(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "Nothing to undo." in app.said


@pilot_test
async def test_a_filter_narrows_the_list_and_says_so(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.apply_filter(DecisionFilter(text="bike"))
        await settle(pilot)
        listed = decision_list(app)
        assert listed.total == 1
        assert listed.border_subtitle == 'filter: "bike"'
        assert "New road bike" in detail_text(app)
        app.main.apply_filter(DecisionFilter())
        await settle(pilot)
        assert listed.total == 6
        assert listed.border_subtitle == ""


@pilot_test
async def test_a_year_keeps_the_rest_of_the_filter(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.apply_year(2025)
        await settle(pilot)
        listed = decision_list(app)
        assert listed.total == 3
        assert listed.selected is not None
        assert listed.selected.title == "Language course: Italian"
        app.main.apply_filter(DecisionFilter(year=2025, category="family"))
        await settle(pilot)
        assert listed.total == 1
        app.main.apply_year(None)
        await settle(pilot)
        assert app.main.list_filter == DecisionFilter(category="family")
        assert listed.total == 1


@pilot_test
async def test_an_empty_filter_result_says_how_to_change_it(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.apply_filter(DecisionFilter(text="no such thing"))
        await settle(pilot)
        assert decision_list(app).total == 0
        assert "Select a decision" in detail_text(app)
        assert "Press / to change it" in decision_list(app).empty_text


@pilot_test
async def test_slash_y_r_p_x_and_question_mark_open_their_screens(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, name in (
            ("slash", "FilterForm"),
            ("y", "YearPicker"),
            ("r", "ReviewQueue"),
            ("p", "ProfileForm"),
            ("x", "ExportDialog"),
            ("question_mark", "HelpScreen"),
            ("c", "CompareScreen"),
            ("e", "DecisionForm"),
            ("a", "DecisionForm"),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert type(app.screen).__name__ == name, key
            await pilot.press("escape")
            await settle(pilot)
            assert type(app.screen).__name__ == "MainScreen", key


@pilot_test
async def test_a_quick_log_from_the_add_form_raises_the_count(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Coffee machine", "enter")
        await settle(pilot)
        assert "Added 'Coffee machine'." in app.said
        assert decision_list(app).total == 7


@pilot_test
async def test_a_saved_profile_rescores_every_card(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # name, birth date, income: a new income
        await pilot.press("p", "tab", "tab", "ctrl+u", *"40000", "enter")
        await settle(pilot)
        assert "Profile saved; every decision rescored." in app.said
        # baseline 40,000 × 45 = 1,800,000, plus the decisions' +121,349
        assert "1,921,349.00 EUR" in card_text(app, "money")


@pilot_test
async def test_export_writes_the_year_and_says_where(filled: Journal, tmp_path: Path) -> None:
    from textual.widgets import Input

    target = tmp_path / "2026.toml"
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")  # this year, to the file typed
        await settle(pilot)
        path = app.screen.query_one("#path", Input)
        path.value = str(target)
        path.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert f"Exported 2026 to {target}" in app.said
        assert "New road bike" in target.read_text(encoding="utf-8")
        assert not app.screen_stack[0].query(".busy-line")


@pilot_test
async def test_t_switches_theme_and_v_hides_the_detail_pane(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dark = app.current_theme.dark
        await pilot.press("t")
        assert app.current_theme.dark is not dark
        pane = app.screen.query_one("#detail")
        assert pane.display
        await pilot.press("v")
        await pilot.pause()
        assert not pane.display
        await pilot.press("v")
        await pilot.pause()
        assert pane.display


@pilot_test
async def test_the_command_palette_lists_every_key(filled: Journal) -> None:
    from ltv_journal.tui.keys import KEYS

    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        # each key once, and nothing else: one theme switch, no generic commands
        assert titles == [f"{key.label} ({key.display})" for key in KEYS]
