"""Plain SQL on a journal behind the store's back, on either backend: what a test uses
to look at the tables or to play another program. `?` placeholders on both."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from ltv_journal.store.location import sqlite_path


class _Server:
    """A psycopg connection that reads SQLite's `?` placeholders; committed on leaving."""

    def __init__(self, location: str) -> None:
        from ltv_journal.store.postgres import connect

        self.conn = connect(location)

    def execute(self, sql: str, params: Any = ()) -> Any:
        if sql.strip().upper().startswith("PRAGMA FOREIGN_KEYS"):
            return self.conn.execute("SELECT 1")  # always on in PostgreSQL
        return self.conn.execute(sql.replace("?", "%s"), params or None)

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> _Server:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            self.conn.commit()
        self.conn.close()


def connect(location: str | Path) -> Any:
    """A DB-API connection to the journal at `location` (a SQLite file or a URL)."""
    path = sqlite_path(str(location))
    if path is not None:
        return sqlite3.connect(path)
    return _Server(str(location))


def hold_write_lock(location: str | Path) -> Any:
    """Another program in the middle of a write: the connection holds the journal's
    write lock until it is rolled back."""
    conn = connect(location)
    if isinstance(conn, sqlite3.Connection):
        conn.execute("BEGIN IMMEDIATE")
    else:
        from ltv_journal.store.postgres import WRITE_LOCK

        conn.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
    return conn
