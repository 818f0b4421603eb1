"""Options not taken, kept with their decision in a real SQLite journal: add, edit,
undo, delete, import, and what the list reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import raw_db
from ltv_journal.core.decision import Decision, Kind, Option
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.store.errors import Invalid
from ltv_journal.store.journal import Journal

H, M, MEANING = Dimension.HAPPINESS, Dimension.MONEY, Dimension.MEANING
WATCH = Option(
    "Watch",
    amount=Decimal("899.99"),
    effects={
        H: Effect(
            per_year=Decimal("0.5"),
            half_life_years=Decimal(1),
            low=Decimal("0.25"),
            high=Decimal(1),
        )
    },
)
KEEP = Option(
    "Keep the money",
    kind=Kind.INVESTMENT,
    effects={M: Effect(per_year=Decimal(60), years=Decimal(10), confidence=Decimal("0.9"))},
)
COURSE = Decision(
    title="Course",
    date=date(2026, 1, 10),
    kind=Kind.INVESTMENT,
    amount=Decimal(1200),
    effects={MEANING: Effect(per_year=Decimal(1), years=Decimal(5))},
    options=(WATCH, KEEP),
)


def rows(path: object, table: str) -> int:
    with raw_db.connect(path) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_options_come_back_as_they_were_added(journal: Journal, journal_path: Path) -> None:
    stored = journal.add(COURSE)
    journal.close()
    with Journal(str(journal_path)) as again:
        back = again.get(stored.id)
    assert back.options == (WATCH, KEEP)
    assert (rows(journal_path, "decision_option"), rows(journal_path, "option_effect")) == (2, 2)


def test_options_do_not_count_in_the_score(journal: Journal) -> None:
    before = journal.score().ltv
    journal.add(COURSE)
    alone = journal.score().ltv
    journal.undo()
    journal.add(replace(COURSE, options=()))
    assert journal.score().ltv == alone
    assert alone[H] == before[H]  # the watch's happiness is not the journal's


def test_an_edit_replaces_the_options_and_undo_brings_them_back(
    journal: Journal, journal_path: Path
) -> None:
    stored = journal.add(COURSE)
    journal.update(replace(stored, options=(KEEP,)))
    assert journal.get(stored.id).options == (KEEP,)
    assert rows(journal_path, "option_effect") == 1
    journal.undo()
    assert journal.get(stored.id).options == (WATCH, KEEP)


def test_a_bad_option_is_refused_and_nothing_is_written(
    journal: Journal, journal_path: Path
) -> None:
    bad = Option("Trip", effects={H: Effect(per_year=Decimal(2), low=Decimal(3), high=Decimal(4))})
    with pytest.raises(Invalid) as error:
        journal.add(replace(COURSE, options=(WATCH, bad)))
    assert error.value.problems[0][0] == "options.1.happiness.per_year"
    assert journal.count() == 0
    assert rows(journal_path, "decision_option") == 0


def test_an_option_whose_horizon_has_passed_is_refused(journal: Journal) -> None:
    late = Option("Late", effects={M: Effect(per_year=Decimal(100))})  # until retirement
    with pytest.raises(Invalid) as error:
        journal.add(replace(COURSE, date=date(2047, 1, 1), options=(late,)))
    assert error.value.problems[0][0] == "options.0.money.until"


def test_removing_a_decision_removes_its_options(journal: Journal, journal_path: Path) -> None:
    stored = journal.add(COURSE)
    journal.undo()  # an undone add is deleted softly: the options stay for a redo
    assert rows(journal_path, "decision_option") == 2
    with raw_db.connect(journal_path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DELETE FROM decision WHERE id = ?", (stored.id,))
    assert (rows(journal_path, "decision_option"), rows(journal_path, "option_effect")) == (0, 0)


def test_bulk_import_writes_options_and_a_changed_option_is_a_change(journal: Journal) -> None:
    first = journal.import_decisions([replace(COURSE, id="11111111-1111-4111-8111-111111111111")])
    assert first.added == 1
    [stored] = list(journal.iter_decisions())
    assert stored.options == (WATCH, KEEP)
    same = journal.import_decisions([stored])
    assert same.unchanged == 1
    changed = journal.import_decisions(
        [replace(stored, options=(KEEP,), updated_at=None)], overwrite_newer=True
    )
    assert changed.updated == 1
    assert journal.get(stored.id).options == (KEEP,)
    journal.undo()
    assert journal.get(stored.id).options == (WATCH, KEEP)


def test_the_list_reads_no_options(journal: Journal) -> None:
    journal.add(COURSE)
    [summary] = journal.summaries()
    assert summary.title == "Course"
    assert not hasattr(summary, "options")
