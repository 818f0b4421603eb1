"""Reading the score: now, at any day, and month by month for the trend."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, or_, select

from ltv_journal.core import clock
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.journal_band import EVERYTHING, journal_bands
from ltv_journal.core.money import from_cents
from ltv_journal.core.score import Score, make_score
from ltv_journal.core.uncertainty import Band
from ltv_journal.core.worth import POINT_DIMENSIONS

from .band_reads import read_uncertainty
from .base import JournalBase
from .rows import DT
from .scoring import bucket_totals, month_of
from .tables import BUCKETS

BT = BUCKETS


class ScoreReads(JournalBase):
    """The score from the month buckets: the same cost at 100 decisions as at 100,000."""

    def score(self, as_of: date | None = None) -> Score:
        """The LTV score over all live decisions (baseline for `as_of`, default today)."""
        with self._read() as conn:  # the profile and the buckets of one moment
            profile = self._profile = self._load_profile(conn)
            count, totals = bucket_totals(conn)
        return make_score(
            profile,
            as_of or clock.today(),
            count,
            {dim: from_cents(v) for dim, v in totals.items()},
        )

    def running_score(self, day: date) -> Score:
        """The score over decisions dated up to and including `day`."""
        first = day.replace(day=1)
        with self._read() as conn:
            profile = self._profile = self._load_profile(conn)
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
        return make_score(profile, day, count, values)

    def band(self) -> Band:
        """How sure the decisions' summed values are (core.journal_band): P10 / P50 /
        P90 per dimension and combined, and the chance they raise the lifetime value."""
        with self._read() as conn:
            profile = self._profile = self._load_profile(conn)
            source = read_uncertainty(_driver(conn), profile, by_month=False)
        return journal_bands(source, [EVERYTHING], profile.worth)[0]

    def bands(self, months: list[int]) -> list[Band]:
        """The band of the decisions dated up to the end of each of `months` (YYYYMM,
        ascending): what the trend draws around its line."""
        with self._read() as conn:
            profile = self._profile = self._load_profile(conn)
            source = read_uncertainty(_driver(conn), profile, by_month=True)
        return journal_bands(source, months, profile.worth)

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

    def point_purchases(self) -> list[tuple[str, dict[Dimension, Decimal]]]:
        """(title, values) of the live decisions that gave up money for points (money
        value below 0, some point dimension above 0): what cost per point-year and the
        implied worth are worked out from. Read from the stored values, never the effects."""
        gains = or_(*(DT.c[f"v_{dim}"] > 0 for dim in POINT_DIMENSIONS))
        query = select(DT.c.title, *(DT.c[f"v_{dim}"] for dim in DIMENSIONS)).where(
            DT.c.deleted_at.is_(None), DT.c.v_money < 0, gains
        )
        with self._read() as conn:
            return [
                (row[0], {dim: from_cents(row[i + 1]) for i, dim in enumerate(DIMENSIONS)})
                for row in conn.execute(query)
            ]

    def years(self) -> list[int]:
        """Years that hold live decisions, newest first."""
        with self._read() as conn:
            months = conn.execute(
                select(BT.c.month).where(BT.c.decisions > 0).order_by(BT.c.month.desc())
            )
            return sorted({m // 100 for (m,) in months}, reverse=True)


def _driver(conn: Connection) -> Any:
    """The sqlite3 or psycopg connection under a SQLAlchemy one, in its transaction."""
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw
