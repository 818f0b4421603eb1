"""Where a decision sits in the list, for moving the cursor to it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ltv_journal.core.decision import Decision
from ltv_journal.store.journal import Journal
from ltv_journal.store.queries import DecisionFilter


def test_position_is_the_index_in_the_list(journal: Journal) -> None:
    for day, title in [(date(2026, 3, 1), "b"), (date(2025, 1, 1), "a"), (date(2026, 3, 1), "c")]:
        journal.add(Decision(title=title, date=day, amount=Decimal(1)))
    listed = journal.summaries(None, offset=0, limit=None)
    assert [journal.position(s.id) for s in listed] == [0, 1, 2]
    older = next(s for s in listed if s.title == "a")
    assert journal.position(older.id, DecisionFilter(year=2025)) == 0
    assert journal.position(older.id, DecisionFilter(year=2026)) is None
