"""Engines for a journal location: a SQLite file (default) or a database URL.

SQLite is set up for a single person's safety: WAL, foreign keys on, a busy timeout
of 5 s, synchronous=FULL (a reported write survives a power loss, not only a crash of
the program; it costs about 2 ms per write), and every write in one `BEGIN IMMEDIATE`
transaction. The folder is made 0700 and the database files 0600.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ArgumentError

from ltv_journal.core.language import _

from . import postgres
from .errors import NotAJournal
from .location import sqlite_path
from .peek import open_read_only

BUSY_TIMEOUT_MS = 5000
WRITE = "ltv_write"


SQLITE_HEADER = b"SQLite format 3\x00"


JOURNAL_TABLES = frozenset({"decision", "profile"})
"""Tables every journal has had since its first version."""


def prepare_sqlite_file(path: Path) -> None:
    """Create the folder (0700) and an empty database file (0600) if missing.

    A path that holds something else (a folder, a text file, another program's SQLite
    database) is refused untouched: checked read-only before any mode change or write.
    """
    refuse_non_journal(path)
    refuse_foreign_database(path)
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    for suffix in ("", "-wal", "-shm"):
        sibling = Path(f"{path}{suffix}")
        if sibling.exists() and sibling.stat().st_mode & 0o077:
            sibling.chmod(0o600)


def cannot_open(where: object, why: str) -> str:
    """`cannot open the journal at PATH: WHY`, in the language in force."""
    return _("cannot open the journal at {path}: {reason}").format(path=where, reason=why)


def refuse_non_journal(path: Path) -> None:
    """Raise NotAJournal when `path` exists but is not a SQLite database file."""
    if not path.exists():
        return
    if not path.is_file():
        raise NotAJournal(cannot_open(path, _("it is a folder, not a file")))
    try:
        with path.open("rb") as stream:
            head = stream.read(len(SQLITE_HEADER))
    except OSError as error:
        raise NotAJournal(cannot_open(path, str(error.strerror))) from None
    if head and head != SQLITE_HEADER:
        raise NotAJournal(cannot_open(path, _("it is not a journal database")))


def refuse_foreign_database(path: Path) -> None:
    """Raise NotAJournal when `path` is a SQLite database with tables but not a journal's
    (another program's file). Read-only: the file stays byte for byte as it was."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        tables, version = _read_only_schema(path)
    except sqlite3.Error:
        try:  # a writer may have started in the meantime: read it as writers do
            tables, version = _read_only_schema(path, immutable=False)
        except sqlite3.Error as error:
            raise NotAJournal(cannot_open(path, str(error))) from None
    if not tables or (version >= 1 and tables >= JOURNAL_TABLES):
        return  # an empty database becomes a journal; a journal opens
    shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
    raise NotAJournal(
        cannot_open(
            path,
            _(
                "it is another program's SQLite database (tables {tables}), not a journal; "
                "it was left as it was"
            ).format(tables=shown),
        )
    )


def _read_only_schema(path: Path, *, immutable: bool = True) -> tuple[set[str], int]:
    """(table names, user_version) of a SQLite file, read without writing anything."""
    conn = open_read_only(path, immutable=immutable)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
    return {str(name) for (name,) in rows}, version


def make_engine(location: str) -> Engine:
    """An engine for `location`; `engine.execution_options(ltv_write=True)` begins writes
    with BEGIN IMMEDIATE on SQLite, and with the write lock on PostgreSQL (postgres.py)."""
    path = sqlite_path(location)
    if path is None:
        shown = _without_password(location)
        try:
            url = make_url(location)
            if url.drivername in ("postgresql", "postgres"):
                url = url.set(drivername="postgresql+psycopg")
            if url.drivername == "postgresql+psycopg":
                return _postgres_engine(url)
            return create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as error:
            raise NotAJournal(
                cannot_open(
                    shown,
                    _("its database driver is not installed ({driver})").format(driver=error.name),
                )
            ) from None
        except (ArgumentError, ValueError):
            raise NotAJournal(cannot_open(shown, _("not a database URL"))) from None
    prepare_sqlite_file(path)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _postgres_engine(url: URL) -> Engine:
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = postgres.CONNECT_TIMEOUT_S
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args=connect_args,
        isolation_level="READ COMMITTED",
    )
    event.listen(engine, "connect", _configure_postgres)
    event.listen(engine, "begin", _begin_postgres)
    return engine


def reader(engine: Engine) -> Engine:
    """The engine for reads: on PostgreSQL in REPEATABLE READ, so that all statements of
    one read see one moment (as a SQLite read transaction does)."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ")
    return engine


def _configure_postgres(dbapi_connection: Any, _record: Any) -> None:
    # Timestamps are stored without a zone, in UTC: make the session's zone UTC.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'UTC'")
    dbapi_connection.commit()


def _begin_postgres(connection: Connection) -> None:
    write = connection.get_execution_options().get(WRITE, False)
    if write:  # SQLAlchemy's own errors (a lock timeout: OperationalError, Busy)
        for statement in postgres.write_start(count=write is True, timeout_ms=BUSY_TIMEOUT_MS):
            connection.exec_driver_sql(statement)


def _without_password(location: str) -> str:
    """A URL as it may be shown: the password hidden."""
    return postgres.shown(location)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # We issue BEGIN ourselves (see _begin_sqlite); pysqlite's implicit one is off.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    write = connection.get_execution_options().get(WRITE, False)
    if not write:
        connection.exec_driver_sql("BEGIN")
        return
    raw = connection.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA busy_timeout=0")
    try:
        if not _took_write_lock(raw):
            # The last try: its "database is locked" is SQLAlchemy's, as every other.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


WAIT_STEPS = (0.001, 0.002, 0.005)
"""How long a writer waits between tries for the write lock: briefly, so that it gets in
at the next gap between another program's batches (SQLite's own busy handler backs off
to 100 ms and could miss every gap of a long rescore)."""


def _took_write_lock(raw: Any) -> bool:
    """BEGIN IMMEDIATE, tried again every few milliseconds for BUSY_TIMEOUT_MS while
    another connection writes; False when the time is up or another error came."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    tries = 0
    while time.monotonic() < deadline:
        try:
            raw.execute("BEGIN IMMEDIATE")
            return True
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                return False  # the last try says what it is, in SQLAlchemy's terms
        time.sleep(WAIT_STEPS[min(tries, len(WAIT_STEPS) - 1)])
        tries += 1
    return False
