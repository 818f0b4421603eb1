"""Errors the store raises; each message is meant for a person."""

from __future__ import annotations

from typing import Any


class JournalError(Exception):
    """Base of every error the journal reports to the user."""


class NotFound(JournalError):
    pass


class Ambiguous(JournalError):
    pass


class Invalid(JournalError):
    """A decision, review or profile that breaks a rule; `problems` lists (field, reason)."""

    def __init__(
        self, problems: list[tuple[str, str]], what: str = "decision", position: int | None = None
    ) -> None:
        self.problems = problems
        self.position = position
        """In a bulk import: which decision (counting from 1) broke the rule."""
        detail = "; ".join(f"{name} {why}" for name, why in problems)
        super().__init__(f"invalid {what}: {detail}")


class NotAJournal(JournalError):
    """The location holds something that is not a journal (a folder, another file)."""


class Busy(JournalError):
    """Another connection holds the write lock beyond the busy timeout."""


class SchemaTooNew(JournalError):
    pass


class NewerEdits(JournalError):
    """An import would overwrite decisions edited after the file's version of them;
    `planned` lists them (see `bulk_import.Planned`)."""

    def __init__(self, planned: list[Any], count: int | None = None) -> None:
        self.planned = planned
        self.count = len(planned) if count is None else count
        """How many there are (`planned` may hold only the first, after a restore)."""
        first = planned[0]
        more = f" and {self.count - 1} more" if self.count > 1 else ""
        super().__init__(
            f"decision {first.position} ({first.title!r}){more} was edited in the journal "
            "after this file's version of it; nothing was imported (--dry-run lists what "
            "an import would do; --overwrite-newer replaces newer edits)"
        )
