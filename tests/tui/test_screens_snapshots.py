"""What the forms and the insights screen look like, at 80×24 with the clock fixed."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input

from ltv_journal.core.profile import Profile
from ltv_journal.tui.screens.decision_form import DecisionForm
from ltv_journal.tui.screens.insights import InsightsScreen
from ltv_journal.tui.screens.profile_form import ProfileForm
from ltv_journal.tui.screens.review_form import ReviewForm

from .screen_host import Host
from .test_screens_reviews import course, reviewed_journal

TODAY = date(2026, 11, 25)


async def fill(pilot: Pilot[None], values: dict[str, str]) -> None:
    for selector, text in values.items():
        pilot.app.screen.query_one(selector, Input).focus()
        await pilot.press(*text)
    pilot.app.screen.query_one("#title").focus()
    await pilot.pause()


def test_decision_form_empty(snap_compare, max_muster: Profile) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(Host(DecisionForm(max_muster)))


def test_decision_form_filled(snap_compare, max_muster: Profile) -> None:  # type: ignore[no-untyped-def]
    async def typed(pilot: Pilot[None]) -> None:
        await fill(
            pilot,
            {
                "#title": "Build an online business",
                "#amount": "1.500,00",
                "#category": "education",
                "#money-per_year": "6000",
                "#money-delay_months": "12",
                "#happiness-per_year": "1",
                "#happiness-lasts": "5",
                "#happiness-half_life_years": "2",
                "#happiness-confidence": "70%",
                "#love-per_year": "-0,5",
                "#love-confidence": "2 0",
            },
        )
        await pilot.press("ctrl+s")  # shows the problem in the love row

    assert snap_compare(Host(DecisionForm(max_muster)), run_before=typed)


def test_review_form(snap_compare, max_muster: Profile) -> None:  # type: ignore[no-untyped-def]
    async def typed(pilot: Pilot[None]) -> None:
        await pilot.press(*"4800")

    assert snap_compare(Host(ReviewForm(course(), max_muster, TODAY)), run_before=typed)


def test_profile_form_first_run(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(Host(ProfileForm(Profile(), first_run=True)))


def test_insights_screen(snap_compare, journal) -> None:  # type: ignore[no-untyped-def]
    async def loaded(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = Host(InsightsScreen(reviewed_journal(journal)))
    assert snap_compare(app, run_before=loaded, terminal_size=(100, 40))
