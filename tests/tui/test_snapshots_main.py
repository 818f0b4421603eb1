"""Snapshots of the main screen on the sample journal, the clock fixed at 2026-11-25."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from ltv_journal.exchange.reader import import_file
from ltv_journal.exchange.sample import sample_path
from ltv_journal.store.journal import Journal
from ltv_journal.tui.app import LtvJournalApp

from .app_support import decision_list, opened, settle


@pytest.fixture
def sample_journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal(str(tmp_path / "sample.db")) as journal:
        import_file(journal, sample_path("journal"))
        yield journal


async def _ready(pilot: Pilot[Any]) -> None:
    await opened(pilot)


def test_main_screen_80x24(snap_compare, sample_journal: Journal) -> None:  # type: ignore[no-untyped-def]
    app = LtvJournalApp(sample_journal.location, sample_journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_ready)


def test_main_screen_160x48(snap_compare, sample_journal: Journal) -> None:  # type: ignore[no-untyped-def]
    app = LtvJournalApp(sample_journal.location, sample_journal)
    assert snap_compare(app, terminal_size=(160, 48), run_before=_ready)


def test_main_screen_light_with_a_reviewed_decision(snap_compare, sample_journal: Journal) -> None:  # type: ignore[no-untyped-def]
    app = LtvJournalApp(sample_journal.location, sample_journal)

    async def reviewed(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        listed = decision_list(pilot.app)  # type: ignore[arg-type]
        for index in range(listed.total):
            summary = listed._row(index)
            if summary is not None and summary.reviews:
                listed.move_cursor(index)
                break
        await pilot.press("t")
        await _ready(pilot)

    assert snap_compare(app, terminal_size=(160, 48), run_before=reviewed)


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("slash", "filter"),
        ("y", "year"),
        ("r", "review-queue"),
        ("x", "export"),
        ("question_mark", "help"),
        ("p", "profile"),
    ],
)
def test_each_screen_over_the_sample_journal(  # type: ignore[no-untyped-def]
    snap_compare, sample_journal: Journal, monkeypatch: pytest.MonkeyPatch, key: str, name: str
) -> None:
    """Every screen a key opens, as it looks over the sample journal at 80×24."""
    monkeypatch.chdir("/")  # the export dialog proposes a file in the working folder
    app = LtvJournalApp(sample_journal.location, sample_journal)

    async def opened(pilot: Pilot[Any]) -> None:
        await _ready(pilot)
        await pilot.press(key)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=opened)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_main_screen_with_worth(  # type: ignore[no-untyped-def]
    snap_compare, sample_journal: Journal, size: tuple[int, int]
) -> None:
    """With a worth: the combined card, the combined column, settled verdicts, and the
    detail pane's combined value and cost per point-year."""
    from dataclasses import replace
    from decimal import Decimal

    from ltv_journal.core.worth import Worth

    worth = Worth(happiness=Decimal(1500), love=Decimal(2000), meaning=Decimal(1000))
    sample_journal.save_profile(replace(sample_journal.profile(), worth=worth))
    app = LtvJournalApp(sample_journal.location, sample_journal)

    async def second_row(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("down")  # the Christmas presents: a trade-off worth making
        await _ready(pilot)

    assert snap_compare(app, terminal_size=size, run_before=second_row)
