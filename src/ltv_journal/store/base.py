"""The journal's foundation: the engine, transactions, the profile, and the checks and
bookkeeping every write shares. `Journal` (journal.py) adds the public operations."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Self
from urllib.parse import urlsplit

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import OperationalError

from ltv_journal.core import clock
from ltv_journal.core.conventions import format_date
from ltv_journal.core.decision import Decision
from ltv_journal.core.effects import MissingBirthDate
from ltv_journal.core.ids import is_id
from ltv_journal.core.language import N_, _
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import problems_under

from .convert import profile_columns, profile_from_columns
from .engine import WRITE, make_engine, reader
from .errors import Busy, Invalid, NotAJournal, NotFound
from .location import sqlite_path
from .migrations import ensure_schema
from .postgres import shown
from .rescore import (
    check_rescorable,
    passed_horizons,
    rescore_all,
    rescore_pending,
    rescore_step,
    start_rescore,
)
from .rows import DT, decision_row, write_decision
from .scoring import EffectValues, book
from .tables import PROFILES, UNDO_LOG

PT = PROFILES
UT = UNDO_LOG


HORIZON_FIELDS = (
    "birth_date",
    "career_start_age",
    "retirement_age",
    "life_expectancy",
    "discount_rate",
    "valued_at",
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
        self._reader = reader(self._engine)
        try:
            ensure_schema(self._engine, sqlite_path(location))
        except OperationalError as error:
            self._engine.dispose()
            if sqlite_path(location) is not None:
                raise
            raise NotAJournal(
                f"cannot open the journal at {shown(location)}: {_reason(error, location)}"
            ) from None
        except Exception:
            self._engine.dispose()
            raise
        self._profile: Profile | None = None
        self.finish_rescore(abandoned_only=True)  # one a killed program left half done

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._reader.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self._writer.begin() as conn:
                yield conn
        except OperationalError as error:
            said = str(error.orig)
            if "locked" in said or "busy" in said or "lock timeout" in said:
                raise Busy(
                    _("the journal is busy: another program is writing to it; try again")
                ) from None
            raise

    def finish_rescore(self, *, abandoned_only: bool = False) -> None:
        """Run the rescore a profile change asked for (`rescore.py`) to its end, one
        short transaction per batch, so other writers wait a moment at most; nothing
        to do when none is pending. With `abandoned_only` (on opening the journal),
        only a rescore whose program stopped half-way: a running one is left alone,
        so that an `add` meanwhile takes a moment, not the rest of the rescore."""
        with self._read() as conn:
            if not rescore_pending(conn, abandoned_only=abandoned_only):
                return
        done = False
        waited = 0
        while not done:
            began = time.perf_counter()
            try:
                with self._write() as conn:
                    try:
                        done = rescore_step(conn)
                    except MissingBirthDate:  # a profile stored without the checks
                        raise Invalid([("birth_date", _(_BIRTH_DATE_NEEDED))], "profile") from None
            except Busy:  # a long write elsewhere (an import): the marker waits with us
                waited += 1
                if waited > 5:
                    raise
                continue
            # A writer waiting for the lock polls it now and then (SQLite's busy
            # handler): leave it a gap between batches, or it may wait for them all.
            time.sleep(max(0.002, (time.perf_counter() - began) / 4))
        self._profile = None

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

    def _values_in(self, conn: Connection) -> EffectValues:
        """Lifetime values under the profile in force, read inside the caller's write
        transaction (BEGIN IMMEDIATE): a profile another process changed a moment ago is
        the one used, so the stored values always agree with a rebuild."""
        self._profile = self._load_profile(conn)
        return EffectValues(self._profile)

    def _validate(self, decision: Decision, values: EffectValues) -> None:
        problems = decision.problems() or problems_under(decision, values.profile)
        for index, option in enumerate(decision.options):
            if problems:
                break
            drafted = option.as_decision(decision.date)
            problems = [
                (f"options.{index}.{name}", why)
                for name, why in problems_under(drafted, values.profile)
                if "." in name  # the date is the decision's, checked above
            ]
        if problems:
            raise Invalid(problems)
        try:
            values.decision_cents(decision)
            for option in decision.options:
                values.decision_cents(option.as_decision(decision.date))
        except MissingBirthDate as error:
            raise Invalid([("effects", str(error))]) from None

    def _replace(
        self, conn: Connection, decision: Decision, values: EffectValues, old_row: dict[str, Any]
    ) -> None:
        if old_row["deleted_at"] is None:
            book(conn, old_row, -1)
        row = write_decision(conn, decision, values, existing=old_row, now=clock.precise_now())
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
            raise NotFound(_("no decision with id {id}").format(id=decision_id))
        return row

    @staticmethod
    def _check_id(decision_id: str) -> None:
        if not is_id(decision_id):
            raise Invalid([("id", _("'{id}' is not a UUID").format(id=decision_id))])


def _reason(error: OperationalError, location: str) -> str:
    """The server's or the driver's own words, on one line, without any password."""
    said = str(error.orig if error.orig is not None else error).strip()
    try:
        password = urlsplit(location).password
    except ValueError:
        password = None
    if password:
        said = said.replace(password, "***")
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    return "; ".join(lines[:2]) or type(error).__name__


_BIRTH_DATE_NEEDED = N_("is needed: some effects last until retirement or death")


def rescore_or_explain(conn: Connection, profile: Profile) -> None:
    """Rescore everything inside the caller's transaction (an import: all or nothing)."""
    try:
        rescore_all(conn, profile)
    except MissingBirthDate:
        raise Invalid([("birth_date", _(_BIRTH_DATE_NEEDED))], "profile") from None


