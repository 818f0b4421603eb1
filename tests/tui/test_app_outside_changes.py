"""Another program writes to the journal while the TUI shows it: the TUI follows."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from textual.pilot import Pilot

from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.score import decision_values
from ltv_journal.store.journal import Journal

from .app_support import RecordingApp, card_text, decision_list, settle
from .screen_host import pilot_test

pytestmark = pytest.mark.both_backends  # another machine writing, on a server journal too

SIZE = (160, 48)
WITHIN = 1.5
"""Seconds: a change shows within a second (the look is every half second), with room
for a busy machine."""


async def shown_within(pilot: Pilot[Any], seconds: float, check: Any) -> bool:
    """Whether `check()` holds within `seconds`, no key pressed meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        await pilot.pause(0.05)
    return bool(check())


@pilot_test
async def test_a_decision_added_elsewhere_shows_without_a_key(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert decision_list(app).total == 0
        with Journal(journal.location) as elsewhere:  # a second window, a shell
            elsewhere.add(
                Decision(title="Bought in a shell", date=date(2026, 11, 1), amount=Decimal(100))
            )
        assert await shown_within(pilot, WITHIN, lambda: decision_list(app).total == 1)
        assert await shown_within(
            pilot, WITHIN, lambda: "1,574,900.00 EUR" in card_text(app, "money")
        )


@pilot_test
async def test_a_profile_changed_elsewhere_is_the_one_the_tui_scores_with(
    journal: Journal,
) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        with Journal(journal.location) as elsewhere:
            elsewhere.save_profile(replace(elsewhere.profile(), annual_income=Decimal(40000)))
        # baseline 40,000 × 45 years
        assert await shown_within(
            pilot, WITHIN, lambda: "1,800,000.00 EUR" in card_text(app, "money")
        )
        rate = Decimal("0.05")
        with Journal(journal.location) as elsewhere:
            elsewhere.save_profile(replace(elsewhere.profile(), discount_rate=rate))
        assert await shown_within(
            pilot,
            WITHIN,
            lambda: (
                app.main.overview is not None and app.main.overview.profile.discount_rate == rate
            ),
        )
        # a course: 1,000 a year for 10 years (Tab six times to the money row)
        await pilot.press("a", *"Course", *["tab"] * 6, *"1000", "tab", "tab", *"10", "enter")
        await settle(pilot)
        with Journal(journal.location) as fresh:
            profile = fresh.profile()
            [row] = fresh.summaries(None, offset=0, limit=1)
            expected = decision_values(fresh.get(row.id), profile)[Dimension.MONEY]
        assert profile.discount_rate == Decimal("0.05")
        assert row.values[Dimension.MONEY] == expected.quantize(Decimal("0.01"))
        assert row.values[Dimension.MONEY] < Decimal(10000)  # discounted


@pilot_test
async def test_the_app_opens_the_journal_at_its_location_by_itself(journal: Journal) -> None:
    """The first score comes from the quick read (sqlite3 or psycopg alone), then the
    Journal opens in a worker; on a file and on a server alike."""
    from ltv_journal.store.quick import quick_score_at

    journal.add(Decision(title="Lamp", date=date(2026, 1, 1), amount=Decimal(30)))
    assert quick_score_at(journal.location, date(2026, 11, 25)) is not None
    from textual.css.query import NoMatches

    def listed() -> bool:
        try:
            return decision_list(app).total == 1
        except NoMatches:  # not mounted yet
            return False

    app = RecordingApp(journal.location, None)
    async with app.run_test(size=SIZE) as pilot:
        assert await shown_within(pilot, 10, lambda: "1,574,970.00 EUR" in card_text(app, "money"))
        assert await shown_within(pilot, 10, listed)
