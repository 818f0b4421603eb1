"""Four cards, one per dimension: the LTV, its change this year, and a sparkline of the
running score by month.

Each card is a single widget that draws its three lines itself: the cards are on the
first frame, and every widget there costs start-up time.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.color import Color
from textual.containers import Horizontal
from textual.widget import Widget

from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.explain import format_value

from ..overview import Overview
from .fitting import first_fitting


class ScoreCard(Widget):
    """One dimension's card. `show()` sets its figures; it reflows on resize."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "card--value",
        "card--change",
        "card--up",
        "card--down",
        "card--spark-min",
        "card--spark-max",
    }

    def __init__(self, dim: Dimension) -> None:
        super().__init__(id=f"card-{dim}", classes=f"score-card {dim}")
        self.dim = dim
        self.border_title = str(dim).capitalize()
        self.value_wordings: list[str] = []
        self.change_wordings: list[str] = []
        self._change: Decimal | None = None
        self._months: list[float] = []

    def show(self, overview: Overview) -> None:
        currency = overview.profile.currency
        self.value_wordings = self._wordings(overview.score.ltv[self.dim], currency, False)
        self._change = None if overview.change is None else overview.change[self.dim]
        if self._change is None:
            self.change_wordings = []
        else:
            said = self._wordings(self._change, currency, True)
            period = "this year" if overview.year is None else f"in {overview.year}"
            self.change_wordings = [f"{w} {period}" for w in said] + said
        # Bar heights only: the sparkline draws floats, the figures stay Decimal.
        self._months = [float(v) for v in overview.months[self.dim]]
        self.refresh()

    def lines(self) -> tuple[str, str]:
        """The value and change lines as they fit the card now."""
        width = self.content_region.width
        return (
            first_fitting(self.value_wordings, width) if self.value_wordings else "…",
            first_fitting(self.change_wordings, width) if self.change_wordings else "",
        )

    def render(self) -> RenderResult:
        value, change = self.lines()
        mood = "card--change"
        if self._change is not None and self._change:
            mood = "card--up" if self._change > 0 else "card--down"
        base = self.background_colors[1]
        spark = spark_text(
            self._months,
            self.content_region.width,
            base + self.get_component_styles("card--spark-min").color,
            base + self.get_component_styles("card--spark-max").color,
        )
        return Group(
            Text(value, style=self.get_component_rich_style("card--value"), no_wrap=True),
            Text(change, style=self.get_component_rich_style(mood), no_wrap=True),
            spark,
        )

    def _wordings(self, value: Decimal, currency: str, signed: bool) -> list[str]:
        full = format_value(self.dim, value, currency, signed=signed)
        compact = format_value(self.dim, value, currency, signed=signed, compact=True)
        bare = format_value(self.dim, value, "", signed=signed, compact=True)
        return [full, compact, bare.removesuffix(" pts")]


BARS = "▁▂▃▄▅▆▇█"


def spark_levels(values: list[float], width: int) -> list[int]:
    """The bar (0–7) of each of `width` columns for `values`, measured from zero: a flat
    series is flat at its level, and a series of zeros has no bars (an empty list)."""
    if not values or width <= 0:
        return []
    low, high = min(0.0, *values), max(0.0, *values)
    if high == low:
        return []
    count = len(values)
    columns = values
    if count > width:  # each column shows where its stretch of months ends
        columns = [values[(i + 1) * count // width - 1] for i in range(width)]
    top = len(BARS) - 1
    return [round((v - low) / (high - low) * top) for v in columns]


def spark_text(values: list[float], width: int, low_color: Color, high_color: Color) -> Text:
    """The sparkline as text, each bar coloured between `low_color` and `high_color`."""
    text = Text(no_wrap=True)
    top = len(BARS) - 1
    for level in spark_levels(values, width):
        color = low_color.blend(high_color, level / top)
        text.append(BARS[level], style=Style(color=color.rich_color))
    return text


class ScoreCards(Horizontal):
    """The row of four cards."""

    def compose(self) -> ComposeResult:
        for dim in DIMENSIONS:
            yield ScoreCard(dim)

    def show(self, overview: Overview) -> None:
        for card in self.query(ScoreCard):
            card.show(overview)
