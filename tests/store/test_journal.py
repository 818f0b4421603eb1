"""The Journal over a real SQLite file: writes, score upkeep, undo, reviews."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import raw_db
from ltv_journal.core.decision import Decision, Kind, Observation, Review, WouldRepeat
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile
from ltv_journal.store.errors import Ambiguous, Busy, Invalid, NotFound
from ltv_journal.store.journal import Journal
from ltv_journal.store.queries import DecisionFilter

M, H = Dimension.MONEY, Dimension.HAPPINESS
BUSINESS = Decision(
    title="Build an online business",
    date=date(2025, 1, 1),
    kind=Kind.INVESTMENT,
    category="education",
    tags=("online-business",),
    effects={M: Effect(per_year=Decimal(6000), delay_months=12)},
)


def money(journal: Journal) -> Decimal:
    return journal.score().ltv[M]


def test_seed_example_through_the_store(journal: Journal) -> None:
    journal.add(BUSINESS)
    score = journal.score()
    assert score.baseline[M] == Decimal("1575000.00")
    assert score.ltv[M] == Decimal("1695000.00")
    assert score.decisions == 1


def test_decision_round_trips_exactly(journal: Journal) -> None:
    stored = journal.add(
        replace(
            BUSINESS,
            amount=Decimal("1234.56"),
            notes="line one\nline two",
            expectation="500 a month",
            feeling="excited",
            effects={
                **BUSINESS.effects,
                H: Effect(
                    per_year=Decimal("1.5"),
                    years=Decimal(5),
                    half_life_years=Decimal(2),
                    confidence=Decimal("0.7"),
                ),
            },
        )
    )
    loaded = journal.get(stored.id)
    assert loaded == replace(stored, review_on=date(2025, 4, 1))


def test_score_follows_every_write(journal: Journal) -> None:
    base = money(journal)
    first = journal.add(BUSINESS)
    assert money(journal) == base + 120000
    journal.update(replace(first, amount=Decimal(500)))
    assert money(journal) == base + 119500
    journal.delete(first.id)
    assert money(journal) == base
    assert journal.count() == 0


def test_undo_walks_back_each_action(journal: Journal) -> None:
    base = money(journal)
    first = journal.add(BUSINESS)
    journal.update(replace(first, title="Online shop", amount=Decimal(1000)))
    journal.delete(first.id)
    assert journal.undo() == "Undid the deletion of 'Online shop'"
    assert money(journal) == base + 119000
    assert journal.undo() == "Undid the edit of 'Online shop'"
    assert journal.get(first.id).title == "Build an online business"
    assert money(journal) == base + 120000
    assert journal.undo() == "Undid the adding of 'Build an online business'"
    assert money(journal) == base and journal.count() == 0
    assert journal.undo() is None


def test_invalid_decision_writes_nothing(journal: Journal, journal_path: Path) -> None:
    journal.add(BUSINESS)
    before = journal.score()
    with pytest.raises(Invalid, match="title is required"):
        journal.add(replace(BUSINESS, title=""))
    with pytest.raises(Invalid, match="amount must be zero or more"):
        journal.add(replace(BUSINESS, amount=Decimal(-1)))
    assert journal.score() == before
    assert journal.count() == 1


def test_until_effect_needs_birth_date(tmp_path: Path) -> None:
    with Journal(str(tmp_path / "j.db")) as journal:
        with pytest.raises(Invalid, match="birth date"):
            journal.add(BUSINESS)
        assert journal.count() == 0


def test_profile_change_rescores_everything(journal: Journal, max_muster: Profile) -> None:
    journal.add(BUSINESS)
    journal.save_profile(replace(max_muster, retirement_age=70))
    # 3 more working years at 35,000, and 3 more years of the business at 6,000.
    assert money(journal) == Decimal("1695000") + 3 * 35000 + 3 * 6000
    assert journal.summaries()[0].values[M] == Decimal(138000)
    assert journal.undo() == "Undid the profile change"
    assert money(journal) == Decimal("1695000.00")


def test_running_score_counts_decisions_up_to_a_day(journal: Journal) -> None:
    journal.add(BUSINESS)
    journal.add(
        replace(BUSINESS, title="Late", date=date(2025, 1, 20), amount=Decimal(100), effects={})
    )
    assert journal.running_score(date(2024, 12, 31)).ltv[M] == Decimal("1575000.00")
    assert journal.running_score(date(2025, 1, 10)).ltv[M] == Decimal("1695000.00")
    assert journal.running_score(date(2025, 1, 31)).ltv[M] == Decimal("1694900.00")
    assert journal.running_series() == [
        (202501, {M: Decimal("119900.00"), H: 0, Dimension.LOVE: 0, Dimension.MEANING: 0})
    ]
    assert journal.years() == [2025]


def test_list_filters_and_pages(journal: Journal) -> None:
    for i in range(30):
        journal.add(
            replace(
                BUSINESS,
                title=f"Decision {i}",
                date=date(2024 + i % 3, 1 + i % 12, 1),
                kind=Kind.EXPENSE if i % 2 else Kind.INVESTMENT,
                tags=("even",) if i % 2 == 0 else (),
            )
        )
    assert journal.count() == 30
    page = journal.summaries(offset=0, limit=10)
    assert [s.date for s in page] == sorted((s.date for s in page), reverse=True)
    assert len(journal.summaries(offset=25, limit=10)) == 5
    assert journal.count(DecisionFilter(tag="even")) == 15
    assert journal.count(DecisionFilter(kind=Kind.EXPENSE)) == 15
    assert journal.count(DecisionFilter(year=2025)) == 10
    assert journal.count(DecisionFilter(text="decision 1")) == 11
    assert journal.count(DecisionFilter(text="100%")) == 0
    assert journal.count(DecisionFilter(start=date(2026, 1, 1), end=date(2026, 12, 31))) == 10


def test_id_prefixes(journal: Journal) -> None:
    stored = journal.add(BUSINESS)
    assert journal.get(stored.id[:6]).id == stored.id
    with pytest.raises(NotFound):
        journal.get("ffff0000")
    with pytest.raises(NotFound, match="at least 4"):
        journal.get("ab")
    a = journal.add(replace(BUSINESS, id="abcd0000-0000-4000-8000-000000000001"))
    journal.add(replace(BUSINESS, id="abcd0000-0000-4000-8000-000000000002"))
    with pytest.raises(Ambiguous):
        journal.get("abcd")
    assert journal.get(a.id).id == a.id


def test_reviews_queue_and_calibration(journal: Journal) -> None:
    stored = journal.add(BUSINESS)  # review due 2025-04-01, before today (2026-11-25)
    assert [s.id for s in journal.review_queue()] == [stored.id]
    assert journal.review_due_count() == 1
    review = Review(
        date=date(2026, 1, 15),
        actual={M: Observation(Decimal(4800), True)},
        would_repeat=WouldRepeat.YES,
        notes="First customers after 11 months.",
        next_review_on=date(2027, 1, 15),
    )
    after = journal.add_review(stored.id, review)
    assert after.effects == stored.effects  # reviews never change expectations
    assert journal.review_due_count() == 0
    assert journal.get(stored.id).reviews[0].notes == "First customers after 11 months."
    (sample,) = journal.calibration_samples()
    assert (sample.expected, sample.actual) == (Decimal(6000), Decimal(4800))
    assert journal.reviews_between(date(2026, 1, 1), date(2026, 12, 31)) == 1
    assert journal.summaries()[0].review_state(date(2026, 11, 25)) == "reviewed"
    journal.undo()
    assert journal.get(stored.id).reviews == ()
    assert journal.review_due_count() == 1


def test_review_dates_are_checked(journal: Journal) -> None:
    stored = journal.add(BUSINESS)
    with pytest.raises(Invalid, match="before the decision"):
        journal.add_review(stored.id, Review(date=date(2024, 1, 1)))
    with pytest.raises(Invalid, match="after the review date"):
        journal.add_review(
            stored.id, Review(date=date(2026, 1, 1), next_review_on=date(2025, 1, 1))
        )
    assert journal.get(stored.id).reviews == ()


def test_bulk_import_is_idempotent_and_all_or_nothing(journal: Journal) -> None:
    items = [
        replace(BUSINESS, id=f"00000000-0000-4000-8000-{i:012d}", title=f"D{i}") for i in range(50)
    ]
    result = journal.import_decisions(items)
    assert (result.added, result.updated) == (50, 0)
    score = journal.score()
    again = journal.import_decisions(items)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 50)
    assert journal.count() == 50 and journal.score() == score
    broken = [*items[:10], replace(BUSINESS, title="")]
    with pytest.raises(Invalid, match="decision 11"):
        journal.import_decisions(broken)
    assert journal.count() == 50 and journal.score() == score


@pytest.mark.sqlite_only
def test_files_are_private_and_wal(journal: Journal, journal_path: Path) -> None:
    journal.add(BUSINESS)
    assert journal_path.parent.stat().st_mode & 0o777 == 0o700
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{journal_path}{suffix}")
        if path.exists():
            assert path.stat().st_mode & 0o777 == 0o600, suffix
    with sqlite3.connect(journal_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_busy_journal_fails_cleanly(
    journal_path: Path, max_muster: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writes take the lock at BEGIN; a second writer waits the busy timeout, then gets a
    clear error, and nothing is half-written."""
    import ltv_journal.store.engine as engine

    assert engine.BUSY_TIMEOUT_MS >= 5000
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    with Journal(str(journal_path)) as journal:
        journal.save_profile(max_muster)
        other = raw_db.hold_write_lock(journal_path)
        try:
            with pytest.raises(Busy, match="another program is writing"):
                journal.add(BUSINESS)
        finally:
            other.rollback()
            other.close()
        assert journal.count() == 0
        journal.add(BUSINESS)
        assert journal.count() == 1


