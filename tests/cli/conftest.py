"""The command line run in-process over a real journal: a SQLite file in tmp_path, or a
database on the test run's PostgreSQL server (tests/conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from backends import journal_location
from ltv_journal.cli import main

Run = Callable[..., Result]

MAX_PROFILE = ["profile", "--name", "Max Muster", "--birth-date", "1979-01-01", "--income", "35000"]
BUSINESS = [
    "add",
    "Build an online business",
    "--kind",
    "investment",
    "--date",
    "2025-01-01",
    "--category",
    "business",
    "--tag",
    "online-business",
    "--effect",
    "money 500/m delay=12 until=retirement",
]


@pytest.fixture
def db(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Path:
    """The journal's location: a file on SQLite, a database URL (str) on PostgreSQL."""
    return journal_location(request, backend, tmp_path / "journal" / "journal.db")  # type: ignore[no-any-return]


@pytest.fixture
def run(db: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run("add", "Bike", ...)` -> click Result, on the `db` journal."""
    monkeypatch.delenv("LTV_JOURNAL_DB", raising=False)

    def invoke(*args: str, ok: bool = True) -> Result:
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        if ok:
            assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
        return result

    return invoke


@pytest.fixture
def max_journal(run: Run) -> Run:
    """The seed's Max Muster with his online business, built through the command line."""
    run(*MAX_PROFILE)
    run(*BUSINESS)
    return run


def exact_json(text: str) -> Any:
    """JSON with numbers read as exact Decimals."""
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


def journal_state(db: Path) -> tuple[Any, ...]:
    """Everything a user could see of a journal: profile, score, decisions, undo log."""
    from ltv_journal.store.journal import Journal

    with Journal(str(db)) as journal:
        return (
            journal.profile(),
            journal.score(),
            journal.count(),
            list(journal.iter_decisions()),
            journal.can_undo(),
        )


def new_id(result: Result) -> str:
    """The short id printed by `add` ("added 1a2b3c4d  Title")."""
    first = result.stdout.splitlines()[0].split()
    assert first[0] == "added"
    return first[1]
