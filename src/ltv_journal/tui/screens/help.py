"""The keys and what they do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ltv_journal.core.language import N_, _

from ..spoken import Spoken

ABOUT = N_(
    "Does this raise my lifetime value? A point lifts a year a little (-10..+10) and "
    "fades as you adapt. A worth per point-year (p) adds all four up in money: raises ± "
    "is a trade-off it settled."
)

CLOSE = N_("esc close")
MORE = N_("↓ more below")


class HelpScreen(Spoken, ModalScreen[None]):
    """Lists (key, description) pairs; any of esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", N_("Close")),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 100%; max-width: 78; height: auto; max-height: 100%;
            scrollbar-size-vertical: 1;
            border: round $primary; background: $surface; padding: 0 1;
        }
        & #about { color: $text-muted; margin-bottom: 1; }
        /* Too short for both: the keys are what help is for. */
        &.-short #about { display: none; }
    }
    """

    def __init__(self, bindings: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.key_help = list(bindings)
        """(key, what it does) pairs in display order."""

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, description in self.key_help:
            table.add_row(key, description)
        with VerticalScroll() as box:
            box.border_title = _("Help")
            box.border_subtitle = _(CLOSE)
            yield Static(_(ABOUT), id="about")
            yield Static(table, id="keys")

    def on_resize(self) -> None:
        # The keys, the two borders and at least four lines of the about text.
        self.set_class(self.size.height < len(self.key_help) + 6, "-short")

    def on_mount(self) -> None:
        box = self.query_one(VerticalScroll)
        for attribute in ("scroll_y", "virtual_size", "size"):
            self.watch(box, attribute, self._after_layout)

    def _after_layout(self) -> None:
        self.call_after_refresh(self._show_more)

    def _show_more(self) -> None:
        """Say in words (not only with the scroll bar's colour) that more lies below."""
        box = self.query_one(VerticalScroll)
        more = box.max_scroll_y > 0 and box.scroll_y < box.max_scroll_y
        box.border_subtitle = f"{_(MORE)} · {_(CLOSE)}" if more else _(CLOSE)

    def action_close(self) -> None:
        self.dismiss(None)
