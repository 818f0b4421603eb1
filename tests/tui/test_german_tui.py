"""The terminal UI in German: snapshots at 80×24 of the main screen, the add form, the
insights screen and help, and the keys and a German date at work."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from ltv_journal.core import language
from ltv_journal.core.profile import Profile
from ltv_journal.exchange.reader import import_file
from ltv_journal.exchange.sample import sample_path
from ltv_journal.store.journal import Journal
from ltv_journal.tui.app import LtvJournalApp
from ltv_journal.tui.screens.decision_form import DecisionForm
from ltv_journal.tui.screens.insights import InsightsScreen

from .app_support import RecordingApp, settle, visible_text
from .app_support import opened as journal_shown
from .screen_host import Host, pilot_test
from .test_screens_reviews import reviewed_journal


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    """Every test here builds and runs the app in German."""
    with language.using(language.GERMAN):
        yield


@pytest.fixture
def sample_journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal(str(tmp_path / "sample.db")) as journal:
        import_file(journal, sample_path("journal"))
        yield journal


def test_german_main_screen_80x24(snap_compare, sample_journal: Journal) -> None:  # type: ignore[no-untyped-def]
    app = LtvJournalApp(sample_journal.location, sample_journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=journal_shown)


def test_german_help_80x24(snap_compare, sample_journal: Journal) -> None:  # type: ignore[no-untyped-def]
    app = LtvJournalApp(sample_journal.location, sample_journal)

    async def opened(pilot: Pilot[Any]) -> None:
        await journal_shown(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=opened)


def test_german_add_form_80x24(snap_compare, max_muster: Profile) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(Host(DecisionForm(max_muster)), terminal_size=(80, 24))


def test_german_insights_80x24(snap_compare, journal) -> None:  # type: ignore[no-untyped-def]
    async def loaded(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    app = Host(InsightsScreen(reviewed_journal(journal)))
    assert snap_compare(app, run_before=loaded, terminal_size=(80, 24))


@pilot_test
async def test_german_keys_and_a_german_date(journal: Journal) -> None:
    """The footer describes the keys in German; a date typed the German way in the add
    form (29.11.2026) is the date the decision is saved with."""
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = visible_text(app).splitlines()[-1]
        for word in ("Neu", "Bearbeiten", "Löschen", "Rückgängig", "Hilfe", "Beenden"):
            assert word in footer
        assert "Edit" not in footer and "Quit" not in footer
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, DecisionForm)
        day = form.query_one("#date", Input)
        assert day.value == "25.11.2026"  # today, the German way
        assert day.placeholder == "TT.MM.JJJJ"
        form.query_one("#title", Input).focus()
        await pilot.press(*"Fahrrad")
        day.focus()
        day.value = ""
        await pilot.press(*"29.11.2026")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, DecisionForm)
        assert any("hinzugefügt" in said for said in app.said)
    [saved] = [d for d in journal.iter_decisions() if d.title == "Fahrrad"]
    assert saved.date == date(2026, 11, 29)


@pilot_test
async def test_the_german_edit_form_writes_every_value_the_german_way(
    max_muster: Profile,
) -> None:
    """Editing in German shows `0,2`, `Lebensende`, `keine`, `60 %` and `0,1 bis 3` (no
    English word or decimal point), and saving the form unchanged gives back the same effects;
    German words typed into a row are read as well."""
    from ltv_journal.core.decision import Decision
    from ltv_journal.core.dimensions import Dimension, Until
    from ltv_journal.core.effects import Effect

    happiness = Effect(
        Decimal("0.2"), until=Until.DEATH, low=Decimal("0.1"), high=Decimal(3), half_life_years=None
    )
    money = Effect(Decimal("1500.5"), years=Decimal("2.5"), confidence=Decimal("0.6"))
    saved = Decision(
        "Kochkurs",
        date(2026, 1, 1),
        effects={Dimension.HAPPINESS: happiness, Dimension.MONEY: money},
    )
    app = Host(DecisionForm(max_muster, saved))
    async with app.run_test(size=(110, 40)) as pilot:
        form = app.screen

        def value(field: str) -> str:
            return form.query_one(f"#{field}", Input).value

        assert value("happiness-per_year") == "0,2"
        assert value("happiness-lasts") == "Lebensende"
        assert value("happiness-half_life_years") == "keine"
        assert value("happiness-range") == "0,1 bis 3"
        assert value("money-per_year") == "1500,5"
        assert value("money-lasts") == "2,5"
        assert value("money-confidence") == "60 %"
        assert form.query_one("#money-range", Input).placeholder == "keine"
        assert form.query_one("#love-lasts", Input).placeholder == "Lebensende"
        for field in ("love-per_year", "love-lasts", "love-range"):
            form.query_one(f"#{field}", Input).value = {
                "love-per_year": "1,5",
                "love-lasts": "Rente",
                "love-range": "0,5 bis 2,5",
            }[field]
        await pilot.press("ctrl+s")
        await pilot.pause()
    [edited] = app.result
    assert edited.effects[Dimension.HAPPINESS] == happiness
    assert edited.effects[Dimension.MONEY] == money
    love = edited.effects[Dimension.LOVE]
    assert (love.per_year, love.until, love.low, love.high) == (
        Decimal("1.5"),
        Until.RETIREMENT,
        Decimal("0.5"),
        Decimal("2.5"),
    )


@pilot_test
async def test_the_german_command_palette_says_when_nothing_matches(journal: Journal) -> None:
    """The palette's search field and its "nothing found" line in German (Textual writes
    both in English)."""
    from textual.command import CommandPalette

    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert "Befehle suchen" in visible_text(app)
        await pilot.press(*"xyzzy")
        await pilot.pause(0.8)  # the palette says so half a second after the search
        await settle(pilot)
        shown = visible_text(app)
        assert "Keine Treffer" in shown and "No matches" not in shown
