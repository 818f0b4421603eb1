"""Never touch what is not ours: another program's SQLite file given as `--db` is
refused before anything is written to it, and `export -o` replaces only a regular file
that is not the journal's own."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ltv_journal.cli import main
from ltv_journal.store.errors import NotAJournal
from ltv_journal.store.journal import Journal


def cli(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def fingerprint(path: Path) -> tuple[str, int, list[str]]:
    """The file's bytes, its mode, and which files sit beside it."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest, path.stat().st_mode, sorted(p.name for p in path.parent.iterdir())


def browser_history(path: Path, *, wal: bool = False, version: int = 0) -> Path:
    """Another program's database: its own tables, mode 0644."""
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.execute(f"PRAGMA user_version={version}")
    conn.commit()
    conn.close()
    path.chmod(0o644)
    return path


COMMANDS = [
    ("list",),
    ("score",),
    ("score", "--json"),
    ("show", "abcd"),
    ("add", "Bike", "--amount", "100"),
    ("profile", "--name", "Max"),
    ("profile",),
    ("review",),
    ("undo",),
    ("export", "--all"),
]


@pytest.mark.parametrize("kind", ["rollback", "wal", "versioned"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_another_programs_database_is_refused_untouched(
    tmp_path: Path, kind: str, args: tuple[str, ...]
) -> None:
    db = browser_history(
        tmp_path / "places.sqlite", wal=kind == "wal", version=7 if kind == "versioned" else 0
    )
    before = fingerprint(db)
    result = cli(db, *args)
    assert result.exit_code == 2, (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "not a journal" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert fingerprint(db) == before  # same bytes, same mode, no -wal or -shm beside it


def test_importing_into_another_programs_database_is_refused(tmp_path: Path) -> None:
    db = browser_history(tmp_path / "places.sqlite")
    backup = tmp_path / "backup.toml"
    backup.write_text('[[decisions]]\ndate = 2025-01-01\ntitle = "Bike"\n')
    before = fingerprint(db)
    result = cli(db, "import", str(backup))
    assert result.exit_code == 2
    assert "not a journal" in result.stderr
    assert fingerprint(db) == before


def test_the_store_refuses_it_too(tmp_path: Path) -> None:
    db = browser_history(tmp_path / "places.sqlite")
    before = fingerprint(db)
    with pytest.raises(NotAJournal, match="moz_places"):
        Journal(str(db))
    assert fingerprint(db) == before


def test_an_empty_file_still_becomes_a_journal(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    db.touch()
    assert cli(db, "add", "Bike").exit_code == 0
    assert "Bike" in cli(db, "list").stdout


@pytest.fixture
def journal_db(tmp_path: Path) -> Path:
    db = tmp_path / "journal.db"
    assert cli(db, "add", "Bike", "--amount", "900").exit_code == 0
    return db


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_refuses_the_journals_own_files(journal_db: Path, suffix: str) -> None:
    target = Path(f"{journal_db}{suffix}")
    existed = target.exists()
    before = target.read_bytes() if existed else None
    result = cli(journal_db, "export", "--all", "-o", str(target))
    assert result.exit_code == 2
    assert "the journal's own database file" in result.stderr
    assert (target.read_bytes() if target.exists() else None) == before
    listed = cli(journal_db, "list")
    assert listed.exit_code == 0 and "Bike" in listed.stdout


def test_export_refuses_the_journal_by_another_name(journal_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "sub"
    other.mkdir()
    result = cli(journal_db, "export", "--all", "-o", str(other / ".." / "journal.db"))
    assert result.exit_code == 2
    (tmp_path / "alias.db").symlink_to(journal_db)
    result = cli(journal_db, "export", "--all", "-o", str(tmp_path / "alias.db"))
    assert result.exit_code == 2
    assert cli(journal_db, "list").exit_code == 0


def test_export_refuses_a_symbolic_link_a_device_and_a_read_only_file(
    journal_db: Path, tmp_path: Path
) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "link.toml"
    link.symlink_to(precious)
    result = cli(journal_db, "export", "--all", "-o", str(link))
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert link.is_symlink() and precious.read_text() == "keep me"

    result = cli(journal_db, "export", "--all", "-o", os.devnull)
    assert result.exit_code == 2 and "not a regular file" in result.stderr

    locked = tmp_path / "locked.toml"
    locked.write_text("old")
    locked.chmod(0o444)
    result = cli(journal_db, "export", "--all", "-o", str(locked))
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert locked.read_text() == "old"
    assert oct(locked.stat().st_mode & 0o777) == oct(0o444)


def test_export_still_replaces_an_ordinary_file(journal_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup.toml"
    target.write_text("old")
    assert cli(journal_db, "export", "--all", "-o", str(target)).exit_code == 0
    assert 'title = "Bike"' in target.read_text()
