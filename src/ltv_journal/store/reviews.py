"""Reviews: recording them, the review queue, and the samples calibration is made of."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

from sqlalchemy import func, select

from ltv_journal.core import clock
from ltv_journal.core.calibration import Sample, samples_of
from ltv_journal.core.conventions import format_date
from ltv_journal.core.decision import Decision, Review
from ltv_journal.core.ids import new_id
from ltv_journal.core.language import _

from . import snapshot
from .base import JournalBase
from .errors import Invalid
from .queries import DecisionFilter, DecisionSummary, conditions, summaries_query, summary_from_row
from .rows import BATCH, DT, load_decisions
from .tables import REVIEWS

RT = REVIEWS


class Reviews(JournalBase):
    """Reviews never change the expected effects; they sit beside them."""

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
                        [
                            (
                                "date",
                                _("must not be before the latest review ({day})").format(
                                    day=format_date(earlier.date)
                                ),
                            )
                        ],
                        "review",
                    )
            stored = replace(review, id=review.id or new_id())
            after = replace(
                before, reviews=(*before.reviews, stored), review_on=stored.next_review_on
            )
            self._replace(conn, after, self._values_in(conn), row)
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

    @contextmanager
    def review_queue_stream(
        self, as_of: date | None = None
    ) -> Iterator[tuple[int, Iterator[DecisionSummary]]]:
        """(how many are due, the queue as `review_queue` orders it) from one snapshot
        of the journal, the rows read as they are taken: flat memory at any size."""
        day = as_of or clock.today()
        due = (DT.c.deleted_at.is_(None), DT.c.review_on <= day)
        query = (
            select(*summaries_query(DecisionFilter()).selected_columns)
            .where(*due)
            .order_by(DT.c.review_on, DT.c.decided_on, DT.c.id)
        )
        with self._read() as conn:
            count = int(conn.execute(select(func.count()).select_from(DT).where(*due)).scalar_one())
            rows = conn.execution_options(yield_per=BATCH).execute(query)
            yield count, (summary_from_row(r) for r in rows)

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
