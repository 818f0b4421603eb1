"""Four cards, one per dimension, and a fifth for the combined value when the profile has
a worth: the LTV, its change this year, and a sparkline of the running score by month.
The money card's border says how much of it is the income baseline and how much the
decisions added.

Each card is a single widget that draws its three lines itself: the cards are on the
first frame, and every widget there costs start-up time.
"""

from __future__ import annotations

from collections.abc import Mapping
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
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import format_compact, format_points
from ltv_journal.core.uncertainty import Spread
from ltv_journal.core.worth import Worth, combined_value

from ..figures import format_count, format_percent
from ..overview import Overview
from .fitting import first_fitting

COMBINED = "combined"
"""The fifth card's key: money plus every point dimension at its worth."""
TITLES = {
    "money": N_("Money"),
    "happiness": N_("Happiness"),
    "love": N_("Love"),
    "meaning": N_("Meaning"),
    COMBINED: N_("Combined"),
}
"""Each card's border title."""


class ScoreCard(Widget):
    """One dimension's card (or the combined value's). `show()` sets its figures; it
    reflows on resize."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "card--value",
        "card--change",
        "card--up",
        "card--down",
        "card--spark-min",
        "card--spark-max",
    }

    def __init__(self, dim: Dimension | None) -> None:
        key = COMBINED if dim is None else str(dim)
        super().__init__(id=f"card-{key}", classes=f"score-card {key}")
        self.dim = dim
        """None for the combined card."""
        self.border_title = _(TITLES[key]) if key in TITLES else key.capitalize()
        self.value_wordings: list[str] = []
        self.change_wordings: list[str] = []
        self._change: Decimal | None = None
        self._months: list[float] = []
        self._split_wordings: list[str] = [""]
        """What the bottom border says, longest first: where the money comes from, how
        sure the figure is."""

    def show(self, overview: Overview) -> None:
        currency = overview.profile.currency
        worth = overview.profile.worth
        if self.dim is None:
            self.display = bool(worth)
            if not worth:
                return
        self.value_wordings = self._wordings(self._of(overview.score.ltv, worth), currency, False)
        self._change = None if overview.change is None else self._of(overview.change, worth)
        if self._change is None:
            self.change_wordings = []
        else:
            said = self._wordings(self._change, currency, True)
            period = (
                _("this year")
                if overview.year is None
                else _("in {year}").format(year=overview.year)
            )
            self.change_wordings = [f"{w} {period}" for w in said] + said
        # Bar heights only: the sparkline draws floats, the figures stay Decimal.
        months = overview.months
        count = len(next(iter(months.values()), []))
        self._months = [
            float(self._of({dim: months[dim][i] for dim in months}, worth)) for i in range(count)
        ]
        split, spread = self._split(overview), self._spread(overview)
        both = [f"{split[0]} · {spread[0]}"] if split and spread else []
        self._split_wordings = [*both, *split, *spread, ""]
        self.tooltip = self._band_tip(overview)
        self._fit_split()
        self.refresh()

    def _fit_split(self) -> None:
        """The border's split of the figure, as it fits the card's width now."""
        wordings = self._split_wordings
        said = first_fitting(wordings, self.size.width - 10)
        if said != self.border_subtitle:
            self.border_subtitle = said

    def _of(self, values: Mapping[Dimension, Decimal], worth: Worth) -> Decimal:
        """This card's figure among per-dimension `values`."""
        if self.dim is not None:
            return values[self.dim]
        return combined_value(values, worth) or Decimal(0)

    def _split(self, overview: Overview) -> list[str]:
        """`base 1.58M · decisions +120.0k` and shorter: where the money figure comes from."""
        if self.dim is None or not self.dim.is_money:
            return []
        base = format_compact(overview.score.baseline[self.dim])
        added = format_compact(overview.score.from_decisions[self.dim], signed=True)
        return [
            _("base {base} · decisions {added}").format(base=base, added=added),
            _("base {base} {added}").format(base=base, added=added),
            _("base {base}").format(base=base),
        ]

    def _band(self, overview: Overview) -> Spread | None:
        band = overview.band
        if band is None:
            return None
        return band.combined if self.dim is None else band.dimensions[self.dim]

    def _spread(self, overview: Overview) -> list[str]:
        """`P10–P90 48.8–67.1` and shorter, on the border: how sure the LTV is."""
        spread = self._band(overview)
        if spread is None or spread.p10 == spread.p90:
            return []
        if self.dim is None or self.dim.is_money:
            low, high = format_compact(spread.p10), format_compact(spread.p90)
            return [f"P10–P90 {low}–{high}", f"{low}–{high}"]
        low, high = format_points(spread.p10), format_points(spread.p90)
        whole = "–".join(format_points(v.quantize(Decimal(1))) for v in (spread.p10, spread.p90))
        return [f"P10–P90 {low}–{high}", f"{low}–{high}", whole]

    def _band_tip(self, overview: Overview) -> str | None:
        """The band in full, for the card's tooltip."""
        spread, band = self._band(overview), overview.band
        if spread is None or band is None or spread.p10 == spread.p90:
            return None
        dim = self.dim or Dimension.MONEY
        currency = overview.profile.currency
        low, high = (format_value(dim, v, currency) for v in (spread.p10, spread.p90))
        share = format_percent(band.p_raises * 100)
        return _(
            "P10–P90 of the LTV: {low} – {high} (how sure it is: confidences and ranges "
            "drawn {draws} times). Your decisions raise the lifetime value in "
            "{share} of the draws."
        ).format(low=low, high=high, draws=format_count(band.draws), share=share)

    def lines(self) -> tuple[str, str]:
        """The value and change lines as they fit the card now."""
        width = self.content_region.width
        return (
            first_fitting(self.value_wordings, width) if self.value_wordings else "…",
            first_fitting(self.change_wordings, width) if self.change_wordings else "",
        )

    def render(self) -> RenderResult:
        self._fit_split()
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
        dim = self.dim or Dimension.MONEY  # the combined value is money
        full = format_value(dim, value, currency, signed=signed)
        compact = format_value(dim, value, currency, signed=signed, compact=True)
        bare = format_value(dim, value, "", signed=signed, compact=True)
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
    """The row of four cards, and the combined card once the profile has a worth (it is
    mounted then, so the first frame has one widget less to draw)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.overview: Overview | None = None
        """The overview shown last."""

    def compose(self) -> ComposeResult:
        for dim in DIMENSIONS:
            yield ScoreCard(dim)

    def show(self, overview: Overview) -> None:
        self.overview = overview
        if overview.profile.worth and not self.query(f"#card-{COMBINED}"):
            self.mount(ScoreCard(None))
            self.call_after_refresh(self._show_latest)  # once it is mounted
        for card in self.query(ScoreCard):
            card.show(overview)

    def _show_latest(self) -> None:
        """The overview shown last, on every card: newer than the one that mounted the
        combined card, when the band (or a change) came meanwhile."""
        if self.overview is not None:
            self.show(self.overview)
