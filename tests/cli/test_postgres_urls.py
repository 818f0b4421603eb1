"""A journal on a PostgreSQL server, named by its URL: the password is read as libpq
reads it (the URL, PGPASSWORD, a password file) and never printed; a server that
cannot be reached or refuses is one line and exit code 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from ltv_journal.cli import main
from pg_server import PASSWORD, PASSWORD_ROLE

from .conftest import BUSINESS, MAX_PROFILE


@pytest.fixture
def server_db(pg_server: Any) -> Any:
    """A fresh database owned by the role that logs in with a password; its name."""
    name = pg_server.new_database(owner=PASSWORD_ROLE)
    yield name
    pg_server.drop_database(name)


def _url(pg_server: Any, database: str, password: str | None = None) -> str:
    user = PASSWORD_ROLE if password is None else f"{PASSWORD_ROLE}:{password}"
    return f"postgresql://{user}@/{database}?host={pg_server.folder}"


def _run(url: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", url, *args])


def _one_line_error(result: Result) -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr, result.exception)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ")
    return str(result.stderr)


@pytest.fixture(autouse=True)
def _no_password_from_elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("LTV_JOURNAL_DB", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))


def test_the_password_in_the_url_opens_the_journal(pg_server: Any, server_db: str) -> None:
    url = _url(pg_server, server_db, PASSWORD)
    assert _run(url, *MAX_PROFILE).exit_code == 0
    assert _run(url, *BUSINESS).exit_code == 0
    score = _run(url, "score", "--json")
    assert score.exit_code == 0
    assert '"money": 1695000.00' in score.stdout
    assert PASSWORD not in score.stdout + score.stderr


def test_a_wrong_password_is_one_line_and_never_shown(pg_server: Any, server_db: str) -> None:
    url = _url(pg_server, server_db, "guessed-Wrong")
    for command in (("score",), ("add", "Bike", "--amount", "900"), ("list",)):
        err = _one_line_error(_run(url, *command))
        assert "guessed-Wrong" not in err
        assert err.startswith(
            f"error: cannot open the journal at postgresql://{PASSWORD_ROLE}:***@/"
        )
        assert "password authentication failed" in err


def test_pgpassword_gives_the_password(
    pg_server: Any, server_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _url(pg_server, server_db)
    assert "password" in _one_line_error(_run(url, *MAX_PROFILE))  # none given yet
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert _run(url, *MAX_PROFILE).exit_code == 0
    assert _run(url, "score").exit_code == 0


def test_a_password_file_gives_the_password(
    pg_server: Any, server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pgpass = tmp_path / ".pgpass"
    pgpass.write_text(f"*:*:{server_db}:{PASSWORD_ROLE}:{PASSWORD}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))  # what ~/.pgpass is, by default
    url = _url(pg_server, server_db)
    assert _run(url, *MAX_PROFILE).exit_code == 0
    assert _run(url, *BUSINESS).exit_code == 0
    assert _run(url, "list").stdout.count("Build an online business") == 1


def test_no_password_at_all_is_one_line(pg_server: Any, server_db: str) -> None:
    err = _one_line_error(_run(_url(pg_server, server_db), "score"))
    assert "password" in err


def test_a_missing_database_is_one_line(pg_server: Any) -> None:
    url = f"postgresql://postgres@/no_such_journal?host={pg_server.folder}"
    err = _one_line_error(_run(url, "score"))
    assert 'database "no_such_journal" does not exist' in err


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://max:pw-Hidden@localhost:notaport/journal",
        "postgresql://max:pw-Hidden@127.0.0.1:1/journal",
        "postgresql://max:pw-Hidden@[::1/journal",
        "postgresql://max@127.0.0.1:1/journal?password=pw-Hidden",
    ],
)
def test_a_bad_or_unreachable_url_is_one_line_without_the_password(url: str) -> None:
    err = _one_line_error(_run(url, "score"))
    assert "pw-Hidden" not in err
