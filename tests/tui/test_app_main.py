"""The main screen on a small journal: cards, list, detail pane, cursor keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltv_journal.store.journal import Journal

from .app_support import (
    RecordingApp,
    card_text,
    decision_list,
    detail_text,
    fill,
    settle,
    visible_text,
)
from .screen_host import pilot_test

SIZE = (160, 48)


@pytest.fixture
def filled(journal: Journal) -> Journal:
    return fill(journal)


@pilot_test
async def test_cards_show_the_ltv_and_its_change_this_year(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        money = card_text(app, "money")
        assert "1,696,349.00 EUR" in money
        assert "+1,869.00 EUR this year" in money
        assert "20.61 pts" in card_text(app, "happiness")


@pilot_test
async def test_the_list_shows_every_decision_newest_first(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listed = decision_list(app)
        assert listed.total == 6
        assert listed.border_title == "Decisions · 6"
        assert listed.selected is not None
        assert listed.selected.title == "Index fund savings plan"
        assert "Index fund savings plan" in detail_text(app)


@pilot_test
async def test_due_reviews_are_announced_on_start(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "2 decisions are due for review. Press r to review." in app.said


@pilot_test
async def test_cursor_keys_move_the_selection_and_the_detail_pane(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        shown = detail_text(app)
        assert "Streaming subscription, cancelled" in shown
        assert "money: +156.00 EUR a year, for 3 years (36 months) → +468.00 EUR" in shown
        await pilot.press("end")
        await settle(pilot)
        assert decision_list(app).cursor == 5
        assert "Build an online business" in detail_text(app)
        await pilot.press("home")
        await settle(pilot)
        assert "Index fund savings plan" in detail_text(app)


@pilot_test
async def test_clicking_a_row_selects_it(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listed = decision_list(app)
        # line 0 is the header; line 3 is the third decision
        await pilot.click(listed, offset=(20, 1 + 3))
        await settle(pilot)
        assert listed.cursor == 2
        assert "New road bike" in detail_text(app)


@pilot_test
async def test_the_detail_pane_shows_a_review_beside_its_expectation(filled: Journal) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        decision_list(app).move_cursor(3)
        await settle(pilot)
        shown = detail_text(app)
        assert "Language course: Italian" in shown
        assert "expected +1.5 pts a year, observed +1 pts a year" in shown


@pilot_test
async def test_first_run_asks_for_the_profile(tmp_path: Path) -> None:
    from ltv_journal.tui.screens.profile_form import ProfileForm

    with Journal(str(tmp_path / "new.db")) as empty:
        app = RecordingApp(empty.location, empty)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ProfileForm)


@pilot_test
async def test_the_app_opens_a_journal_by_its_location(filled: Journal) -> None:
    app = RecordingApp(filled.location)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.journal is not None
        assert decision_list(app).total == 6
        assert "1,696,349.00 EUR" in card_text(app, "money")


def test_a_folder_is_refused_in_one_sentence_with_code_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from ltv_journal.tui.app import run_app

    folder = tmp_path / "somefolder"
    folder.mkdir()
    with pytest.raises(SystemExit) as stopped:
        run_app(str(folder), headless=True)
    assert stopped.value.code == 2
    said = capsys.readouterr().err.strip()
    assert said.count(str(folder)) == 1
    assert said.startswith("Cannot open the journal at") and said.endswith(".")
    assert "\n" not in said


@pytest.mark.parametrize(
    ("size", "palette"), [((60, 20), False), ((73, 24), True), ((80, 24), True)]
)
@pilot_test
async def test_the_footer_keys_are_never_covered(
    filled: Journal, size: tuple[int, int], palette: bool
) -> None:
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        footer = visible_text(app).splitlines()[-1].rstrip()
        assert "? Help q Quit" in footer
        if palette:
            assert footer.endswith("▏^p palette")
        else:
            assert footer.endswith("q Quit")
