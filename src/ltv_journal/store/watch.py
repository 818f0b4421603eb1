"""Noticing that another program changed the journal file.

SQLite's `PRAGMA data_version` changes on a connection whenever another connection
(in this process or another) commits; asking costs microseconds, so a screen can ask
a few times a second on a connection of its own.
"""

from __future__ import annotations

import sqlite3

from .location import sqlite_path


class ChangeWatch:
    """Says whether the journal at `location` was written since the last look."""

    def __init__(self, location: str) -> None:
        path = sqlite_path(location)
        self._conn: sqlite3.Connection | None = None
        if path is not None and path.is_file():
            try:
                self._conn = sqlite3.connect(
                    f"file:{path}?mode=ro", uri=True, timeout=0.2, check_same_thread=False
                )
            except sqlite3.Error:
                self._conn = None
        self._version = self._read()

    def _read(self) -> int | None:
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0])

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
