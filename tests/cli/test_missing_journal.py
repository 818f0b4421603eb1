"""A journal that does not exist yet: reading refuses, writing something new creates it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ltv_journal.cli import main

from .conftest import MAX_PROFILE, Run

pytestmark = pytest.mark.sqlite_only  # a missing journal is a missing file; a server knows

NEEDS_A_JOURNAL = [
    ("score",),
    ("score", "--as-of", "2026-01-01"),
    ("list",),
    ("show", "abcd"),
    ("review",),
    ("review", "abcd", "--notes", "x"),
    ("calibration",),
    ("export", "--year", "2026"),
    ("export", "--all"),
    ("edit", "abcd", "--amount", "5"),
    ("delete", "abcd"),
    ("undo",),
]


@pytest.mark.parametrize("args", NEEDS_A_JOURNAL, ids=[" ".join(a) for a in NEEDS_A_JOURNAL])
def test_reading_a_missing_journal_is_refused_and_creates_nothing(
    run: Run, db: Path, args: tuple[str, ...]
) -> None:
    result = run(*args, ok=False)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: no journal at {db}; start one with `ltv-journal profile ...` "
        "or `ltv-journal add ...`\n"
    )
    assert not db.parent.exists()


def test_the_profile_of_a_missing_journal_shows_the_defaults_without_creating_it(
    run: Run, db: Path
) -> None:
    assert run("profile").stdout.startswith("name             —\n")
    assert not db.parent.exists()


def test_a_bad_profile_does_not_create_the_journal(run: Run, db: Path) -> None:
    result = run("profile", "--retirement-age", "10", ok=False)
    assert result.exit_code == 2
    assert "--retirement-age must be at least the career start age" in result.stderr
    assert not db.parent.exists()


@pytest.mark.parametrize("args", [MAX_PROFILE, ["add", "Bike", "--amount", "900"]])
def test_writing_commands_start_a_journal(run: Run, db: Path, args: list[str]) -> None:
    run(*args)
    assert db.is_file()
    assert run("score").exit_code == 0


def test_import_starts_a_journal(run: Run, db: Path) -> None:
    sample = pytest.importorskip("ltv_journal.exchange.sample")
    run("import", str(sample.sample_path("max-muster")))
    assert "1 decision" in run("score").stdout


def test_bare_command_without_the_tui_says_how_to_start(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ltv_journal.cli as cli

    monkeypatch.setattr(cli, "tui_runner", lambda: None)
    result = CliRunner().invoke(main, ["--db", str(db)])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"no journal at {db}; start one with")
    assert "Commands:" in result.stdout
    assert not db.parent.exists()


@pytest.mark.parametrize(
    "args",
    [
        ("add", "Bike", "--effect", "money 5"),  # lasts until retirement: needs a birth date
        ("add", ""),
        ("add", "Bike", "--amount", "-5"),
        ("import", "/nonexistent/backup.toml"),
    ],
)
def test_a_write_that_fails_creates_no_journal(run: Run, db: Path, args: tuple[str, ...]) -> None:
    result = run(*args, ok=False)
    assert result.exit_code == 2
    assert not db.exists() and not db.parent.exists()
