"""What the main screen shows after a key: the new row selected, a tag found, the cards
of the picked year; and the forms' smaller promises."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Select

from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.explain import format_value
from ltv_journal.store.journal import Journal
from ltv_journal.tui.screens.export_dialog import ExportDialog, ExportRequest, default_path
from ltv_journal.tui.screens.review_form import ReviewForm

from .app_support import (
    RecordingApp,
    card_text,
    decision_list,
    detail_text,
    fill,
    settle,
    visible_text,
)
from .screen_host import Host, pilot_test
from .test_app_bursts import burst
from .test_screens_reviews import course

SIZE = (160, 48)


@pilot_test
async def test_after_adding_the_new_row_is_selected(journal: Journal) -> None:
    app = RecordingApp(journal.location, fill(journal))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert decision_list(app).cursor == 0
        # dated last year, it sits among the older rows
        await burst(pilot, "a", "text:Old receipt", "tab", "text:5", "tab", "tab")
        await burst(pilot, "text:2025-06-01", "enter")
        listed = decision_list(app)
        assert listed.selected is not None
        assert listed.selected.title == "Old receipt"
        assert listed.cursor > 0
        assert "Old receipt" in detail_text(app)


@pilot_test
async def test_a_hash_tag_in_the_search_finds_the_tag(journal: Journal) -> None:
    app = RecordingApp(journal.location, fill(journal))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "slash", "text:#online-business", "enter")
        listed = decision_list(app)
        assert listed.total == 1
        assert listed.selected is not None
        assert listed.selected.title == "Build an online business"


@pilot_test
async def test_picking_a_year_moves_the_cards_to_it(journal: Journal) -> None:
    app = RecordingApp(journal.location, fill(journal))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.apply_year(2025)
        await settle(pilot)
        at_end = journal.running_score(date(2025, 12, 31)).ltv[Dimension.MONEY]
        money = card_text(app, "money")
        assert format_value(Dimension.MONEY, at_end, "EUR") in money
        assert "in 2025" in money
        app.main.apply_year(None)
        await settle(pilot)
        assert "this year" in card_text(app, "money")


@pilot_test
async def test_the_review_form_shows_the_whole_expectation(max_muster) -> None:  # type: ignore[no-untyped-def]
    unsure = Effect(per_year=Decimal(6000), delay_months=12, confidence=Decimal("0.4"))
    decision = replace(course(), effects={Dimension.MONEY: unsure})
    app = Host(ReviewForm(decision, max_muster, date(2026, 11, 25)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = visible_text(app)
        assert "expected +6,000.00 EUR a year" in shown
        assert "(40% sure)" in shown


@pilot_test
async def test_enter_on_the_year_exports(tmp_path: Path) -> None:
    app = Host(ExportDialog([2025, 2026], 2026, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#year", Select).focus()
        await pilot.press("down")  # the list opens with space or an arrow
        await pilot.press("down", "enter")  # 2025 picked from it
        await pilot.pause()
        await pilot.press("enter")  # on the closed select: export
    assert app.result == [ExportRequest(year=2025, path=default_path(tmp_path, 2025))]
