"""Four cards, one per dimension: the LTV, its change this year, and a sparkline of the
running score by month."""

from __future__ import annotations

from decimal import Decimal

from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Sparkline

from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.explain import format_value

from ..overview import Overview
from .fitting import first_fitting


class FittedText(Widget):
    """One line that shows the longest of its wordings that fits its width."""

    DEFAULT_CSS = "FittedText { height: 1; }"

    def __init__(self, *, classes: str) -> None:
        super().__init__(classes=classes)
        self.wordings: list[str] = []

    def say(self, wordings: list[str]) -> None:
        self.wordings = wordings
        self.refresh()

    def render(self) -> RenderResult:
        return first_fitting(self.wordings, self.content_region.width)


class ScoreCard(Vertical):
    """One dimension's card. `show()` sets its figures; it reflows on resize."""

    def __init__(self, dim: Dimension) -> None:
        super().__init__(id=f"card-{dim}", classes=f"score-card {dim}")
        self.dim = dim
        self.border_title = str(dim).capitalize()

    def compose(self) -> ComposeResult:
        yield FittedText(classes="card-value")
        yield FittedText(classes="card-change")
        yield Sparkline([], classes="card-spark")

    def show(self, overview: Overview) -> None:
        currency = overview.profile.currency
        ltv = overview.score.ltv[self.dim]
        self.query_one(".card-value", FittedText).say(self._wordings(ltv, currency, False))
        change = self.query_one(".card-change", FittedText)
        delta = None if overview.change is None else overview.change[self.dim]
        change.set_class(delta is not None and delta > 0, "-up")
        change.set_class(delta is not None and delta < 0, "-down")
        if delta is None:
            change.say([])
        else:
            said = self._wordings(delta, currency, True)
            change.say([f"{w} this year" for w in said] + said)
        # Bar heights only: the sparkline draws floats, the figures stay Decimal.
        self.query_one(Sparkline).data = [float(v) for v in overview.months[self.dim]]

    def _wordings(self, value: Decimal, currency: str, signed: bool) -> list[str]:
        full = format_value(self.dim, value, currency, signed=signed)
        compact = format_value(self.dim, value, currency, signed=signed, compact=True)
        bare = format_value(self.dim, value, "", signed=signed, compact=True)
        return [full, compact, bare.removesuffix(" pts")]


class ScoreCards(Horizontal):
    """The row of four cards."""

    def compose(self) -> ComposeResult:
        for dim in DIMENSIONS:
            yield ScoreCard(dim)

    def show(self, overview: Overview) -> None:
        for card in self.query(ScoreCard):
            card.show(overview)
