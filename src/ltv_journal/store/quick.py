"""The score read with the standard library alone, for a fast first frame.

Importing SQLAlchemy costs more than Textual's whole start-up, so the TUI reads the
score through `sqlite3` first and opens the full `Journal` in the background. This
reads the same profile row and score buckets the Journal keeps.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from ltv_journal.core.dimensions import DIMENSIONS
from ltv_journal.core.money import from_cents
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import Score, make_score
from ltv_journal.core.uncertainty import Band

from .convert import profile_from_columns
from .peek import open_read_only

SCHEMA_VERSION = 7
"""The journal schema this ltv-journal writes (SQLite's `PRAGMA user_version`)."""
PROFILE_TABLE = "profile"
BUCKET_TABLE = "score_bucket"


def quick_score(path: Path, as_of: date) -> tuple[Profile, Score] | None:
    """(profile, score) read straight from a SQLite journal, or None if it cannot be
    read this way (missing file, no schema yet, another database)."""
    found = _read(path, as_of, with_band=False)
    return None if found is None else found[:2]


def quick_score_and_band(path: Path, as_of: date) -> tuple[Profile, Score, Band] | None:
    """`quick_score` and the band of the whole journal (core.journal_band), read in one
    transaction."""
    found = _read(path, as_of, with_band=True)
    if found is None or found[2] is None:
        return None
    return found[0], found[1], found[2]


def quick_score_at(location: str, as_of: date) -> tuple[Profile, Score] | None:
    """`quick_score` for any location: a SQLite file, or a PostgreSQL URL read through
    psycopg alone; None when it cannot be read this way."""
    found = _read_location(location, as_of, with_band=False)
    return None if found is None else found[:2]


def quick_score_and_band_at(location: str, as_of: date) -> tuple[Profile, Score, Band] | None:
    """`quick_score_and_band` for any location (see `quick_score_at`)."""
    found = _read_location(location, as_of, with_band=True)
    if found is None or found[2] is None:
        return None
    return found[0], found[1], found[2]


def _read_location(
    location: str, as_of: date, *, with_band: bool
) -> tuple[Profile, Score, Band | None] | None:
    from .location import sqlite_path
    from .postgres import is_postgres

    path = sqlite_path(location)
    if path is not None:
        return _read(path, as_of, with_band=with_band)
    if is_postgres(location):
        return _read_postgres(location, as_of, with_band=with_band)
    return None


def _read_postgres(
    location: str, as_of: date, *, with_band: bool
) -> tuple[Profile, Score, Band | None] | None:
    """The same reads over psycopg, in one REPEATABLE READ snapshot; None on any
    trouble (the Journal then opens the journal and reports it)."""
    try:
        import psycopg
        from psycopg.rows import dict_row

        from .postgres import connect, read_version
    except ImportError:
        return None
    try:
        conn = connect(location)
    except (psycopg.Error, ValueError):  # ValueError: a URL that cannot be read
        return None
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        if read_version(conn) != SCHEMA_VERSION:
            return None
        profile_row = (
            conn.cursor(row_factory=dict_row)
            .execute(f"SELECT * FROM {PROFILE_TABLE} LIMIT 1")
            .fetchone()
        )
        return _read_from(conn, profile_row, as_of, with_band=with_band)
    except psycopg.Error:
        return None
    finally:
        conn.close()


def _read(path: Path, as_of: date, *, with_band: bool) -> tuple[Profile, Score, Band | None] | None:
    if not path.is_file():
        return None
    try:
        conn = open_read_only(path, timeout=1)
    except (sqlite3.Error, OSError):
        return None
    try:
        conn.row_factory = sqlite3.Row
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return None  # older (the Journal migrates it) or newer (it refuses it)
        conn.execute("BEGIN")  # one snapshot for the profile, the buckets and the band
        row = conn.execute(f"SELECT * FROM {PROFILE_TABLE} LIMIT 1").fetchone()
        return _read_from(conn, row, as_of, with_band=with_band)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _read_from(
    conn: Any, row: Any, as_of: date, *, with_band: bool
) -> tuple[Profile, Score, Band | None] | None:
    """Profile (from its row), score and band, inside the caller's read transaction."""
    if conn.execute("SELECT 1 FROM rescore LIMIT 1").fetchone() is not None:
        return None  # a rescore under way or left half done: the Journal sees to it
    profile = Profile() if row is None else profile_from_columns(row)
    sums = ", ".join(f"COALESCE(SUM({d}), 0)" for d in ("decisions", *DIMENSIONS))
    totals = conn.execute(f"SELECT {sums} FROM {BUCKET_TABLE}").fetchone()
    band = None
    if with_band:
        from ltv_journal.core.journal_band import EVERYTHING, journal_bands

        from .band_reads import read_uncertainty

        source = read_uncertainty(conn, profile, by_month=False)
        band = journal_bands(source, [EVERYTHING], profile.worth)[0]
    values = {dim: from_cents(int(totals[i + 1])) for i, dim in enumerate(DIMENSIONS)}
    return profile, make_score(profile, as_of, int(totals[0]), values), band
