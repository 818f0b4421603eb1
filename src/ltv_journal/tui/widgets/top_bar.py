"""The line at the top: whose journal, which day, what the list shows."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ltv_journal.core import language
from ltv_journal.core.conventions import format_date
from ltv_journal.core.language import N_, _
from ltv_journal.core.text import visible

APP_NAME = "LTV Journal"
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
"""Shown before the date outside English (English writes `Sun 29 Nov 2026`)."""


def shown_day(today: date) -> str:
    """`Sun 29 Nov 2026` in English, `So 29.11.2026` in German."""
    if language.current() == language.ENGLISH:
        return f"{today:%a %-d %b %Y}"
    return f"{_(WEEKDAYS[today.weekday()])} {format_date(today)}"


class TopBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(APP_NAME, id="top-who")
        yield Static("", id="top-what")

    def show_owner(self, name: str, today: date) -> None:
        who = f"{APP_NAME} · {visible(name, lines=False)}" if name else APP_NAME
        self.query_one("#top-who", Static).update(f"{who} · {shown_day(today)}")

    def show_status(self, text: str) -> None:
        self.query_one("#top-what", Static).update(text)
