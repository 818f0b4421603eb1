"""The decisions whose review date has come, oldest first: pick one to review."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ltv_journal.core.conventions import format_date
from ltv_journal.core.language import N_, _, ngettext
from ltv_journal.core.money import format_amount
from ltv_journal.core.text import visible
from ltv_journal.store.queries import DecisionSummary

from ..figures import format_count
from ..spoken import Spoken


def due_line(summary: DecisionSummary, today: date) -> str:
    """`due 2026-09-01 (85 days ago) · 2026-06-01 Bike · expense 900.00`."""
    due = summary.review_on or today
    days = (today - due).days
    since = (
        _("today")
        if days == 0
        else ngettext("{count} day ago", "{count} days ago", days).format(count=format_count(days))
    )
    kind = _(str(summary.kind))
    what = f"{kind} {format_amount(summary.amount)}" if summary.amount else kind
    title = visible(summary.title, lines=False)
    return _("due {due} ({since}) · {day} {title} · {what}").format(
        due=format_date(due), since=since, day=format_date(summary.date), title=title, what=what
    )


class ReviewQueue(Spoken, ModalScreen[str | None]):
    """Dismisses the id of the picked decision, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("Cancel"))]

    DEFAULT_CSS = """
    ReviewQueue {
        align: center middle;
        & > Vertical {
            width: 100%; max-width: 110; height: auto; max-height: 90%;
            border: round $primary; background: $surface; padding: 0 1;
        }
        & OptionList { height: auto; max-height: 30; border: none; }
        & .intro { color: $text-muted; margin-bottom: 1; }
    }
    """

    def __init__(self, due: Sequence[DecisionSummary], today: date) -> None:
        super().__init__()
        self.due = list(due)
        self.today = today

    def compose(self) -> ComposeResult:
        count = len(self.due)
        with Vertical() as box:
            box.border_title = _("Due for review")
            box.border_subtitle = _("enter review · esc close")
            if not count:
                yield Static(_("Nothing is due for review. Well kept."), classes="intro")
                return
            yield Static(
                ngettext(
                    "{count} decision is waiting, oldest first. "
                    "Compare what you expected with what happened.",
                    "{count} decisions are waiting, oldest first. "
                    "Compare what you expected with what happened.",
                    count,
                ).format(count=format_count(count)),
                classes="intro",
            )
            yield OptionList(
                *(Option(due_line(s, self.today), id=s.id) for s in self.due), id="due"
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
