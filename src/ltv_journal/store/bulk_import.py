"""Bulk import: many decisions in one transaction, all or nothing, idempotent by id.

Before anything is written each decision of the file is planned: added (a new id),
unchanged (the journal holds the same), changed, or — when the journal's copy was
edited after the file's version of it — a newer edit that the import refuses to
overwrite unless told to. An import that changes something is one undo step.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, delete, select

from ltv_journal.core import clock
from ltv_journal.core.decision import Decision
from ltv_journal.core.ids import new_id
from ltv_journal.core.profile import Profile

from . import snapshot
from .base import (
    JournalBase,
    horizons_changed,
    rescore_or_explain,
)
from .convert import as_utc
from .errors import Invalid, NewerEdits, decision_at
from .import_profile import settle_profile
from .rows import (
    BATCH,
    DT,
    bulk_insert,
    child_rows,
    decision_columns,
    insert_children,
    load_decisions,
    write_decision,
)
from .scoring import rebuild_buckets
from .tables import PROFILES, UNDO_ITEMS

PT = PROFILES
UI = UNDO_ITEMS


class Action(StrEnum):
    """What an import does to one decision of the file."""

    ADDED = "added"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    NEWER = "newer"
    """The journal's copy was edited after the file's version: kept, unless the import
    is told to overwrite newer edits."""


@dataclass(frozen=True, slots=True)
class Planned:
    """One decision of an import: its position in the file (from 1), id, title, what
    the import does with it, and when the journal's copy was last edited (if any)."""

    position: int
    id: str
    title: str
    action: Action
    edited_at: datetime | None = None
    deleted: bool = False
    """The journal's copy was deleted (its latest change, at `edited_at`)."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    """Changed decisions, newer edits that are overwritten included."""
    profile_set: bool
    unchanged: int = 0
    overwritten: int = 0
    """Newer edits replaced (only with `overwrite_newer`)."""
    newer: int = 0
    """Decisions edited in the journal after the file's version of them."""
    plan: tuple[Planned, ...] = ()
    dry_run: bool = False
    profile_fields: tuple[str, ...] = ()
    """The fields of the journal's profile the import changes (when it had one)."""
    profile_ignored: bool = False
    """The file's profile differs from the journal's and was not used (no replace)."""

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.updated or self.profile_set)


