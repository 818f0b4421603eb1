"""PostgreSQL: what a journal on a server needs beyond SQLAlchemy's portable core.

Kept free of SQLAlchemy, like `quick.py`, so that the first frame and `score` can read
a server journal through psycopg alone.

- Writes are serialised as SQLite's `BEGIN IMMEDIATE` serialises them: each write
  transaction first takes a transaction-scoped advisory lock (one per database), waiting
  at most `BUSY_TIMEOUT_MS` for it. Two machines writing at once therefore take turns;
  every write reads the totals and the profile as the previous one committed them, and
  none is lost. Reads run in REPEATABLE READ: one snapshot for all their statements.
- The table `journal_meta` holds the schema version (SQLite keeps it in
  `PRAGMA user_version`) and a change counter that every write transaction bumps, so a
  screen notices another machine's writes (SQLite's `PRAGMA data_version`).
- Timestamps are written and read in UTC whatever the server's time zone.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

META_TABLE = "journal_meta"
WRITE_LOCK = 0x6C74766A  # "ltvj": the advisory lock every write takes
BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 10
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def is_postgres(location: str) -> bool:
    scheme = location.partition("://")[0].lower()
    return "://" in location and scheme in SCHEMES


def libpq_url(location: str) -> str:
    """The URL as libpq reads it (no SQLAlchemy driver suffix), with a connect timeout
    unless it names one. The password stays where it was given (URL, PGPASSWORD,
    ~/.pgpass): libpq finds it."""
    parts = urlsplit(location)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if not any(key == "connect_timeout" for key, _ in query):
        query.append(("connect_timeout", str(CONNECT_TIMEOUT_S)))
    return urlunsplit(("postgresql", parts.netloc, parts.path, urlencode(query), ""))


def shown(location: str) -> str:
    """A location as it may be printed: any password (in the user part or the query)
    replaced by ***."""
    if "://" not in location:
        return location
    try:
        parts = urlsplit(location)
    except ValueError:
        return "<a database URL that cannot be read>"
    netloc = parts.netloc
    users, at, hosts = netloc.rpartition("@")
    if at and ":" in users:
        netloc = f"{users.partition(':')[0]}:***@{hosts}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(key == "password" for key, _ in pairs):
            pairs = [(k, "***" if k == "password" else v) for k, v in pairs]
            query = urlencode(pairs, safe="*/")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def write_start(*, count: bool, timeout_ms: int = BUSY_TIMEOUT_MS) -> list[str]:
    """The start of every write transaction: wait for the write lock (at most
    `timeout_ms`, then "lock timeout"), then count the change."""
    statements = [
        f"SET LOCAL lock_timeout = {int(timeout_ms)}",
        f"SELECT pg_advisory_xact_lock({WRITE_LOCK})",
    ]
    if count:
        statements.append(f"UPDATE {META_TABLE} SET changes = changes + 1")
    return statements


def connect(location: str, **options: Any) -> Any:
    """A psycopg connection to `location` (raises psycopg.Error or ImportError)."""
    import psycopg

    return psycopg.connect(libpq_url(location), **options)


def holds_journal(location: str) -> bool | None:
    """Whether the database at `location` holds a journal (its meta table); None when
    that cannot be told here (no server, no driver, a bad URL): opening the journal
    then says why."""
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with connect(location) as conn:
            return read_version(conn) is not None
    except (psycopg.Error, ValueError):
        return None


def read_version(conn: Any) -> int | None:
    """The schema version of the journal behind a psycopg connection, or None."""
    row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (f"{META_TABLE}",)).fetchone()
    if not row[0]:
        return None
    found = conn.execute(f"SELECT version FROM {META_TABLE}").fetchone()
    return None if found is None else int(found[0])
