"""Running the app on a real journal in tests: a recording app and a settle helper."""

from __future__ import annotations

import time
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from ltv_journal.store.journal import Journal
from ltv_journal.tui.app import LtvJournalApp
from ltv_journal.tui.main_screen import WATCH_SECONDS
from ltv_journal.tui.widgets.decision_list import DecisionList
from ltv_journal.tui.widgets.detail_pane import DetailPane
from ltv_journal.tui.widgets.score_cards import ScoreCard

from .journal_data import small_decisions


class RecordingApp(LtvJournalApp):
    """The app, remembering every notification it showed."""

    def __init__(self, location: str, journal: Journal | None = None) -> None:
        super().__init__(location, journal)
        self.said: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:  # type: ignore[override]
        self.said.append(message)
        super().notify(message, **kwargs)


def fill(journal: Journal) -> Journal:
    for decision in small_decisions():
        journal.add(decision)
    return journal


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until every worker is done and every message handled (workers start
    workers, so a few rounds)."""
    for _ in range(8):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker replaced by a newer one
            continue
        await pilot.pause()


async def opened(pilot: Pilot[Any], timeout: float = 30.0) -> None:
    """Wait until the journal is open and its figures and band are on screen (a busy
    machine can take seconds), then settle; the opening's toasts are cleared, so that what a test
    shows next does not depend on when they came."""
    app = pilot.app
    assert isinstance(app, LtvJournalApp)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        overview = app.main.overview
        if overview is None or overview.band is None:  # the band comes last
            await pilot.pause(0.05)
            continue
        # A look for other programs' changes may read everything again (and the band
        # after it): past one such look, the figures shown are the ones that stay.
        await pilot.pause(WATCH_SECONDS + 0.1)
        await settle(pilot)
        shown = app.main.overview
        if shown is not None and shown.band is not None:
            break
    await settle(pilot)
    app.clear_notifications()
    await pilot.pause()


def card_text(app: LtvJournalApp, dim: str) -> str:
    card = app.screen_stack[0].query_one(f"#card-{dim}", ScoreCard)
    return " | ".join(card.lines())


def decision_list(app: LtvJournalApp) -> DecisionList:
    return app.screen_stack[0].query_one(DecisionList)


def detail_text(app: LtvJournalApp) -> str:
    pane = app.screen_stack[0].query_one(DetailPane)
    return str(pane.query_one("#detail-body").render())


def visible_text(app: LtvJournalApp) -> str:
    """The text of the screen as the person sees it now, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
