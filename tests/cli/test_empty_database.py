"""Reading a journal that is not there yet, on either backend: a missing SQLite file or
a PostgreSQL database without the journal's tables. Nothing is created by reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import MAX_PROFILE, Run

READING = [("score",), ("list",), ("review",), ("export", "--all"), ("undo",)]


def _holds_journal(db: Path | str) -> bool:
    from ltv_journal.store.postgres import holds_journal

    if isinstance(db, Path):
        return db.exists()
    return bool(holds_journal(db))


@pytest.mark.parametrize("args", READING, ids=[" ".join(a) for a in READING])
def test_reading_where_there_is_no_journal_is_refused_and_creates_none(
    run: Run, db: Path | str, args: tuple[str, ...]
) -> None:
    from ltv_journal.store.postgres import shown

    result = run(*args, ok=False)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: no journal at {shown(str(db))}; start one with `ltv-journal profile ...` "
        "or `ltv-journal add ...`\n"
    )
    assert not _holds_journal(db)


def test_the_first_write_starts_the_journal_and_reading_works_then(
    run: Run, db: Path | str
) -> None:
    assert run("profile").exit_code == 0  # the defaults, shown without creating
    assert not _holds_journal(db)
    run(*MAX_PROFILE)
    assert _holds_journal(db)
    assert "1,575,000.00 EUR" in run("score").stdout
