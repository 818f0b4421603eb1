"""The Textual app: start-up, the journal, the theme, the command palette.

Start-up is built for speed: the first frame shows the score read with the standard
library (`store.quick`); the full `Journal` (SQLAlchemy) opens in a thread after it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

from ltv_journal.core import clock
from ltv_journal.core.dimensions import DIMENSIONS
from ltv_journal.core.language import N_, _

from .key_order import KeysInOrder
from .keys import KEYS
from .main_screen import MainScreen
from .messages import JournalFailed, JournalOpened
from .overview import Overview
from .spoken import Spoken
from .workers import in_thread

if TYPE_CHECKING:
    from ltv_journal.core.profile import Profile
    from ltv_journal.store.journal import Journal

DARK, LIGHT = "textual-dark", "textual-light"
TEXTUAL_WORDS = (N_("palette"), N_("Open the command palette"))
"""Textual's own words for the command palette key (translated by `Spoken`)."""


class LtvJournalApp(Spoken, KeysInOrder[None]):
    """The journal at `journal_location`; tests pass an open `journal` to use instead.

    The app opens the journal and hands it to the main screen, which shows it (see the
    flow in `main_screen.py`); it keeps the theme and the command palette."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "LTV Journal"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    THEMES: ClassVar[tuple[str, str]] = (DARK, LIGHT)

    def __init__(
        self, journal_location: str, journal: Journal | None = None, *, follow_profile: bool = True
    ) -> None:
        super().__init__()
        self.follow_profile = follow_profile
        """Whether the profile's language is spoken: not when `--lang` named one (nor
        while `$LTV_JOURNAL_LANG` does)."""
        self.journal_location = journal_location
        self.journal: Journal | None = journal
        self._owns_journal = journal is None
        self.failure: str | None = None
        """Why the journal could not be opened; said once the terminal is restored."""
        # Keys typed before the journal's figures are on screen wait for them (type-ahead).
        self.hold_keys()

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self._quick_overview())

    @property
    def main(self) -> MainScreen:
        return cast(MainScreen, self.screen_stack[0])

    # -- start-up ------------------------------------------------------------------

    def _quick_overview(self) -> Overview | None:
        """The score straight from the file, for the first frame: read with the standard
        library, before SQLAlchemy is imported."""
        if self.journal is not None:
            return None
        from ltv_journal.store.quick import quick_score_at

        found = quick_score_at(self.journal_location, clock.today())
        if found is None:
            return None
        profile, score = found
        self.speak_profile(profile)  # before the first frame is composed
        empty: dict = {dim: [] for dim in DIMENSIONS}  # type: ignore[type-arg]
        return Overview(profile, score, None, empty)

    def on_main_screen_list_mounted(self, _: MainScreen.ListMounted) -> None:
        """After the first frame: importing SQLAlchemy in a thread before it would hold
        the GIL that frame needs."""
        if self.main.journal is not None:  # composed again in another language
            self.main.reload()
            return
        journal = self.journal
        in_thread(self, lambda: self._open(journal), what=N_("open the journal"), group="open")

    def _open(self, journal: Journal | None) -> JournalOpened | JournalFailed:
        """In a thread: the journal opened (unless the test gave one), or why not."""
        if journal is None:
            from ltv_journal.store.errors import JournalError
            from ltv_journal.store.journal import Journal

            try:
                journal = Journal(self.journal_location)
            except JournalError as error:  # its message names the location
                return JournalFailed(_sentence(str(error)))
            except OSError as error:
                return JournalFailed(
                    _("Cannot open {location}: {error}").format(
                        location=self.journal_location, error=error
                    )
                )
        due = journal.review_due_count(clock.today())
        return JournalOpened(journal, journal.has_profile(), due)

    def on_journal_opened(self, message: JournalOpened) -> None:
        self.journal = message.journal
        main = self.main
        if not self.speak_profile(message.journal.profile()):
            main.journal_opened(message.journal, message.has_profile, message.due)
            return

        async def anew_then_open() -> None:  # no quick read said the language before
            await main.speak_anew()
            main.journal_opened(message.journal, message.has_profile, message.due)

        main.call_later(anew_then_open)

    # -- the language ------------------------------------------------------------------

    def speak_profile(self, profile: Profile, *, automatic_too: bool = False) -> bool:
        """Speak the language the profile names unless `--lang` or `$LTV_JOURNAL_LANG`
        named one (with `automatic_too`, a profile that names none: the locale's);
        whether the language in force changed."""
        from ltv_journal.core import language

        if not self.follow_profile or language.overridden():
            return False
        if profile.language is None and not automatic_too:
            return False  # the language the app was started in is the locale's
        wanted = language.choose(None, profile.language)
        if wanted == language.current():
            return False
        language.use(wanted)
        return True

    def on_journal_failed(self, message: JournalFailed) -> None:
        self.failure = message.reason  # held keys stay held: the app closes
        self.exit(return_code=2)

    def on_main_screen_figures_shown(self, _: MainScreen.FiguresShown) -> None:
        self.release_keys()

    def on_unmount(self) -> None:
        if self._owns_journal and self.journal is not None:
            self.journal.close()

    def on_main_screen_theme_toggled(self, _: MainScreen.ThemeToggled) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    # -- the command palette ---------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The main screen's keys, each once (Textual's own commands would list a second
        theme switch, and keys and screenshots this app does not speak of)."""
        if isinstance(screen, MainScreen):
            for key in KEYS:
                action = getattr(screen, f"action_{key.action}")
                yield SystemCommand(f"{_(key.label)} ({key.display})", _(key.help), action)

    def action_command_palette(self) -> None:
        """The command palette, its search field in the journal's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            from .palette import SpokenCommandPalette

            self.push_screen(SpokenCommandPalette())


def run_app(location: str, *, headless: bool = False, follow_profile: bool = True) -> None:
    """Open the journal at `location` in the terminal until the person quits.

    When the journal cannot be opened, says why on stderr and exits with code 2.
    `follow_profile=False`: `--lang` named the language, the profile's does not count."""
    app = LtvJournalApp(location, follow_profile=follow_profile)
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
