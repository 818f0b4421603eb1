"""The synthetic journals the benchmarks build: valid, varied, and the same every time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from benchmarks.synthetic import build_journal, synthetic_decisions, synthetic_profile

from ltv_journal.core.decision import Kind
from ltv_journal.store.journal import Journal


def test_same_seed_gives_the_same_journal_and_another_seed_a_different_one() -> None:
    assert synthetic_decisions(50, seed=7) == synthetic_decisions(50, seed=7)
    assert synthetic_decisions(50, seed=7) != synthetic_decisions(50, seed=8)


def test_decisions_are_valid_dated_in_range_and_varied() -> None:
    decisions = synthetic_decisions(400, seed=1, start=date(2010, 1, 1), years=2)
    assert all(d.problems() == [] for d in decisions)
    assert len({d.id for d in decisions}) == 400
    assert all(date(2010, 1, 1) <= d.date < date(2012, 1, 1) for d in decisions)
    assert [d.date for d in decisions] == sorted(d.date for d in decisions)
    assert {d.kind for d in decisions} == set(Kind)
    assert {len(d.effects) for d in decisions} == {0, 1, 2, 3, 4}
    assert all(5 <= d.amount <= 50_000 for d in decisions)
    assert len({d.category for d in decisions}) > 10


def test_build_journal_stores_every_decision_with_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.db"
    build_journal(path, 120, seed=4)
    with Journal(str(path)) as journal:
        assert journal.count() == 120
        assert journal.profile() == synthetic_profile()
        assert journal.score().decisions == 120
