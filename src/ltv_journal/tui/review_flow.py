"""`r` on the main screen: the queue of reviews that are due (or the selected decision
when none is), then the review form. Keys typed after `r` wait until what they are
meant for is on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ltv_journal.core import clock
from ltv_journal.core.language import N_, _

from .key_order import KeysInOrder
from .messages import ReviewChosen, ReviewsDue
from .workers import in_thread

if TYPE_CHECKING:
    from ltv_journal.core.decision import Decision, Review
    from ltv_journal.store.journal import Journal

    from .main_screen import MainScreen


class ReviewFlow:
    """The steps of a review, for `screen`; its answers come back to the screen as
    `ReviewsDue` and `ReviewChosen`, which it hands to `show_due` and `review`."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def start(self, journal: Journal) -> None:
        today = clock.today()
        self._hold_keys()
        in_thread(
            self.screen,
            lambda: ReviewsDue(journal.review_queue(today)),
            what=N_("read the reviews that are due"),
            group="review",
            then=self._release_keys,
        )

    def show_due(self, message: ReviewsDue) -> None:
        screen = self.screen
        if message.due:
            from .screens.review_queue import ReviewQueue

            queue = ReviewQueue(message.due, clock.today())
            screen.app.push_screen(queue, callback=self._picked)
        elif screen.current is None:
            screen.notify(_("No reviews are due."))
        else:
            screen.notify(_("No reviews are due; reviewing the selected decision."))
            self.review(screen.current)

    def _picked(self, decision_id: str | None) -> None:
        journal = self.screen.journal
        if decision_id is None or journal is None:
            return
        self._hold_keys()
        in_thread(
            self.screen,
            lambda: ReviewChosen(journal.get(decision_id)),
            what=N_("read the decision to review"),
            group="review",
            then=self._release_keys,
        )

    def review(self, decision: Decision) -> None:
        screen, journal = self.screen, self.screen.journal
        if journal is None:
            return

        def save(review: Review) -> Review:  # run by the form in a thread
            journal.add_review(decision.id, review)
            return review

        from .screens.review_form import ReviewForm

        form = ReviewForm(decision, screen.profile, clock.today(), save=save)
        screen.app.push_screen(form, callback=lambda review: self._reviewed(decision, review))

    def _reviewed(self, decision: Decision, review: Review | None) -> None:
        if review is not None:
            self.screen.saved(_("Review of {title} saved.").format(title=repr(decision.title)))

    def _hold_keys(self) -> None:
        if isinstance(self.screen.app, KeysInOrder):
            self.screen.app.hold_keys()

    def _release_keys(self) -> None:
        if isinstance(self.screen.app, KeysInOrder):
            self.screen.app.release_keys()