def test_reviews_keep_their_order_and_rules_on_import(journal: Journal) -> None:
    day = date(2025, 6, 1)
    reviews = tuple(Review(date=day, notes=f"look {i}") for i in range(5))
    item = replace(BUSINESS, id="00000000-0000-4000-8000-00000000abcd", reviews=reviews)
    journal.import_decisions([item])
    assert [r.notes for r in journal.get(item.id).reviews] == [f"look {i}" for i in range(5)]
    early = replace(item, reviews=(Review(date=date(2024, 1, 1)),))
    with pytest.raises(Invalid) as caught:
        journal.import_decisions([BUSINESS, early])
    assert caught.value.position == 2
    assert caught.value.problems == [("reviews.0.date", "must not be before the decision's date")]
    assert len(journal.get(item.id).reviews) == 5


def test_a_review_cannot_go_before_the_latest(journal: Journal) -> None:
    stored = journal.add(BUSINESS)
    journal.add_review(stored.id, Review(date=date(2026, 3, 1)))
    with pytest.raises(Invalid, match="latest review"):
        journal.add_review(stored.id, Review(date=date(2026, 2, 1)))


def test_an_import_is_one_undo_step_after_the_others(journal: Journal, max_muster: Profile) -> None:
    journal.save_profile(replace(max_muster, annual_income=Decimal(40000)))
    journal.import_decisions([BUSINESS], source="backup.toml")
    assert journal.count() == 1
    assert journal.undo() == "Undid the import of backup.toml (1 added, 0 changed)"
    assert journal.count() == 0
    assert journal.profile().annual_income == 40000
    assert journal.undo() == "Undid the profile change"
    assert journal.profile().annual_income == 35000


