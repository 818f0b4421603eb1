"""The yardstick for bulk import: the same rows written with plain `sqlite3.executemany`."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

RAW_TABLES = ("decision", "effect", "tag")
"""What a bulk import of plain decisions writes, in foreign-key order."""


def stored_rows(journal: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Per table in RAW_TABLES: (column names, rows) exactly as the journal stored them."""
    conn = sqlite3.connect(journal)
    try:
        found = {}
        for table in RAW_TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            columns = [c[0] for c in cursor.description]
            found[table] = (columns, cursor.fetchall())
        return found
    finally:
        conn.close()


def raw_insert_seconds(
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]], target: Path
) -> float:
    """Seconds to insert `rows` into an empty journal at `target` in one transaction,
    with the journal's schema (indexes included) and its PRAGMAs."""
    from ltv_journal.store.journal import Journal

    Journal(str(target)).close()
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        statements = [
            (f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})", r)
            for t, (c, r) in rows.items()
        ]
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for sql, values in statements:
            conn.executemany(sql, values)
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()
