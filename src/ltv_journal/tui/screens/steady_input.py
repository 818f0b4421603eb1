"""An Input whose typing repaints only itself."""

from __future__ import annotations

from textual.widgets import Input


class SteadyInput(Input):
    """An Input that does not lay the screen out again on every keystroke.

    Textual's Input sets its virtual width to the typed text's width on every change, and
    a changed virtual size lays out the whole screen: in a form of a hundred widgets that
    is most of a keystroke's time. Here the virtual width is at least the field's own
    width, so it changes only once the text no longer fits (and the field scrolls).
    Its `Changed` message stays with it: read the value with a watcher.
    """

    @property
    def content_width(self) -> int:
        return max(super().content_width, self.scrollable_content_region.width)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Not passed up the form: the forms watch their inputs' values (see
        `FormScreen`), and the message would climb every container to the screen on
        each keystroke."""
        event.stop()
