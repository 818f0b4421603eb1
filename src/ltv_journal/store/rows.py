"""Reading whole decisions and writing them, over a SQLAlchemy connection.

Everything a decision owns (effects, tags, reviews and their observations, options
not taken and their effects) is read in
batches of ids and written by replacing the children, so one write path serves add,
edit, undo and import alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, DateTime, Table, delete, insert, select, update

from ltv_journal.core.decision import NOTE_FIELDS, Decision, Observation, Option, Review
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.ids import new_id
from ltv_journal.core.money import to_cents

from .convert import (
    decision_from_columns,
    effect_columns,
    effect_from_columns,
    observation_from_columns,
    option_from_columns,
    review_from_columns,
)
from .scoring import EffectValues, effect_rows
from .tables import DECISIONS, EFFECTS, OBSERVATIONS, OPTION_EFFECTS, OPTIONS, REVIEWS, TAGS

DT = DECISIONS
ET = EFFECTS
TT = TAGS
RT = REVIEWS
OT = OBSERVATIONS
PT = OPTIONS
PET = OPTION_EFFECTS
BATCH = 500
_MISSING = object()


def decision_row(conn: Connection, decision_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(DT).where(DT.c.id == decision_id)).first()
    return None if row is None else dict(row._mapping)


def load_decisions(conn: Connection, ids: Sequence[str]) -> list[Decision]:
    """Whole decisions for `ids`, in the order given (missing ids are skipped)."""
    found: dict[str, Decision] = {}
    for start in range(0, len(ids), BATCH):
        chunk = list(ids[start : start + BATCH])
        found.update(_load_chunk(conn, chunk))
    return [found[i] for i in ids if i in found]


def _load_chunk(conn: Connection, ids: list[str]) -> dict[str, Decision]:
    effects: dict[str, dict[Dimension, Effect]] = {}
    for row in conn.execute(select(ET).where(ET.c.decision_id.in_(ids))):
        m = row._mapping
        effects.setdefault(m["decision_id"], {})[Dimension(m["dimension"])] = effect_from_columns(m)
    tags: dict[str, list[str]] = {}
    for decision_id, tag in conn.execute(
        select(TT.c.decision_id, TT.c.tag).where(TT.c.decision_id.in_(ids)).order_by(TT.c.tag)
    ):
        tags.setdefault(decision_id, []).append(tag)
    reviews = _load_reviews(conn, ids)
    options = _load_options(conn, ids)
    return {
        row._mapping["id"]: decision_from_columns(
            row._mapping,
            effects.get(row._mapping["id"], {}),
            tags.get(row._mapping["id"], ()),
            reviews.get(row._mapping["id"], ()),
            options.get(row._mapping["id"], ()),
        )
        for row in conn.execute(select(DT).where(DT.c.id.in_(ids)))
    }


def _load_reviews(conn: Connection, ids: list[str]) -> dict[str, list[Review]]:
    rows = conn.execute(
        select(RT).where(RT.c.decision_id.in_(ids)).order_by(RT.c.decision_id, RT.c.position)
    ).all()
    if not rows:
        return {}
    observations: dict[str, dict[Dimension, Observation]] = {}
    review_ids = [r._mapping["id"] for r in rows]
    for start in range(0, len(review_ids), BATCH):
        chunk = review_ids[start : start + BATCH]
        for row in conn.execute(select(OT).where(OT.c.review_id.in_(chunk))):
            m = row._mapping
            observations.setdefault(m["review_id"], {})[Dimension(m["dimension"])] = (
                observation_from_columns(m)
            )
    found: dict[str, list[Review]] = {}
    for row in rows:
        m = row._mapping
        found.setdefault(m["decision_id"], []).append(
            review_from_columns(m, observations.get(m["id"], {}))
        )
    return found


def _load_options(conn: Connection, ids: list[str]) -> dict[str, list[Option]]:
    rows = conn.execute(
        select(PT).where(PT.c.decision_id.in_(ids)).order_by(PT.c.decision_id, PT.c.position)
    ).all()
    if not rows:
        return {}
    effects: dict[tuple[str, int], dict[Dimension, Effect]] = {}
    for row in conn.execute(select(PET).where(PET.c.decision_id.in_(ids))):
        m = row._mapping
        key = (m["decision_id"], m["position"])
        effects.setdefault(key, {})[Dimension(m["dimension"])] = effect_from_columns(m)
    found: dict[str, list[Option]] = {}
    for row in rows:
        m = row._mapping
        option = option_from_columns(m, effects.get((m["decision_id"], m["position"]), {}))
        found.setdefault(m["decision_id"], []).append(option)
    return found


def decision_columns(
    decision: Decision, values: EffectValues, *, created_at: datetime, now: datetime
) -> dict[str, Any]:
    """The decision table row for `decision` (which must have an id)."""
    return {
        "id": decision.id,
        "decided_on": decision.date,
        "title": decision.title.strip(),
        "kind": str(decision.kind),
        "amount": to_cents(decision.amount),
        "category": decision.category.strip(),
        **{name: getattr(decision, name) for name in NOTE_FIELDS},
        "review_on": decision.resolved_review_on(),
        "reviews": len(decision.reviews),
        "created_at": created_at,
        "updated_at": now,
        "deleted_at": decision.deleted_at,
        **{f"v_{dim}": cents for dim, cents in values.decision_cents(decision).items()},
    }


Rows = list[dict[str, Any]]


def child_rows(
    decision: Decision, values: EffectValues, now: datetime
) -> tuple[Rows, Rows, Rows, Rows, Rows, Rows]:
    """(effects, tags, reviews, observations, options, option effects) rows for a
    decision with an id."""
    effects = effect_rows(decision.id, decision, values)
    tags = [{"decision_id": decision.id, "tag": tag} for tag in decision.tags]
    reviews: list[dict[str, Any]] = []
    observations: list[dict[str, Any]] = []
    for position, review in enumerate(decision.reviews):
        review_id = review.id or new_id()
        reviews.append(
            {
                "id": review_id,
                "decision_id": decision.id,
                "reviewed_on": review.date,
                "position": position,
                "would_repeat": None if review.would_repeat is None else str(review.would_repeat),
                "notes": review.notes,
                "hindsight": review.hindsight,
                "next_review_on": review.next_review_on,
                "created_at": now,
            }
        )
        observations.extend(
            {
                "review_id": review_id,
                "dimension": str(dim),
                "per_year": None if seen.per_year is None else to_cents(seen.per_year),
                "materialised": seen.materialised,
            }
            for dim, seen in review.actual.items()
        )
    options, option_effects = option_rows(decision)
    return effects, tags, reviews, observations, options, option_effects


def option_rows(decision: Decision) -> tuple[Rows, Rows]:
    """(options, option effects) rows for a decision with an id."""
    options: Rows = []
    effects: Rows = []
    for position, option in enumerate(decision.options):
        options.append(
            {
                "decision_id": decision.id,
                "position": position,
                "title": option.title,
                "kind": str(option.kind),
                "amount": to_cents(option.amount),
            }
        )
        effects.extend(
            {
                "decision_id": decision.id,
                "position": position,
                "dimension": str(dim),
                **effect_columns(effect),
            }
            for dim, effect in option.effects.items()
        )
    return options, effects


def write_decision(
    conn: Connection,
    decision: Decision,
    values: EffectValues,
    *,
    existing: dict[str, Any] | None,
    now: datetime,
) -> dict[str, Any]:
    """Insert or replace one decision and all it owns; returns its new table row."""
    created = existing["created_at"] if existing else now
    row = decision_columns(decision, values, created_at=created, now=now)
    if existing is None:
        bulk_insert(conn, DT, [row])
    else:
        conn.execute(update(DT).where(DT.c.id == decision.id).values(row))
        clear_children(conn, [decision.id])
    insert_children(conn, [child_rows(decision, values, now)])
    return row


def clear_children(conn: Connection, ids: list[str]) -> None:
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        conn.execute(delete(ET).where(ET.c.decision_id.in_(chunk)))
        conn.execute(delete(TT).where(TT.c.decision_id.in_(chunk)))
        conn.execute(delete(RT).where(RT.c.decision_id.in_(chunk)))
        conn.execute(delete(PET).where(PET.c.decision_id.in_(chunk)))
        conn.execute(delete(PT).where(PT.c.decision_id.in_(chunk)))


def insert_children(conn: Connection, children: Sequence[tuple[list[Any], ...]]) -> None:
    """Insert the (effects, tags, reviews, observations, options, option effects) of many
    decisions, in bulk."""
    for table, index in ((ET, 0), (TT, 1), (RT, 2), (OT, 3), (PT, 4), (PET, 5)):
        rows = [r for group in children for r in group[index]]
        bulk_insert(conn, table, rows)


def bulk_insert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows that share their keys, with one executemany.

    On SQLite the rows go straight to the driver after each column's own bind
    conversion (dates to text and so on), which skips SQLAlchemy's per-row parameter
    handling: the stored values are the same, at a fraction of the cost in bulk.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table, rows)
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    quote = conn.dialect.identifier_preparer
    converters = [
        table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for name in names
    ]
    sql = (
        f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.quote(n) for n in names)}) "
        f"VALUES ({', '.join('?' * len(names))})"
    )
    # Dates and timestamps repeat (one `now` for a whole import): convert each once.
    converting: list[tuple[int, Any, dict[Any, Any]]] = [
        (i, convert, {}) for i, convert in enumerate(converters) if convert is not None
    ]
    params: list[tuple[Any, ...]] = []
    for row in rows:
        values = [row[n] for n in names]
        for i, convert, done in converting:
            value = values[i]
            found = done.get(value, _MISSING)
            if found is _MISSING:
                found = done[value] = convert(value)
            values[i] = found
        params.append(tuple(values))
    conn.exec_driver_sql(sql, params)


def _copy_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """PostgreSQL: the rows through COPY on the caller's transaction (psycopg adapts each
    value: dates, UTC timestamps, integers, text, NULL), many times faster in bulk than
    one INSERT per row."""
    if len(rows) < 10:  # a single add: COPY's set-up costs more than it saves
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    quote = conn.dialect.identifier_preparer
    columns = ", ".join(quote.quote(n) for n in names)
    moments = [i for i, n in enumerate(names) if isinstance(table.c[n].type, DateTime)]
    raw: Any = conn.connection.driver_connection
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY {quote.format_table(table)} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            values = [row[n] for n in names]
            for i in moments:  # stored in UTC, as an INSERT on a UTC session stores them
                if values[i] is not None and values[i].tzinfo is not None:
                    values[i] = values[i].astimezone(UTC).replace(tzinfo=None)
            copy.write_row(values)