class BulkImport(JournalBase):
    """The fast path for many decisions: rows go to the driver in bulk, and the score
    buckets are rebuilt once at the end."""

    def import_decisions(
        self,
        decisions: Iterable[Decision],
        profile: Profile | None = None,
        *,
        replace_profile: bool = False,
        overwrite_newer: bool = False,
        dry_run: bool = False,
        source: str = "",
    ) -> ImportResult:
        """Write many decisions in one transaction: all or nothing, idempotent by id.

        Decisions the journal already holds unchanged are left alone. A decision whose
        copy in the journal was edited after the file's version (its `updated_at`; a
        decision without one counts as older than any edit) raises `NewerEdits` and
        nothing is written, unless `overwrite_newer`. With `dry_run` nothing is written
        and the result's `plan` says what would happen. An import that changes
        something is one undo step; one that changes nothing leaves the undo history
        as it was.

        A given profile replaces the journal's only with `replace_profile`, otherwise it
        is used when the journal has none. Nothing is written if any decision is invalid.
        """
        with self._read() if dry_run else self._write() as conn:
            settled = settle_profile(conn, profile, replace_profile)
            active, had_profile, old_profile = settled.active, settled.had, settled.old
            profile, profile_changes = settled.profile, settled.changes
            values = self._values(active)
            items = [as_new(d) for d in decisions]
            for position, item in enumerate(items, start=1):
                try:
                    self._check_id(item.id)
                    self._validate(item, values)
                except Invalid as error:
                    raise Invalid(
                        error.problems, decision_at(position, item.title), position
                    ) from None
            existing = self._existing(conn, [d.id for d in items])
            plan = plan_of(items, existing)
            newer = [p for p in plan if p.action is Action.NEWER]
            result = ImportResult(
                added=sum(p.action is Action.ADDED for p in plan),
                updated=sum(p.action is Action.CHANGED for p in plan)
                + (len(newer) if overwrite_newer else 0),
                profile_set=profile_changes,
                unchanged=sum(p.action is Action.UNCHANGED for p in plan),
                overwritten=len(newer) if overwrite_newer else 0,
                newer=len(newer),
                plan=tuple(plan),
                dry_run=dry_run,
                profile_fields=settled.fields,
                profile_ignored=settled.ignored,
            )
            if dry_run:
                return result
            if newer and not overwrite_newer:
                raise NewerEdits(newer)
            writing = [
                (item, step)
                for item, step in zip(items, plan, strict=True)
                if step.action is not Action.UNCHANGED
            ]
            now = clock.precise_now()
            replaced = [existing[i.id] for i, s in writing if s.action is not Action.ADDED]
            if writing:
                self._replace_all(conn, [i for i, _ in writing], existing, values, now)
            if profile_changes and profile is not None:
                self._store_profile(conn, profile, exists=had_profile)
                if had_profile and horizons_changed(old_profile, profile):
                    rescore_or_explain(conn, profile)
            if writing or profile_changes:
                rebuild_buckets(conn)
                before = _undo_record(
                    [i.id for i, s in writing if s.action is Action.ADDED],
                    replaced,
                    old_profile if had_profile else None,
                    profile_changes,
                )
                counts = f"{result.added} added, {result.updated} changed"
                title = f"{source} ({counts})" if source else counts
                self._log(conn, "import", None, title, before)
        self._profile = None
        return result

    def _replace_all(
        self,
        conn: Connection,
        items: Sequence[Decision],
        existing: dict[str, _Stored],
        values: Any,
        now: datetime,
    ) -> None:
        replaced = [d.id for d in items if d.id in existing]
        for start in range(0, len(replaced), BATCH):
            conn.execute(delete(DT).where(DT.c.id.in_(replaced[start : start + BATCH])))
        rows = []
        for position, d in enumerate(items):
            old = existing.get(d.id)
            # New decisions are created in the file's order (a microsecond apart), so
            # that same-day decisions keep their order through a backup and restore.
            created = now + timedelta(microseconds=position) if old is None else old.created_at
            # A new decision keeps the file's last-edit time (never one in the future),
            # so that a restored backup exports as it was written; a changed one is
            # edited now.
            edited = now if old is not None or d.updated_at is None else min(d.updated_at, now)
            rows.append(decision_columns(d, values, created_at=created, now=edited))
        bulk_insert(conn, DT, rows)
        insert_children(conn, [child_rows(d, values, now) for d in items])

    def _existing(self, conn: Connection, ids: list[str]) -> dict[str, _Stored]:
        """The journal's copies of `ids` (those it holds, deleted ones too)."""
        found: dict[str, _Stored] = {}
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            rows = conn.execute(
                select(DT.c.id, DT.c.created_at, DT.c.updated_at).where(DT.c.id.in_(chunk))
            ).all()
            if not rows:
                continue
            whole = {d.id: d for d in load_decisions(conn, [r[0] for r in rows])}
            for decision_id, created, updated in rows:
                found[decision_id] = _Stored(whole[decision_id], created, as_utc(updated))
        return found

    def _undo_import(self, conn: Connection, before: str, seq: int) -> None:
        """Put the journal back as it was before an import: its added decisions gone,
        the replaced ones and the profile as they were (in that order, so that every
        decision left is one the old profile can score). A restore's decisions are in
        `undo_item` rows (under `seq`), read a page at a time."""
        record = json.loads(before)
        pages: Iterable[list[str]]
        if record.get("items"):
            added = select(UI.c.added).where(UI.c.seq == seq, UI.c.added.is_not(None))
            conn.execute(delete(DT).where(DT.c.id.in_(added)))
            pages = _replaced_pages(conn, seq)
        else:
            ids: list[str] = record["added"]
            for start in range(0, len(ids), BATCH):
                conn.execute(delete(DT).where(DT.c.id.in_(ids[start : start + BATCH])))
            pages = [record["replaced"]]
        current = self._load_profile(conn)
        restored = current
        if record["profile_changed"]:
            text = record["profile"]
            restored = Profile() if text is None else snapshot.load_profile(text)
        now = clock.precise_now()
        for page in pages:
            values = self._values(restored)  # per page: it keeps what it worked out
            for text in page:
                old = snapshot.load_decision(text)
                row = self._require_row(conn, old.id)
                write_decision(conn, old, values, existing=row, now=now)
        if record["profile_changed"]:
            if record["profile"] is None:
                conn.execute(delete(PT))
            else:
                self._store_profile(conn, restored, exists=True)
            self._profile = None
            if horizons_changed(current, restored):
                rescore_or_explain(conn, restored)
        rebuild_buckets(conn)


