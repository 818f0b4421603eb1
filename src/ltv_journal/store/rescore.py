"""Rescoring the journal for a new profile, a batch of decisions at a time.

A change of horizons or rates moves every decision's lifetime values: at a million
decisions a minute of work. Done in one transaction it would hold every other writer
off for that minute and keep every row in memory. So a profile change commits the new
profile together with a marker (the `rescore` table: the last decision id done), and
the rescore then runs in short transactions of `RESCORE_BATCH` decisions, each of which
reads the profile in force, works out its decisions' values afresh, moves their month
buckets by the difference, and advances the marker.

A decision added or edited meanwhile is scored by its own write under the profile in
force (the new one), so when a batch reaches it nothing changes; the totals agree with
a rebuild when the marker is gone. A crash leaves the marker behind, and the next
`Journal` to open the file finishes the work. A second profile change starts the
marker over.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, text, update

from ltv_journal.core import clock
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import MissingBirthDate, horizon_problems
from ltv_journal.core.money import from_cents, to_cents
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import amount_value

from .convert import effect_from_columns, profile_from_columns
from .scoring import EffectValues, month_of, rebuild_buckets
from .tables import BUCKET_TABLE, DECISIONS, EFFECTS, PROFILES, RESCORE

D = DECISIONS.c
E = EFFECTS.c

RESCORE_BATCH = 1000
"""Decisions per rescoring transaction: about a tenth of a second of work."""

_VALUE_COLUMNS = tuple(f"v_{dim}" for dim in DIMENSIONS)
_MOVE_BUCKET = text(
    f"INSERT INTO {BUCKET_TABLE} (month, decisions, {', '.join(map(str, DIMENSIONS))}, "
    "spent, invested) "
    f"VALUES (:month, 0, {', '.join(':' + str(d) for d in DIMENSIONS)}, 0, 0) "
    "ON CONFLICT (month) DO UPDATE SET "
    + ", ".join(f"{d} = {BUCKET_TABLE}.{d} + excluded.{d}" for d in DIMENSIONS)
)


def rescore_batch(
    conn: Connection, profile: Profile, after: str, limit: int = RESCORE_BATCH
) -> str | None:
    """Work out the values of up to `limit` decisions with ids after `after` (deleted
    ones too: undo brings them back) under `profile`, store them and move the month
    buckets of the live ones by the difference. Returns the last id done, or None when
    there was none left. Raises MissingBirthDate when a horizon is unknown."""
    rows = conn.execute(
        select(D.id, D.decided_on, D.amount, D.deleted_at, *(D[c] for c in _VALUE_COLUMNS))
        .where(D.id > after)
        .order_by(D.id)
        .limit(limit)
    ).all()
    if not rows:
        return None
    ids = [r.id for r in rows]
    values = EffectValues(profile)
    totals: dict[str, dict[Dimension, int]] = {}
    effect_updates: list[dict[str, Any]] = []
    query = select(EFFECTS, D.decided_on).join(DECISIONS).where(E.decision_id.in_(ids))
    for row in conn.execute(query):
        m = row._mapping
        dim = Dimension(m["dimension"])
        cents = values.effect_cents(effect_from_columns(m), dim, m["decided_on"])
        totals.setdefault(m["decision_id"], {})[dim] = cents
        if cents != m["value"]:
            effect_updates.append({"d": m["decision_id"], "m": m["dimension"], "v": cents})
    if effect_updates:
        conn.execute(
            update(EFFECTS)
            .where(E.decision_id == bindparam("d"), E.dimension == bindparam("m"))
            .values(value=bindparam("v")),
            effect_updates,
        )
    decision_updates: list[dict[str, Any]] = []
    moves: dict[int, dict[str, int]] = {}
    for row in rows:
        m = row._mapping
        found = totals.get(row.id, {})
        new = {dim: found.get(dim, 0) for dim in DIMENSIONS}
        new[Dimension.MONEY] -= _amount_cents(m["amount"], m["decided_on"], profile)
        if all(new[dim] == m[f"v_{dim}"] for dim in DIMENSIONS):
            continue
        decision_updates.append({"i": row.id, **{f"n_{dim}": new[dim] for dim in DIMENSIONS}})
        if m["deleted_at"] is None:
            move = moves.setdefault(
                month_of(m["decided_on"]), dict.fromkeys(map(str, DIMENSIONS), 0)
            )
            for dim in DIMENSIONS:
                move[str(dim)] += new[dim] - m[f"v_{dim}"]
    if decision_updates:
        conn.execute(
            update(DECISIONS)
            .where(D.id == bindparam("i"))
            .values({f"v_{dim}": bindparam(f"n_{dim}") for dim in DIMENSIONS}),
            decision_updates,
        )
    if moves:
        conn.execute(_MOVE_BUCKET, [{"month": month, **move} for month, move in moves.items()])
    return str(ids[-1])


def _amount_cents(amount: int, day: date, profile: Profile) -> int:
    if profile.discount_rate == 0:
        return amount
    return to_cents(amount_value(from_cents(amount), day, profile))


def rescore_all(conn: Connection, profile: Profile) -> None:
    """Recompute every effect and decision value for `profile` inside the caller's
    transaction (an import or a migration, which must be all or nothing), a batch at a
    time so that memory stays flat; then the buckets afresh."""
    after: str | None = ""
    while after is not None:
        after = rescore_batch(conn, profile, after)
    rebuild_buckets(conn)


def start_rescore(conn: Connection) -> None:
    """Mark the journal as needing a rescore from its first decision (again, when one
    is under way): committed with the profile change that calls for it."""
    conn.execute(delete(RESCORE))
    conn.execute(insert(RESCORE).values(id=1, after="", touched_at=clock.precise_now()))


ABANDONED_AFTER = timedelta(seconds=10)
"""A marker untouched this long is an abandoned rescore (its program was killed)."""


def rescore_pending(conn: Connection, *, abandoned_only: bool = False) -> bool:
    """Whether a rescore is pending; with `abandoned_only`, only one that no program
    has moved on for `ABANDONED_AFTER` (a running one is left to its program)."""
    query = select(RESCORE.c.id)
    if abandoned_only:
        query = query.where(RESCORE.c.touched_at < clock.precise_now() - ABANDONED_AFTER)
    return conn.execute(query).first() is not None


def rescore_step(conn: Connection, limit: int = RESCORE_BATCH) -> bool:
    """One batch of the rescore the marker asks for, under the profile in force (read
    in this transaction). Returns True when there is nothing (left) to do."""
    marker = conn.execute(select(RESCORE.c.after)).first()
    if marker is None:
        return True
    row = conn.execute(select(PROFILES)).first()
    profile = Profile() if row is None else profile_from_columns(row._mapping)
    done = rescore_batch(conn, profile, marker.after, limit)
    if done is None:
        conn.execute(delete(RESCORE))
        return True
    conn.execute(update(RESCORE).values(after=done, touched_at=clock.precise_now()))
    return False


def check_rescorable(conn: Connection, profile: Profile) -> None:
    """Raise MissingBirthDate when `profile` has no birth date and some effect lasts
    until retirement or death: checked before a batched rescore commits the profile."""
    if profile.birth_date is not None:
        return
    if conn.execute(select(E.decision_id).where(E.years.is_(None)).limit(1)).first():
        raise MissingBirthDate()


def passed_horizons(conn: Connection, profile: Profile) -> list[tuple[str, str]]:
    """(decision title, reason) for every open-ended effect whose horizon has passed
    when it starts under `profile` (deleted decisions too: undo brings them back).

    Only decisions close enough to the earliest horizon to reach it are read: an
    effect starts at most its longest delay after its decision."""
    horizons = [h for h in (profile.retirement, profile.death) if h is not None]
    if not horizons:
        return []
    open_ended = E.years.is_(None)
    delay = conn.execute(select(func.max(E.delay_months)).where(open_ended)).scalar()
    if delay is None:
        return []
    earliest = min(horizons) - timedelta(days=31 * (int(delay) + 1))
    rows = conn.execute(
        select(EFFECTS, D.decided_on, D.title)
        .join(DECISIONS, D.id == E.decision_id)
        .where(open_ended, D.decided_on >= earliest)
    )
    found = []
    for row in rows:
        m = row._mapping
        dim = Dimension(m["dimension"])
        effect = effect_from_columns(m)
        for _, reason in horizon_problems(effect, dim, m["decided_on"], profile):
            found.append((m["title"], f"{dim.shown}: {reason.partition(';')[0]}"))
    return found
