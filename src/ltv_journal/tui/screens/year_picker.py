"""Pick the year the main screen shows, or all years."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from ltv_journal.core import language
from ltv_journal.core.language import N_, _

from ..spoken import Spoken

ALL_YEARS = "all"


@dataclass(frozen=True)
class YearChoice:
    """The picked year; None means all years."""

    year: int | None


class YearPicker(Spoken, ModalScreen[YearChoice | None]):
    """Dismisses a YearChoice, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("Cancel"))]

    DEFAULT_CSS = """
    YearPicker {
        align: center middle;
        & > Vertical {
            width: 30; height: auto; max-height: 80%;
            border: round $primary; background: $surface;
        }
        & OptionList { height: auto; max-height: 20; border: none; }
        /* Room for the longer German key line. */
        &.-roomy > Vertical { width: 34; }
    }
    """

    def __init__(self, years: Sequence[int], current: int | None) -> None:
        super().__init__()
        self.years = sorted(years, reverse=True)
        self.set_class(language.current() != language.ENGLISH, "-roomy")
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(_("all years"), id=ALL_YEARS)]
        options += [Option(str(year), id=str(year)) for year in self.years]
        with Vertical() as box:
            box.border_title = _("Show year")
            box.border_subtitle = _("enter pick · esc cancel")
            yield OptionList(*options, id="years")

    def on_mount(self) -> None:
        years = self.query_one(OptionList)
        key = ALL_YEARS if self.current is None else str(self.current)
        try:
            years.highlighted = years.get_option_index(key)
        except OptionDoesNotExist:  # the current year has no decisions: start at the top
            years.highlighted = 0
        years.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id
        self.dismiss(YearChoice(None if key == ALL_YEARS or key is None else int(key)))

    def action_cancel(self) -> None:
        self.dismiss(None)
