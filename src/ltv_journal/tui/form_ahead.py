"""The add form, built ahead of `a` and reused, so that `a` only has to show it.

Building the form (a hundred widgets) takes longer than a bare Textual modal with as many
inputs takes to appear; a form that is already mounted appears in a fraction of that.
It is built once the journal is open, after the frame that shows it, and emptied each
time it opens again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.app import App

if TYPE_CHECKING:
    from ltv_journal.core.decision import Decision
    from ltv_journal.core.profile import Profile

    from .screens.decision_form import DecisionForm

SCREEN_NAME = "add-decision"
"""Installed under this name: Textual keeps an installed screen when it is closed."""


class AddFormAhead:
    """Holds the add form between uses. `save` writes a new decision (in a thread)."""

    def __init__(self, app: App[object], save: Callable[[Decision], Decision]) -> None:
        self._app = app
        self._save = save
        self._form: DecisionForm | None = None
        self._language = ""
        """The language the form was built in: another one builds it again."""

    def build(self, profile: Profile, categories: Sequence[str]) -> None:
        """Build and mount the form now, unshown, unless one that fits is there."""
        if self._fits(profile) or self._shown():
            return
        form = self._replace(profile, categories)
        # Mounted now, off the screen stack (what `push_screen` does first for a screen
        # that is not running yet); showing it later only lays it out.
        self._app._register(self._app, form)

    def take(self, profile: Profile, categories: Sequence[str]) -> DecisionForm:
        """The form to show for a new decision: empty, with `profile`'s horizons."""
        form = self._form
        if form is None or not self._fits(profile):  # its currency is in its labels
            return self._replace(profile, categories)
        if form.is_mounted:
            form.start_over(profile, categories)
        else:
            form.profile = profile  # still being built, so still empty
        return form

    def _fits(self, profile: Profile) -> bool:
        from ltv_journal.core.language import current

        return (
            self._form is not None
            and self._form.profile.currency == profile.currency
            and self._language == current()
        )

    def _shown(self) -> bool:
        return self._form is not None and self._form in self._app.screen_stack

    def _replace(self, profile: Profile, categories: Sequence[str]) -> DecisionForm:
        from .screens.decision_form import DecisionForm

        old, app = self._form, self._app
        if old is not None:
            app.uninstall_screen(old)
            if old.is_running:
                old.remove()
        from ltv_journal.core.language import current

        self._language = current()
        form = self._form = DecisionForm(profile, None, categories, save=self._save)
        app.install_screen(form, SCREEN_NAME)
        return form
