"""Every money input refuses a foreign currency the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ltv_journal.cli import main

from .fuzzing import fingerprint


def cli(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "journal.db"
    assert cli(db, "profile", "--birth-date", "1979-01-01", "--income", "35000").exit_code == 0
    assert cli(db, "add", "Bike", "--amount", "900").exit_code == 0
    return db


def bike(db: Path) -> str:
    return json.loads(cli(db, "list", "--json").stdout)["decisions"][0]["id"]


@pytest.mark.parametrize(
    "args",
    [
        ("profile", "--income", "35000 USD"),
        ("add", "Watch", "--amount", "12 USD"),
        ("add", "Side job", "--effect", "money 100USD/m"),
        ("review", "{id}", "--actual", "money=100USD"),
    ],
)
def test_a_foreign_currency_is_refused_everywhere(db: Path, args: tuple[str, ...]) -> None:
    before = fingerprint(db)
    result = cli(db, *(a.replace("{id}", bike(db)) for a in args))
    assert result.exit_code == 2, result.output
    assert "is not in EUR, the currency this journal counts in" in result.stderr
    assert fingerprint(db) == before


def test_the_journals_own_currency_and_a_new_one_are_taken(db: Path) -> None:
    assert cli(db, "profile", "--income", "36000 EUR").exit_code == 0
    assert cli(db, "review", bike(db), "--actual", "money=100 €").exit_code == 0
    switched = cli(db, "profile", "--currency", "USD", "--income", "$40000")
    assert switched.exit_code == 0, switched.output
