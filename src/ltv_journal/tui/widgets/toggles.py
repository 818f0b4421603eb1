"""Check boxes and radio buttons whose state reads without colour: a tick or a dot when
on, blank when off (Textual's own show the same glyph in both states)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Checkbox, RadioButton

from ltv_journal.core.language import N_

from ..spoken import Spoken


class TickBox(Spoken, Checkbox, inherit_bindings=False):
    """A check box showing ✓ when ticked. Space ticks it; Enter is left to the form,
    where it saves, as the form's footer says."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", N_("Toggle"), show=False)
    ]

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "✓" if self.value else " "


class DotButton(RadioButton):
    """A radio button showing • when chosen."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "•" if self.value else " "
