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

ABOUT = (
    "Every expensive choice asks one question: does this raise my lifetime value? "
    "Log decisions with their expected effect on money, happiness, love and meaning; "
    "review them later against what really happened."
)


class HelpScreen(ModalScreen[None]):
    """Lists (key, description) pairs; any of esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 100%; max-width: 72; height: auto; max-height: 90%;
            border: round $primary; background: $surface; padding: 0 1;
        }
        & #about { color: $text-muted; margin-bottom: 1; }
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
            box.border_title = "Help"
            box.border_subtitle = "esc close"
            yield Static(ABOUT, id="about")
            yield Static(table, id="keys")

    def action_close(self) -> None:
        self.dismiss(None)
