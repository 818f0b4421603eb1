"""The main screen: score cards, the decision list and the detail pane, and every key.

Flow of a key that changes the journal, `a` for instance:
1. `action_add` shows the add form (built ahead, see `form_ahead.py`).
2. The form saves the decision in a thread (`screens/fields.py`) and dismisses it.
3. `_added` says so and calls `reload`, which reads the list, the figures and the
   detail again in thread workers (`workers.in_thread`).
4. Their answers come back as messages: `on_overview_loaded` shows the new figures on
   the cards, the list shows its new page with the cursor on the new decision.

The screen owns what it shows (the filter, the figures, the selection) and notices
when another program changes the journal. The app owns the journal and the theme: it
hands the journal down with `journal_opened`, and hears from the screen by messages.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.lazy import Lazy
from textual.message import Message
from textual.screen import Screen

from ltv_journal.core import clock
from ltv_journal.core.language import N_, _, ngettext
from ltv_journal.core.text import visible

from .figures import format_count
from .file_flow import FileFlow
from .form_ahead import AddFormAhead
from .journal_jobs import profile_form, read_detail
from .keys import KEYS
from .main_layout import Body, KeyFooter, arrange
from .messages import DetailLoaded, JournalChanged, OverviewLoaded, ReviewChosen, ReviewsDue
from .review_flow import ReviewFlow
from .spoken import Spoken
from .widgets.score_cards import ScoreCards
from .widgets.top_bar import TopBar
from .workers import in_thread

if TYPE_CHECKING:
    from collections.abc import Callable

    from ltv_journal.core.decision import Decision
    from ltv_journal.core.profile import Profile
    from ltv_journal.store.journal import Journal
    from ltv_journal.store.queries import DecisionFilter
    from ltv_journal.store.watch import ChangeWatch

    from .overview import Overview
    from .screens.year_picker import YearChoice
    from .widgets.decision_list import DecisionList
    from .widgets.detail_pane import DetailPane

WATCH_SECONDS = 0.5
"""How often to look whether another program changed the journal."""
STILL_OPENING = N_("The journal is still opening…")


class MainScreen(Spoken, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(k.key, k.action, k.label, show=k.show, tooltip=k.help) for k in KEYS
    ]

    class ListMounted(Message):
        """The list is there (after the first frame): the app opens the journal."""

    class FiguresShown(Message):
        """The journal's figures are on screen for the first time: typed keys may go."""

    class ThemeToggled(Message):
        """`t`: the app switches between the light and the dark theme."""

    def __init__(self, first: Overview | None = None) -> None:
        """`first`: figures for the first frame, before the journal is open."""
        super().__init__()
        self._first = first
        self.journal: Journal | None = None
        """The open journal (handed down by the app), None until then."""
        self.list_filter: DecisionFilter | None = None
        """What the list shows; None: everything."""
        self.overview: Overview | None = None
        """The latest figures from the full journal (None until it is open)."""
        self.selected_id: str | None = None
        self.current: Decision | None = None
        """The selected decision in full, once loaded."""
        self.detail_wanted: bool | None = None
        """None: the layout decides; True/False: the person chose with `v`."""
        self._watch: ChangeWatch | None = None
        self._anew = False
        """True while the screen is composed again (another language), until its list
        is mounted."""
        self._add_form: AddFormAhead | None = None
        self.reviews = ReviewFlow(self)
        self.files = FileFlow(self)

    @property
    def decisions(self) -> DecisionList:
        return cast("DecisionList", self.query_one("#decisions"))

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        yield ScoreCards(id="cards")
        # The first frame shows the score; the list, the detail pane and the footer are
        # mounted right after it (Lazy), and the journal opens once they are there.
        yield Lazy(Body(id="body"))
        yield Lazy(KeyFooter())

    def on_mount(self) -> None:
        self.query_one(TopBar).show_owner("", clock.today())
        if self._first is not None:
            self.show_overview(self._first)

    def on_key_footer_mounted(self, _: KeyFooter.Mounted) -> None:
        arrange(self, self.detail_wanted)

    def on_body_mounted(self, _message: Body.Mounted) -> None:
        self._anew = False
        self.decisions.border_title = _("Decisions")
        self.decisions.focus()
        arrange(self, self.detail_wanted)
        self.post_message(self.ListMounted())

    def on_resize(self) -> None:
        arrange(self, self.detail_wanted)

    def on_unmount(self) -> None:
        if self._watch is not None:
            self._watch.close()

    # -- the journal and what is shown of it -----------------------------------------

    def journal_opened(self, journal: Journal, has_profile: bool, due: int) -> None:
        """The app has opened `journal`: show it, and keep looking for changes made by
        other programs."""
        from ltv_journal.store.watch import ChangeWatch

        self.journal = journal
        self._watch = ChangeWatch(journal.location)
        self.set_interval(WATCH_SECONDS, self._look_for_changes)
        self.reload()
        if not has_profile:
            self.action_profile(first_run=True)
        elif due:
            self.notify(
                ngettext(
                    "{count} decision is due for review. Press r to review.",
                    "{count} decisions are due for review. Press r to review.",
                    due,
                ).format(count=format_count(due)),
                title=_("Reviews"),
            )

    def _speaks_anew(self, profile: Profile) -> bool:
        """Whether the app now speaks another language: the profile's (or, set to
        automatic, the locale's)."""
        speak = getattr(self.app, "speak_profile", None)
        return bool(speak is not None and speak(profile, automatic_too=True))

    async def speak_anew(self) -> None:
        """Compose the screen again, in the language now in force: the journal, the
        filter and the selection stay; the list, once mounted, reads them again."""
        self._anew = True
        await self.recompose()
        self.query_one(TopBar).show_owner("", clock.today())
        if self.overview is not None:
            self.show_overview(self.overview)

    def _look_for_changes(self) -> None:
        """Another program (a shell's `ltv-journal undo`, a second window) wrote to the
        journal: show what is there now, scored with the profile in force."""
        if self.journal is not None and self._watch is not None and self._watch.changed():
            self.journal.forget_profile()
            self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read everything again after a change: list, figures, detail; with `select`,
        the list's cursor moves to that decision."""
        journal = self.journal
        if journal is None or self._anew:  # the list, once mounted again, reads it all
            return
        if self._watch is not None:
            self._watch.settle()  # what is read now includes every change so far
        self.decisions.load(journal, self.list_filter, clock.today(), select)
        self.show_filter(self.list_filter)
        self._load_overview(journal)
        self.reload_detail()

    def _load_overview(self, journal: Journal) -> None:
        from .overview import load_overview

        year = self.list_filter.year if self.list_filter else None
        today = clock.today()
        in_thread(
            self,
            lambda: OverviewLoaded(load_overview(journal, today, year)),
            what=N_("read the journal's figures"),
            group="overview",
            exclusive=True,
        )

    def on_overview_loaded(self, message: OverviewLoaded) -> None:
        first, shown, overview = self.overview is None, self.overview, message.overview
        if overview.band is not None and shown is not None:
            # A band comes after its figures: the figures shown stay (newer ones, if the
            # journal changed meanwhile, have their own band on its way).
            overview = replace(shown, band=overview.band)
        self.overview = overview
        self.show_overview(overview)
        if first:
            self.post_message(self.FiguresShown())
        if overview.band is None and self.journal is not None:
            # Once the figures are painted: the band is CPU work that would share the
            # GIL with that frame.
            self.call_after_refresh(self._load_band, self.journal, overview)
        else:
            self.call_after_refresh(self._build_ahead)

    def _load_band(self, journal: Journal, overview: Overview) -> None:
        from .overview import load_band

        in_thread(
            self,
            lambda: OverviewLoaded(load_band(journal, overview)),
            what=N_("work out how sure the figures are"),
            group="band",
            exclusive=True,
        )

    def show_overview(self, overview: Overview) -> None:
        self.query_one(TopBar).show_owner(overview.profile.name, clock.today())
        self.query_one(ScoreCards).show(overview)
        due = overview.due
        self.query_one(TopBar).show_status(
            ngettext("{count} review due · r", "{count} reviews due · r", due).format(
                count=format_count(due)
            )
            if due
            else ""
        )

    def apply_filter(self, flt: DecisionFilter) -> None:
        """Show only what `flt` lets through (an empty filter shows everything)."""
        self.list_filter = flt if flt.active else None
        self.decisions.move_cursor(0)
        self.reload()

    def apply_year(self, year: int | None) -> None:
        """Show one year (None: all years), keeping the rest of the filter."""
        from ltv_journal.store.queries import DecisionFilter

        self.apply_filter(replace(self.list_filter or DecisionFilter(), year=year))

    def show_filter(self, flt: DecisionFilter | None) -> None:
        shown = visible(flt.describe(), lines=False) if flt else ""
        self.decisions.border_subtitle = _("filter: {shown}").format(shown=shown) if flt else ""

    def on_decision_list_counted(self, message: DecisionList.Counted) -> None:
        self.decisions.border_title = _("Decisions · {count}").format(
            count=format_count(message.total)
        )
        self.decisions.empty_text = (
            _("No decision matches the filter. Press / to change it.")
            if self.list_filter
            else _("No decisions yet. Press a to log one.")
        )

    def on_decision_list_selected(self, message: DecisionList.Selected) -> None:
        self.selected_id = message.decision_id
        # After the list's frame is out: the pane's relayout must not delay the cursor.
        self.call_after_refresh(self.reload_detail)

    def reload_detail(self) -> None:
        journal = self.journal
        decision_id = self.selected_id
        if journal is None or decision_id is None:
            self.post_message(DetailLoaded(None))
            return
        in_thread(
            self,
            lambda: DetailLoaded(read_detail(journal, decision_id)),
            what=N_("read the selected decision"),
            group="detail",
            exclusive=True,
        )

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        decision = message.decision
        if decision is not None and decision.id != self.selected_id:
            return  # an older selection
        self.current = decision
        if self.journal is not None:
            pane = cast("DetailPane", self.query_one("#detail"))
            pane.show(decision, self.journal.profile())

    # -- writing -----------------------------------------------------------------------

    def _ready(self) -> Journal | None:
        """The journal once it is open and its figures are read, else None (said)."""
        if self.journal is None or self.overview is None:
            self.notify(_(STILL_OPENING))
            return None
        return self.journal

    @property
    def profile(self) -> Profile:
        assert self.overview is not None
        return self.overview.profile

    def in_background(
        self,
        job: Callable[[Journal], str],
        *,
        what: str,
        group: str = "write",
        then: Callable[[], object] | None = None,
    ) -> None:
        """Run `job` on the journal in a thread; its answer is said when it is done
        (`what` names it if it fails), then everything is read again."""
        journal = self.journal
        if journal is None:
            self.notify(_(STILL_OPENING))
            return
        in_thread(self, lambda: JournalChanged(job(journal)), what=what, group=group, then=then)

    def on_journal_changed(self, message: JournalChanged) -> None:
        if message.note:
            self.notify(visible(message.note))
        self.reload()

    def saved(self, note: str, select: str | None = None) -> None:
        """A form saved its content: say so and read everything again (the list's cursor
        on `select`)."""
        self.notify(note)
        self.reload(select)

    # -- keys ----------------------------------------------------------------------------

    @property
    def add_form(self) -> AddFormAhead:
        if self._add_form is None:
            self._add_form = AddFormAhead(self.app, save=self._add_decision)
        return self._add_form

    def _build_ahead(self) -> None:
        """Have the add form ready for `a` (after a frame with new figures)."""
        if self.overview is not None:
            self.add_form.build(self.overview.profile, self.overview.categories)

    def _add_decision(self, decision: Decision) -> Decision:
        """In the form's thread: write a new decision to the journal."""
        assert self.journal is not None, "the add form opens once the journal is open"
        return self.journal.add(decision)

    def action_add(self) -> None:
        if self._ready() is None:
            return
        form = self.add_form.take(self.profile, self.overview.categories)  # type: ignore[union-attr]
        self.app.push_screen(form, callback=self._added)

    def _added(self, decision: Decision | None) -> None:
        if decision is not None:
            self.saved(_("Added {title}.").format(title=repr(decision.title)), select=decision.id)

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
            note = (
                _("Added {title}, chosen over {over}.").format(
                    title=repr(decision.title), over=over
                )
                if over
                else _("Added {title}.").format(title=repr(decision.title))
            )
            self.saved(note, select=decision.id)

    def action_edit(self) -> None:
        journal = self._ready()
        if journal is None:
            return
        if self.current is None or self.current.id != self.selected_id:
            self.notify(_("Select a decision to edit first."))
            return
        from .screens.decision_form import DecisionForm

        categories = self.overview.categories  # type: ignore[union-attr]
        form = DecisionForm(self.profile, self.current, categories, save=journal.update)
        self.app.push_screen(form, callback=self._edited)

    def _edited(self, decision: Decision | None) -> None:
        if decision is not None:
            self.saved(_("Saved {title}.").format(title=repr(decision.title)), select=decision.id)

    def action_delete(self) -> None:
        summary = self.decisions.selected
        if summary is None:
            self.notify(_("Select a decision to delete first."))
            return
        self.in_background(
            lambda j: _("Deleted {title}. Press u to undo.").format(
                title=repr(j.delete(summary.id).title)
            ),
            what=_("delete {title}").format(title=repr(summary.title)),
        )

    def action_undo(self) -> None:
        self.in_background(lambda j: (j.undo() or _("Nothing to undo")) + ".", what=N_("undo"))

    def action_profile(self, first_run: bool = False) -> None:
        journal = self.journal
        if journal is None:
            self.notify(_(STILL_OPENING))
            return
        profile = self.overview.profile if self.overview else journal.profile()
        form = profile_form(journal, profile, first_run)
        self.app.push_screen(form, callback=lambda p: self._profile_saved(p, first_run))

    def _profile_saved(self, profile: Profile | None, first_run: bool) -> None:
        if profile is not None and self._speaks_anew(profile):
            self.notify(_("Profile saved; every decision rescored."))
            self.call_later(self.speak_anew)  # the list, mounted again, reads it all
        elif profile is not None:
            self.saved(_("Profile saved; every decision rescored."))
        elif first_run:
            self.notify(_("No profile yet: the score needs your income and ages. Press p."))

    def action_filter(self) -> None:
        if self._ready() is None:
            return
        from ltv_journal.store.queries import DecisionFilter

        from .screens.filter_form import FilterForm

        categories = self.overview.categories  # type: ignore[union-attr]
        form = FilterForm(self.list_filter or DecisionFilter(), categories, ())
        self.app.push_screen(form, callback=self._filtered)

    def _filtered(self, flt: DecisionFilter | None) -> None:
        if flt is not None:
            self.apply_filter(flt)

    def action_year(self) -> None:
        if self._ready() is None:
            return
        from .screens.year_picker import YearPicker

        current = self.list_filter.year if self.list_filter else None
        years = self.overview.years  # type: ignore[union-attr]
        self.app.push_screen(YearPicker(years, current), callback=self._year_picked)

    def _year_picked(self, choice: YearChoice | None) -> None:
        if choice is not None:
            self.apply_year(choice.year)

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

        year = self.list_filter.year if self.list_filter else None
        self.app.push_screen(TrendsScreen(journal, year), callback=self._filtered)

    def action_review(self) -> None:
        journal = self._ready()
        if journal is not None:
            self.reviews.start(journal)

    def on_reviews_due(self, message: ReviewsDue) -> None:
        self.reviews.show_due(message)

    def on_review_chosen(self, message: ReviewChosen) -> None:
        self.reviews.review(message.decision)

    def action_export(self) -> None:
        if self._ready() is not None:
            flt = self.list_filter
            self.files.export(self.overview.years, flt.year if flt else None)  # type: ignore[union-attr]

    def action_import_file(self) -> None:
        journal = self._ready()
        if journal is not None:
            self.files.import_file(journal)

    def action_backup(self) -> None:
        if self._ready() is not None:
            self.files.backup()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        bindings = [(k.display, _(k.help)) for k in KEYS]
        bindings += [
            ("↑ ↓ PgUp PgDn", _("Move in the list; Home and End jump to its ends")),
            ("ctrl+p", _("All commands")),
        ]
        self.app.push_screen(HelpScreen(bindings))

    def action_toggle_detail(self) -> None:
        self.detail_wanted = self.has_class("-hide-detail")
        arrange(self, self.detail_wanted)

    def action_toggle_theme(self) -> None:
        self.post_message(self.ThemeToggled())

    def action_quit(self) -> None:
        self.app.exit()
