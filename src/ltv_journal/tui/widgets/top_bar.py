"""The line at the top: whose journal, which day, what the list shows."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ltv_journal.core.text import visible

APP_NAME = "LTV Journal"


class TopBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(APP_NAME, id="top-who")
        yield Static("", id="top-what")

    def show_owner(self, name: str, today: date) -> None:
        who = f"{APP_NAME} · {visible(name, lines=False)}" if name else APP_NAME
        self.query_one("#top-who", Static).update(f"{who} · {today:%a %-d %b %Y}")

    def show_status(self, text: str) -> None:
        self.query_one("#top-what", Static).update(text)
