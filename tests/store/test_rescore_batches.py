"""A profile change rescores in batches, each its own short transaction: other writers
get in between, a decision added meanwhile is scored under the new profile, and a
rescore cut off half-way is finished by the next Journal to open the file."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

import raw_db
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.store import base, rescore
from ltv_journal.store.journal import Journal
from ltv_journal.store.scoring import EffectValues

DECISIONS = 1500


def _decision(i: int) -> Decision:
    return Decision(
        title=f"decision {i}",
        date=date(2010 + i % 15, 1 + i % 12, 1 + i % 28),
        amount=Decimal(10 + i % 90),
        effects={
            Dimension.MONEY: Effect(per_year=Decimal(100 + i % 50), delay_months=i % 13),
            Dimension.LOVE: Effect(per_year=Decimal(1), half_life_years=Decimal(2)),
        },
    )


@pytest.fixture
def big(journal: Journal) -> Journal:
    journal.import_decisions([_decision(i) for i in range(DECISIONS)])
    return journal


def _later(journal: Journal, **changes: object) -> None:
    journal.save_profile(replace(journal.profile(), **changes))  # type: ignore[arg-type]


def assert_rebuilt(location: str) -> None:
    """Every stored value and the month buckets equal a rebuild under the profile."""
    with Journal(location) as journal:
        values = EffectValues(journal.profile())
        stored = {s.id: s.values for s in journal.summaries(limit=None)}
        stale = [d.title for d in journal.iter_decisions() if values.decision(d) != stored[d.id]]
        assert stale == []
        path = journal.location
    with raw_db.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM rescore").fetchone()[0] == 0
        sums = conn.execute(
            "SELECT COUNT(*), SUM(v_money), SUM(v_happiness), SUM(v_love), SUM(v_meaning)"
            " FROM decision WHERE deleted_at IS NULL"
        ).fetchone()
        buckets = conn.execute(
            "SELECT SUM(decisions), SUM(money), SUM(happiness), SUM(love), SUM(meaning)"
            " FROM score_bucket"
        ).fetchone()
    assert buckets == sums


def test_a_profile_change_rescores_in_many_short_transactions(
    big: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps: list[bool] = []
    step = rescore.rescore_step
    monkeypatch.setattr(base, "rescore_step", lambda conn: steps.append(True) or step(conn, 100))
    _later(big, retirement_age=60, discount_rate=Decimal("0.02"))
    assert len(steps) == DECISIONS // 100 + 1  # the last one finds nothing left
    assert_rebuilt(big.location)


def test_adds_during_a_rescore_get_in_and_leave_totals_equal_to_a_rebuild(
    big: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program adding while the profile change rescores: every add succeeds
    between two batches (none waits for the whole rescore), and the totals end equal
    to a rebuild."""
    import time

    step = rescore.rescore_step
    events: list[str] = []  # "batch" and "add", in the order they were committed

    def batch(conn: object) -> bool:
        events.append("batch")
        return step(conn, 50)

    monkeypatch.setattr(base, "rescore_step", batch)
    started = threading.Event()
    stop = threading.Event()
    added: list[tuple[bool, float]] = []

    def adder() -> None:  # another program: its own Journal and connection
        with Journal(big.location) as other:
            started.set()
            while not stop.is_set() and len(added) < 200:
                with other._read() as conn:
                    pending = rescore.rescore_pending(conn)
                begin = time.perf_counter()
                other.add(_decision(DECISIONS + len(added)))
                added.append((pending, time.perf_counter() - begin))
                events.append("add")

    thread = threading.Thread(target=adder)
    thread.start()
    started.wait(10)
    began = time.perf_counter()
    _later(big, retirement_age=61, discount_rate=Decimal("0.01"))
    rescore_took = time.perf_counter() - began
    stop.set()
    thread.join(30)
    first, last = events.index("batch"), len(events) - 1 - events[::-1].index("batch")
    between = events[first:last].count("add")
    assert between >= 1, events  # adds got in between two batches of the rescore
    during = [wait for pending, wait in added if pending]
    # Each waited for a batch or two, never for the whole rescore (on a busy machine
    # fewer adds get in, but none of them waits that long).
    assert max(during) < rescore_took / 2, (during, rescore_took)
    assert big.count() == DECISIONS + len(added)
    assert_rebuilt(big.location)


def test_a_rescore_cut_off_half_way_is_finished_when_the_journal_opens(
    big: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    step = rescore.rescore_step
    calls: list[int] = []

    def crash_after_three(conn: object) -> bool:
        calls.append(1)
        if len(calls) > 3:
            raise KeyboardInterrupt  # the program is killed between two batches
        return step(conn, 100)  # type: ignore[arg-type]

    monkeypatch.setattr(base, "rescore_step", crash_after_three)
    with pytest.raises(KeyboardInterrupt):
        _later(big, life_expectancy=90, discount_rate=Decimal("0.03"))
    # Half done: the profile is in force, the marker says so, and an add meanwhile
    # is scored under the new profile.
    late = big.add(_decision(DECISIONS))
    [stored] = [s.values for s in big.summaries(limit=None) if s.id == late.id]
    assert stored == EffectValues(big.profile()).decision(late)
    with raw_db.connect(big.location) as conn:
        assert conn.execute("SELECT COUNT(*) FROM rescore").fetchone()[0] == 1
    monkeypatch.setattr(base, "rescore_step", step)
    big.close()
    with Journal(big.location), raw_db.connect(big.location) as conn:
        # a fresh marker: its program may still be running
        assert conn.execute("SELECT COUNT(*) FROM rescore").fetchone()[0] == 1
    with raw_db.connect(big.location) as conn:  # ... until it has not moved for a while
        conn.execute("UPDATE rescore SET touched_at = '2000-01-01 00:00:00.000000'")
    with Journal(big.location) as opened:
        assert opened.profile().life_expectancy == 90
    assert_rebuilt(big.location)


def test_a_profile_without_a_birth_date_is_refused_before_any_batch(big: Journal) -> None:
    from ltv_journal.store.errors import Invalid

    before = big.score().ltv
    with pytest.raises(Invalid, match="birth_date"):
        _later(big, birth_date=None)
    assert big.profile().birth_date is not None
    assert big.score().ltv == before


def test_the_quick_score_leaves_a_half_done_rescore_to_the_journal(big: Journal) -> None:
    from ltv_journal.store.quick import quick_score_at

    assert quick_score_at(big.location, date(2026, 1, 1)) is not None
    with raw_db.connect(big.location) as conn:
        conn.execute("INSERT INTO rescore VALUES (1, '', '2000-01-01 00:00:00.000000')")
    assert quick_score_at(big.location, date(2026, 1, 1)) is None
