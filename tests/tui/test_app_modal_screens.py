"""The modal screens inside the real app, with its stylesheet: they fit and scroll."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from ltv_journal.store.journal import Journal
from ltv_journal.tui.keys import KEYS
from ltv_journal.tui.screens.help import HelpScreen
from ltv_journal.tui.screens.insights import InsightsScreen

from .app_support import RecordingApp, settle, visible_text
from .screen_host import pilot_test
from .test_screens_reviews import reviewed_journal


@pilot_test
async def test_insights_scroll_to_every_table_at_80x24(journal: Journal) -> None:
    app = RecordingApp(journal.location, reviewed_journal(journal))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        body = screen.query_one("#insights-body", Static)
        scroll = screen.query_one(VerticalScroll)
        assert body.outer_size.height > scroll.size.height  # the body is not squeezed
        assert scroll.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        assert "By category" in visible_text(app)
        await pilot.press("home")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert scroll.scroll_y == 0


@pilot_test
async def test_help_fits_at_80x24(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = visible_text(app)
        for key in KEYS:
            assert key.help in shown
        assert "All commands" in shown
        box = app.screen.query_one(VerticalScroll)
        assert box.max_scroll_y == 0
        assert box.border_subtitle == "esc close"


@pilot_test
async def test_help_says_when_more_lies_below_and_scrolls_to_it(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        box = app.screen.query_one(VerticalScroll)
        assert box.border_subtitle == "↓ more below · esc close"
        assert "All commands" not in visible_text(app)
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert "All commands" in visible_text(app)
        assert box.border_subtitle == "esc close"
