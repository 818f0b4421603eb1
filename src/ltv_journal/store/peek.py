"""Reading a SQLite file without writing anything, not even beside it.

Kept free of SQLAlchemy so the fast start-up path (`quick.py`) can use it too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def open_read_only(
    path: Path, timeout: float = 5.0, *, immutable: bool = True
) -> sqlite3.Connection:
    """A read-only connection to `path`. A file in WAL mode without its -wal file is
    opened as immutable (unless not `immutable`), so that no -wal or -shm file is made
    beside a database that may not be ours."""
    with path.open("rb") as stream:
        header = stream.read(20)
    wal_mode = len(header) == 20 and header[18] == 2
    options = "mode=ro"
    if immutable and wal_mode and not Path(f"{path}-wal").exists():
        options += "&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, timeout=timeout)
