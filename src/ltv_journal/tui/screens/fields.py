"""What every form shares: a labelled field that shows its reason beside it, and a
modal form screen that saves with Enter or ctrl+s only when everything is valid."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

ResultT = TypeVar("ResultT")

Problems = dict[str, str]
"""Reasons by field key (`amount`, `money.confidence`); the first reason per field wins."""


def add_problem(found: Problems, key: str, reason: str) -> None:
    found.setdefault(key, reason)


class Field(Vertical):
    """A label, a control, and beneath them the reason the value is not accepted."""

    DEFAULT_CSS = """
    Field {
        height: auto;
        & > Horizontal { height: auto; }
        & .field-label { width: 16; color: $text-muted; padding-right: 1; }
        & .field-error { display: none; color: $text-error; padding-left: 16; }
        & .field-error.-shown { display: block; }
        & .field-hint { color: $text-muted; padding-left: 1; width: auto; }
    }
    """

    def __init__(self, label: str, control: Widget, *, key: str, hint: str = "") -> None:
        super().__init__(id=f"field-{key.replace('.', '-')}")
        self.key = key
        """The field key problems are reported under."""
        self.control = control
        self._label = label
        self._hint = hint

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self._label, classes="field-label")
            yield self.control
            if self._hint:
                yield Label(self._hint, classes="field-hint")
        yield Static("", classes="field-error")

    def show_problem(self, reason: str | None) -> None:
        """Show `reason` beside the field, or clear it."""
        error = self.query_one(".field-error", Static)
        error.update(f"↑ {reason}" if reason else "")
        error.set_class(bool(reason), "-shown")
        self.control.set_class(bool(reason), "-invalid")


class FormScreen(ModalScreen[ResultT], Generic[ResultT]):
    """A modal form. Subclasses implement `read_form()`; the base shows the problems
    beside their fields and dismisses the result once there are none.

    A field's problem shows as soon as the person has typed in it, and every problem
    shows after a first attempt to save.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        Binding("enter", "save", "Save", show=False),
    ]

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
        & > .form-box {
            width: 100%;
            max-width: 100;
            height: auto;
            max-height: 100%;
            border: round $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
        }
        & .form-intro { color: $text-muted; margin-bottom: 1; }
        & .form-keys { color: $text-muted; height: 1; margin-top: 1; }
        & Input { width: 1fr; background: $boost; }
        /* An unfocused choice shows only what is picked, not where the cursor was. */
        & RadioSet:blur > RadioButton.-selected > .toggle--label { background: transparent; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._touched: set[str] = set()
        """Keys of the fields the person has changed."""
        self._attempted = False
        """True after the first attempt to save: from then on every problem shows."""

    def read_form(self) -> tuple[ResultT | None, Problems]:
        """The result the form describes, or None with the problems by field key."""
        raise NotImplementedError

    def key_of(self, widget: Widget) -> str | None:
        """The field key of a control: its name if it has one (the controls of compact
        rows are named `money.per_year` and so on), else the key of its Field."""
        if widget.name:
            return widget.name
        for node in widget.ancestors_with_self:
            if isinstance(node, Field):
                return node.key
        return None

    def on_input_changed(self, event: Input.Changed) -> None:
        key = self.key_of(event.input)
        if key is not None and event.input.has_focus:
            self._touched.add(key)
        self.refresh_form()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def refresh_form(self) -> None:
        """Re-read the form: update the problems shown (and, in subclasses, previews)."""
        _, problems = self.read_form()
        self.show_problems(problems)

    def problem_shown(self, key: str) -> bool:
        """Whether the problem of field `key` should show now."""
        return self._attempted or key in self._touched

    def show_problems(self, problems: Mapping[str, str]) -> None:
        for field in self.query(Field):
            field.show_problem(problems.get(field.key) if self.problem_shown(field.key) else None)

    def action_save(self) -> None:
        result, problems = self.read_form()
        self._attempted = True
        self.show_problems(problems)
        if result is None or problems:
            self._focus_first_problem(problems)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _focus_first_problem(self, problems: Mapping[str, str]) -> None:
        for widget in self.query("Input, Select, RadioSet, Switch"):
            if self.key_of(widget) in problems:
                widget.focus()
                return
