"""The Journal: the one way to read and write a journal."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.exc import OperationalError

from ltv_journal.core import clock
from ltv_journal.core.calibration import Sample, samples_of
from ltv_journal.core.decision import Decision, Review
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import MissingBirthDate
from ltv_journal.core.money import from_cents
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import Score, make_score

from . import snapshot
from .convert import profile_columns, profile_from_columns
from .engine import WRITE, make_engine
from .errors import Ambiguous, Busy, Invalid, NotFound
from .location import sqlite_path
from .migrations import ensure_schema
from .queries import (
    DecisionFilter,
    DecisionSummary,
    conditions,
    summaries_query,
    summary_from_row,
)
from .rows import (
    BATCH,
    DT,
    bulk_insert,
    child_rows,
    decision_columns,
    decision_row,
    insert_children,
    load_decisions,
    new_id,
    write_decision,
)
from .scoring import EffectValues, book, bucket_totals, month_of, rebuild_buckets, rescore_all
from .tables import BUCKETS, PROFILES, REVIEWS, UNDO_LOG

PT = PROFILES
UT = UNDO_LOG
BT = BUCKETS
RT = REVIEWS
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HORIZON_FIELDS = (
    "birth_date",
    "career_start_age",
    "retirement_age",
    "life_expectancy",
    "discount_rate",
)


_UNDONE = {
    "add": "the adding of",
    "edit": "the edit of",
    "delete": "the deletion of",
    "review": "the review of",
    "profile": "the profile change",
}


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    profile_set: bool


class Journal:
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

    def __enter__(self) -> Journal:
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

    # -- profile -------------------------------------------------------------------

    def has_profile(self) -> bool:
        with self._read() as conn:
            return conn.execute(select(PT.c.id)).first() is not None

    def profile(self) -> Profile:
        """The stored profile, or the defaults when none has been set."""
        if self._profile is None:
            with self._read() as conn:
                self._profile = self._load_profile(conn)
        return self._profile

    def _load_profile(self, conn: Connection) -> Profile:
        row = conn.execute(select(PT)).first()
        return Profile() if row is None else profile_from_columns(row._mapping)

    def save_profile(self, profile: Profile) -> None:
        """Store the profile; a change of horizons or rates rescores every decision."""
        problems = profile.problems()
        if problems:
            raise Invalid(problems, "profile")
        with self._write() as conn:
            had = conn.execute(select(PT.c.id)).first() is not None
            old = self._load_profile(conn)
            self._store_profile(conn, profile, exists=had)
            if had:  # setting the first profile has nothing to go back to
                self._log(conn, "profile", None, "the profile", snapshot.dump(old))
            if any(getattr(old, f) != getattr(profile, f) for f in _HORIZON_FIELDS):
                _rescore(conn, profile)
        self._profile = profile

    def _store_profile(self, conn: Connection, profile: Profile, *, exists: bool) -> None:
        if exists:
            conn.execute(update(PT).values(profile_columns(profile)))
        else:
            conn.execute(insert(PT).values(id=1, **profile_columns(profile)))

    # -- decisions -----------------------------------------------------------------

    def _values(self, profile: Profile | None = None) -> EffectValues:
        return EffectValues(profile or self.profile())

    def _validate(self, decision: Decision, values: EffectValues) -> None:
        problems = decision.problems()
        if problems:
            raise Invalid(problems)
        try:
            values.decision(decision)
        except MissingBirthDate as error:
            raise Invalid([("effects", str(error))]) from None

    def add(self, decision: Decision) -> Decision:
        """Store a new decision; returns it with its id."""
        if decision.id:
            self._check_id(decision.id)
        stored = replace(decision, id=decision.id or new_id(), deleted_at=None)
        values = self._values()
        self._validate(stored, values)
        with self._write() as conn:
            if decision_row(conn, stored.id) is not None:
                raise Invalid([("id", f"{stored.id} is already in the journal")])
            row = write_decision(conn, stored, values, existing=None, now=clock.now())
            book(conn, row, +1)
            self._log(conn, "add", stored.id, stored.title, None)
        return stored

    def update(self, decision: Decision) -> Decision:
        """Replace a stored decision's fields (its reviews are kept if `decision` has none
        of its own)."""
        values = self._values()
        self._validate(decision, values)
        with self._write() as conn:
            old_row = self._require_row(conn, decision.id)
            before = load_decisions(conn, [decision.id])[0]
            if not decision.reviews and before.reviews:
                decision = replace(decision, reviews=before.reviews)
            decision = replace(decision, deleted_at=before.deleted_at)
            self._replace(conn, decision, values, old_row)
            self._log(conn, "edit", decision.id, decision.title, snapshot.dump(before))
        return decision

    def _replace(
        self, conn: Connection, decision: Decision, values: EffectValues, old_row: dict[str, Any]
    ) -> None:
        if old_row["deleted_at"] is None:
            book(conn, old_row, -1)
        row = write_decision(conn, decision, values, existing=old_row, now=clock.now())
        if row["deleted_at"] is None:
            book(conn, row, +1)

    def delete(self, decision_id: str) -> Decision:
        """Soft-delete a decision; `undo()` brings it back."""
        with self._write() as conn:
            row = self._require_row(conn, decision_id)
            if row["deleted_at"] is not None:
                raise NotFound(f"decision {decision_id} is already deleted")
            book(conn, row, -1)
            conn.execute(update(DT).where(DT.c.id == decision_id).values(deleted_at=clock.now()))
            self._log(conn, "delete", decision_id, row["title"], None)
        return self.get(decision_id, include_deleted=True)

    def undo(self) -> str | None:
        """Undo the latest add, edit, delete, review or profile change.

        Returns what was undone in words, or None when there is nothing to undo.
        """
        with self._write() as conn:
            entry = conn.execute(select(UT).order_by(UT.c.seq.desc()).limit(1)).first()
            if entry is None:
                return None
            e = entry._mapping
            conn.execute(delete(UT).where(UT.c.seq == e["seq"]))
            self._undo_entry(conn, e)
        verb = _UNDONE[e["action"]]
        return f"Undid {verb} {e['title']!r}" if e["decision_id"] else f"Undid {verb}"

    def _undo_entry(self, conn: Connection, e: Any) -> None:
        action, decision_id = e["action"], e["decision_id"]
        if action == "profile":
            old = snapshot.load_profile(e["before"])
            self._store_profile(conn, old, exists=True)
            _rescore(conn, old)
            self._profile = None
            return
        row = self._require_row(conn, decision_id)
        if action == "add" and row["deleted_at"] is None:
            book(conn, row, -1)
            conn.execute(update(DT).where(DT.c.id == decision_id).values(deleted_at=clock.now()))
        elif action == "delete":
            conn.execute(update(DT).where(DT.c.id == decision_id).values(deleted_at=None))
            book(conn, {**row, "deleted_at": None}, +1)
        elif e["before"]:
            self._replace(conn, snapshot.load_decision(e["before"]), self._values(), row)

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

    def can_undo(self) -> bool:
        with self._read() as conn:
            return conn.execute(select(UT.c.seq).limit(1)).first() is not None

    def _require_row(self, conn: Connection, decision_id: str) -> dict[str, Any]:
        row = decision_row(conn, decision_id)
        if row is None:
            raise NotFound(f"no decision with id {decision_id}")
        return row

    @staticmethod
    def _check_id(decision_id: str) -> None:
        if not _UUID.match(decision_id):
            raise Invalid([("id", f"'{decision_id}' is not a UUID")])

    def resolve(self, prefix: str, *, include_deleted: bool = False) -> str:
        """The full id for a unique id prefix (at least 4 characters)."""
        cleaned = prefix.strip().lower()
        if len(cleaned) < 4 or not re.fullmatch(r"[0-9a-f-]+", cleaned):
            raise NotFound(f"'{prefix}' is not an id or an id prefix of at least 4 characters")
        query = select(DT.c.id).where(DT.c.id.startswith(cleaned)).limit(2)
        if not include_deleted:
            query = query.where(DT.c.deleted_at.is_(None))
        with self._read() as conn:
            found: list[str] = [r[0] for r in conn.execute(query)]
        if not found:
            raise NotFound(f"no decision with id {prefix}")
        if len(found) > 1:
            raise Ambiguous(f"id prefix '{prefix}' matches more than one decision; give more of it")
        return found[0]

    def get(self, id_or_prefix: str, *, include_deleted: bool = False) -> Decision:
        decision_id = self.resolve(id_or_prefix, include_deleted=include_deleted)
        with self._read() as conn:
            return load_decisions(conn, [decision_id])[0]

    def get_many(self, ids: Sequence[str]) -> list[Decision]:
        with self._read() as conn:
            return load_decisions(conn, ids)

    def summaries(
        self, flt: DecisionFilter | None = None, *, offset: int = 0, limit: int | None = 100
    ) -> list[DecisionSummary]:
        """One page of the list, newest first."""
        query = summaries_query(flt or DecisionFilter()).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [summary_from_row(r) for r in conn.execute(query)]

    def count(self, flt: DecisionFilter | None = None) -> int:
        query = select(func.count()).select_from(DT).where(*conditions(flt or DecisionFilter()))
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    def iter_decisions(self, flt: DecisionFilter | None = None) -> Iterator[Decision]:
        """Whole decisions matching `flt`, oldest first, read in batches."""
        query = (
            select(DT.c.id)
            .where(*conditions(flt or DecisionFilter()))
            .order_by(DT.c.decided_on, DT.c.created_at, DT.c.id)
        )
        with self._read() as conn:
            ids = [r[0] for r in conn.execute(query)]
            for start in range(0, len(ids), BATCH):
                yield from load_decisions(conn, ids[start : start + BATCH])

    def categories(self) -> list[str]:
        query = select(DT.c.category).where(DT.c.deleted_at.is_(None), DT.c.category != "")
        with self._read() as conn:
            return [r[0] for r in conn.execute(query.distinct().order_by(DT.c.category))]

    def years(self) -> list[int]:
        """Years that hold live decisions, newest first."""
        with self._read() as conn:
            months = conn.execute(
                select(BT.c.month).where(BT.c.decisions > 0).order_by(BT.c.month.desc())
            )
            return sorted({m // 100 for (m,) in months}, reverse=True)

    # -- score ---------------------------------------------------------------------

    def score(self, as_of: date | None = None) -> Score:
        """The LTV score over all live decisions (baseline for `as_of`, default today)."""
        with self._read() as conn:
            count, totals = bucket_totals(conn)
        return make_score(
            self.profile(),
            as_of or clock.today(),
            count,
            {dim: from_cents(v) for dim, v in totals.items()},
        )

    def running_score(self, day: date) -> Score:
        """The score over decisions dated up to and including `day`."""
        first = day.replace(day=1)
        with self._read() as conn:
            count, totals = bucket_totals(conn, before_month=month_of(day))
            row = conn.execute(
                select(
                    func.count(),
                    *(func.coalesce(func.sum(DT.c[f"v_{dim}"]), 0) for dim in DIMENSIONS),
                ).where(DT.c.deleted_at.is_(None), DT.c.decided_on >= first, DT.c.decided_on <= day)
            ).one()
        count += int(row[0])
        values = {
            dim: from_cents(totals[dim] + int(row[i + 1])) for i, dim in enumerate(DIMENSIONS)
        }
        return make_score(self.profile(), day, count, values)

    def monthly_totals(self) -> list[tuple[int, dict[str, int]]]:
        """Per month (YYYYMM, oldest first): the bucket's count, values, spent, invested."""
        with self._read() as conn:
            rows = conn.execute(select(BT).order_by(BT.c.month)).all()
        return [(r._mapping["month"], dict(r._mapping)) for r in rows]

    def running_series(self) -> list[tuple[int, dict[Dimension, Decimal]]]:
        """The running score from decisions at the end of each month that has any."""
        running = dict.fromkeys(DIMENSIONS, 0)
        series = []
        for month, bucket in self.monthly_totals():
            for dim in DIMENSIONS:
                running[dim] += bucket[str(dim)]
            series.append((month, {dim: from_cents(running[dim]) for dim in DIMENSIONS}))
        return series

    # -- reviews -------------------------------------------------------------------

    def add_review(self, decision_id: str, review: Review) -> Decision:
        """Append a review; the decision's next review date becomes the review's
        follow-up date (or none). Expected effects are never changed."""
        with self._write() as conn:
            row = self._require_row(conn, decision_id)
            before = load_decisions(conn, [decision_id])[0]
            problems = review.problems(before.date)
            if problems:
                raise Invalid(problems, "review")
            for earlier in before.reviews:
                if earlier.date > review.date:
                    raise Invalid(
                        [("date", f"must not be before the latest review ({earlier.date})")],
                        "review",
                    )
            stored = replace(review, id=review.id or new_id())
            after = replace(
                before, reviews=(*before.reviews, stored), review_on=stored.next_review_on
            )
            self._replace(conn, after, self._values(), row)
            self._log(conn, "review", decision_id, before.title, snapshot.dump(before))
        return after

    def review_queue(
        self, as_of: date | None = None, limit: int | None = None
    ) -> list[DecisionSummary]:
        """Live decisions whose review date has come, oldest review date first."""
        day = as_of or clock.today()
        query = (
            select(*summaries_query(DecisionFilter()).selected_columns)
            .where(DT.c.deleted_at.is_(None), DT.c.review_on <= day)
            .order_by(DT.c.review_on, DT.c.decided_on, DT.c.id)
        )
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [summary_from_row(r) for r in conn.execute(query)]

    def review_due_count(self, as_of: date | None = None) -> int:
        day = as_of or clock.today()
        query = (
            select(func.count())
            .select_from(DT)
            .where(DT.c.deleted_at.is_(None), DT.c.review_on <= day)
        )
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    def calibration_samples(self, flt: DecisionFilter | None = None) -> list[Sample]:
        """Samples from every live reviewed decision matching `flt`."""
        query = select(DT.c.id).where(*conditions(flt or DecisionFilter()), DT.c.reviews > 0)
        with self._read() as conn:
            ids = [r[0] for r in conn.execute(query)]
            decisions = load_decisions(conn, ids)
        return [s for d in decisions for s in samples_of(d)]

    def reviews_between(self, start: date, end: date) -> int:
        query = (
            select(func.count())
            .select_from(RT)
            .join(DT, DT.c.id == RT.c.decision_id)
            .where(DT.c.deleted_at.is_(None), RT.c.reviewed_on >= start, RT.c.reviewed_on <= end)
        )
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    # -- bulk import ---------------------------------------------------------------

    def import_decisions(
        self,
        decisions: Iterable[Decision],
        profile: Profile | None = None,
        *,
        replace_profile: bool = False,
    ) -> ImportResult:
        """Write many decisions in one transaction: all or nothing, idempotent by id.

        A given profile replaces the journal's only with `replace_profile`, otherwise it
        is used when the journal has none. Nothing is written if any decision is invalid.
        """
        with self._write() as conn:
            had_profile = conn.execute(select(PT.c.id)).first() is not None
            use_profile = profile is not None and (replace_profile or not had_profile)
            active = profile if (use_profile and profile) else self._load_profile(conn)
            if use_profile and profile is not None:
                problems = profile.problems()
                if problems:
                    raise Invalid(problems, "profile")
            values = self._values(active)
            items = [_as_new(d) for d in decisions]
            for position, item in enumerate(items, start=1):
                try:
                    self._check_id(item.id)
                    self._validate(item, values)
                except Invalid as error:
                    raise Invalid(
                        error.problems, f"decision {position} ({item.title!r})", position
                    ) from None
            existing = self._existing(conn, [d.id for d in items])
            now = clock.now()
            if existing:
                conn.execute(delete(DT).where(DT.c.id.in_(list(existing))))
            if items:
                bulk_insert(
                    conn,
                    DT,
                    [
                        decision_columns(d, values, created_at=existing.get(d.id, now), now=now)
                        for d in items
                    ],
                )
                insert_children(conn, [child_rows(d, values, now) for d in items])
            if use_profile and profile is not None:
                self._store_profile(conn, profile, exists=had_profile)
                if had_profile:
                    _rescore(conn, profile)
            rebuild_buckets(conn)
        self._profile = None
        return ImportResult(
            added=len(items) - len(existing), updated=len(existing), profile_set=use_profile
        )

    def _existing(self, conn: Connection, ids: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            for decision_id, created in conn.execute(
                select(DT.c.id, DT.c.created_at).where(DT.c.id.in_(chunk))
            ):
                found[decision_id] = created
        return found


def _as_new(decision: Decision) -> Decision:
    """`decision` with an id and not deleted (the same object when it already is)."""
    if decision.id and decision.deleted_at is None:
        return decision
    return replace(decision, id=decision.id or new_id(), deleted_at=None)


def _rescore(conn: Connection, profile: Profile) -> None:
    try:
        rescore_all(conn, profile)
    except MissingBirthDate:
        raise Invalid(
            [("birth_date", "is needed: some effects last until retirement or death")], "profile"
        ) from None