def start_rescore_or_explain(conn: Connection, profile: Profile) -> None:
    """Mark the journal for a batched rescore under `profile`, committed with it; the
    caller runs `finish_rescore` once the transaction is done. Refuses a profile under
    which the rescore could not finish, before anything is written."""
    try:
        check_rescorable(conn, profile)
    except MissingBirthDate:
        raise Invalid([("birth_date", _(_BIRTH_DATE_NEEDED))], "profile") from None
    start_rescore(conn)


def with_valuation_date(profile: Profile, old: Profile | None) -> Profile:
    """`profile` with its valuation date fixed: the one it gives, else the journal's,
    else January 1 of this year (so the LTV never moves with the calendar)."""
    if profile.valued_at is not None:
        return profile
    return replace(profile, valued_at=(old.valued_at if old else None) or profile.valuation_date)


def check_profile_fits(conn: Connection, old: Profile, profile: Profile) -> None:
    """Refuse a profile under which the journal's own decisions could not be stored:
    one born after a decision, or whose retirement or death falls before an open-ended
    effect starts. Such a journal could not be edited or restored from its backup."""
    born = profile.birth_date
    if born is not None and born != old.birth_date:
        earliest = conn.execute(select(func.min(DT.c.decided_on))).scalar()
        if earliest is not None and earliest < born:
            raise Invalid(
                [
                    (
                        "birth_date",
                        _(
                            "is after the journal's first decision ({day}); "
                            "give a birth date on or before it"
                        ).format(day=format_date(earliest)),
                    )
                ],
                "profile",
            )
    moved = ("birth_date", "retirement_age", "life_expectancy")
    if any(getattr(old, f) != getattr(profile, f) for f in moved):
        passed = passed_horizons(conn, profile)
        if passed:
            title, reason = passed[0]
            more = (
                " " + _("(and {count} more)").format(count=len(passed) - 1)
                if len(passed) > 1
                else ""
            )
            raise Invalid(
                [
                    (
                        "retirement_age",
                        _("would end an effect before it starts: {title}, {reason}{more}").format(
                            title=repr(title), reason=reason, more=more
                        ),
                    )
                ],
                "profile",
            )
