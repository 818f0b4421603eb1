"""Schema versions, migration with a backup first, and the quick score read."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Connection

import raw_db
from ltv_journal.core.decision import Decision, Kind
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.store import migrations
from ltv_journal.store.convert import CLV_COLUMNS
from ltv_journal.store.errors import SchemaTooNew
from ltv_journal.store.journal import Journal
from ltv_journal.store.quick import quick_score, quick_score_at


def user_version(location: Path | str) -> int:
    """The schema version: SQLite's user_version, or journal_meta's on PostgreSQL."""
    with raw_db.connect(location) as conn:
        if isinstance(conn, sqlite3.Connection):
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        return int(conn.execute("SELECT version FROM journal_meta").fetchone()[0])


def set_user_version(location: Path | str, version: int) -> None:
    with raw_db.connect(location) as conn:
        if isinstance(conn, sqlite3.Connection):
            conn.execute(f"PRAGMA user_version={version}")
        else:
            conn.execute("UPDATE journal_meta SET version = ?", (version,))


def test_new_journal_gets_the_current_version(journal: Journal, journal_path: Path) -> None:
    assert user_version(journal_path) == migrations.SCHEMA_VERSION


@pytest.mark.sqlite_only
def test_migration_backs_up_then_upgrades(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.add(Decision(title="Bike", date=date(2025, 5, 1), amount=Decimal(900)))
    journal.close()
    ran: list[int] = []

    def add_mood(conn: Connection) -> None:
        ran.append(1)
        conn.exec_driver_sql("ALTER TABLE decision ADD COLUMN mood VARCHAR")

    current = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, current, add_mood)
    with Journal(str(journal_path)) as upgraded:
        assert upgraded.count() == 1
    assert ran == [1]
    assert user_version(journal_path) == current + 1
    backup = Path(f"{journal_path}.v{current}.bak")
    assert user_version(backup) == current
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT title FROM decision").fetchall() == [("Bike",)]
    assert backup.stat().st_mode & 0o777 == 0o600


def test_newer_schema_is_refused(journal_path: Path) -> None:
    Journal(str(journal_path)).close()
    set_user_version(journal_path, 99)
    with pytest.raises(SchemaTooNew, match="upgrade ltv-journal"):
        Journal(str(journal_path))


def test_quick_score_matches_the_journal(journal: Journal, journal_path: Path) -> None:
    journal.add(
        Decision(
            title="Build an online business",
            date=date(2025, 1, 1),
            kind=Kind.INVESTMENT,
            effects={Dimension.MONEY: Effect(per_year=Decimal(6000), delay_months=12)},
        )
    )
    found = quick_score_at(str(journal_path), date(2026, 11, 25))
    assert found is not None
    profile, score = found
    assert profile.name == "Max Muster"
    assert score == journal.score(date(2026, 11, 25))
    assert score.ltv[Dimension.MONEY] == Decimal("1695000.00")


def test_quick_score_gives_up_quietly(tmp_path: Path) -> None:
    assert quick_score(tmp_path / "missing.db", date(2026, 1, 1)) is None
    other = tmp_path / "other.db"
    sqlite3.connect(other).close()
    assert quick_score(other, date(2026, 1, 1)) is None


def test_something_else_is_refused_untouched(tmp_path: Path) -> None:
    from ltv_journal.store.errors import NotAJournal

    notes = tmp_path / "notes.txt"
    notes.write_text("not a journal\n")
    notes.chmod(0o644)
    with pytest.raises(NotAJournal, match="not a journal database"):
        Journal(str(notes))
    with pytest.raises(NotAJournal, match="folder"):
        Journal(str(tmp_path))
    assert notes.stat().st_mode & 0o777 == 0o644
    assert notes.read_text() == "not a journal\n"
    assert tmp_path.stat().st_mode & 0o777 != 0o600
    assert not (tmp_path / "notes.txt-wal").exists()


V1_REVIEW = """CREATE TABLE review (id VARCHAR(36) NOT NULL, decision_id VARCHAR(36),
 reviewed_on DATE NOT NULL, would_repeat VARCHAR, notes VARCHAR NOT NULL,
 hindsight VARCHAR NOT NULL, next_review_on DATE, created_at DATETIME NOT NULL,
 PRIMARY KEY (id), FOREIGN KEY(decision_id) REFERENCES decision (id) ON DELETE CASCADE)"""


@pytest.mark.sqlite_only
def test_version_1_journals_get_review_positions(journal: Journal, journal_path: Path) -> None:
    """A journal from schema 1 (no review positions) opens with its reviews in order."""
    from ltv_journal.core.decision import Review

    stored = journal.add(Decision(title="Course", date=date(2025, 1, 1)))
    for notes, day in (("first", 3), ("second", 5), ("third", 7)):
        journal.add_review(stored.id, Review(date=date(2025, 2, day), notes=notes))
    journal.close()
    with sqlite3.connect(journal_path) as conn:
        rows = conn.execute(
            "SELECT id, decision_id, reviewed_on, would_repeat, notes, hindsight,"
            " next_review_on, created_at FROM review ORDER BY position"
        ).fetchall()
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DROP TABLE review")
        conn.execute(V1_REVIEW)
        conn.executemany("INSERT INTO review VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        _drop_version_3_columns(conn)
        conn.execute("PRAGMA user_version=1")
    with Journal(str(journal_path)) as upgraded:
        notes = [r.notes for r in upgraded.get(stored.id).reviews]
    assert notes == ["first", "second", "third"]
    assert user_version(journal_path) == migrations.SCHEMA_VERSION
    assert Path(f"{journal_path}.v1.bak").exists()


def _drop_version_4_columns(conn: sqlite3.Connection) -> None:
    _drop_version_5_tables(conn)
    for column in CLV_COLUMNS:
        conn.execute(f"ALTER TABLE effect DROP COLUMN {column}")


def _drop_version_3_columns(conn: sqlite3.Connection) -> None:
    _drop_version_4_columns(conn)
    for column in ("valued_at", "worth_happiness", "worth_love", "worth_meaning"):
        conn.execute(f"ALTER TABLE profile DROP COLUMN {column}")
    for column in ("low", "high"):
        conn.execute(f"ALTER TABLE effect DROP COLUMN {column}")


def _drop_version_5_tables(conn: sqlite3.Connection) -> None:
    for table in ("option_effect", "decision_option"):
        conn.execute(f"DROP TABLE {table}")


@pytest.mark.sqlite_only
def test_version_4_journals_get_options(journal: Journal, journal_path: Path) -> None:
    """A journal from schema 4 opens with its decisions as they were and no options,
    and a decision logged after the upgrade keeps its options."""
    from ltv_journal.core.decision import Option

    journal.add(Decision(title="Course", date=date(2025, 1, 1), amount=Decimal(1200)))
    [before] = journal.iter_decisions()
    journal.close()
    with sqlite3.connect(journal_path) as conn:
        _drop_version_5_tables(conn)
        conn.execute("PRAGMA user_version=4")
    with Journal(str(journal_path)) as upgraded:
        assert upgraded.get(before.id) == before
        assert before.options == ()
        kept = (Option("Watch", amount=Decimal(900)), Option("Keep the money"))
        after = upgraded.add(Decision(title="Bike", date=date(2025, 2, 1), options=kept))
        assert upgraded.get(after.id).options == kept
    assert user_version(journal_path) == migrations.SCHEMA_VERSION
    assert Path(f"{journal_path}.v4.bak").exists()


@pytest.mark.sqlite_only
def test_version_2_journals_get_a_fixed_valuation_date_and_no_worth(
    journal: Journal, journal_path: Path
) -> None:
    """A journal from schema 2 opens with its figures unchanged at a rate of 0, a
    valuation date of January 1 of this year, no worth, and no ranges on effects."""
    from ltv_journal.core import clock
    from ltv_journal.core.profile import Profile

    journal.save_profile(Profile(birth_date=date(1979, 1, 1), annual_income=Decimal(35000)))
    journal.add(
        Decision(
            title="Online business",
            date=date(2025, 1, 1),
            kind=Kind.INVESTMENT,
            effects={Dimension.MONEY: Effect(per_year=Decimal(6000), delay_months=12)},
        )
    )
    journal.close()
    with sqlite3.connect(journal_path) as conn:
        _drop_version_3_columns(conn)
        conn.execute("PRAGMA user_version=2")
    assert quick_score(journal_path, date(2026, 1, 1)) is None  # left to the Journal
    with clock.fixed_today(date(2026, 11, 29)), Journal(str(journal_path)) as upgraded:
        profile = upgraded.profile()
        assert profile.valued_at == date(2026, 1, 1)
        assert not profile.worth
        assert upgraded.score().ltv[Dimension.MONEY] == Decimal("1695000.00")
        [decision] = upgraded.iter_decisions()
        money = decision.effects[Dimension.MONEY]
        assert (money.low, money.high) == (None, None)  # effects get no range
    assert user_version(journal_path) == migrations.SCHEMA_VERSION
    assert Path(f"{journal_path}.v2.bak").exists()


@pytest.mark.sqlite_only
def test_the_quick_reader_knows_the_schema_version_and_leaves_a_newer_one(
    tmp_path: Path,
) -> None:
    from ltv_journal.store import quick

    path = tmp_path / "journal.db"
    Journal(str(path)).close()
    assert quick.quick_score(path, date(2026, 1, 1)) is not None
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=999")
    assert quick.quick_score(path, date(2026, 1, 1)) is None


@pytest.mark.sqlite_only
def test_a_failed_migration_leaves_the_journal_and_no_stray_files(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.add(Decision(title="Bike", date=date(2025, 5, 1), amount=Decimal(900)))
    journal.close()
    current = migrations.SCHEMA_VERSION

    def broken(conn: Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE decision ADD COLUMN mood VARCHAR")
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, current, broken)
    made: list[int] = []
    real_open = os.open

    def watching_open(path: object, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".bak"):
            made.append(mode)
        return real_open(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(migrations.os, "open", watching_open)
    with pytest.raises(RuntimeError, match="disk is full"):
        Journal(str(journal_path))
    assert made == [0o600]  # private from its first byte
    assert sorted(p.name for p in journal_path.parent.iterdir() if ".bak" in p.name) == []
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current)
    assert user_version(journal_path) == current
    with Journal(str(journal_path)) as again:
        assert [d.title for d in again.iter_decisions()] == ["Bike"]


@pytest.mark.sqlite_only
def test_version_3_journals_get_customer_value_columns_and_keep_their_values(
    journal: Journal, journal_path: Path
) -> None:
    """A journal from schema 3 (no customer-value inputs) opens with the same score, its
    effects typed, and then keeps a customer-value effect it is given."""
    from ltv_journal.core.clv import CustomerValue
    from ltv_journal.core.profile import Profile

    journal.save_profile(Profile(birth_date=date(1979, 1, 1), annual_income=Decimal(35000)))
    journal.add(
        Decision(
            title="Online business",
            date=date(2025, 1, 1),
            effects={Dimension.MONEY: Effect(per_year=Decimal(6000), delay_months=12)},
        )
    )
    before = journal.score().ltv
    journal.close()
    with sqlite3.connect(journal_path) as conn:
        _drop_version_4_columns(conn)
        conn.execute("PRAGMA user_version=3")
    with Journal(str(journal_path)) as upgraded:
        assert upgraded.score().ltv == before
        [decision] = upgraded.iter_decisions()
        assert decision.effects[Dimension.MONEY].clv is None
        clv = CustomerValue(
            Decimal(4), Decimal(120), Decimal(3), Decimal("0.4"), stay_years=Decimal(3)
        )
        shop = upgraded.add(
            Decision(
                title="Shop",
                date=date(2025, 1, 1),
                effects={
                    Dimension.MONEY: Effect(per_year=Decimal("20736.00"), years=Decimal(5), clv=clv)
                },
            )
        )
        assert upgraded.get(shop.id).effects[Dimension.MONEY].clv == clv
    assert user_version(journal_path) == migrations.SCHEMA_VERSION
    assert Path(f"{journal_path}.v3.bak").exists()


def test_a_server_journal_migrates_under_the_write_lock(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    """On either backend a newer ltv-journal runs the missing migrations once, in one
    transaction, and records the new version; the journal keeps its decisions."""
    journal.add(Decision(title="Bike", date=date(2025, 5, 1), amount=Decimal(900)))
    journal.close()
    ran: list[int] = []

    def add_mood(conn: Connection) -> None:
        ran.append(1)
        conn.exec_driver_sql("ALTER TABLE decision ADD COLUMN mood VARCHAR")

    current = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, current, add_mood)
    with Journal(str(journal_path)) as upgraded:
        assert upgraded.count() == 1
    with Journal(str(journal_path)) as again:  # already done: not run twice
        assert again.count() == 1
    assert ran == [1]
    assert user_version(journal_path) == current + 1
