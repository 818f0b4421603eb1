"""Reading what the journal's band is drawn from (core/journal_band.py): the month
buckets, the moments of every unranged uncertain effect summed in SQL per month and
dimension, the largest of them, and every ranged effect. Three queries over the effect
table and one over the buckets, whatever the journal's size."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Float, Integer, and_, cast, func, literal, select

from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import lifetime_effect
from ltv_journal.core.journal_band import (
    SAMPLED,
    JournalUncertainty,
    Pool,
    Uncertain,
    ranged,
    unranged,
)
from ltv_journal.core.profile import Profile

from .convert import effect_from_columns
from .rows import BATCH
from .tables import BUCKETS, DECISIONS, EFFECTS

DT = DECISIONS
ET = EFFECTS

_CONFIDENCE = cast(ET.c.confidence, Float)
_MONTH = cast(func.substr(DT.c.decided_on, 1, 4), Integer) * 100 + cast(
    func.substr(DT.c.decided_on, 6, 2), Integer
)
# core.journal_band.fixed_variance, in SQL: E² (1 − c) / c.
_VARIANCE = ET.c.value * ET.c.value * (literal(1.0) / _CONFIDENCE - literal(1.0))
_DELETED = select(DT.c.id).where(DT.c.deleted_at.is_not(None))
# Live effects without joining the decisions (a join costs a lookup per effect): the
# deleted decisions are few, and their ids are read once through the deleted_at index.
_LIVE = ET.c.decision_id.not_in(_DELETED)
_UNRANGED_UNCERTAIN = and_(ET.c.low.is_(None), _CONFIDENCE < 1, ET.c.value != 0, _LIVE)


def _joined() -> Any:
    return ET.join(DT, DT.c.id == ET.c.decision_id)


def read_uncertainty(conn: Connection, profile: Profile, *, by_month: bool) -> JournalUncertainty:
    """Everything `journal_bands` needs, read in one transaction; month by month (for
    the trend) or with every decision in one month 0 (for the score: no join, so a
    100,000-decision journal is read in a few hundredths of a second)."""
    buckets = conn.execute(select(BUCKETS).order_by(BUCKETS.c.month)).all()
    totals: list[tuple[int, dict[Dimension, float]]] = []
    for row in buckets:
        month = row.month if by_month else 0
        if not totals or totals[-1][0] != month:
            totals.append((month, dict.fromkeys(DIMENSIONS, 0.0)))
        for dim in DIMENSIONS:
            totals[-1][1][dim] += row._mapping[str(dim)]
    sums = select(ET.c.dimension, func.sum(ET.c.value), func.sum(_VARIANCE))
    if by_month:
        sums = sums.add_columns(_MONTH).select_from(_joined()).group_by(_MONTH)
    pools: dict[tuple[int, Dimension], Pool] = {}
    for row in conn.execute(sums.where(_UNRANGED_UNCERTAIN).group_by(ET.c.dimension)):
        expected, variance = float(row[1]), float(row[2])
        month = int(row[3]) if by_month else 0
        # The mean of an unranged effect is its expected value.
        pools[(month, Dimension(row[0]))] = Pool(expected, expected, variance)
    top = conn.execute(
        select(ET.c.decision_id, ET.c.dimension, ET.c.value, ET.c.confidence)
        .where(_UNRANGED_UNCERTAIN)
        .order_by(_VARIANCE.desc(), ET.c.decision_id, ET.c.dimension)
        .limit(SAMPLED)
    ).all()
    # Unordered, so SQLite scans the table rather than walking the key index; the order
    # draws are made in is set by each term's key.
    ranged_rows = conn.execute(select(ET).where(ET.c.low.is_not(None), _LIVE)).all()
    days = _dates_of(conn, [row[0] for row in top] + [row.decision_id for row in ranged_rows])
    month = (lambda i: days[i].year * 100 + days[i].month) if by_month else (lambda i: 0)
    largest = [
        unranged((decision_id, dim), month(decision_id), Dimension(dim), float(v), float(c))
        for decision_id, dim, v, c in top
    ]
    ranges = [
        _ranged(row._mapping, days[row.decision_id], month(row.decision_id), profile)
        for row in ranged_rows
    ]
    return JournalUncertainty(totals, pools, largest, ranges)


def _dates_of(conn: Connection, ids: list[str]) -> dict[str, date]:
    """The decisions' dates, by primary key, a batch at a time."""
    found: dict[str, date] = {}
    for start in range(0, len(ids), BATCH):
        query = select(DT.c.id, DT.c.decided_on).where(DT.c.id.in_(ids[start : start + BATCH]))
        found.update((i, day) for i, day in conn.execute(query))
    return found


def _ranged(m: Any, day: date, month: int, profile: Profile) -> Uncertain:
    dim = Dimension(m["dimension"])
    c = float(m["confidence"])
    value, per_year = float(m["value"]), float(m["per_year"])
    if per_year:
        unit = value / (c * per_year)
    else:
        # The stored value is 0 and tells nothing of the unit: work it out.
        effect = replace(effect_from_columns(m), per_year=Decimal(1), confidence=Decimal(1))
        unit = float(lifetime_effect(effect, dim, day, profile))
    bounds = (float(m["low"]), per_year, float(m["high"]))
    return ranged((m["decision_id"], str(dim)), month, dim, value, c, bounds, unit)
