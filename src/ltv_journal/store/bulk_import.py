"""Bulk import: many decisions in one transaction, all or nothing, idempotent by id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, delete, select

from ltv_journal.core import clock
from ltv_journal.core.decision import Decision
from ltv_journal.core.ids import new_id
from ltv_journal.core.profile import Profile

from .base import JournalBase, horizons_changed, rescore_or_explain
from .errors import Invalid
from .rows import BATCH, DT, bulk_insert, child_rows, decision_columns, insert_children
from .scoring import rebuild_buckets
from .tables import PROFILES, UNDO_LOG

PT = PROFILES


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    profile_set: bool


class BulkImport(JournalBase):
    """The fast path for many decisions: rows go to the driver in bulk, and the score
    buckets are rebuilt once at the end."""

    def import_decisions(
        self,
        decisions: Iterable[Decision],
        profile: Profile | None = None,
        *,
        replace_profile: bool = False,
    ) -> ImportResult:
        """Write many decisions in one transaction: all or nothing, idempotent by id.

        An import cannot be undone, and it clears the undo history before it.

        A given profile replaces the journal's only with `replace_profile`, otherwise it
        is used when the journal has none. Nothing is written if any decision is invalid.
        """
        with self._write() as conn:
            had_profile = conn.execute(select(PT.c.id)).first() is not None
            use_profile = profile is not None and (replace_profile or not had_profile)
            active = profile if (use_profile and profile) else self._load_profile(conn)
            if use_profile and profile is not None:
                problems = profile.problems()
                if problems:
                    raise Invalid(problems, "profile")
            if profile is not None and profile.currency != active.currency:
                raise Invalid(
                    [
                        (
                            "currency",
                            f"is {profile.currency}, but this journal counts in "
                            f"{active.currency}; amounts would change their meaning "
                            "(import with --replace-profile to switch the journal's currency)",
                        )
                    ],
                    "profile",
                )
            values = self._values(active)
            items = [_as_new(d) for d in decisions]
            for position, item in enumerate(items, start=1):
                try:
                    self._check_id(item.id)
                    self._validate(item, values)
                except Invalid as error:
                    raise Invalid(
                        error.problems, f"decision {position} ({item.title!r})", position
                    ) from None
            existing = self._existing(conn, [d.id for d in items])
            now = clock.now()
            replaced = list(existing)
            for start in range(0, len(replaced), BATCH):
                conn.execute(delete(DT).where(DT.c.id.in_(replaced[start : start + BATCH])))
            if items:
                bulk_insert(
                    conn,
                    DT,
                    [
                        decision_columns(d, values, created_at=existing.get(d.id, now), now=now)
                        for d in items
                    ],
                )
                insert_children(conn, [child_rows(d, values, now) for d in items])
            if use_profile and profile is not None:
                old = self._load_profile(conn)
                self._store_profile(conn, profile, exists=had_profile)
                if had_profile and horizons_changed(old, profile):
                    rescore_or_explain(conn, profile)
            rebuild_buckets(conn)
            # An import may replace decisions an older undo step would restore: the undo
            # history ends here rather than reach past the import.
            conn.execute(delete(UNDO_LOG))
        self._profile = None
        return ImportResult(
            added=len(items) - len(existing), updated=len(existing), profile_set=use_profile
        )

    def _existing(self, conn: Connection, ids: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            for decision_id, created in conn.execute(
                select(DT.c.id, DT.c.created_at).where(DT.c.id.in_(chunk))
            ):
                found[decision_id] = created
        return found


def _as_new(decision: Decision) -> Decision:
    """`decision` with an id and not deleted (the same object when it already is)."""
    if decision.id and decision.deleted_at is None:
        return decision
    return replace(decision, id=decision.id or new_id(), deleted_at=None)
