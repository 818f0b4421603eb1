"""Reading what the journal's band is drawn from (core/journal_band.py): the month
buckets, the moments of every unranged uncertain effect summed in SQL per month and
dimension, the largest of them, and every ranged effect. Three queries over the effect
table and one over the buckets, whatever the journal's size."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import lifetime_effect
from ltv_journal.core.journal_band import (
    SAMPLED,
    JournalUncertainty,
    Pool,
    RangedRow,
    pool_ranged,
    unranged,
)
from ltv_journal.core.profile import Profile

from .convert import effect_from_columns
from .quick import BUCKET_TABLE as BUCKETS

BATCH = 500

# Live effects without joining the decisions (a join costs a lookup per effect): the
# deleted decisions are few, and their ids are read once through the deleted_at index.
_LIVE = "e.decision_id NOT IN (SELECT id FROM decision WHERE deleted_at IS NOT NULL)"


class _Sql:
    """The few words SQLite and PostgreSQL say differently (a 64-bit float is REAL in
    SQLite and DOUBLE PRECISION in PostgreSQL, whose REAL has 32 bits)."""

    def __init__(self, conn: Any) -> None:
        self.sqlite = isinstance(conn, sqlite3.Connection)
        real = "REAL" if self.sqlite else "DOUBLE PRECISION"
        self.mark = "?" if self.sqlite else "%s"
        self.cross_join = "CROSS JOIN" if self.sqlite else "JOIN"  # SQLite: effects lead
        self.unranged_uncertain = (
            f"e.low IS NULL AND CAST(e.confidence AS {real}) < 1 AND e.value != 0 AND {_LIVE}"
        )
        # core.journal_band.fixed_variance, in SQL: E² (1 − c) / c.
        value = "e.value" if self.sqlite else "CAST(e.value AS DOUBLE PRECISION)"
        self.variance = f"{value} * {value} * (1.0 / CAST(e.confidence AS {real}) - 1.0)"
        if self.sqlite:
            self.month = (
                "CAST(substr(d.decided_on, 1, 4) AS INTEGER) * 100"
                " + CAST(substr(d.decided_on, 6, 2) AS INTEGER)"
            )
        else:
            self.month = (
                "CAST(EXTRACT(YEAR FROM d.decided_on) * 100"
                " + EXTRACT(MONTH FROM d.decided_on) AS INTEGER)"
            )


def _day(value: Any) -> date:
    """A date column: plain sqlite3 gives its ISO text, psycopg a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def read_uncertainty(conn: Any, profile: Profile, *, by_month: bool) -> JournalUncertainty:
    """Everything `journal_bands` needs, read with plain SQL (the CLI's `score` reads it
    without SQLAlchemy); month by month (for the trend) or with every decision in one
    month 0 (for the score: no join, so 100,000 decisions are read in about 0.2 s).
    Call it inside one read transaction, on a sqlite3 or a psycopg connection."""
    sql = _Sql(conn)
    totals: list[tuple[int, dict[Dimension, float]]] = []
    columns = ", ".join(str(dim) for dim in DIMENSIONS)
    for month, *values in conn.execute(f"SELECT month, {columns} FROM {BUCKETS} ORDER BY month"):
        month = month if by_month else 0
        if not totals or totals[-1][0] != month:
            totals.append((month, dict.fromkeys(DIMENSIONS, 0.0)))
        for dim, value in zip(DIMENSIONS, values, strict=True):
            totals[-1][1][dim] += float(value)
    if by_month:
        sums = (
            f"SELECT e.dimension, SUM(e.value), SUM({sql.variance}), {sql.month} AS month "
            f"FROM effect e JOIN decision d ON d.id = e.decision_id "
            f"WHERE {sql.unranged_uncertain} GROUP BY month, e.dimension"
        )
    else:
        sums = (
            f"SELECT e.dimension, SUM(e.value), SUM({sql.variance}), 0 FROM effect e "
            f"WHERE {sql.unranged_uncertain} GROUP BY e.dimension"
        )
    pools: dict[tuple[int, Dimension], Pool] = {}
    for dim, expected, variance, month in conn.execute(sums):
        # The mean of an unranged effect is its expected value.
        pools[(int(month), Dimension(dim))] = Pool(
            float(expected), float(expected), float(variance)
        )
    top = conn.execute(
        f"SELECT e.decision_id, e.dimension, e.value, e.confidence FROM effect e "
        f"WHERE {sql.unranged_uncertain} ORDER BY {sql.variance} DESC, e.decision_id, e.dimension "
        f"LIMIT {SAMPLED}"
    ).fetchall()
    days = _dates_of(conn, sql, [row[0] for row in top]) if by_month else {}
    candidates = [
        unranged((i, dim), _month(days.get(i)), Dimension(dim), float(v), float(c))
        for i, dim, v, c in top
    ]
    candidates += pool_ranged(_ranged_rows(conn, sql, profile, by_month), pools)
    return JournalUncertainty(totals, pools, candidates)


def _month(day: date | None) -> int:
    return 0 if day is None else day.year * 100 + day.month


def _ranged_rows(conn: Any, sql: _Sql, profile: Profile, by_month: bool) -> Iterator[RangedRow]:
    """Every live ranged effect, read in one pass over the effect table (CROSS JOIN:
    the effects lead, each decision is looked up by its key)."""
    month = sql.month if by_month else "0"
    query = (
        f"SELECT e.decision_id, e.dimension, e.value, e.confidence, e.low, e.per_year, "
        f"e.high, {month} FROM effect e {sql.cross_join} decision d ON d.id = e.decision_id "
        f"WHERE e.low IS NOT NULL AND d.deleted_at IS NULL"
    )
    for decision_id, dim, value, c, low, per_year, high, at in conn.execute(query).fetchall():
        dimension = Dimension(dim)
        unit = None if per_year else _unit(conn, sql, decision_id, dimension, profile)
        yield (
            (decision_id, dim),
            int(at),
            dimension,
            float(value),
            float(c),
            float(low),
            float(per_year),
            float(high),
            unit,
        )


def _unit(conn: Any, sql: _Sql, decision_id: str, dim: Dimension, profile: Profile) -> float:
    """The value of a ranged effect at per_year 1, worked out: its stored value is 0
    (per_year 0) and tells nothing."""
    cursor = conn.execute(
        f"SELECT e.*, d.decided_on FROM effect e JOIN decision d ON d.id = e.decision_id "
        f"WHERE e.decision_id = {sql.mark} AND e.dimension = {sql.mark}",
        (decision_id, str(dim)),
    )
    names = [column[0] for column in cursor.description]
    row = dict(zip(names, cursor.fetchone(), strict=True))
    effect = replace(effect_from_columns(row), per_year=Decimal(1), confidence=Decimal(1))
    return float(lifetime_effect(effect, dim, _day(row["decided_on"]), profile))


def _dates_of(conn: Any, sql: _Sql, ids: list[str]) -> dict[str, date]:
    """The decisions' dates, by primary key, a batch at a time."""
    found: dict[str, date] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        if sql.sqlite:
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT id, decided_on FROM decision WHERE id IN ({marks})"
            params: list[Any] = list(chunk)
        else:
            query, params = "SELECT id, decided_on FROM decision WHERE id = ANY(%s)", [chunk]
        for decision_id, day in conn.execute(query, params).fetchall():
            found[decision_id] = _day(day)
    return found
