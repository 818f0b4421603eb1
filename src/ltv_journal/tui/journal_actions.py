"""What the main screen's keys do: modal screens for input, the journal in threads.

Every write runs in a thread worker and answers with `JournalChanged`, whose note is
said in a notification; then the app reads everything again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from ltv_journal.core import clock
from ltv_journal.core.text import visible

from .keys import KEYS
from .messages import JournalChanged

if TYPE_CHECKING:
    from ltv_journal.core.decision import Decision, Review
    from ltv_journal.core.dimensions import Dimension
    from ltv_journal.core.profile import Profile
    from ltv_journal.core.worth import ImpliedWorth
    from ltv_journal.store.journal import Journal
    from ltv_journal.store.queries import DecisionFilter, DecisionSummary

    from .app import LtvJournalApp
    from .screens.export_dialog import ExportRequest
    from .screens.year_picker import YearChoice
    from .widgets.decision_list import DecisionList


class JournalActions(Screen[None]):
    """The keys' actions; `MainScreen` adds the layout."""

    def __init__(self) -> None:
        super().__init__()
        self.selected_id: str | None = None
        self.current: Decision | None = None
        """The selected decision in full, once loaded."""

    @property
    def ltv_app(self) -> LtvJournalApp:
        return cast("LtvJournalApp", self.app)

    @property
    def decisions(self) -> DecisionList:
        return cast("DecisionList", self.query_one("#decisions"))

    # -- doing ---------------------------------------------------------------------

    def in_background(self, job: Callable[[Journal], str], *, group: str = "write") -> None:
        """Run `job` on the journal in a thread; its answer is said when it is done."""
        journal = self.ltv_app.journal
        if journal is None:
            self.notify("The journal is still opening…")
            return

        def run() -> None:
            from ltv_journal.store.errors import JournalError

            try:
                note = job(journal)
            except JournalError as error:
                self.post_message(JournalChanged(str(error), error=True))
            else:
                self.post_message(JournalChanged(note))

        self.run_worker(run, thread=True, group=group)

    def on_journal_changed(self, message: JournalChanged) -> None:
        if message.note:
            self.notify(visible(message.note), severity="error" if message.error else "information")
        if not message.error:
            self.ltv_app.reload()

    def _ready(self) -> Journal | None:
        journal = self.ltv_app.journal
        if journal is None or self.ltv_app.overview is None:
            self.notify("The journal is still opening…")
            return None
        return journal

    @property
    def profile(self) -> Profile:
        overview = self.ltv_app.overview
        assert overview is not None
        return overview.profile

    def saved(self, note: str, select: str | None = None) -> None:
        """A form saved its content: say so and read everything again (the list's cursor
        on `select`)."""
        self.notify(note)
        self.ltv_app.reload(select)

    def action_add(self) -> None:
        journal = self._ready()
        if journal is None:
            return
        categories = self.ltv_app.overview.categories  # type: ignore[union-attr]
        from .screens.decision_form import DecisionForm

        form = DecisionForm(self.profile, None, categories, save=journal.add)
        self.app.push_screen(form, callback=self._added)

    def _added(self, decision: Decision | None) -> None:
        if decision is not None:
            self.saved(f"Added {decision.title!r}.", select=decision.id)

    def action_compare(self) -> None:
        journal = self._ready()
        if journal is None:
            return
        from .screens.compare_screen import CompareScreen

        screen = CompareScreen(self.profile, save=journal.add)
        self.app.push_screen(screen, callback=self._chosen)

    def _chosen(self, decision: Decision | None) -> None:
        if decision is not None:
            over = ", ".join(repr(option.title) for option in decision.options)
            note = f"Added {decision.title!r}" + (f", chosen over {over}." if over else ".")
            self.saved(note, select=decision.id)

    def action_edit(self) -> None:
        journal = self._ready()
        if journal is None:
            return
        if self.current is None or self.current.id != self.selected_id:
            self.notify("Select a decision to edit first.")
            return
        categories = self.ltv_app.overview.categories  # type: ignore[union-attr]
        from .screens.decision_form import DecisionForm

        form = DecisionForm(self.profile, self.current, categories, save=journal.update)
        self.app.push_screen(form, callback=self._edited)

    def _edited(self, decision: Decision | None) -> None:
        if decision is not None:
            self.saved(f"Saved {decision.title!r}.", select=decision.id)

    def action_delete(self) -> None:
        summary = self.decisions.selected
        if summary is None:
            self.notify("Select a decision to delete first.")
            return
        self.in_background(lambda j: f"Deleted {j.delete(summary.id).title!r}. Press u to undo.")

    def action_undo(self) -> None:
        self.in_background(lambda j: (j.undo() or "Nothing to undo") + ".")

    def action_profile(self, first_run: bool = False) -> None:
        journal = self.ltv_app.journal
        if journal is None:
            self.notify("The journal is still opening…")
            return
        profile = self.ltv_app.overview.profile if self.ltv_app.overview else journal.profile()
        from ltv_journal.core.worth import implied_worth

        def implied() -> dict[Dimension, ImpliedWorth]:  # run by the form in a thread
            return implied_worth(values for _, values in journal.point_purchases())

        def save(profile: Profile) -> Profile:
            journal.save_profile(profile)
            return profile

        from .screens.profile_form import ProfileForm

        form = ProfileForm(profile, first_run=first_run, save=save, implied_worth=implied)
        self.app.push_screen(form, callback=lambda p: self._profile_saved(p, first_run))

    def _profile_saved(self, profile: Profile | None, first_run: bool) -> None:
        if profile is not None:
            self.saved("Profile saved; every decision rescored.")
        elif first_run:
            self.notify("No profile yet: the score needs your income and ages. Press p.")

    def action_filter(self) -> None:
        if self._ready() is None:
            return
        from ltv_journal.store.queries import DecisionFilter

        from .screens.filter_form import FilterForm

        categories = self.ltv_app.overview.categories  # type: ignore[union-attr]
        form = FilterForm(self.ltv_app.list_filter or DecisionFilter(), categories, ())
        self.app.push_screen(form, callback=self._filtered)

    def _filtered(self, flt: DecisionFilter | None) -> None:
        if flt is not None:
            self.ltv_app.apply_filter(flt)

    def action_year(self) -> None:
        if self._ready() is None:
            return
        current = self.ltv_app.list_filter.year if self.ltv_app.list_filter else None
        years = self.ltv_app.overview.years  # type: ignore[union-attr]
        from .screens.year_picker import YearPicker

        self.app.push_screen(YearPicker(years, current), callback=self._year_picked)

    def _year_picked(self, choice: YearChoice | None) -> None:
        if choice is not None:
            self.ltv_app.apply_year(choice.year)

    def action_insights(self) -> None:
        journal = self._ready()
        if journal is not None:
            from .screens.insights import InsightsScreen

            self.app.push_screen(InsightsScreen(journal))

    def action_trends(self) -> None:
        journal = self._ready()
        if journal is None:
            return
        from .screens.trends import TrendsScreen

        year = self.ltv_app.list_filter.year if self.ltv_app.list_filter else None
        self.app.push_screen(TrendsScreen(journal, year), callback=self._filtered)

    def action_help(self) -> None:
        bindings = [(k.display, k.help) for k in KEYS]
        bindings += [
            ("↑ ↓ PgUp PgDn", "Move in the list; Home and End jump to its ends"),
            ("ctrl+p", "All commands"),
        ]
        from .screens.help import HelpScreen

        self.app.push_screen(HelpScreen(bindings))

    def action_quit(self) -> None:
        self.app.exit()

    # -- reviews -------------------------------------------------------------------

    def action_review(self) -> None:
        journal = self._ready()
        if journal is None:
            return
        today = clock.today()
        # Keys typed after `r` are meant for the queue (or the form): held until it shows.
        self.ltv_app.hold_keys()

        def read() -> None:
            due: list[DecisionSummary] | None = None
            try:
                due = journal.review_queue(today)
            finally:
                self.app.call_from_thread(self._choose_review, due)

        self.run_worker(read, thread=True, group="review")

    def _choose_review(self, due: list[DecisionSummary] | None) -> None:
        try:
            if due is None:
                return  # the worker failed and says why
            if not due:
                if self.current is None:
                    self.notify("No reviews are due.")
                    return
                self.notify("No reviews are due; reviewing the selected decision.")
                self._review(self.current)
                return
            from .screens.review_queue import ReviewQueue

            self.app.push_screen(ReviewQueue(due, clock.today()), callback=self._picked_for_review)
        finally:
            self.ltv_app.release_keys()

    def _picked_for_review(self, decision_id: str | None) -> None:
        journal = self.ltv_app.journal
        if decision_id is None or journal is None:
            return
        self.ltv_app.hold_keys()

        def read() -> None:
            decision: Decision | None = None
            try:
                decision = journal.get(decision_id)
            finally:
                self.app.call_from_thread(self._review_read, decision)

        self.run_worker(read, thread=True, group="review")

    def _review_read(self, decision: Decision | None) -> None:
        try:
            if decision is not None:
                self._review(decision)
        finally:
            self.ltv_app.release_keys()

    def _review(self, decision: Decision) -> None:
        journal = self.ltv_app.journal
        if journal is None:
            return

        def save(review: Review) -> Review:
            journal.add_review(decision.id, review)
            return review

        from .screens.review_form import ReviewForm

        form = ReviewForm(decision, self.profile, clock.today(), save=save)
        self.app.push_screen(form, callback=lambda review: self._reviewed(decision, review))

    def _reviewed(self, decision: Decision, review: Review | None) -> None:
        if review is not None:
            self.saved(f"Review of {decision.title!r} saved.")

    # -- export --------------------------------------------------------------------

    def action_export(self) -> None:
        if self._ready() is None:
            return
        overview = self.ltv_app.overview
        assert overview is not None
        flt = self.ltv_app.list_filter
        year = flt.year if flt and flt.year else clock.today().year
        years = sorted({*overview.years, year}, reverse=True)
        from .screens.export_dialog import ExportDialog

        self.app.push_screen(ExportDialog(years, year, Path.cwd()), callback=self._export)

    def _export(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        from .widgets.busy_line import BusyLine

        busy = BusyLine(f"Exporting {request.year} to {request.path}…")
        self.mount(busy, before=self.query_one(Footer))

        def run(journal: Journal) -> str:
            try:
                from ltv_journal.exchange.files import journal_files, write_atomically
                from ltv_journal.exchange.summary import yearly_summary
            except ImportError:
                return "Exporting a yearly summary is not available yet."
            from ltv_journal.exchange.errors import ExchangeError
            from ltv_journal.store.errors import JournalError

            try:
                write_atomically(
                    request.path,
                    yearly_summary(journal, request.year),
                    protected=journal_files(journal.location),
                )
            except ExchangeError as error:
                raise JournalError(str(error)) from None
            finally:
                self.app.call_from_thread(self._done, busy)
            return f"Exported {request.year} to {request.path}"

        self.in_background(run, group="export")

    def _done(self, busy: Widget) -> None:
        busy.remove()
