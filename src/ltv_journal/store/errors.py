"""Errors the store raises; each message is meant for a person."""

from __future__ import annotations

from typing import Any

from ltv_journal.core.language import N_, _


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
        shown = _(_WHATS[what]) if what in _WHATS else what
        super().__init__(_("invalid {what}: {detail}").format(what=shown, detail=detail))


_WHATS = {"decision": N_("decision"), "profile": N_("profile"), "review": N_("review")}
"""What `Invalid` names, in words; a decision in a file comes named already
(`invalid_in_file`)."""


def decision_at(position: int, title: str) -> str:
    """`decision 3 ('Bike')`: which decision of a file or an import broke a rule."""
    return _("decision {position} ({title})").format(position=position, title=repr(title))


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
        more = " " + _("and {count} more").format(count=self.count - 1) if self.count > 1 else ""
        super().__init__(
            _(
                "{decision}{more} was edited in the journal after this file's version of it; "
                "nothing was imported (--dry-run lists what an import would do; "
                "--overwrite-newer replaces newer edits)"
            ).format(decision=decision_at(first.position, first.title), more=more)
        )
