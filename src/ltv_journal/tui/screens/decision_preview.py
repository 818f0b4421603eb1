"""The live answer to "does this raise my lifetime value?" for a draft decision."""

from __future__ import annotations

from collections.abc import Collection

from rich.cells import cell_len
from rich.text import Span, Text
from textual.widgets import Static

from ltv_journal.core.band_text import band_line, uncertain
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import MissingBirthDate
from ltv_journal.core.explain import effect_in_words, format_value
from ltv_journal.core.money import format_amount
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import decision_values
from ltv_journal.core.uncertainty import band
from ltv_journal.core.verdict import Verdict, judge

QUESTION = "Does this raise my lifetime value?"
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
    text = Text(f"{QUESTION} → ")
    try:
        values = decision_values(draft, profile)
    except MissingBirthDate:
        text.append("needs a birth date", style="bold yellow")
        text.append(
            "\n  effects that last until retirement or death are measured from your birth"
            " date; set it in the profile (p), or give the effect a number of years"
        )
        return text
    if unreadable:  # no verdict from a half-read draft
        ask = "fix the marked fields first" if marked else "some fields cannot be read yet"
        text.append(ask, style="bold italic")
    else:
        judgement = judge(values, profile.worth)
        text.append(judgement.label, style=_VERDICT_STYLE[judgement.verdict])
        if judgement.combined is not None:
            combined = format_amount(judgement.combined, profile.currency, signed=True)
            text.append(f"  combined {combined}", style="bold")
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
        text.append(f"{dim:<10}", style="dim")
        style = "green" if values[dim] > 0 else "red" if values[dim] < 0 else ""
        text.append(f"{figure:>20}", style="" if dim in unreadable else style)
    if not unreadable and uncertain(draft):
        # The streams are cached per title and day: each keystroke redoes only the
        # arithmetic (about 3 ms for four ranged effects).
        sure = band_line(
            draft,
            band(draft.title, draft.date, draft.amount, draft.effects, profile),
            profile.currency,
        )
        text.append(f"\n  {sure}", style="dim")
    for dim, effect in draft.effects.items():
        if dim in unreadable or dim.is_money:
            continue
        text.append(f"\n  {dim}: {effect_in_words(dim, effect, draft, profile, values[dim])}")
    return text


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
        self.border_title = "lifetime effect of this decision"
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
            # Figures sit in fixed columns: while the lines keep their lengths the
            # preview keeps its size, and the form need not be laid out again.
            same_size = _lengths(text.plain) == _lengths(self._plain)
            self._plain, self._spans = text.plain, text.spans
            self.update(text, layout=not same_size)


def _lengths(plain: str) -> list[int]:
    return [cell_len(line) for line in plain.split("\n")]
