"""What a journal location names: a SQLite file or a database URL.

Kept free of SQLAlchemy so the fast start-up path (`quick.py`) can find the file too.
"""

from __future__ import annotations

from pathlib import Path


def is_url(location: str) -> bool:
    return "://" in location


def sqlite_path(location: str) -> Path | None:
    """The file behind a location, or None for a non-SQLite URL or an in-memory database."""
    if not is_url(location):
        return Path(location).expanduser()
    if location.startswith("sqlite:///") and location != "sqlite:///:memory:":
        return Path(location.removeprefix("sqlite:///"))
    return None
