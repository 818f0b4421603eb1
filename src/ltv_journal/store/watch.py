"""Noticing that another program changed the journal.

SQLite's `PRAGMA data_version` changes on a connection whenever another connection
(in this process or another) commits; asking costs microseconds, so a screen can ask
a few times a second on a connection of its own. On PostgreSQL every write transaction
bumps a counter in `journal_meta` (postgres.py); asking is one small query on a
connection of the watch's own.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .location import sqlite_path
from .postgres import META_TABLE, is_postgres


class ChangeWatch:
    """Says whether the journal at `location` was written since the last look."""

    def __init__(self, location: str) -> None:
        path = sqlite_path(location)
        self._conn: sqlite3.Connection | None = None
        self._server: Any = None
        if path is not None and path.is_file():
            try:
                self._conn = sqlite3.connect(
                    f"file:{path}?mode=ro", uri=True, timeout=0.2, check_same_thread=False
                )
            except sqlite3.Error:
                self._conn = None
        elif path is None and is_postgres(location):
            self._server = _server_connection(location)
        self._version = self._read()

    def _read(self) -> int | None:
        if self._server is not None:
            return self._read_server()
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0])

    def _read_server(self) -> int | None:
        import psycopg

        try:
            row = self._server.execute(f"SELECT changes FROM {META_TABLE}").fetchone()
        except psycopg.Error:
            return None
        return None if row is None else int(row[0])

    def changed(self) -> bool:
        """Whether anything was committed since the last call (or since `settle()`)."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        return True

    def settle(self) -> None:
        """Take what has been committed so far as seen (before reading it all again)."""
        self._version = self._read()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._server is not None:
            self._server.close()
            self._server = None


def _server_connection(location: str) -> Any:
    """An autocommit psycopg connection (each look sees the latest commit), or None."""
    try:
        import psycopg

        from .postgres import connect
    except ImportError:
        return None
    try:
        return connect(location, autocommit=True)
    except (psycopg.Error, ValueError):
        return None
