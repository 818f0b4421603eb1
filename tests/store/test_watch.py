"""Noticing writes by another connection to the journal file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ltv_journal.core.decision import Decision
from ltv_journal.store.journal import Journal
from ltv_journal.store.watch import ChangeWatch


def test_a_write_elsewhere_is_noticed_once(journal: Journal) -> None:
    watch = ChangeWatch(journal.location)
    assert not watch.changed()
    with Journal(journal.location) as elsewhere:
        elsewhere.add(Decision(title="Lamp", date=date(2026, 1, 1), amount=Decimal(30)))
    assert watch.changed()
    assert not watch.changed()
    journal.undo()
    watch.settle()  # seen: the caller reads everything again now
    assert not watch.changed()
    watch.close()


def test_no_file_means_nothing_to_notice(tmp_path) -> None:  # type: ignore[no-untyped-def]
    watch = ChangeWatch(str(tmp_path / "absent.db"))
    assert not watch.changed()
    watch.close()
