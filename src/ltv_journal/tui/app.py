"""The Textual app: start-up, the journal, what the list shows, themes, the palette.

Start-up is built for speed: the first frame shows the score read with the standard
library (`store.quick`); the full `Journal` (SQLAlchemy) opens in a thread after it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import SystemCommand
from textual.screen import Screen

from ltv_journal.core import clock
from ltv_journal.core.dimensions import DIMENSIONS

from .key_order import KeysInOrder
from .keys import KEYS
from .main_screen import MainScreen
from .messages import JournalFailed, JournalOpened, OverviewLoaded
from .overview import Overview

if TYPE_CHECKING:
    from ltv_journal.store.journal import Journal
    from ltv_journal.store.queries import DecisionFilter
    from ltv_journal.store.watch import ChangeWatch

DARK, LIGHT = "textual-dark", "textual-light"
WATCH_SECONDS = 0.5
"""How often to look whether another program changed the journal."""


class LtvJournalApp(KeysInOrder[None]):
    """The journal at `journal_location`; tests pass an open `journal` to use instead."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "LTV Journal"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    THEMES: ClassVar[tuple[str, str]] = (DARK, LIGHT)

    def __init__(self, journal_location: str, journal: Journal | None = None) -> None:
        super().__init__()
        self.journal_location = journal_location
        self.journal: Journal | None = journal
        self._owns_journal = journal is None
        self.list_filter: DecisionFilter | None = None
        """What the list shows; None: everything."""
        self.overview: Overview | None = None
        """The latest figures from the full journal (None until it is open)."""
        self.failure: str | None = None
        """Why the journal could not be opened; said once the terminal is restored."""
        self._watch: ChangeWatch | None = None
        self._starting = True
        """Keys typed before the journal is open wait for it (type-ahead)."""
        self.hold_keys()

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        return cast(MainScreen, self.screen_stack[0])

    # -- start-up ------------------------------------------------------------------

    def start(self) -> None:
        """Called by the main screen once its cards exist: the score from the file."""
        if self.journal is None:
            self._show_quick_score()

    def open_journal(self) -> None:
        """Called once the list is mounted, after the first frame: importing SQLAlchemy
        in a thread before it would hold the GIL that frame needs."""
        self._open_journal(self.journal)

    def _show_quick_score(self) -> None:
        """The score straight from the file, before SQLAlchemy is imported."""
        from ltv_journal.store.location import sqlite_path
        from ltv_journal.store.quick import quick_score

        path = sqlite_path(self.journal_location)
        found = quick_score(path, clock.today()) if path is not None else None
        if found is None:
            return
        profile, score = found
        empty: dict = {dim: [] for dim in DIMENSIONS}  # type: ignore[type-arg]
        self.main.show_overview(Overview(profile, score, None, empty))

    @work(thread=True, exclusive=True, group="open")
    def _open_journal(self, journal: Journal | None) -> None:
        if journal is None:
            from ltv_journal.store.errors import JournalError
            from ltv_journal.store.journal import Journal

            try:
                journal = Journal(self.journal_location)
            except JournalError as error:  # its message names the location
                self.post_message(JournalFailed(_sentence(str(error))))
                return
            except OSError as error:
                self.post_message(JournalFailed(f"Cannot open {self.journal_location}: {error}"))
                return
        due = journal.review_due_count(clock.today())
        self.post_message(JournalOpened(journal, journal.has_profile(), due))

    def on_journal_opened(self, message: JournalOpened) -> None:
        from ltv_journal.store.watch import ChangeWatch

        self.journal = message.journal
        self._watch = ChangeWatch(message.journal.location)
        self.set_interval(WATCH_SECONDS, self._look_for_changes)
        self.reload()
        if not message.has_profile:
            self.main.action_profile(first_run=True)
        elif message.due:
            many = message.due != 1
            self.notify(
                f"{message.due:,} decision{'s' if many else ''} {'are' if many else 'is'} "
                "due for review. Press r to review.",
                title="Reviews",
            )

    def on_journal_failed(self, message: JournalFailed) -> None:
        self.failure = message.reason  # held keys stay held: the app closes
        self.exit(return_code=2)

    def on_unmount(self) -> None:
        if self._watch is not None:
            self._watch.close()
        if self._owns_journal and self.journal is not None:
            self.journal.close()

    def _look_for_changes(self) -> None:
        """Another program (a shell's `ltv-journal undo`, a second window) wrote to the
        journal: show what is there now, scored with the profile in force."""
        if self.journal is not None and self._watch is not None and self._watch.changed():
            self.journal.forget_profile()
            self.reload()

    # -- what is shown -------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read everything again after a change: list, figures, detail; with `select`,
        the list's cursor moves to that decision."""
        journal = self.journal
        if journal is None:
            return
        if self._watch is not None:
            self._watch.settle()  # what is read now includes every change so far
        self.main.decisions.load(journal, self.list_filter, clock.today(), select)
        self.main.show_filter(self.list_filter)
        self._load_overview(journal)
        self.main.reload_detail()

    @work(thread=True, exclusive=True, group="overview")
    def _load_overview(self, journal: Journal) -> None:
        from .overview import load_overview

        year = self.list_filter.year if self.list_filter else None
        self.post_message(OverviewLoaded(load_overview(journal, clock.today(), year)))

    def on_overview_loaded(self, message: OverviewLoaded) -> None:
        self.overview = message.overview
        self.main.show_overview(message.overview)
        self._started()
        if message.overview.band is None and self.journal is not None:
            # Once the figures are painted: the band is CPU work that would share the
            # GIL with that frame.
            self.call_after_refresh(self._load_band, self.journal, message.overview)

    @work(thread=True, exclusive=True, group="band")
    def _load_band(self, journal: Journal, overview: Overview) -> None:
        from .overview import load_band

        self.post_message(OverviewLoaded(load_band(journal, overview)))

    def _started(self) -> None:
        if self._starting:
            self._starting = False
            self.release_keys()

    def apply_filter(self, flt: DecisionFilter) -> None:
        """Show only what `flt` lets through (an empty filter shows everything)."""
        self.list_filter = flt if flt.active else None
        self.main.decisions.move_cursor(0)
        self.reload()

    def apply_year(self, year: int | None) -> None:
        """Show one year (None: all years), keeping the rest of the filter."""
        from ltv_journal.store.queries import DecisionFilter

        self.apply_filter(replace(self.list_filter or DecisionFilter(), year=year))

    def toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    # -- the command palette ---------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The main screen's keys, each once (Textual's own commands would list a second
        theme switch, and keys and screenshots this app does not speak of)."""
        if isinstance(screen, MainScreen):
            for key in KEYS:
                action = getattr(screen, f"action_{key.action}")
                yield SystemCommand(f"{key.label} ({key.display})", key.help, action)


def run_app(location: str, *, headless: bool = False) -> None:
    """Open the journal at `location` in the terminal until the person quits.

    When the journal cannot be opened, says why on stderr and exits with code 2."""
    app = LtvJournalApp(location)
    app.run(headless=headless)
    if app.failure is not None:
        print(app.failure, file=sys.stderr)
    if app.return_code:
        sys.exit(app.return_code)


def _sentence(text: str) -> str:
    """`text` as a sentence: a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
