"""The forms' baseline: a bare Textual app whose `a` opens a modal with N Inputs in a
scrolling column (N from the command line), Esc closing it; and `--one` for a modal
with a single Input, for the time a keystroke takes to reach the screen."""

import sys
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class BareForm(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("escape", "dismiss", "Close")]
    AUTO_FOCUS = "Input"

    def __init__(self, inputs: int) -> None:
        super().__init__()
        self.inputs = inputs

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("bare form open")
            with VerticalScroll():
                for index in range(self.inputs):
                    yield Input(placeholder=f"field {index}", compact=True)


class BareFormApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("a", "open", "Open")]

    def __init__(self, inputs: int) -> None:
        super().__init__()
        self.inputs = inputs

    def compose(self) -> ComposeResult:
        yield Static("bare app ready")

    def action_open(self) -> None:
        self.push_screen(BareForm(self.inputs))


if __name__ == "__main__":
    count = 1 if "--one" in sys.argv else int(sys.argv[-1])
    BareFormApp(count).run()
