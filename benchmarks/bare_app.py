"""The baselines: a bare Textual app that shows one Static, or (`--list`) an OptionList
of 1,000 rows, for the time a key takes to reach the screen."""

import sys

from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare app ready")


class BareList(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList(*(f"row {i}" for i in range(1000)))


if __name__ == "__main__":
    (BareList() if "--list" in sys.argv else Bare()).run()
