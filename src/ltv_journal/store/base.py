"""The journal's foundation: the engine, transactions, the profile, and the checks and
bookkeeping every write shares. `Journal` (journal.py) adds the public operations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Self

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import OperationalError

from ltv_journal.core import clock
from ltv_journal.core.decision import Decision
from ltv_journal.core.effects import MissingBirthDate
from ltv_journal.core.ids import is_id
from ltv_journal.core.profile import Profile

from .convert import profile_columns, profile_from_columns
from .engine import WRITE, make_engine
from .errors import Busy, Invalid, NotFound
from .location import sqlite_path
from .migrations import ensure_schema
from .rows import decision_row, write_decision
from .scoring import EffectValues, book, rescore_all
from .tables import PROFILES, UNDO_LOG

PT = PROFILES
UT = UNDO_LOG


HORIZON_FIELDS = (
    "birth_date",
    "career_start_age",
    "retirement_age",
    "life_expectancy",
    "discount_rate",
)
"""The profile fields every lifetime value depends on: a change rescores the journal."""


def horizons_changed(old: Profile, new: Profile) -> bool:
    return any(getattr(old, f) != getattr(new, f) for f in HORIZON_FIELDS)


class JournalBase:
    """A journal at a location (SQLite file path or database URL).

    Every write runs in one transaction (`BEGIN IMMEDIATE` on SQLite) that also keeps the
    score buckets and the undo log current; every read returns domain objects.
    """

    def __init__(self, location: str) -> None:
        self.location = location
        self._engine = make_engine(location)
        self._writer = self._engine.execution_options(**{WRITE: True})
        try:
            ensure_schema(self._engine, sqlite_path(location))
        except Exception:
            self._engine.dispose()
            raise
        self._profile: Profile | None = None

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self._writer.begin() as conn:
                yield conn
        except OperationalError as error:
            if "locked" in str(error.orig) or "busy" in str(error.orig):
                raise Busy(
                    "the journal is busy: another program is writing to it; try again"
                ) from None
            raise

    def has_profile(self) -> bool:
        with self._read() as conn:
            return conn.execute(select(PT.c.id)).first() is not None

    def profile(self) -> Profile:
        """The stored profile, or the defaults when none has been set."""
        if self._profile is None:
            with self._read() as conn:
                self._profile = self._load_profile(conn)
        return self._profile

    def forget_profile(self) -> None:
        """Read the profile again next time: another program may have changed it."""
        self._profile = None

    def _load_profile(self, conn: Connection) -> Profile:
        row = conn.execute(select(PT)).first()
        return Profile() if row is None else profile_from_columns(row._mapping)

    def _store_profile(self, conn: Connection, profile: Profile, *, exists: bool) -> None:
        if exists:
            conn.execute(update(PT).values(profile_columns(profile)))
        else:
            conn.execute(insert(PT).values(id=1, **profile_columns(profile)))

    def _values(self, profile: Profile | None = None) -> EffectValues:
        return EffectValues(profile or self.profile())

    def _validate(self, decision: Decision, values: EffectValues) -> None:
        problems = decision.problems()
        if problems:
            raise Invalid(problems)
        try:
            values.decision_cents(decision)
        except MissingBirthDate as error:
            raise Invalid([("effects", str(error))]) from None

    def _replace(
        self, conn: Connection, decision: Decision, values: EffectValues, old_row: dict[str, Any]
    ) -> None:
        if old_row["deleted_at"] is None:
            book(conn, old_row, -1)
        row = write_decision(conn, decision, values, existing=old_row, now=clock.now())
        if row["deleted_at"] is None:
            book(conn, row, +1)

    def _log(
        self,
        conn: Connection,
        action: str,
        decision_id: str | None,
        title: str,
        before: str | None,
    ) -> None:
        conn.execute(
            insert(UT).values(
                at=clock.now(), action=action, decision_id=decision_id, title=title, before=before
            )
        )

    def _require_row(self, conn: Connection, decision_id: str) -> dict[str, Any]:
        row = decision_row(conn, decision_id)
        if row is None:
            raise NotFound(f"no decision with id {decision_id}")
        return row

    @staticmethod
    def _check_id(decision_id: str) -> None:
        if not is_id(decision_id):
            raise Invalid([("id", f"'{decision_id}' is not a UUID")])


def rescore_or_explain(conn: Connection, profile: Profile) -> None:
    try:
        rescore_all(conn, profile)
    except MissingBirthDate:
        raise Invalid(
            [("birth_date", "is needed: some effects last until retirement or death")], "profile"
        ) from None
