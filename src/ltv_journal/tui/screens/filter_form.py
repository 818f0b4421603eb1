"""Search and filter the decision list: text, tag, category, kind and a date range."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, RadioSet

from ltv_journal.core.conventions import format_date
from ltv_journal.core.decision import Kind
from ltv_journal.core.language import N_, _
from ltv_journal.store.queries import DecisionFilter

from ..widgets.toggles import DotButton
from .fields import Field, FormScreen, Problems, add_problem
from .typed_values import read_optional_date

_KINDS: tuple[Kind | None, ...] = (None, *Kind)


class FilterForm(FormScreen[DecisionFilter]):
    """Dismisses the new filter (keeping the current year), `DecisionFilter()` when
    cleared, or None when cancelled."""

    AUTO_FOCUS = "#text"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "clear", N_("Clear filter")),
    ]

    DEFAULT_CSS = """
    FilterForm {
        & > .form-box { height: auto; max-width: 76; }
        & RadioSet { layout: horizontal; width: auto; }
        & RadioSet > RadioButton { width: auto; margin-right: 2; }
        & #buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & Button { margin-left: 1; }
    }
    """

    def __init__(
        self, current: DecisionFilter, categories: Sequence[str] = (), tags: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self.current = current
        self._categories = list(categories)
        self._tags = list(tags)

    def compose(self) -> ComposeResult:
        c = self.current
        with Vertical(classes="form-box") as box:
            box.border_title = _("Search and filter")
            box.border_subtitle = _("enter apply · ctrl+r clear · esc cancel")
            yield Field(
                _("text"), _input(c.text, "text", _("in title, notes, category")), key="text"
            )
            yield Field(_("tag"), _input(c.tag, "tag", "", self._tags), key="tag")
            yield Field(
                _("category"), _input(c.category, "category", "", self._categories), key="category"
            )
            kinds = RadioSet(
                *(DotButton(_(str(k)) if k else _("any"), value=k == c.kind) for k in _KINDS),
                id="kind",
                compact=True,
            )
            yield Field(_("kind"), kinds, key="kind")
            start = format_date(c.start) if c.start else ""
            end = format_date(c.end) if c.end else ""
            yield Field(_("from"), _input(start, "start", _("YYYY-MM-DD")), key="start")
            yield Field(_("to"), _input(end, "end", _("YYYY-MM-DD")), key="end")
            with Horizontal(id="buttons"):
                yield Button(_("Clear"), id="clear")
                yield Button(_("Apply"), id="apply", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "clear":
            self.action_clear()
        else:
            self.action_save()

    def action_clear(self) -> None:
        self.dismiss(DecisionFilter())

    def text(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value.strip()

    def read_form(self) -> tuple[DecisionFilter | None, Problems]:
        found: Problems = {}
        dates = {}
        for key in ("start", "end"):
            try:
                dates[key] = read_optional_date(self.text(key))
            except ValueError as error:
                add_problem(found, key, str(error))
        start, end = dates.get("start"), dates.get("end")
        if start and end and end < start:
            add_problem(found, "end", _("must not be before the from date"))
        text, tag = self.text("text"), self.text("tag").lstrip("#").lower()
        # `#bike` in the search means the tag, as it is written elsewhere.
        words = text.split()
        tagged = {w[1:].lower() for w in words if w.startswith("#") and len(w) > 1}
        if tagged:
            text = " ".join(w for w in words if not (w.startswith("#") and len(w) > 1))
            if len(tagged | ({tag} if tag else set())) > 1:
                add_problem(found, "text", _("one tag at a time"))
            tag = tag or tagged.pop()
        if found:
            return None, found
        pressed = self.query_one("#kind", RadioSet).pressed_index
        result = replace(
            self.current,
            text=text,
            tag=tag,
            category=self.text("category"),
            kind=_KINDS[pressed] if pressed >= 0 else None,
            start=start,
            end=end,
        )
        return result, found


def _input(value: str, key: str, placeholder: str, suggestions: Sequence[str] = ()) -> Input:
    suggester = SuggestFromList(suggestions, case_sensitive=False) if suggestions else None
    return Input(value, placeholder=placeholder, id=key, compact=True, suggester=suggester)
