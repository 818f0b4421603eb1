"""What every form shares: a labelled field that shows its reason beside it, and a
modal form screen that saves with Enter or ctrl+s only when everything is valid."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, RadioButton, Select, Static

from ltv_journal.core.language import N_, _

from ..key_order import KeysInOrder
from ..spoken import Spoken
from ..workers import WorkFailed, in_thread

ResultT = TypeVar("ResultT")

Problems = dict[str, str]
"""Reasons by field key (`amount`, `money.confidence`); the first reason per field wins."""


def add_problem(found: Problems, key: str, reason: str) -> None:
    found.setdefault(key, reason)


class Field(Widget):
    """A label, a control, and beneath them the reason the value is not accepted.

    One grid rather than rows in a column: a form is mostly fields, and every widget
    fewer is time saved each time it opens. The reason's line is mounted when there
    first is one."""

    DEFAULT_CSS = """
    Field {
        layout: grid;
        grid-size: 2;
        grid-columns: 16 1fr;
        height: auto;
        & .field-label { width: 16; color: $text-muted; padding-right: 1; }
        & .field-error { display: none; color: $text-error; padding-left: 16; column-span: 2; }
        & .field-error.-shown { display: block; }
        & .field-hint { color: $text-muted; padding-left: 1; width: auto; }
    }
    Field.-hinted {
        grid-size: 3;
        grid-columns: 16 1fr auto;
        & .field-error { column-span: 3; }
    }
    """

    def __init__(self, label: str, control: Widget, *, key: str, hint: str = "") -> None:
        super().__init__(id=f"field-{key.replace('.', '-')}", classes="-hinted" if hint else "")
        self.key = key
        """The field key problems are reported under."""
        self.control = control
        self._label = label
        self._hint = hint
        self._shown: str | None = None
        self._error: Static | None = None

    def compose(self) -> ComposeResult:
        yield Label(self._label, classes="field-label")
        yield self.control
        if self._hint:
            yield Label(self._hint, classes="field-hint")

    def show_problem(self, reason: str | None) -> None:
        """Show `reason` beside the field, or clear it."""
        self.control.set_class(bool(reason), "-invalid")
        if reason == self._shown:
            return  # every keystroke asks; an update would lay the form out again
        self._shown = reason
        if self._error is None:
            self._error = Static("", classes="field-error")
            self.mount(self._error)
        self._error.update(f"↑ {reason}" if reason else "")
        self._error.set_class(bool(reason), "-shown")


class ConfirmDiscard(ModalScreen[bool]):
    """Asked when Esc would throw typed content away: Esc again discards (True), any
    other key goes back to the form (False)."""

    DEFAULT_CSS = """
    ConfirmDiscard {
        align: center middle;
        background: $background 30%;
        & > Static {
            width: auto;
            max-width: 60;
            border: round $warning;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(
            _("Discard what you typed?\n[b]esc[/b] discard · any other key: back to the form"),
            id="confirm-discard",
        )

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(event.key == "escape")


class FormScreen(Spoken, ModalScreen[ResultT], Generic[ResultT]):
    """A modal form. Subclasses implement `read_form()`; the base shows the problems
    beside their fields and dismisses the result once there are none.

    A field's problem shows as soon as the person has typed in it, and every problem
    shows after a first attempt to save. With `save`, the form writes the result (in a
    thread) and closes only once that worked, dismissing what `save` returned; when it
    fails, the form stays open with the reason at its field. Esc on a changed form asks
    before throwing the typed content away.
    """

    class Saved(Message):
        def __init__(self, result: object) -> None:
            super().__init__()
            self.result = result

    class SaveFailed(Message):
        def __init__(self, problems: list[tuple[str, str]]) -> None:
            super().__init__()
            self.problems = problems

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "save", N_("Save")),
        Binding("enter", "save", N_("Save"), show=False),
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

    def __init__(self, *, save: Callable[[ResultT], ResultT] | None = None) -> None:
        super().__init__()
        self._touched: set[str] = set()
        """Keys of the fields the person has changed."""
        self._attempted = False
        """True after the first attempt to save: from then on every problem shows."""
        self._save = save
        """Writes the result (run in a thread); None: the form only dismisses it."""
        self._saving = False
        self._save_problems: Problems = {}
        """Why the last write failed, by field key; shown until the form changes."""
        self._initial: list[object] = []
        """The controls' values when the form opened."""
        self._fields: list[Field] = []

    def on_mount(self) -> None:
        self._initial = self._values()
        # Watched rather than told by Input.Changed: that message climbs the form one
        # widget at a time (tens of milliseconds on a busy machine) before the screen
        # hears of it; a watcher runs as the value changes.
        for control in self.query(Input):
            self.watch(control, "value", partial(self._value_changed, control), init=False)

    def forget_changes(self) -> None:
        """Take the controls' values as they are now as the form's start: nothing typed,
        nothing attempted, no problem shown (for a form that is shown again)."""
        self._touched.clear()
        self._attempted = False
        self._save_problems.clear()
        self._initial = self._values()

    def _values(self) -> list[object]:
        values: list[object] = []
        for widget in self.query("Input, Checkbox, RadioButton, Select"):
            if isinstance(widget, Input | Checkbox | RadioButton | Select):
                values.append(widget.value)
        return values

    @property
    def changed(self) -> bool:
        """Whether the person has changed anything since the form opened."""
        return self._values() != self._initial

    @property
    def fields(self) -> list[Field]:
        """The form's fields, found once (a query walks the whole form)."""
        if not self._fields:
            self._fields = list(self.query(Field))
        return self._fields

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

    def _value_changed(self, control: Input, _value: str) -> None:
        key = self.key_of(control)
        if key is not None and control.has_focus:
            self._touched.add(key)
            self._save_problems.pop(key, None)
        # Once the input has finished with its value (its own validity classes set),
        # in its own turn: no climb through the form's queues.
        control.call_next(self.refresh_form)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def refresh_form(self) -> None:
        """Re-read the form: update the problems shown (and, in subclasses, previews)."""
        _result, problems = self.read_form()
        self.show_problems(problems)

    def problem_shown(self, key: str) -> bool:
        """Whether the problem of field `key` should show now."""
        return self._attempted or key in self._touched

    def show_problems(self, problems: Mapping[str, str]) -> bool:
        """Show the problems that should show now; says whether any is shown."""
        marked = False
        for field in self.fields:
            reason = problems.get(field.key) if self.problem_shown(field.key) else None
            field.show_problem(reason)
            marked = marked or reason is not None
        return marked

    def action_save(self) -> None:
        if self._saving:
            return
        result, problems = self.read_form()
        self._attempted = True
        self.show_problems(problems)
        if result is None or problems:
            self._focus_first_problem(problems)
            return
        if self._save is None:
            self.dismiss(result)
            return
        self._saving = True
        if isinstance(self.app, KeysInOrder):
            self.app.hold_keys()  # keys typed after Enter are for what the save leads to
        save = self._save
        in_thread(self, lambda: self._write(save, result), what=N_("save"), group="save")

    def _write(self, save: Callable[[ResultT], ResultT], result: ResultT) -> Message:
        """In a thread: `Saved`, or `SaveFailed` with the problems by field."""
        from ltv_journal.store.errors import Invalid

        try:
            return self.Saved(save(result))
        except Invalid as error:
            return self.SaveFailed(error.problems)

    def on_work_failed(self, message: WorkFailed) -> None:
        """The write failed otherwise (and the person was told): the form stays open,
        nothing typed is lost."""
        if message.what == "save":
            self._end_saving()

    def on_form_screen_saved(self, message: Saved) -> None:
        self._end_saving()
        self.dismiss(message.result)  # type: ignore[arg-type]

    def on_form_screen_save_failed(self, message: SaveFailed) -> None:
        self._end_saving()
        fields = {field.key for field in self.fields} | self.extra_keys()
        unplaced: list[str] = []
        for key, reason in message.problems:
            if key in fields:
                self._save_problems[key] = reason
            else:
                unplaced.append(f"{key} {reason}".strip())
        problems = dict(self._save_problems)
        for key, reason in self.read_form()[1].items():
            problems.setdefault(key, reason)
        self.show_problems(problems)
        self._focus_first_problem(problems)
        if unplaced:
            self.notify(
                _("Not saved: {problems}").format(problems="; ".join(unplaced)), severity="error"
            )

    def extra_keys(self) -> set[str]:
        """Keys of problems the form shows outside a `Field` (effect rows and such)."""
        return set()

    def _end_saving(self) -> None:
        self._saving = False
        if isinstance(self.app, KeysInOrder):
            self.app.release_keys()

    def action_cancel(self) -> None:
        if self.changed:
            self.app.push_screen(ConfirmDiscard(), callback=self._discard)
        else:
            self.dismiss(None)

    def _discard(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)

    def _focus_first_problem(self, problems: Mapping[str, str]) -> None:
        for widget in self.query("Input, Select, RadioSet, Switch"):
            if self.key_of(widget) in problems:
                widget.focus()
                return
