"""The main screen: score cards, the decision list and the detail pane.

The keys' actions live in `journal_actions.py`; reads run in thread workers and
their results come back as messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.lazy import Lazy
from textual.message import Message
from textual.widgets import Footer

from ltv_journal.core import clock
from ltv_journal.core.text import visible

from .file_actions import FileActions
from .keys import KEYS
from .messages import DetailLoaded
from .widgets.score_cards import ScoreCards
from .widgets.top_bar import TopBar

if TYPE_CHECKING:
    from ltv_journal.core.decision import Decision
    from ltv_journal.store.journal import Journal
    from ltv_journal.store.queries import DecisionFilter

    from .overview import Overview
    from .widgets.decision_list import DecisionList
    from .widgets.detail_pane import DetailPane


class KeyFooter(Footer):
    """The footer; compact on narrow screens from the moment it is mounted."""

    class Mounted(Message):
        """The footer is there: the screen lays it out."""

    def on_mount(self) -> None:
        self.post_message(self.Mounted())


class Body(Container):
    """The list and the detail pane; tells the screen when it is mounted. Their modules
    load here, after the first frame."""

    class Mounted(Message):
        """The list is there: the screen focuses it and the journal opens."""

    def compose(self) -> ComposeResult:
        from .widgets.decision_list import DecisionList
        from .widgets.detail_pane import DetailPane

        yield DecisionList(id="decisions")
        yield DetailPane(id="detail")

    def on_mount(self) -> None:
        self.post_message(self.Mounted())


NARROW = 110
"""Below this width the detail pane sits under the list."""
SHORT = 22
"""Below this height (when narrow) the detail pane starts hidden; `v` shows it."""
FOOTER_KEYS = sum(len(k.display) + len(k.label) + 2 for k in KEYS if k.show)
"""Columns the compact footer's keys take ("a Add " and so on)."""
PALETTE_KEY = len("▏^p palette") + 1
"""Columns the footer's command palette key takes at its right end."""


class MainScreen(FileActions):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(k.key, k.action, k.label, show=k.show, tooltip=k.help) for k in KEYS
    ]

    def __init__(self) -> None:
        super().__init__()
        self.detail_wanted: bool | None = None
        """None: the layout decides; True/False: the person chose with `v`."""

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        yield ScoreCards(id="cards")
        # The first frame shows the score; the list, the detail pane and the footer are
        # mounted right after it (Lazy), and the journal opens once they are there.
        yield Lazy(Body(id="body"))
        yield Lazy(KeyFooter())

    def on_mount(self) -> None:
        self.query_one(TopBar).show_owner("", clock.today())
        self.ltv_app.start()

    def on_key_footer_mounted(self, _: KeyFooter.Mounted) -> None:
        self.arrange_layout()

    def on_body_mounted(self, _: Body.Mounted) -> None:
        self.decisions.border_title = "Decisions"
        self.decisions.focus()
        self.arrange_layout()
        self.ltv_app.open_journal()

    # -- layout --------------------------------------------------------------------

    def on_resize(self) -> None:
        self.arrange_layout()

    def arrange_layout(self) -> None:
        narrow = self.size.width < NARROW
        short = self.size.height < SHORT
        shown = self.detail_wanted if self.detail_wanted is not None else not (narrow and short)
        self.set_class(narrow, "-narrow")
        # Where the keys would run under the palette key, it gives way (help lists ctrl+p).
        self.set_class(self.size.width < FOOTER_KEYS + PALETTE_KEY, "-cramped")
        for footer in self.query(Footer):  # mounted after the first frame
            footer.compact = narrow
        self.set_class(not shown, "-hide-detail")

    def action_toggle_detail(self) -> None:
        self.detail_wanted = self.has_class("-hide-detail")
        self.arrange_layout()

    def action_toggle_theme(self) -> None:
        self.ltv_app.toggle_theme()

    # -- showing -------------------------------------------------------------------

    def show_overview(self, overview: Overview) -> None:
        self.query_one(TopBar).show_owner(overview.profile.name, clock.today())
        self.query_one(ScoreCards).show(overview)
        due = overview.due
        self.query_one(TopBar).show_status(
            f"{due:,} review{'s' if due != 1 else ''} due · r" if due else ""
        )

    def show_filter(self, flt: DecisionFilter | None) -> None:
        shown = visible(flt.describe(), lines=False) if flt else ""
        self.decisions.border_subtitle = f"filter: {shown}" if flt else ""

    def on_decision_list_counted(self, message: DecisionList.Counted) -> None:
        total = message.total
        self.decisions.border_title = f"Decisions · {total:,}"
        flt = self.ltv_app.list_filter
        self.decisions.empty_text = (
            "No decision matches the filter. Press / to change it."
            if flt
            else "No decisions yet. Press a to log one."
        )

    def on_decision_list_selected(self, message: DecisionList.Selected) -> None:
        self.selected_id = message.decision_id
        # After the list's frame is out: the pane's relayout must not delay the cursor.
        self.call_after_refresh(self.reload_detail)

    def reload_detail(self) -> None:
        journal = self.ltv_app.journal
        decision_id = self.selected_id
        if journal is None or decision_id is None:
            self.post_message(DetailLoaded(None))
            return
        self._read_detail(journal, decision_id)

    @work(thread=True, exclusive=True, group="detail")
    def _read_detail(self, journal: Journal, decision_id: str) -> None:
        from ltv_journal.store.errors import NotFound

        try:
            decision: Decision | None = journal.get(decision_id)
        except NotFound:
            decision = None
        journal.profile()  # read here so the main thread finds it cached
        self.post_message(DetailLoaded(decision))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        decision = message.decision
        if decision is not None and decision.id != self.selected_id:
            return  # an older selection
        self.current = decision
        journal = self.ltv_app.journal
        if journal is not None:
            pane = cast("DetailPane", self.query_one("#detail"))
            pane.show(decision, journal.profile())
