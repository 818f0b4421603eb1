"""A line with a label and a running bar, shown while something long is under way."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class BusyLine(Horizontal):
    def __init__(self, label: str) -> None:
        super().__init__(classes="busy-line")
        self.label = label

    def compose(self) -> ComposeResult:
        yield Static(self.label, classes="busy-label")
        yield ProgressBar(total=None, show_percentage=False, show_eta=False)
