"""The profile's language: stored, migrated into a schema 6 journal, undone, read fast."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from ltv_journal.core import clock
from ltv_journal.core.profile import Profile
from ltv_journal.store import migrations
from ltv_journal.store.errors import Invalid
from ltv_journal.store.journal import Journal
from ltv_journal.store.quick import quick_score, quick_score_at


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def test_the_language_is_stored_and_read_back(journal: Journal, journal_path: Path) -> None:
    assert journal.profile().language is None
    journal.save_profile(replace(journal.profile(), language="de"))
    journal.close()
    with Journal(str(journal_path)) as again:
        assert again.profile().language == "de"
    found = quick_score_at(str(journal_path), clock.today())
    assert found is not None and found[0].language == "de"


def test_a_language_the_journal_does_not_speak_is_refused(journal: Journal) -> None:
    with pytest.raises(Invalid, match="language"):
        journal.save_profile(replace(journal.profile(), language="fr"))
    assert Profile(language="EN").problems() == [
        ("language", "must be de or en (or not set: the locale's)")
    ]


def test_setting_the_language_is_undone_like_any_profile_change(journal: Journal) -> None:
    journal.save_profile(replace(journal.profile(), language="en"))
    journal.save_profile(replace(journal.profile(), language="de"))
    journal.undo()
    assert journal.profile().language == "en"
    journal.undo()
    assert journal.profile().language is None


@pytest.mark.sqlite_only
def test_a_version_6_journal_gets_the_language_column(journal: Journal, journal_path: Path) -> None:
    """A journal from schema 6 (no language column) opens with its profile as it was and
    no language, and keeps one set after the upgrade."""
    before = journal.profile()
    journal.close()
    with sqlite3.connect(journal_path) as conn:
        conn.execute("ALTER TABLE profile DROP COLUMN language")
        conn.execute("PRAGMA user_version=6")
    assert quick_score(journal_path, clock.today()) is None  # left to the Journal
    with Journal(str(journal_path)) as upgraded:
        assert upgraded.profile() == before
        assert upgraded.profile().language is None
        upgraded.save_profile(replace(before, language="de"))
    assert user_version(journal_path) == migrations.SCHEMA_VERSION == 7
    assert Path(f"{journal_path}.v6.bak").exists()
    with Journal(str(journal_path)) as again:
        assert again.profile().language == "de"


@pytest.mark.sqlite_only
def test_a_version_2_journal_migrates_through_to_the_language(
    journal: Journal, journal_path: Path
) -> None:
    """Every step from schema 2 runs on a profile table without the later columns."""
    before = journal.profile()
    journal.close()
    with sqlite3.connect(journal_path) as conn:
        for column in ("language", "valued_at", "worth_happiness", "worth_love", "worth_meaning"):
            conn.execute(f"ALTER TABLE profile DROP COLUMN {column}")
        for column in ("low", "high", "clv_customers", "clv_order", "clv_orders"):
            conn.execute(f"ALTER TABLE effect DROP COLUMN {column}")
        for column in ("clv_margin", "clv_stay", "clv_churn", "clv_rate"):
            conn.execute(f"ALTER TABLE effect DROP COLUMN {column}")
        for table in ("option_effect", "decision_option", "rescore", "undo_item"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("PRAGMA user_version=2")
    with Journal(str(journal_path)) as upgraded:
        assert upgraded.profile().language is None
        assert upgraded.profile().annual_income == before.annual_income
    assert user_version(journal_path) == 7
