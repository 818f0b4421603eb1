"""The live answer to "does this raise my lifetime value?" for a draft decision."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from decimal import Decimal
from functools import lru_cache

from rich.cells import cell_len
from rich.text import Span, Text
from textual.widgets import Static

from ltv_journal.core.band_text import band_line, uncertain
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect, MissingBirthDate
from ltv_journal.core.explain import effect_in_words, format_value
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import format_amount
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import decision_values
from ltv_journal.core.uncertainty import band
from ltv_journal.core.verdict import Verdict, judge

from ..figures import dimension_name

QUESTION = N_("Does this raise my lifetime value?")
_VERDICT_STYLE = {
    Verdict.RAISES: "bold green",
    Verdict.LOWERS: "bold red",
    Verdict.TRADE_OFF: "bold yellow",
    Verdict.NEUTRAL: "bold",
}


def preview_text(
    draft: Decision,
    profile: Profile,
    unreadable: Collection[Dimension] = (),
    marked: bool = True,
) -> Text:
    """The verdict and each dimension's lifetime change for `draft`.

    Dimensions in `unreadable` have fields that need fixing; they show a dash, and
    there is no verdict until they are fixed. `marked`: the form marks those fields.
    """
    text = Text(f"{_(QUESTION)} → ")
    try:
        values = decision_values(draft, profile)
    except MissingBirthDate:
        text.append(_("needs a birth date"), style="bold yellow")
        text.append(
            "\n  "
            + _(
                "effects that last until retirement or death are measured from your birth"
                " date; set it in the profile (p), or give the effect a number of years"
            )
        )
        return text
    if unreadable:  # no verdict from a half-read draft
        ask = _("fix the marked fields first") if marked else _("some fields cannot be read yet")
        text.append(ask, style="bold italic")
    else:
        judgement = judge(values, profile.worth)
        text.append(judgement.label, style=_VERDICT_STYLE[judgement.verdict])
        if judgement.combined is not None:
            combined = format_amount(judgement.combined, profile.currency, signed=True)
            text.append("  " + _("combined {value}").format(value=combined), style="bold")
    cells = [
        (
            dim,
            "—"
            if dim in unreadable
            else format_value(dim, values[dim], profile.currency, signed=True),
        )
        for dim in DIMENSIONS
    ]
    for index, (dim, figure) in enumerate(cells):
        text.append("\n  " if index % 2 == 0 else "    ")
        text.append(f"{dimension_name(dim):<10}", style="dim")
        style = "green" if values[dim] > 0 else "red" if values[dim] < 0 else ""
        text.append(f"{figure:>20}", style="" if dim in unreadable else style)
    if not unreadable and uncertain(draft):
        effects = tuple(draft.effects.items())
        sure = _band_text(draft.title, draft.date, draft.amount, effects, profile)
        text.append(f"\n  {sure}", style="dim")
    for dim, effect in draft.effects.items():
        if dim in unreadable or dim.is_money:
            continue
        words = effect_in_words(dim, effect, draft, profile, values[dim])
        text.append(f"\n  {dimension_name(dim)}: {words}")
    return text


@lru_cache(maxsize=16)
def _band_text(
    title: str,
    day: date,
    amount: Decimal,
    effects: tuple[tuple[Dimension, Effect], ...],
    profile: Profile,
) -> str:
    """The band in words, drawn again only when what it depends on changed: a keystroke
    in the notes, the category or the tags leaves it as it was. (The streams are cached
    per title and day, so a change of amount or effect redoes only the arithmetic, about
    3 ms for four ranged effects.)"""
    draft = Decision(title=title, date=day, amount=amount, effects=dict(effects))
    return band_line(draft, band(title, day, amount, draft.effects, profile), profile.currency)


class DecisionPreview(Static):
    """Always-visible preview under the form."""

    DEFAULT_CSS = """
    DecisionPreview {
        height: auto;
        border: round $secondary;
        border-title-color: $text-secondary;
        padding: 0 1;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="preview")
        self.border_title = _("lifetime effect of this decision")
        self._plain = ""
        self._spans: list[Span] = []

    def show(
        self,
        draft: Decision,
        profile: Profile,
        unreadable: Collection[Dimension],
        marked: bool = True,
    ) -> None:
        text = preview_text(draft, profile, unreadable, marked)
        if text.plain != self._plain or text.spans != self._spans:
            # While the preview keeps its height the form need not be laid out again
            # (a layout of the whole form costs most of a keystroke's time).
            width = self.size.width
            same_size = _fits(text.plain, width) and _fits(self._plain, width)
            same_size = same_size and text.plain.count("\n") == self._plain.count("\n")
            self._plain, self._spans = text.plain, text.spans
            self.update(text, layout=not same_size)


def _fits(plain: str, width: int) -> bool:
    """Whether no line of `plain` wraps at `width` (then its height is its lines)."""
    return bool(plain) and all(cell_len(line) <= width for line in plain.split("\n"))
