"""Key descriptions in the language in force.

Textual copies a class's bindings onto each widget and screen when it is made; `Spoken`
puts that copy's descriptions and tooltips (English in the source, marked with `N_`)
into the journal's language, so the footer, the palette and the tooltips speak it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.dom import DOMNode

from ltv_journal.core import language
from ltv_journal.core.language import _


def translate_bindings(node: DOMNode) -> None:
    if language.current() == language.ENGLISH:
        return
    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [
            replace(b, description=_(b.description), tooltip=_(b.tooltip) if b.tooltip else "")
            for b in found
        ]


class Spoken:
    """Mixed into a widget or screen (before its Textual class): its keys speak the
    journal's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        assert isinstance(self, DOMNode)
        translate_bindings(self)
