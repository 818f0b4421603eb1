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
_UNRANGED_UNCERTAIN = (
    f"e.low IS NULL AND CAST(e.confidence AS REAL) < 1 AND e.value != 0 AND {_LIVE}"
)
# core.journal_band.fixed_variance, in SQL: E² (1 − c) / c.
_VARIANCE = "e.value * e.value * (1.0 / CAST(e.confidence AS REAL) - 1.0)"
_MONTH = (
    "CAST(substr(d.decided_on, 1, 4) AS INTEGER) * 100"
    " + CAST(substr(d.decided_on, 6, 2) AS INTEGER)"
)


def read_uncertainty(
    conn: sqlite3.Connection, profile: Profile, *, by_month: bool
) -> JournalUncertainty:
    """Everything `journal_bands` needs, read with plain SQL (the CLI's `score` reads it
    without SQLAlchemy); month by month (for the trend) or with every decision in one
    month 0 (for the score: no join, so 100,000 decisions are read in about 0.2 s).
    Call it inside one read transaction."""
    totals: list[tuple[int, dict[Dimension, float]]] = []
    columns = ", ".join(str(dim) for dim in DIMENSIONS)
    for month, *values in conn.execute(f"SELECT month, {columns} FROM {BUCKETS} ORDER BY month"):
        month = month if by_month else 0
        if not totals or totals[-1][0] != month:
            totals.append((month, dict.fromkeys(DIMENSIONS, 0.0)))
        for dim, value in zip(DIMENSIONS, values, strict=True):
            totals[-1][1][dim] += value
    if by_month:
        sums = (
            f"SELECT e.dimension, SUM(e.value), SUM({_VARIANCE}), {_MONTH} AS month "
            f"FROM effect e JOIN decision d ON d.id = e.decision_id "
            f"WHERE {_UNRANGED_UNCERTAIN} GROUP BY month, e.dimension"
        )
    else:
        sums = (
            f"SELECT e.dimension, SUM(e.value), SUM({_VARIANCE}), 0 FROM effect e "
            f"WHERE {_UNRANGED_UNCERTAIN} GROUP BY e.dimension"
        )
    pools: dict[tuple[int, Dimension], Pool] = {}
    for dim, expected, variance, month in conn.execute(sums):
        # The mean of an unranged effect is its expected value.
        pools[(int(month), Dimension(dim))] = Pool(
            float(expected), float(expected), float(variance)
        )
    top = conn.execute(
        f"SELECT e.decision_id, e.dimension, e.value, e.confidence FROM effect e "
        f"WHERE {_UNRANGED_UNCERTAIN} ORDER BY {_VARIANCE} DESC, e.decision_id, e.dimension "
        f"LIMIT {SAMPLED}"
    ).fetchall()
    days = _dates_of(conn, [row[0] for row in top]) if by_month else {}
    candidates = [
        unranged((i, dim), _month(days.get(i)), Dimension(dim), float(v), float(c))
        for i, dim, v, c in top
    ]
    candidates += pool_ranged(_ranged_rows(conn, profile, by_month), pools)
    return JournalUncertainty(totals, pools, candidates)


def _month(day: date | None) -> int:
    return 0 if day is None else day.year * 100 + day.month


def _ranged_rows(conn: sqlite3.Connection, profile: Profile, by_month: bool) -> Iterator[RangedRow]:
    """Every live ranged effect, read in one pass over the effect table (CROSS JOIN:
    the effects lead, each decision is looked up by its key)."""
    month = _MONTH if by_month else "0"
    query = (
        f"SELECT e.decision_id, e.dimension, e.value, e.confidence, e.low, e.per_year, "
        f"e.high, {month} FROM effect e CROSS JOIN decision d ON d.id = e.decision_id "
        f"WHERE e.low IS NOT NULL AND d.deleted_at IS NULL"
    )
    for decision_id, dim, value, c, low, per_year, high, at in conn.execute(query):
        dimension = Dimension(dim)
        unit = None if per_year else _unit(conn, decision_id, dimension, profile)
        yield (
            (decision_id, dim),
            at,
            dimension,
            float(value),
            float(c),
            float(low),
            float(per_year),
            float(high),
            unit,
        )


def _unit(conn: sqlite3.Connection, decision_id: str, dim: Dimension, profile: Profile) -> float:
    """The value of a ranged effect at per_year 1, worked out: its stored value is 0
    (per_year 0) and tells nothing."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    row = cursor.execute(
        "SELECT e.*, d.decided_on FROM effect e JOIN decision d ON d.id = e.decision_id "
        "WHERE e.decision_id = ? AND e.dimension = ?",
        (decision_id, str(dim)),
    ).fetchone()
    effect = replace(effect_from_columns(row), per_year=Decimal(1), confidence=Decimal(1))
    return float(lifetime_effect(effect, dim, date.fromisoformat(row["decided_on"]), profile))


def _dates_of(conn: sqlite3.Connection, ids: list[str]) -> dict[str, date]:
    """The decisions' dates, by primary key, a batch at a time."""
    found: dict[str, date] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        marks = ", ".join("?" * len(chunk))
        for decision_id, day in conn.execute(
            f"SELECT id, decided_on FROM decision WHERE id IN ({marks})", chunk
        ):
            found[decision_id] = date.fromisoformat(day)
    return found
