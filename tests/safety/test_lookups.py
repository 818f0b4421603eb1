"""Lookups by id use the primary key at any size, and a backup restores in the same
order (date, then creation, then id), byte for byte."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event

from ltv_journal.core.decision import Decision, Review
from ltv_journal.exchange.reader import import_text
from ltv_journal.exchange.writer import export_all
from ltv_journal.store.journal import Journal


def plans_while(journal: Journal, action: Any) -> list[tuple[str, str]]:
    """(statement, query plan) of every statement on the decision table that `action`
    runs, planned by SQLite itself with EXPLAIN QUERY PLAN."""
    seen: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "FROM decision" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(journal._engine, "before_cursor_execute", remember)
    try:
        action()
    finally:
        event.remove(journal._engine, "before_cursor_execute", remember)
    conn = sqlite3.connect(journal.location)
    try:
        return [
            (sql, " / ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)))
            for sql, params in seen
        ]
    finally:
        conn.close()


def test_lookups_by_id_use_the_primary_key(journal: Journal) -> None:
    items = [
        Decision(
            title=f"D{i}", date=date(2025, 1 + i % 12, 1), id=f"{i:08x}-0000-4000-8000-000000000000"
        )
        for i in range(300)
    ]
    journal.import_decisions(items)
    journal.delete(items[7].id)
    target = items[150].id
    actions = [
        lambda: journal.get(target),
        lambda: journal.get(target[:8]),
        lambda: journal.get(items[7].id, include_deleted=True),
        lambda: journal.update(replace(journal.get(target), amount=Decimal(5))),
        lambda: journal.add_review(target, Review(date=date(2025, 12, 1))),
        lambda: journal.delete(target),
    ]
    planned = [plan for action in actions for plan in plans_while(journal, action)]
    assert planned  # the lookups were seen
    for statement, plan in planned:
        if "WHERE decision.id" not in statement:
            continue
        assert "sqlite_autoindex_decision_1" in plan or "PRIMARY KEY" in plan, (statement, plan)
        assert "ix_decision_live_order" not in plan, (statement, plan)


def test_same_day_decisions_restore_in_their_order(journal: Journal, tmp_path: Path) -> None:
    for number in range(60):  # added one by one, as a person does, many on one day
        journal.add(Decision(title=f"same day {number}", date=date(2025, 5, 1)))
    with sqlite3.connect(journal.location) as conn:  # and some from before timestamps had
        conn.execute(  # fractions of a second: ties broken by id
            "UPDATE decision SET created_at = '2025-05-01 10:00:00.000000' WHERE title LIKE '%1'"
        )
    first = export_all(journal)
    with Journal(str(tmp_path / "restored.db")) as restored:
        import_text(restored, first)
        assert export_all(restored) == first
        titles = [d.title for d in restored.iter_decisions()]
    assert titles == [d.title for d in journal.iter_decisions()]
