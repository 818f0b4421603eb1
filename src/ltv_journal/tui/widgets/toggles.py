"""Check boxes and radio buttons whose state reads without colour: a tick or a dot when
on, blank when off (Textual's own show the same glyph in both states)."""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    """A check box showing ✓ when ticked."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "✓" if self.value else " "


class DotButton(RadioButton):
    """A radio button showing • when chosen."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "•" if self.value else " "
