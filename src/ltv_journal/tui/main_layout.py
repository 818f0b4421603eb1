"""The main screen's parts that arrive after the first frame, and how it is laid out
for the terminal's size."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Footer

from ltv_journal.core.language import _

from .keys import KEYS

NARROW = 110
"""Below this width the detail pane sits under the list."""
SHORT = 22
"""Below this height (when narrow) the detail pane starts hidden; `v` shows it."""


def footer_keys() -> int:
    """Columns the compact footer's keys take ("a Add " and so on), in the language in
    force."""
    return sum(len(k.display) + len(_(k.label)) + 2 for k in KEYS if k.show)


PALETTE_KEY = len("▏^p palette") + 1
"""Columns the footer's command palette key takes at its right end."""


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


def arrange(screen: Widget, detail_wanted: bool | None) -> None:
    """Lay `screen` out for its size: the detail pane beside or under the list, shown
    unless the screen is small (`detail_wanted`: what the person chose with `v`)."""
    narrow = screen.size.width < NARROW
    short = screen.size.height < SHORT
    shown = detail_wanted if detail_wanted is not None else not (narrow and short)
    screen.set_class(narrow, "-narrow")
    # Where the keys would run under the palette key, it gives way (help lists ctrl+p).
    screen.set_class(screen.size.width < footer_keys() + PALETTE_KEY, "-cramped")
    for footer in screen.query(Footer):  # mounted after the first frame
        footer.compact = narrow
    screen.set_class(not shown, "-hide-detail")
