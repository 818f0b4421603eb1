"""Keeping the score current inside every write.

Each live decision is booked into its month's bucket (count, per-dimension values,
spent, invested). The score is the baseline plus the sum of a few hundred buckets, so
it costs the same at 100 decisions as at 100,000.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, case, delete, func, insert, select, text

from ltv_journal.core.decision import Decision, Kind
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect, lifetime_effect
from ltv_journal.core.money import from_cents, to_cents
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import amount_value

from .convert import effect_columns
from .queries import month_key
from .tables import BUCKET_TABLE, BUCKETS, DECISIONS

D = DECISIONS.c
B = BUCKETS

_BUCKET_FIELDS = ("decisions", *(str(d) for d in DIMENSIONS), "spent", "invested")
_UPSERT = text(
    f"INSERT INTO {BUCKET_TABLE} (month, {', '.join(_BUCKET_FIELDS)}) "
    f"VALUES (:month, {', '.join(':' + f for f in _BUCKET_FIELDS)}) "
    "ON CONFLICT (month) DO UPDATE SET "
    + ", ".join(f"{f} = {BUCKET_TABLE}.{f} + excluded.{f}" for f in _BUCKET_FIELDS)
)


def month_of(day: date) -> int:
    return day.year * 100 + day.month


def book(conn: Connection, row: Mapping[str, Any], sign: int) -> None:
    """Add (sign=1) or remove (sign=−1) one decision row's contribution to its bucket."""
    params: dict[str, int] = {
        "month": month_of(row["decided_on"]),
        "decisions": sign,
        "spent": sign * row["amount"] if row["kind"] == Kind.EXPENSE else 0,
        "invested": sign * row["amount"] if row["kind"] == Kind.INVESTMENT else 0,
    }
    for dim in DIMENSIONS:
        params[str(dim)] = sign * row[f"v_{dim}"]
    conn.execute(_UPSERT, params)


def rebuild_buckets(conn: Connection) -> None:
    """Recompute every bucket from the decision table (after bulk writes)."""
    conn.execute(delete(B))
    month = month_key(D.decided_on)
    is_expense = D.kind == str(Kind.EXPENSE)
    query = (
        select(
            month.label("month"),
            func.count().label("decisions"),
            *(func.sum(D[f"v_{dim}"]).label(str(dim)) for dim in DIMENSIONS),
            func.sum(case((is_expense, D.amount), else_=0)).label("spent"),
            func.sum(case((is_expense, 0), else_=D.amount)).label("invested"),
        )
        .where(D.deleted_at.is_(None))
        .group_by(month)
    )
    conn.execute(insert(B).from_select(["month", *_BUCKET_FIELDS], query))


def bucket_totals(
    conn: Connection, before_month: int | None = None
) -> tuple[int, dict[Dimension, int]]:
    """(decision count, per-dimension totals in hundredths) over buckets before a month."""
    query = select(
        func.coalesce(func.sum(B.c.decisions), 0),
        *(func.coalesce(func.sum(B.c[str(dim)]), 0) for dim in DIMENSIONS),
    )
    if before_month is not None:
        query = query.where(B.c.month < before_month)
    row = conn.execute(query).one()
    return int(row[0]), {dim: int(row[i + 1]) for i, dim in enumerate(DIMENSIONS)}


class EffectValues:
    """A profile's lifetime values of decisions, in hundredths, worked out once per
    decision object (an import validates, then writes, each decision). The same figures
    as `core.score.decision_values`, kept as the integers the tables store."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        # Keyed by id() and holding the decision itself, so an id is never reused.
        self._seen: dict[int, tuple[Decision, dict[Dimension, int], dict[Dimension, int]]] = {}

    def effect_cents(self, effect: Effect, dim: Dimension, day: date) -> int:
        """One effect's lifetime value in hundredths (rounded half-to-even)."""
        return to_cents(lifetime_effect(effect, dim, day, self.profile))

    def _worked_out(self, decision: Decision) -> tuple[dict[Dimension, int], dict[Dimension, int]]:
        seen = self._seen.get(id(decision))
        if seen is not None and seen[0] is decision:
            return seen[1], seen[2]
        effects = {
            dim: self.effect_cents(effect, dim, decision.date)
            for dim, effect in decision.effects.items()
        }
        totals = {dim: effects.get(dim, 0) for dim in DIMENSIONS}
        totals[Dimension.MONEY] -= to_cents(
            amount_value(decision.amount, decision.date, self.profile)
        )
        self._seen[id(decision)] = (decision, effects, totals)
        return effects, totals

    def effects_cents(self, decision: Decision) -> dict[Dimension, int]:
        """Each effect's lifetime value in hundredths."""
        return self._worked_out(decision)[0]

    def decision_cents(self, decision: Decision) -> dict[Dimension, int]:
        """The decision's contribution per dimension in hundredths (money: −amount too)."""
        return self._worked_out(decision)[1]

    def decision(self, decision: Decision) -> dict[Dimension, Decimal]:
        """The same contribution as exact Decimals."""
        return {dim: from_cents(c) for dim, c in self.decision_cents(decision).items()}


def effect_rows(decision_id: str, decision: Decision, values: EffectValues) -> list[dict[str, Any]]:
    """Effect table rows for a decision, each with its computed value."""
    cents = values.effects_cents(decision)
    return [
        {
            "decision_id": decision_id,
            "dimension": str(dim),
            **effect_columns(effect),
            "value": cents[dim],
        }
        for dim, effect in decision.effects.items()
    ]
