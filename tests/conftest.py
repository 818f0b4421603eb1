"""Shared fixtures: a real journal on disk (SQLite) or on a real PostgreSQL server, and a
fixed clock.

The store, CLI and exchange tests that use the `journal`, `journal_path`, `db` or
`empty_journal` fixtures run twice: on a SQLite file and on a database of a PostgreSQL
server that this test run starts (`initdb` into a temporary folder, a unix socket
there) and stops at its end. Tests about SQLite files themselves carry the
`sqlite_only` marker. Without PostgreSQL on the machine those variants are skipped,
unless LTV_REQUIRE_POSTGRES=1 (CI), where that is a failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from backends import journal_location
from ltv_journal.core import clock, language
from ltv_journal.core.profile import Profile

TODAY = date(2026, 11, 25)
BOTH_BACKENDS = frozenset({"store", "cli", "exchange"})
"""Test folders whose journal fixtures run on SQLite and on PostgreSQL."""
REQUIRE_ENV = "LTV_REQUIRE_POSTGRES"
TESTS = Path(__file__).resolve().parent
_ran_on_postgres: set[str] = set()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about SQLite files themselves; not run on PostgreSQL"
    )
    config.addinivalue_line(
        "markers", "both_backends: run on SQLite and PostgreSQL outside store/cli/exchange"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    try:
        folder = Path(str(metafunc.definition.path)).resolve().relative_to(TESTS).parts[0]
    except ValueError:
        return
    chosen = folder in BOTH_BACKENDS or metafunc.definition.get_closest_marker("both_backends")
    if not chosen or metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql": where this test's journal lives."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    """A PostgreSQL server for the whole run, started on first use."""
    from pg_server import PgServer, find_bindir

    required = os.environ.get(REQUIRE_ENV) == "1"

    def unavailable(reason: str) -> None:
        if required:
            pytest.fail(f"{REQUIRE_ENV}=1 but {reason}", pytrace=False)
        pytest.skip(f"PostgreSQL variant skipped: {reason} (set {REQUIRE_ENV}=1 to make it fail)")

    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed (pip install -e '.[postgres]')")
    bindir = find_bindir()
    if bindir is None:
        unavailable("no PostgreSQL server here (initdb not found; apt-get install postgresql)")
        return
    server = PgServer(bindir)
    try:
        server.start()
    except (RuntimeError, OSError) as error:
        server.stop()
        unavailable(f"the PostgreSQL server did not start: {error}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_databases(pg_server: Any) -> Iterator[Callable[[], str]]:
    """Makes fresh, empty databases on the test server (each call one more: a test may
    want two journals); all are dropped afterwards."""
    made: list[str] = []

    def new_database() -> str:
        made.append(pg_server.new_database())
        return str(pg_server.url(made[-1]))

    try:
        yield new_database
    finally:
        for name in made:
            pg_server.drop_database(name)


@pytest.fixture
def pg_url(pg_databases: Callable[[], str]) -> str:
    """The URL of a fresh, empty database on the test server."""
    return pg_databases()


def pytest_runtest_call(item: pytest.Item) -> None:
    """A test that reaches its call with the server set up ran against PostgreSQL."""
    on_server = re.search(r"\[postgresql[\]-]", item.nodeid) is not None
    if on_server or "pg_server" in getattr(item, "fixturenames", ()):
        _ran_on_postgres.add(item.nodeid)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.write_line(f"tests run against PostgreSQL: {len(_ran_on_postgres)}")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English and leaves no language behind: a command run in the
    test process with `--lang de` puts German in force for the rest of the process."""
    with language.using(language.ENGLISH):
        yield


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[date]:
    """Every test runs on the same day, so date-dependent figures are stable."""
    with clock.fixed_today(TODAY) as day:
        yield day


@pytest.fixture
def max_muster() -> Profile:
    """The seed's Max Muster: born 1979, works 22 to 67, earns 35,000 EUR a year."""
    return Profile(name="Max Muster", birth_date=date(1979, 1, 1), annual_income=Decimal(35000))


@pytest.fixture
def journal_path(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Any:
    """The journal's location: a file path on SQLite, a URL (str) on PostgreSQL."""
    return journal_location(request, backend, tmp_path / "journal" / "journal.db")


@pytest.fixture
def journal(journal_path: Path, max_muster: Profile):  # type: ignore[no-untyped-def]
    from ltv_journal.store.journal import Journal

    with Journal(str(journal_path)) as opened:
        opened.save_profile(max_muster)
        yield opened
