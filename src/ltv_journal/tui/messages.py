"""Messages that thread workers post (see `workers.in_thread`): results up, never
widgets touched from a thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from ltv_journal.core.decision import Decision
    from ltv_journal.store.journal import Journal
    from ltv_journal.store.queries import DecisionSummary

    from .overview import Overview


class JournalOpened(Message):
    """The full `Journal` is open (after the first frame)."""

    def __init__(self, journal: Journal, has_profile: bool, due: int) -> None:
        super().__init__()
        self.journal = journal
        self.has_profile = has_profile
        self.due = due


class JournalFailed(Message):
    """The journal could not be opened; `reason` is for the person."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class OverviewLoaded(Message):
    def __init__(self, overview: Overview) -> None:
        super().__init__()
        self.overview = overview


class DetailLoaded(Message):
    """The selected decision in full, or None when it is gone."""

    def __init__(self, decision: Decision | None) -> None:
        super().__init__()
        self.decision = decision


class JournalChanged(Message):
    """A write finished; `note` (if any) is said in a notification."""

    def __init__(self, note: str = "") -> None:
        super().__init__()
        self.note = note


class ReviewsDue(Message):
    """The decisions due for review, soonest first."""

    def __init__(self, due: list[DecisionSummary]) -> None:
        super().__init__()
        self.due = due


class ReviewChosen(Message):
    """The decision picked from the review queue, in full."""

    def __init__(self, decision: Decision) -> None:
        super().__init__()
        self.decision = decision
