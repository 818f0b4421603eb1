"""The columns of the decision list: which fit at a width, and what each cell says.

A narrow list keeps date, title, amount, verdict and the money effect; the other
dimensions, the review state and the kind join as room allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.cells import cell_len

from ltv_journal.core.conventions import format_date
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.language import N_
from ltv_journal.core.money import format_amount, format_compact
from ltv_journal.core.text import visible
from ltv_journal.core.verdict import judge
from ltv_journal.core.worth import Worth

from .fitting import first_fitting

if TYPE_CHECKING:
    from ltv_journal.store.queries import DecisionSummary

MIN_TITLE = 16
ROOMY_TITLE = 32
GAP = 1


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int
    """Cells; 0 for the title, which takes what is left."""
    rank: int
    """Columns join in rank order as the width allows (0 always shown)."""
    right: bool = False
    needs_title: int = MIN_TITLE
    """The title keeps at least this many cells when this column joins."""


COLUMNS: tuple[Column, ...] = (
    Column("date", N_("Date"), 10, 0),
    Column("title", N_("Title"), 0, 0),
    Column("kind", N_("Kind"), 10, 5, needs_title=ROOMY_TITLE),
    Column("amount", N_("Amount"), 11, 1, right=True),
    Column("money", N_("Money"), 8, 2, right=True),
    Column("happiness", N_("Happy"), 7, 4, right=True),
    Column("love", N_("Love"), 7, 4, right=True),
    Column("meaning", N_("Meaning"), 7, 4, right=True),
    Column("combined", N_("Combined"), 9, 2, right=True),
    Column("verdict", N_("Verdict"), 9, 1),
    Column("review", N_("Review"), 8, 3),
)
"""In display order."""


@lru_cache(maxsize=64)
def layout(width: int, combined: bool = False) -> tuple[tuple[Column, int], ...]:
    """The columns shown at `width` cells with their widths, in display order; the
    combined value's column only when the profile has a worth (`combined`)."""
    columns = tuple(c for c in COLUMNS if combined or c.key != "combined")
    chosen: set[int] = {0}
    for rank in sorted({c.rank for c in columns} - {0}):
        trial = chosen | {rank}
        needs = max(c.needs_title for c in columns if c.rank == rank)
        if _title_width(columns, width, trial) >= needs:
            chosen = trial
    title = _title_width(columns, width, chosen)
    return tuple((c, c.width or title) for c in columns if c.rank in chosen)


def _title_width(columns: tuple[Column, ...], width: int, ranks: set[int]) -> int:
    fixed = [c.width for c in columns if c.rank in ranks and c.width]
    return width - sum(fixed) - GAP * len(fixed)


Cell = tuple[tuple[str, ...], str]
"""Wordings from longest to shortest, and a style name: one of the list's component
classes without its prefix (`positive`, `negative`, `due`, …)."""


def cells(summary: DecisionSummary, today: date, worth: Worth | None = None) -> dict[str, Cell]:
    """What each column says for one decision (with its combined value under `worth`)."""
    amount = summary.amount
    judgement = judge(summary.values, worth)
    verdict = str(judgement.verdict)
    # `±`: the dimensions pull both ways and the worth settled it (help explains it).
    said = (judgement.label, f"{verdict} ±", verdict) if judgement.label != verdict else (verdict,)
    found: dict[str, Cell] = {
        "date": ((format_date(summary.date),), "dim"),
        "title": ((visible(summary.title, lines=False),), ""),
        "kind": ((str(summary.kind),), "dim"),
        "amount": ((format_amount(amount), format_compact(amount)), "" if amount else "dim"),
        "verdict": (said, f"verdict-{verdict}"),
    }
    combined = judgement.combined
    if combined is not None:
        style = "positive" if combined > 0 else "negative" if combined < 0 else "dim"
        found["combined"] = ((format_compact(combined, signed=True),), style)
    for dim in Dimension:
        value = summary.values.get(dim)
        if not value:
            found[str(dim)] = (("·",), "dim")
        else:
            style = "positive" if value > 0 else "negative"
            whole = value.to_integral_value()
            wordings = (format_compact(value, signed=True), format_compact(whole, signed=True))
            found[str(dim)] = (wordings, style)
    state = summary.review_state(today)
    style = {"due": "due", "reviewed": "reviewed"}.get(state, "dim")
    found["review"] = ((summary.review_state_shown(today),), style)
    return found


def fit_cell(wordings: tuple[str, ...], width: int, column: Column) -> str:
    """The longest wording that fits, cut or padded to exactly `width` cells."""
    text = first_fitting(wordings, width)
    pad = " " * (width - cell_len(text))
    return pad + text if column.right else text + pad