def test_a_missing_database_driver_is_a_clear_error() -> None:
    from ltv_journal.store.errors import NotAJournal

    with pytest.raises(NotAJournal, match="driver is not installed") as caught:
        Journal("mysql://someone:secret@localhost/journal")
    assert "secret" not in str(caught.value)


def test_an_unreachable_server_is_a_clear_error_without_the_password() -> None:
    from ltv_journal.store.errors import NotAJournal

    with pytest.raises(NotAJournal, match=r"[Cc]onnection refused") as caught:
        Journal("postgresql://someone:secret@127.0.0.1:1/journal")
    assert "secret" not in str(caught.value)
    assert str(caught.value).startswith(
        "cannot open the journal at postgresql://someone:***@127.0.0.1:1/journal: "
    )


def test_an_import_in_another_currency_is_refused(journal: Journal, max_muster: Profile) -> None:
    dollars = replace(max_muster, currency="USD")
    with pytest.raises(Invalid, match="counts in EUR"):
        journal.import_decisions([BUSINESS], dollars)
    assert journal.count() == 0
    journal.import_decisions([BUSINESS], dollars, replace_profile=True)
    assert journal.profile().currency == "USD"


def test_stored_values_are_the_core_formula(journal: Journal, max_muster: Profile) -> None:
    """The store keeps integer hundredths; they must equal core's decision_values."""
    from ltv_journal.core.score import decision_values
    from ltv_journal.exchange.reader import import_file
    from ltv_journal.exchange.sample import sample_path

    import_file(journal, sample_path("journal"), replace_profile=True)
    profile = journal.profile()
    summaries = {s.id: s for s in journal.summaries(limit=None)}
    for decision in journal.iter_decisions():
        assert summaries[decision.id].values == decision_values(decision, profile)


def test_an_edit_is_checked_with_the_reviews_it_keeps(journal: Journal) -> None:
    stored = journal.add(BUSINESS)
    journal.add_review(stored.id, Review(date=date(2025, 6, 1), notes="half a year in"))
    with pytest.raises(Invalid, match=r"reviews\.0\.date"):
        journal.update(replace(stored, date=date(2025, 9, 1)))
    assert journal.get(stored.id).date == date(2025, 1, 1)


@pytest.mark.sqlite_only
def test_prefixes_use_the_index(journal: Journal) -> None:
    stored = journal.add(BUSINESS)
    with journal._read() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM decision WHERE id >= ? AND id < ?",
                (stored.id[:6], stored.id[:5] + chr(ord(stored.id[5]) + 1)),
            )
        )
    assert "INDEX" in plan.upper()
    assert journal.get(stored.id[:6]).id == stored.id
    assert journal.get(stored.id).id == stored.id


@pytest.mark.sqlite_only
def test_a_reported_write_is_on_disk_before_it_is_reported(journal: Journal) -> None:
    """synchronous=FULL: in WAL mode every commit is synced, so a power loss cannot take
    back a write the journal has reported (NORMAL could lose the last ones)."""
    with journal._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
