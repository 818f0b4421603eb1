"""Work in a thread answers with a message; when it fails, the person is told what
failed in a notification, and the app keeps running."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ltv_journal.store.errors import JournalError
from ltv_journal.store.journal import Journal
from ltv_journal.tui.workers import WorkFailed, in_thread

from .app_support import RecordingApp, fill, settle
from .screen_host import Host, pilot_test


class Answered(Message):
    def __init__(self, answer: int) -> None:
        super().__init__()
        self.answer = answer


class Asking(Screen[None]):
    def __init__(self, job: Any) -> None:
        super().__init__()
        self.job = job
        self.heard: list[object] = []

    def compose(self) -> ComposeResult:
        yield Static("asking")

    def on_mount(self) -> None:
        in_thread(self, self.job, what="count the sheep", group="test", then=self.done)

    def on_answered(self, message: Answered) -> None:
        self.heard.append(message.answer)

    def on_work_failed(self, message: WorkFailed) -> None:
        self.heard.append(message.what)

    def done(self) -> None:
        self.heard.append("done")


@pilot_test
async def test_the_answer_comes_back_as_a_message() -> None:
    screen = Asking(lambda: Answered(42))
    app = Host(screen)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.heard == [42, "done"]
        assert app.said == []


@pilot_test
async def test_a_failure_is_said_once_and_handled_where_it_matters() -> None:
    def fail() -> Message:
        raise OSError("disk I/O error")

    screen = Asking(fail)
    app = Host(screen)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.heard == ["count the sheep", "done"]
        assert app.said == ["Could not count the sheep: disk I/O error."]
        assert app.is_running


@pilot_test
async def test_a_failed_delete_says_what_failed_and_keeps_the_list(
    filled: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_decision_id: str) -> None:
        raise JournalError("the journal is read-only")

    monkeypatch.setattr(filled, "delete", refuse)
    app = RecordingApp(filled.location, filled)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        [failure] = [said for said in app.said if said.startswith("Could not")]
        assert failure.startswith("Could not delete '") and failure.endswith(
            ": the journal is read-only."
        )
        assert app.is_running


@pytest.fixture
def filled(journal: Journal) -> Journal:
    return fill(journal)


@pilot_test
async def test_a_save_that_raises_keeps_the_form_open_and_says_why(max_muster: Any) -> None:
    from ltv_journal.core.decision import Decision
    from ltv_journal.tui.screens.decision_form import DecisionForm

    def broken(_decision: Decision) -> Decision:
        raise OSError("No space left on device")

    app = Host(DecisionForm(max_muster, save=broken))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Bike", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DecisionForm) and app.result == []
        assert app.said == ["Could not save: No space left on device."]
        await pilot.press(*"s")  # keys are not held: the form takes them
        assert app.screen.query_one("#title").value == "Bikes"  # type: ignore[attr-defined]
