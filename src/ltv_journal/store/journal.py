"""The Journal: the one way to read and write a journal."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, delete, func, or_, select, tuple_, update

from ltv_journal.core import clock
from ltv_journal.core.charts import (
    Spending,
    TrendPoint,
    by_category,
    trend,
    trend_months,
)
from ltv_journal.core.decision import Decision
from ltv_journal.core.ids import new_id
from ltv_journal.core.journal_band import lifetime_band
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import from_cents
from ltv_journal.core.profile import Profile
from ltv_journal.core.uncertainty import Band

from . import snapshot
from .base import (
    JournalBase,
    check_profile_fits,
    horizons_changed,
    start_rescore_or_explain,
    with_valuation_date,
)
from .bulk_import import BulkImport, ImportResult
from .errors import Ambiguous, Invalid, NotFound
from .queries import (
    DecisionFilter,
    DecisionSummary,
    conditions,
    summaries_query,
    summary_from_row,
)
from .restore import Restore
from .reviews import Reviews
from .rows import BATCH, DT, decision_row, load_decisions, write_decision
from .score_reads import ScoreReads
from .scoring import book
from .tables import PROFILES, UNDO_LOG

__all__ = ["ImportResult", "Journal"]

PT = PROFILES
UT = UNDO_LOG
_UNDONE = {
    "add": N_("Undid the adding of {title}"),
    "edit": N_("Undid the edit of {title}"),
    "delete": N_("Undid the deletion of {title}"),
    "review": N_("Undid the review of {title}"),
    "profile": N_("Undid the profile change"),
    "import": N_("Undid the import of {title}"),
}
"""What `undo` says it did, per logged action."""
_COUNTED = re.compile(r"^(?P<name>.*) \((?P<added>\d+) added, (?P<updated>\d+) changed\)$")
"""An import's logged title: the file's name and its counts, as written in the undo log."""


def undone(action: str, title: str, of_decision: bool) -> str:
    """`Undid the deletion of 'Bike'`: an undo in words. An import's title keeps its
    counts as logged (in English); they are said in the language in force."""
    if action == "import":
        counted = _COUNTED.match(title)
        if counted is not None:
            title = _("{name} ({added} added, {updated} changed)").format(**counted.groupdict())
        return _(_UNDONE[action]).format(title=title)
    if action == "profile" or not of_decision:
        return _(_UNDONE[action]).format(title="").rstrip()
    return _(_UNDONE[action]).format(title=repr(title))


class Journal(Restore, BulkImport, Reviews, ScoreReads, JournalBase):
    """A journal at a location (SQLite file path or database URL): profile, decisions,
    undo, lists; reviews, scores and bulk import come from the mixins above."""

    def save_profile(self, profile: Profile) -> None:
        """Store the profile; a change of horizons or rates rescores every decision."""
        problems = profile.problems()
        if problems:
            raise Invalid(problems, "profile")
        with self._write() as conn:
            had = conn.execute(select(PT.c.id)).first() is not None
            old = self._load_profile(conn)
            profile = with_valuation_date(profile, old if had else None)
            check_profile_fits(conn, old, profile)
            self._store_profile(conn, profile, exists=had)
            if had:  # setting the first profile has nothing to go back to
                self._log(conn, "profile", None, "the profile", snapshot.dump(old))
            if horizons_changed(old, profile):
                start_rescore_or_explain(conn, profile)
        self._profile = profile
        self.finish_rescore()

    def add(self, decision: Decision) -> Decision:
        """Store a new decision; returns it with its id."""
        if decision.id:
            self._check_id(decision.id)
        stored = replace(decision, id=decision.id or new_id(), deleted_at=None)
        with self._write() as conn:
            values = self._values_in(conn)
            self._validate(stored, values)
            if decision_row(conn, stored.id) is not None:
                raise Invalid([("id", _("{id} is already in the journal").format(id=stored.id))])
            row = write_decision(conn, stored, values, existing=None, now=clock.precise_now())
            book(conn, row, +1)
            self._log(conn, "add", stored.id, stored.title, None)
        return stored

    def update(self, decision: Decision) -> Decision:
        """Replace a stored decision's fields (its reviews are kept if `decision` has none
        of its own)."""
        with self._write() as conn:
            values = self._values_in(conn)
            old_row = self._require_row(conn, decision.id)
            before = load_decisions(conn, [decision.id])[0]
            if not decision.reviews and before.reviews:
                decision = replace(decision, reviews=before.reviews)
            decision = replace(decision, deleted_at=before.deleted_at)
            self._validate(decision, values)  # as it will be stored, reviews included
            self._replace(conn, decision, values, old_row)
            self._log(conn, "edit", decision.id, decision.title, snapshot.dump(before))
        return decision

    def delete(self, decision_id: str) -> Decision:
        """Soft-delete a decision; `undo()` brings it back."""
        with self._write() as conn:
            row = self._require_row(conn, decision_id)
            if row["deleted_at"] is not None:
                raise NotFound(_("decision {id} is already deleted").format(id=decision_id))
            book(conn, row, -1)
            conn.execute(
                update(DT).where(DT.c.id == decision_id).values(deleted_at=clock.precise_now())
            )
            self._log(conn, "delete", decision_id, row["title"], None)
        return self.get(decision_id, include_deleted=True)

    def undo(self) -> str | None:
        """Undo the latest add, edit, delete, review, profile change or import.

        Returns what was undone in words, or None when there is nothing to undo.
        """
        with self._write() as conn:
            entry = conn.execute(select(UT).order_by(UT.c.seq.desc()).limit(1)).first()
            if entry is None:
                return None
            e = entry._mapping
            self._undo_entry(conn, e)  # first: a restore's undo_item rows go with the entry
            conn.execute(delete(UT).where(UT.c.seq == e["seq"]))
        if e["action"] == "profile":
            self.finish_rescore()
        return undone(e["action"], e["title"], bool(e["decision_id"]))

    def _undo_entry(self, conn: Connection, e: Any) -> None:
        action, decision_id = e["action"], e["decision_id"]
        if action == "import":
            self._undo_import(conn, e["before"], e["seq"])
            return
        if action == "profile":
            old = snapshot.load_profile(e["before"])
            self._store_profile(conn, old, exists=True)
            start_rescore_or_explain(conn, old)
            self._profile = None
            return
        row = self._require_row(conn, decision_id)
        if action == "add" and row["deleted_at"] is None:
            book(conn, row, -1)
            conn.execute(
                update(DT).where(DT.c.id == decision_id).values(deleted_at=clock.precise_now())
            )
        elif action == "delete":
            conn.execute(update(DT).where(DT.c.id == decision_id).values(deleted_at=None))
            book(conn, {**row, "deleted_at": None}, +1)
        elif e["before"]:
            self._replace(conn, snapshot.load_decision(e["before"]), self._values_in(conn), row)

    def can_undo(self) -> bool:
        with self._read() as conn:
            return conn.execute(select(UT.c.seq).limit(1)).first() is not None

    def resolve(self, prefix: str, *, include_deleted: bool = False) -> str:
        """The full id for a unique id prefix (at least 4 characters)."""
        cleaned = prefix.strip().lower()
        if len(cleaned) < 4 or not re.fullmatch(r"[0-9a-f-]+", cleaned):
            raise NotFound(
                _("'{prefix}' is not an id or an id prefix of at least 4 characters").format(
                    prefix=prefix
                )
            )
        # A range on the primary key, not LIKE; and no condition on deleted_at in SQL,
        # which would send SQLite down the (deleted_at, …) index over every live row.
        after = cleaned[:-1] + chr(ord(cleaned[-1]) + 1)
        query = select(DT.c.id, DT.c.deleted_at).where(DT.c.id >= cleaned, DT.c.id < after)
        with self._read() as conn:
            found: list[str] = [
                r[0] for r in conn.execute(query) if include_deleted or r[1] is None
            ][:2]
        if not found:
            raise NotFound(_("no decision with id {id}").format(id=prefix))
        if len(found) > 1:
            raise Ambiguous(
                _("id prefix '{prefix}' matches more than one decision; give more of it").format(
                    prefix=prefix
                )
            )
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

    def position(self, decision_id: str, flt: DecisionFilter | None = None) -> int | None:
        """Where the decision sits in `summaries(flt)` (0: first), or None when `flt`
        does not let it through."""
        where = conditions(flt or DecisionFilter())
        keys = select(DT.c.decided_on, DT.c.created_at).where(DT.c.id == decision_id, *where)
        with self._read() as conn:
            row = conn.execute(keys).first()
            if row is None:
                return None
            day, created = row
            before = or_(
                DT.c.decided_on > day,
                and_(
                    DT.c.decided_on == day,
                    or_(
                        DT.c.created_at > created,
                        and_(DT.c.created_at == created, DT.c.id > decision_id),
                    ),
                ),
            )
            query = select(func.count()).select_from(DT).where(*where, before)
            return int(conn.execute(query).scalar_one())

    def count(self, flt: DecisionFilter | None = None) -> int:
        query = select(func.count()).select_from(DT).where(*conditions(flt or DecisionFilter()))
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    def iter_decisions(self, flt: DecisionFilter | None = None) -> Iterator[Decision]:
        """Whole decisions matching `flt`, oldest first (date, creation, id), read in
        batches from one snapshot of the journal: memory stays flat at any size."""
        order = (DT.c.decided_on, DT.c.created_at, DT.c.id)
        query = select(*order).where(*conditions(flt or DecisionFilter())).order_by(*order)
        with self._read() as conn:
            after: tuple[Any, ...] | None = None
            while True:
                page = query if after is None else query.where(tuple_(*order) > tuple_(*after))
                rows = conn.execute(page.limit(BATCH)).all()
                if not rows:
                    return
                yield from load_decisions(conn, [r[2] for r in rows])
                after = tuple(rows[-1])

    def trend(self, today: date, year: int | None = None) -> list[TrendPoint]:
        """The running lifetime value at each month's end (core.charts.trend), from the
        month buckets: from the first decision to this month, or over `year`."""
        first, last = trend_months(today, year)
        profile = self.profile()
        return trend(self.running_series(), self.score().baseline, profile.worth, last, first)

    def trend_bands(self, points: Sequence[TrendPoint]) -> list[Band]:
        """How sure each point of a trend is: the band (core.journal_band) of the
        decisions dated up to its month's end, on the lifetime value."""
        baseline = self.score().baseline
        months = [point.day.year * 100 + point.day.month for point in points]
        return [lifetime_band(band, baseline) for band in self.bands(months)]

    def spending(self, year: int) -> Spending:
        """The year's money out per month (its buckets; all twelve months once the year
        has a decision, so the bars keep the calendar's spacing), and its decisions by
        category."""
        buckets = {m: b for m, b in self.monthly_totals() if m // 100 == year}
        zero = {"spent": 0, "invested": 0}
        months = [
            (m, from_cents(b["spent"]), from_cents(b["invested"]))
            for m in range(year * 100 + 1, year * 100 + 13)
            if buckets
            for b in (buckets.get(m, zero),)
        ]
        rows = [
            (s.category, str(s.kind), s.amount, s.values)
            for s in self.summaries(DecisionFilter(year=year), limit=None)
        ]
        return Spending(year, months, by_category(rows))

    def categories(self) -> list[str]:
        query = select(DT.c.category).where(DT.c.deleted_at.is_(None), DT.c.category != "")
        with self._read() as conn:
            return [r[0] for r in conn.execute(query.distinct().order_by(DT.c.category))]
