"""The list stays virtual: a big journal is read page by page, never row by row."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal

from ltv_journal.core.decision import Decision
from ltv_journal.store.journal import Journal
from ltv_journal.tui.widgets.decision_list import PAGE

from .app_support import RecordingApp, decision_list, detail_text, settle
from .screen_host import pilot_test

N = 2_500
FIRST = date(2019, 1, 1)


def many(n: int) -> list[Decision]:
    return [
        Decision(title=f"Decision {i:05d}", date=FIRST + timedelta(days=i), amount=Decimal(i))
        for i in range(n)
    ]


@pilot_test
async def test_a_big_journal_is_read_a_page_at_a_time(journal: Journal) -> None:
    journal.import_decisions(many(N))
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = decision_list(app)
        assert listed.total == N
        assert not listed.children  # lines are drawn, not mounted
        assert len(listed._pages) <= 2
        rows = listed.scrollable_content_region.height - 1
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        assert listed.cursor == 2 * rows
        assert f"Decision {N - 1 - 2 * rows:05d}" in detail_text(app)
        await pilot.press("end")
        await settle(pilot)
        assert listed.cursor == N - 1
        assert "Decision 00000" in detail_text(app)
        assert len(listed._pages) <= 6
        assert (N - 1) // PAGE in listed._pages
        await pilot.press("up", "home")
        await settle(pilot)
        assert listed.cursor == 0
        assert f"Decision {N - 1:05d}" in detail_text(app)


def test_importing_the_app_does_not_load_the_database_layer() -> None:
    """The first frame must not wait for SQLAlchemy, SQLModel or tomlkit."""
    code = (
        "import sys, ltv_journal.tui.app, ltv_journal.tui.main_screen; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'tomlkit', "
        "'ltv_journal.store.journal', 'ltv_journal.exchange') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
