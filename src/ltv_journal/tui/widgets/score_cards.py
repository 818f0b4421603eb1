"""Four cards, one per dimension: the LTV, its change this year, and a sparkline of the
running score by month."""

from __future__ import annotations

from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Sparkline, Static

from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.explain import format_value

from ..overview import Overview
from .fitting import first_fitting


class ScoreCard(Vertical):
    """One dimension's card. `show()` sets its figures; it reflows on resize."""

    def __init__(self, dim: Dimension) -> None:
        super().__init__(id=f"card-{dim}", classes=f"score-card {dim}")
        self.dim = dim
        self.border_title = str(dim).capitalize()
        self._ltv: Decimal | None = None
        self._change: Decimal | None = None
        self._currency = ""

    def compose(self) -> ComposeResult:
        yield Static("…", classes="card-value")
        yield Static("", classes="card-change")
        yield Sparkline([], classes="card-spark")

    def show(self, overview: Overview) -> None:
        self._currency = overview.profile.currency
        self._ltv = overview.score.ltv[self.dim]
        self._change = None if overview.change is None else overview.change[self.dim]
        # Bar heights only: the sparkline draws floats, the figures stay Decimal.
        self.query_one(Sparkline).data = [float(v) for v in overview.months[self.dim]]
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        width = self.content_region.width or 16
        value = self.query_one(".card-value", Static)
        change = self.query_one(".card-change", Static)
        if self._ltv is None:
            return
        value.update(first_fitting(self._wordings(self._ltv, signed=False), width))
        if self._change is None:
            change.update("")
            return
        change.set_class(self._change > 0, "-up")
        change.set_class(self._change < 0, "-down")
        change.update(
            first_fitting(
                [f"{w} this year" for w in self._wordings(self._change, signed=True)]
                + self._wordings(self._change, signed=True),
                width,
            )
        )

    def _wordings(self, value: Decimal, *, signed: bool) -> list[str]:
        full = format_value(self.dim, value, self._currency, signed=signed)
        compact = format_value(self.dim, value, self._currency, signed=signed, compact=True)
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
