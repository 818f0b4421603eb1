"""The terminal UI over a journal holding the escape-sequence corpus shows none of it:
every screen a key opens is scanned cell by cell for ESC, C1 and bidi controls."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from ltv_journal.exchange.reader import import_file
from ltv_journal.store.journal import Journal
from ltv_journal.tui.screens.decision_form import DecisionForm
from ltv_journal.tui.screens.insights import InsightsScreen
from ltv_journal.tui.screens.review_queue import ReviewQueue

from .app_support import RecordingApp, decision_list, settle, visible_text
from .screen_host import pilot_test

CORPUS = Path(__file__).parent.parent / "safety" / "escape_corpus.toml"
DRIVING = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_journal(path: Path) -> Journal:
    """The corpus imported, then titles, categories, tags and the name set to it in the
    database, as a journal written before one-line fields refused control characters."""
    with Journal(str(path)) as journal:
        import_file(journal, CORPUS)
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, notes FROM decision ORDER BY id").fetchall()
        for decision_id, notes in rows:
            sequence = notes.removeprefix("note ").removesuffix(" end")
            conn.execute(
                "UPDATE decision SET title = ?, category = ? WHERE id = ?",
                (f"t {sequence}", f"c {sequence}", decision_id),
            )
            conn.execute("INSERT INTO tag VALUES (?, ?)", (decision_id, f"g{sequence}"))
        conn.execute("UPDATE profile SET name = ?", ("\x1b]0;owner\x07\u202e",))
    return Journal(str(path))


def assert_inert(text: str, where: str) -> None:
    found = DRIVING.search(text)
    assert found is None, f"{where}: {found.group()!r} is on the screen"


@pilot_test
async def test_no_screen_shows_a_control_character(tmp_path: Path) -> None:
    journal = hostile_journal(tmp_path / "journal.db")
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        listed = decision_list(app)
        assert listed.total == 17
        shown = visible_text(app)
        assert "\\x1b" in shown  # written out, not obeyed
        assert_inert(shown, "main screen")
        for step in range(listed.total):  # every decision's detail pane
            await pilot.press("down")
            await settle(pilot)
            assert_inert(visible_text(app), f"detail {step}")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReviewQueue)
        assert_inert(visible_text(app), "review queue")
        await pilot.press("enter")
        await settle(pilot)
        assert_inert(visible_text(app), "review form")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InsightsScreen)
        assert_inert(visible_text(app), "insights")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, DecisionForm)
        assert_inert(visible_text(app), "edit form")
        await pilot.press("escape")
        await settle(pilot)
        for note in app.said:
            assert_inert(note, "notification")
    journal.close()
