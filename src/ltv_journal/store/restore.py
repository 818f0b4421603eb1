"""Restoring a backup of any size: an import that reads its decisions as they come.

`BulkImport.import_decisions` holds the whole file's decisions and plan in memory,
which is right for a file a person picks (at most 50 MB) and too much for a backup of
a million decisions. Here the decisions arrive from an iterator and are planned,
checked and written a batch at a time, still in one transaction (all or nothing). What
must be remembered across batches — the ids seen (a file with one id twice is
refused) in a temporary table, the ids added and the decisions replaced (for undo) in
`undo_item` rows under the restore's undo entry — lives in SQLite, not in Python.
Memory stays flat at any size.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import timedelta
from itertools import islice
from typing import Any

from sqlalchemy import Connection, delete, insert, text, update

from ltv_journal.core import clock
from ltv_journal.core.decision import Decision
from ltv_journal.core.language import _
from ltv_journal.core.profile import Profile

from . import snapshot
from .base import horizons_changed, rescore_or_explain
from .bulk_import import Action, BulkImport, ImportResult, Planned, as_new, plan_of
from .errors import Invalid, NewerEdits, decision_at
from .import_profile import Settled, settle_profile
from .rows import BATCH
from .scoring import EffectValues, rebuild_buckets
from .tables import UNDO_ITEMS, UNDO_LOG

OnStep = Callable[[Planned], None]

_TEMP_TABLES = {"restore_seen": "id TEXT PRIMARY KEY"}


class Restore(BulkImport):
    """`restore_decisions`: `import_decisions` for an iterator of any length."""

    def restore_decisions(
        self,
        decisions: Iterable[Decision],
        profile: Profile | None = None,
        *,
        replace_profile: bool = False,
        overwrite_newer: bool = False,
        dry_run: bool = False,
        source: str = "",
        on_step: OnStep | None = None,
    ) -> ImportResult:
        """Import `decisions` as `import_decisions` does — one transaction, idempotent
        by id, newer edits kept unless `overwrite_newer`, one undo step — reading them
        as they come. `on_step` hears what happens to each decision, in the file's
        order (the result's `plan` stays empty: it could be a million lines). An error
        raised by the iterator (a bad line further down the file) undoes everything."""
        with self._read() if dry_run else self._write() as conn:
            settled = settle_profile(conn, profile, replace_profile)
            _create_temp_tables(conn)
            # The undo entry comes first, so the decisions written can be noted under it.
            seq = None if dry_run else _open_entry(conn)
            try:
                tally = _Tally(on_step)
                now = clock.precise_now()
                position = 0
                stream = iter(decisions)
                while batch := list(islice(stream, BATCH)):
                    items = [as_new(d) for d in batch]
                    # Per batch: it keeps every decision it has worked out.
                    values = self._values(settled.active)
                    self._check_batch(conn, items, values, position)
                    existing = self._existing(conn, [d.id for d in items])
                    plan = [
                        replace(p, position=p.position + position) for p in plan_of(items, existing)
                    ]
                    tally.count(plan)
                    writing = [
                        (item, step)
                        for item, step in zip(items, plan, strict=True)
                        if step.action is not Action.UNCHANGED
                        and (step.action is not Action.NEWER or overwrite_newer)
                    ]
                    if seq is not None and not (tally.newer and not overwrite_newer) and writing:
                        _remember(conn, seq, writing, existing)
                        self._replace_all(
                            conn,
                            [i for i, _ in writing],
                            existing,
                            values,
                            now + timedelta(microseconds=position),
                        )
                    position += len(items)
                result = tally.result(settled, dry_run=dry_run, overwrite_newer=overwrite_newer)
                if seq is None:
                    return result
                if tally.newer and not overwrite_newer:
                    raise NewerEdits(tally.first_newer, tally.newer)
                if settled.changes and settled.profile is not None:
                    self._store_profile(conn, settled.profile, exists=settled.had)
                    if settled.had and horizons_changed(settled.old, settled.profile):
                        rescore_or_explain(conn, settled.profile)
                if result.added or result.updated or settled.changes:
                    rebuild_buckets(conn)
                    counts = f"{result.added} added, {result.updated} changed"
                    title = f"{source} ({counts})" if source else counts
                    _close_entry(conn, seq, title, settled)
                else:  # a restore that changed nothing leaves the undo history alone
                    conn.execute(delete(UNDO_LOG).where(UNDO_LOG.c.seq == seq))
            finally:
                _drop_temp_tables(conn)
        self._profile = None
        return result

    def _check_batch(
        self, conn: Connection, items: list[Decision], values: EffectValues, offset: int
    ) -> None:
        """Each decision valid, and no id seen before in the file."""
        seen: set[str] = set()
        for index, item in enumerate(items):
            try:
                self._check_id(item.id)
                self._validate(item, values)
                if item.id in seen:
                    raise Invalid([("id", _("appears twice in the file"))])
            except Invalid as error:
                position = offset + index + 1
                raise Invalid(error.problems, decision_at(position, item.title), position) from None
            seen.add(item.id)
        found = {r[0] for r in conn.execute(_seen_query(conn), {"ids": json.dumps(list(seen))})}
        for index, item in enumerate(items):
            if item.id in found:
                position = offset + index + 1
                raise Invalid(
                    [("id", _("appears twice in the file"))],
                    decision_at(position, item.title),
                    position,
                )
        conn.execute(
            text(f"INSERT INTO {_temp(conn)}.restore_seen (id) VALUES (:id)"),
            [{"id": i} for i in seen],
        )


class _Tally:
    """Counts of what a restore does, and the first newer edit it meets."""

    def __init__(self, on_step: OnStep | None) -> None:
        self.on_step = on_step
        self.actions = dict.fromkeys(Action, 0)
        self.first_newer: list[Planned] = []

    @property
    def newer(self) -> int:
        return self.actions[Action.NEWER]

    def count(self, plan: list[Planned]) -> None:
        for step in plan:
            self.actions[step.action] += 1
            if step.action is Action.NEWER and not self.first_newer:
                self.first_newer.append(step)
            if self.on_step is not None:
                self.on_step(step)

    def result(self, settled: Settled, *, dry_run: bool, overwrite_newer: bool) -> ImportResult:
        overwritten = self.newer if overwrite_newer else 0
        return ImportResult(
            added=self.actions[Action.ADDED],
            updated=self.actions[Action.CHANGED] + overwritten,
            profile_set=settled.changes,
            unchanged=self.actions[Action.UNCHANGED],
            overwritten=overwritten,
            newer=self.newer,
            dry_run=dry_run,
            profile_fields=settled.fields,
            profile_ignored=settled.ignored,
        )


def _open_entry(conn: Connection) -> int:
    """The restore's undo entry (its title and record are written at the end)."""
    found = conn.execute(
        insert(UNDO_LOG).values(at=clock.now(), action="import", title="", before=None)
    )
    key = found.inserted_primary_key
    assert key is not None
    return int(key[0])


def _close_entry(conn: Connection, seq: int, title: str, settled: Settled) -> None:
    """The record `_undo_import` reads: the decisions are in `undo_item` under `seq`."""
    record = {
        "items": True,
        "profile": snapshot.dump(settled.old) if settled.had else None,
        "profile_changed": settled.changes,
    }
    conn.execute(
        update(UNDO_LOG).where(UNDO_LOG.c.seq == seq).values(title=title, before=json.dumps(record))
    )


def _remember(
    conn: Connection, seq: int, writing: list[tuple[Decision, Planned]], existing: Any
) -> None:
    """Note the batch's added ids and the journal's copies it replaces, for undo."""
    rows = [
        {
            "seq": seq,
            "position": step.position,
            "added": item.id if step.action is Action.ADDED else None,
            "before": None
            if step.action is Action.ADDED
            else snapshot.dump(existing[item.id].decision),
        }
        for item, step in writing
    ]
    conn.execute(insert(UNDO_ITEMS), rows)


def _create_temp_tables(conn: Connection) -> None:
    _drop_temp_tables(conn)
    for name, columns in _TEMP_TABLES.items():
        conn.exec_driver_sql(f"CREATE TEMP TABLE {name} ({columns})")


def _drop_temp_tables(conn: Connection) -> None:
    for name in _TEMP_TABLES:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {_temp(conn)}.{name}")


def _temp(conn: Connection) -> str:
    """The schema of temporary tables."""
    return "pg_temp" if conn.dialect.name == "postgresql" else "temp"


def _seen_query(conn: Connection) -> Any:
    """Which of a JSON list of ids the restore has seen before."""
    if conn.dialect.name == "postgresql":
        listed = "SELECT json_array_elements_text(CAST(:ids AS json))"
    else:
        listed = "SELECT value FROM json_each(:ids)"
    return text(f"SELECT id FROM {_temp(conn)}.restore_seen WHERE id IN ({listed})")
