"""The language in the terminal UI: the profile form's language field, and the app
speaking the profile's language — at start and as soon as the form saves another one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from textual.widgets import Label, Select

from ltv_journal.core import language
from ltv_journal.core.profile import Profile
from ltv_journal.store.journal import Journal
from ltv_journal.tui.screens.profile_form import ProfileForm

from .app_support import RecordingApp, decision_list, fill, settle
from .screen_host import Host, pilot_test


@pytest.fixture(autouse=True)
def same_language_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts in English, whatever the environment says, and leaves the
    language as it found it."""
    monkeypatch.delenv(language.ENV_LANG, raising=False)
    with language.using(language.ENGLISH):
        yield


def _label(app: Host) -> str:
    return str(app.screen.query_one("#field-language .field-label", Label).render())


@pilot_test
async def test_the_form_offers_automatic_german_and_english(max_muster: Profile) -> None:
    app = Host(ProfileForm(max_muster))
    async with app.run_test(size=(80, 24)) as pilot:
        select = app.screen.query_one("#language", Select)
        assert select.value == "auto"
        assert "language" in _label(app)
        options = [str(prompt) for prompt, _ in select._options]
        assert options == ["automatic (the locale's)", "Deutsch", "English"]
        select.focus()
        await pilot.press("space")  # opens the list
        await pilot.pause()
        await pilot.press("down", "enter")  # Deutsch
        await pilot.pause()
        assert select.value == "de"
        await pilot.press("ctrl+s")
    [saved] = app.result
    assert saved.language == "de"
    assert replace(saved, language=None) == max_muster


@pilot_test
async def test_automatic_clears_the_language(max_muster: Profile) -> None:
    app = Host(ProfileForm(replace(max_muster, language="en")))
    async with app.run_test(size=(80, 24)) as pilot:
        select = app.screen.query_one("#language", Select)
        assert select.value == "en"
        select.value = "auto"
        await pilot.press("ctrl+s")
    [saved] = app.result
    assert saved.language is None


@pilot_test
async def test_the_form_speaks_german(max_muster: Profile) -> None:
    with language.using("de"):
        app = Host(ProfileForm(max_muster))
        async with app.run_test(size=(80, 24)):
            select = app.screen.query_one("#language", Select)
            assert str(select._options[0][0]) == "automatisch (Systemsprache)"
            assert "Sprache" in _label(app)


@pilot_test
async def test_saving_another_language_switches_the_app_at_once(journal: Journal) -> None:
    fill(journal)
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        before = decision_list(app)
        rows = before.total
        await pilot.press("p")
        await settle(pilot)
        app.screen.query_one("#language", Select).value = "de"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert language.current() == "de"
        assert decision_list(app) is not before  # composed afresh, in German
        assert app.screen is app.main
        assert decision_list(app).total == rows  # on the same open journal
        assert journal.profile().language == "de"
        await pilot.press("a")  # the add form built ahead is built again, in German
        await settle(pilot)
        assert app.main.add_form._language == "de"
        await pilot.press("escape")
        await settle(pilot)
        # And back to automatic: the locale's (English here).
        await pilot.press("p")
        await settle(pilot)
        app.screen.query_one("#language", Select).value = "auto"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert language.current() == "en"
        assert decision_list(app).total == rows


@pilot_test
async def test_the_app_starts_in_the_profiles_language(journal: Journal) -> None:
    fill(journal)
    journal.save_profile(replace(journal.profile(), language="de"))
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert language.current() == "de"
        assert decision_list(app).total == journal.count()


@pilot_test
async def test_lang_and_the_environment_come_before_the_profile(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.save_profile(replace(journal.profile(), language="de"))
    app = RecordingApp(journal.location, journal)
    app.follow_profile = False  # --lang en was given
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert language.current() == "en"
    monkeypatch.setenv(language.ENV_LANG, "en")
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert language.current() == "en"


def test_the_quick_first_frame_is_composed_in_the_profiles_language(journal: Journal) -> None:
    """A journal file opened by location: the quick read's profile names the language
    before the main screen is made."""
    from ltv_journal.tui.app import LtvJournalApp

    journal.save_profile(replace(journal.profile(), language="de"))
    app = LtvJournalApp(journal.location)
    assert app._quick_overview() is not None
    assert language.current() == "de"