def _replaced_pages(conn: Connection, seq: int) -> Iterator[list[str]]:
    """The snapshots of the decisions a restore replaced, a page at a time."""
    after = 0
    while True:
        rows = conn.execute(
            select(UI.c.position, UI.c.before)
            .where(UI.c.seq == seq, UI.c.position > after, UI.c.before.is_not(None))
            .order_by(UI.c.position)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        yield [r.before for r in rows]
        after = rows[-1].position


@dataclass(frozen=True, slots=True)
class _Stored:
    """A decision as the journal holds it, with its timestamps."""

    decision: Decision
    created_at: datetime
    updated_at: datetime | None

    @property
    def edited_at(self) -> datetime | None:
        """The latest change: an edit, or the deletion."""
        deleted = as_utc(self.decision.deleted_at)
        if deleted is None or self.updated_at is None:
            return self.updated_at or deleted
        return max(deleted, self.updated_at)


def plan_of(items: Sequence[Decision], existing: dict[str, _Stored]) -> list[Planned]:
    plan: list[Planned] = []
    for position, item in enumerate(items, start=1):
        stored = existing.get(item.id)
        if stored is None:
            action = Action.ADDED
        elif stored.decision.deleted_at is None and _same(item, stored.decision):
            action = Action.UNCHANGED
        elif _is_newer(stored, item):
            action = Action.NEWER
        else:
            action = Action.CHANGED
        edited = None if stored is None else stored.edited_at
        deleted = stored is not None and stored.decision.deleted_at is not None
        plan.append(Planned(position, item.id, item.title, action, edited, deleted))
    return plan


def _is_newer(stored: _Stored, item: Decision) -> bool:
    """Whether the journal's copy was edited after the file's version of it. A file
    version without a time counts as older than any edit; so does one dated in the
    future (a clock ahead, or a hand-edited file): its time cannot be compared, so the
    journal's copy is kept unless told otherwise."""
    edited = stored.edited_at
    if edited is None:
        return False
    theirs = as_utc(item.updated_at)
    return theirs is None or theirs > clock.precise_now() or edited > theirs


def _same(a: Decision, b: Decision) -> bool:
    """Whether two versions of a decision say the same (ids of reviews, timestamps and
    the way the review date was given aside)."""
    return _comparable(a) == _comparable(b)


def _comparable(d: Decision) -> Decision:
    return replace(
        d,
        title=d.title.strip(),
        category=d.category.strip(),
        tags=tuple(sorted(d.tags)),  # the journal keeps tags in a-z order
        review_on=d.resolved_review_on(),
        reviews=tuple(replace(r, id="") for r in d.reviews),
        deleted_at=None,
    )


def _undo_record(
    added: list[str], replaced: list[_Stored], profile: Profile | None, profile_changed: bool
) -> str:
    return json.dumps(
        {
            "added": added,
            "replaced": [snapshot.dump(s.decision) for s in replaced],
            "profile": None if profile is None else snapshot.dump(profile),
            "profile_changed": profile_changed,
        }
    )


def as_new(decision: Decision) -> Decision:
    """`decision` with an id and not deleted (the same object when it already is)."""
    if decision.id and decision.deleted_at is None:
        return decision
    return replace(decision, id=decision.id or new_id(), deleted_at=None)
