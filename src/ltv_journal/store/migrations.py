"""Schema versions and the path between them.

The version lives in SQLite's `PRAGMA user_version`. Before any migration the whole
database is copied with SQLite's backup API to `<journal>.v<old>.bak`, so a failed or
unwanted upgrade can always be undone by hand.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    Table,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.types import BigInteger
from sqlmodel import SQLModel

from ltv_journal.core import clock
from ltv_journal.core.language import _

from . import tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from .convert import profile_from_columns
from .engine import WRITE
from .errors import NotAJournal, SchemaTooNew
from .postgres import META_TABLE
from .quick import SCHEMA_VERSION
from .rescore import rescore_all
from .tables import OPTION_EFFECTS, OPTIONS, RESCORE, UNDO_ITEMS

Migration = Callable[[Connection], None]


def _review_positions(conn: Connection) -> None:
    """v1 → v2: reviews get a stored position, so same-day reviews keep their order."""
    conn.exec_driver_sql("ALTER TABLE review ADD COLUMN position INTEGER NOT NULL DEFAULT 0")
    conn.exec_driver_sql(
        "UPDATE review SET position = (SELECT COUNT(*) FROM review AS earlier"
        " WHERE earlier.decision_id = review.decision_id"
        " AND (earlier.reviewed_on, earlier.created_at, earlier.id)"
        " < (review.reviewed_on, review.created_at, review.id))"
    )


def _valuation_and_worth(conn: Connection) -> None:
    """v2 → v3: the profile gets its valuation date (January 1 of the year it is
    migrated in, like a profile saved today; at a discount rate of 0 it changes no
    figure) and a worth per point dimension (none yet); an effect gets an optional
    range, its 10th and 90th percentile per year (none yet)."""
    conn.exec_driver_sql("ALTER TABLE profile ADD COLUMN valued_at DATE")
    for bound in ("low", "high"):
        conn.exec_driver_sql(f"ALTER TABLE effect ADD COLUMN {bound} INTEGER")
    for dim in ("happiness", "love", "meaning"):
        conn.exec_driver_sql(f"ALTER TABLE profile ADD COLUMN worth_{dim} INTEGER")
    conn.execute(
        text("UPDATE profile SET valued_at = :day"), {"day": date(clock.today().year, 1, 1)}
    )
    row = conn.exec_driver_sql("SELECT * FROM profile").first()  # the columns of v3
    profile = None if row is None else profile_from_columns(row._mapping)
    if profile is not None and profile.discount_rate:  # at rate 0 no value moves
        rescore_all(conn, profile)


def _customer_value_inputs(conn: Connection) -> None:
    """v3 → v4: an effect may keep the customer figures its money was worked out from
    (core/clv.py); every existing effect was typed, so all are NULL and no value moves."""
    columns = {
        "clv_customers": "TEXT",
        "clv_order": "INTEGER",
        "clv_orders": "TEXT",
        "clv_margin": "TEXT",
        "clv_stay": "TEXT",
        "clv_churn": "TEXT",
        "clv_rate": "TEXT",
    }
    for name, kind in columns.items():
        conn.exec_driver_sql(f"ALTER TABLE effect ADD COLUMN {name} {kind}")


def _options(conn: Connection) -> None:
    """v4 → v5: a decision keeps the options it was chosen from and did not take, and
    their effects (no journal has any yet)."""
    for table in (OPTIONS, OPTION_EFFECTS):
        table.create(conn)


def _rescore_marker_and_undo_items(conn: Connection) -> None:
    """v5 → v6: the `rescore` table marks a profile change whose rescore, done in
    batches, is not finished yet (none is, in a journal being migrated); `undo_item`
    holds what a restore added and replaced, for its undo (nothing yet)."""
    RESCORE.create(conn, checkfirst=True)
    UNDO_ITEMS.create(conn, checkfirst=True)


def _profile_language(conn: Connection) -> None:
    """v6 → v7: the profile may name the language the journal speaks ("de" or "en");
    NULL, as in every journal being migrated, follows the locale."""
    columns = {c["name"] for c in inspect(conn).get_columns("profile")}
    if "language" not in columns:  # a copy an older ltv-journal made from a newer one
        conn.exec_driver_sql("ALTER TABLE profile ADD COLUMN language VARCHAR")


MIGRATIONS: dict[int, Migration] = {
    1: _review_positions,
    2: _valuation_and_worth,
    3: _customer_value_inputs,
    4: _options,
    5: _rescore_marker_and_undo_items,
    6: _profile_language,
}
"""MIGRATIONS[n] moves a journal from version n to n + 1."""


def ensure_schema(engine: Engine, path: Path | None) -> None:
    """Create a new journal's tables, or migrate an older journal (after a backup)."""
    if engine.dialect.name == "postgresql":
        _ensure_postgres_schema(engine)
        return
    if engine.dialect.name != "sqlite":
        SQLModel.metadata.create_all(engine)
        return
    with engine.connect() as conn:
        version = int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
        has_tables = bool(inspect(conn).get_table_names())
    _refuse_newer(version)
    if version == SCHEMA_VERSION:
        return
    if version == 0 and not has_tables:
        with engine.execution_options(**{WRITE: True}).begin() as conn:
            SQLModel.metadata.create_all(conn)
            conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
        return
    if version not in MIGRATIONS:  # tables, but none of a journal's versions
        raise NotAJournal(
            _(
                "cannot open the journal at {path}: it is another program's database, not a "
                "journal; it was left as it was"
            ).format(path=path)
        )
    made = None if path is None else backup(path, Path(f"{path}.v{version}.bak"))
    try:
        with engine.execution_options(**{WRITE: True}).begin() as conn:
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](conn)
            conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        if made is not None:  # the journal is as it was: its copy would only be clutter
            made.unlink(missing_ok=True)
        raise


META = Table(
    META_TABLE,
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("changes", BigInteger, nullable=False, default=0),
)
"""PostgreSQL only (postgres.py): the schema version and the change counter."""


def _ensure_postgres_schema(engine: Engine) -> None:
    """Create a new journal's tables on a PostgreSQL server, or migrate an older one;
    under the write lock, so that two machines opening a new journal at once make it
    once."""
    with engine.connect() as conn:
        found = inspect(conn).has_table(META_TABLE)
        version = conn.execute(select(META.c.version)).scalar() if found else None
    if version == SCHEMA_VERSION:
        return
    _refuse_newer(version)
    with engine.execution_options(**{WRITE: "schema"}).begin() as conn:
        META.create(conn, checkfirst=True)
        version = conn.execute(select(META.c.version)).scalar()
        _refuse_newer(version)
        if version is None:
            SQLModel.metadata.create_all(conn)
            conn.execute(META.insert().values(id=1, version=SCHEMA_VERSION, changes=0))
            return
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](conn)
        conn.execute(update(META).values(version=SCHEMA_VERSION))


def _refuse_newer(version: int | None) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise SchemaTooNew(
            _(
                "this journal has schema version {version}, newer than this ltv-journal "
                "understands ({known}); upgrade ltv-journal to open it"
            ).format(version=version, known=SCHEMA_VERSION)
        )


def backup(source: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently with the backup API; returns `target`.

    The copy is private (0600) from its first byte, and removed again if it cannot be
    completed (a full disk)."""
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    os.chmod(target, 0o600)  # an older copy of the same name may have had other modes
    try:
        src = sqlite3.connect(source)
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
            src.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
