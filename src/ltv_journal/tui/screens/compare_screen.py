"""Weigh 2 to 5 options side by side, then log the one chosen with the others kept as
the options it was chosen over."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from functools import partial
from itertools import count
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalScroll, Vertical
from textual.widgets import Input

from ltv_journal.core import clock
from ltv_journal.core.conventions import format_date
from ltv_journal.core.decision import MAX_OPTIONS_NOT_TAKEN, Decision, option_of
from ltv_journal.core.language import N_, _
from ltv_journal.core.profile import Profile

from .effect_rows import COLUMNS
from .fields import ConfirmDiscard, Field, FormScreen, Problems, add_problem
from .option_column import OptionColumn, field_key
from .typed_values import read_date

MOST = MAX_OPTIONS_NOT_TAKEN + 1
"""Options on the screen at most: the chosen one and the four a decision keeps."""
LEAST = 2
NARROWEST = 34
"""Columns are never narrower: the effect fields need it."""
START = 3


class CompareScreen(FormScreen[Decision]):
    """Options in columns, each edited like the add form, with what each would be worth
    beneath it. Enter (or ctrl+s) chooses the option the cursor is in: it is saved as
    the decision, the other options that are filled in kept as its options. Dismisses
    the saved Decision, or None."""

    AUTO_FOCUS = "#o1-title"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add_option", N_("Add an option")),
        Binding("ctrl+r", "remove_option", N_("Remove this option")),
    ]

    DEFAULT_CSS = """
    CompareScreen {
        & > .form-box { max-width: 100%; height: 100%; }
        & #options { height: 1fr; }
        & #field-date .field-label { width: 12; }
    }
    """

    def __init__(
        self,
        profile: Profile,
        *,
        save: Callable[[Decision], Decision] | None = None,
        start: int = START,
    ) -> None:
        super().__init__(save=save)
        self.profile = profile
        self._serials = count(1)
        self._start = start
        self._chosen: OptionColumn | None = None
        """The column the last attempt to save chose."""
        self._others: list[OptionColumn] = []
        """The columns kept as options by the last attempt to save, in order."""

    def compose(self) -> ComposeResult:
        currency = self.profile.currency
        with Vertical(classes="form-box") as box:
            box.border_title = _("Compare options")
            box.border_subtitle = _(
                "enter choose the option the cursor is in · ctrl+n add · ctrl+r remove · esc cancel"
            )
            today = format_date(clock.today())
            yield Field(_("decided on"), Input(today, id="date", compact=True), key="date")
            with HorizontalScroll(id="options"):
                for number in range(1, self._start + 1):
                    yield OptionColumn(next(self._serials), number, currency)

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_form()
        self.call_after_refresh(self.fit_columns)

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Share the width between the columns, each at least `NARROWEST` wide (more
        than fit scroll sideways): side by side as far as the terminal allows."""
        columns = self.columns
        width = self.query_one("#options", HorizontalScroll).size.width
        if not columns or not width:
            return
        each = max(NARROWEST, width // len(columns) - 1)  # each keeps a margin of 1
        for column in columns:
            if column.styles.width is None or column.styles.width.value != each:
                column.styles.width = each

    @property
    def columns(self) -> list[OptionColumn]:
        """The option columns on screen: one being added counts once it is composed, one
        being removed no more."""
        # The box's own children, not a query of the whole screen: this runs on every
        # keystroke.
        return [
            column
            for column in self.query_one("#options", HorizontalScroll).children
            if isinstance(column, OptionColumn)
            and column.children
            and not column.has_class("-leaving")
        ]

    @property
    def changed(self) -> bool:
        """Whether anything was typed: a column added and left blank is not content."""
        moved = self.query_one("#date", Input).value != clock.today().isoformat()
        return moved or any(not column.blank for column in self.columns)

    def current_column(self) -> OptionColumn | None:
        """The column the cursor is in, if any."""
        focused = self.focused
        if focused is None:
            return None
        for node in focused.ancestors_with_self:
            if isinstance(node, OptionColumn):
                return node
        return None

    # -- reading ---------------------------------------------------------------------

    def _day(self, found: Problems) -> date | None:
        try:
            return read_date(self.query_one("#date", Input).value, clock.today())
        except ValueError as error:
            add_problem(found, "date", str(error))
            return None

    def read_form(self) -> tuple[Decision | None, Problems]:
        """The chosen column as a decision with the other filled columns as its options."""
        found: Problems = {}
        day = self._day(found) or clock.today()
        drafts: list[tuple[OptionColumn, Decision]] = []
        for column in self.columns:
            if column.blank and column is not self._chosen:
                continue
            draft, problems, _unreadable = column.read(self.profile, day)
            for key, reason in problems.items():
                add_problem(found, key, reason)
            drafts.append((column, draft))
        if len(drafts) < LEAST:
            blank = next((c for c in self.columns if c.blank), None)
            where = f"{blank.prefix}title" if blank else "date"
            add_problem(
                found, where, _("is required: compare at least {count} options").format(count=LEAST)
            )
        chosen = self._chosen
        if chosen is None or found:
            return None, found
        self._others = [column for column, _ in drafts if column is not chosen]
        picked = next(draft for column, draft in drafts if column is chosen)
        others = tuple(option_of(draft) for column, draft in drafts if column is not chosen)
        return replace(picked, options=others), found

    # -- showing ---------------------------------------------------------------------

    def refresh_form(self) -> None:
        found: Problems = {}
        day = self._day(found)
        for column in self.columns:
            draft, problems, unreadable = column.read(self.profile, day or clock.today())
            if column.blank:
                column.show_blank()
                continue
            for key, reason in problems.items():
                add_problem(found, key, reason)
            column.show_figures(draft, self.profile, unreadable, dated=day is not None)
        for key, reason in self._save_problems.items():
            found.setdefault(key, reason)
        self.show_problems(found)

    def show_problems(self, problems: Mapping[str, str]) -> bool:
        marked = super().show_problems(problems)
        for column in self.columns:
            for row in column.rows:
                prefix = f"{column.prefix}{row.dimension}."
                touched = self._attempted or any(k.startswith(prefix) for k in self._touched)
                marked = row.show_problems(problems, None if touched else set()) or marked
        return marked

    def extra_keys(self) -> set[str]:
        names = [name for name, _, _ in COLUMNS] + ["years"]
        return {
            f"{column.prefix}{row.dimension}.{name}"
            for column in self.columns
            for row in column.rows
            for name in names
        }

    # -- choosing ----------------------------------------------------------------------

    def action_save(self) -> None:
        column = self.current_column()
        if column is None:
            self.notify(_("Put the cursor in the option you choose, then press enter."))
            return
        self._chosen = column
        super().action_save()

    def on_form_screen_save_failed(self, message: FormScreen.SaveFailed) -> None:
        """The journal names the chosen option's fields plainly (`amount`) and the others
        by position (`options.1.money.until`): put each at its column."""
        chosen, others = self._chosen, self._others
        placed: list[tuple[str, str]] = []
        for name, reason in message.problems:
            if name.startswith("options.") and name.count(".") >= 2:
                _options, index, rest = name.split(".", 2)
                position = int(index)
                if position < len(others):
                    name = field_key(others[position].prefix, rest)
            elif chosen is not None and name and name != "effects":
                name = field_key(chosen.prefix, name)
            placed.append((name, reason))
        message.problems = placed
        super().on_form_screen_save_failed(message)

    # -- adding and removing columns -----------------------------------------------------

    async def action_add_option(self) -> None:
        columns = self.columns
        if len(columns) >= MOST:
            self.notify(
                _("At most {most} options: a decision is chosen from 2 to {most}.").format(
                    most=MOST
                )
            )
            return
        column = OptionColumn(next(self._serials), len(columns) + 1, self.profile.currency)
        await self.query_one("#options", HorizontalScroll).mount(column)
        for control in column.query(Input):
            self.watch(control, "value", partial(self._value_changed, control), init=False)
        self._fields = []
        column.query_one(f"#o{column.serial}-title", Input).focus()
        self.refresh_form()
        self.fit_columns()

    def action_remove_option(self) -> None:
        column = self.current_column()
        if column is None:
            self.notify(_("Put the cursor in the option to remove."))
            return
        if len(self.columns) <= LEAST:
            self.notify(_("Compare at least {count} options.").format(count=LEAST))
            return
        if column.blank:
            self._remove(column, True)
        else:
            self.app.push_screen(ConfirmDiscard(), callback=partial(self._remove, column))

    def _remove(self, column: OptionColumn, discard: bool | None) -> None:
        if not discard:
            return
        columns = self.columns
        index = columns.index(column)
        rest = [c for c in columns if c is not column]
        column.add_class("-leaving")
        column.remove()
        self._fields = []
        if self._chosen is column:
            self._chosen = None
        for number, other in enumerate(rest, start=1):
            other.number = number
        neighbour = rest[min(index, len(rest) - 1)]
        neighbour.query_one(f"#o{neighbour.serial}-title", Input).focus()
        self.call_after_refresh(self.refresh_form)
        self.call_after_refresh(self.fit_columns)
