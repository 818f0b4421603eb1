"""Trends: the running lifetime value month by month, one dimension at a time or all
four side by side (each scaled to its own range), with a cursor that reads off a
month's values and opens its decisions; and where the year's money went (s).

It reads the month buckets the store keeps (never every decision), and the few
decisions of the months that moved most, to name them on the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

from ltv_journal.core import clock
from ltv_journal.core.calibration import group_name
from ltv_journal.core.charts import CategorySpending, Spending, TrendPoint
from ltv_journal.core.conventions import format_date
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.explain import format_value
from ltv_journal.core.language import N_, _, ngettext
from ltv_journal.core.money import format_amount, format_points
from ltv_journal.core.text import visible
from ltv_journal.core.uncertainty import Band, Spread
from ltv_journal.core.worth import Worth
from ltv_journal.store.journal import Journal
from ltv_journal.store.queries import DecisionFilter

from ..chart_drawing import running_picture, spending_bars, spoken_ticks
from ..figures import dimension_name, format_count, month_label
from ..spoken import Spoken
from ..workers import in_thread

COMBINED = "combined"
ALL = "all"
SPENDING = "spending"
MARKS = 3
"""The months that moved most are marked with their biggest decision."""


@dataclass(frozen=True)
class TrendsData:
    """What the screen draws, read off the UI thread."""

    points: list[TrendPoint]
    currency: str
    worth: Worth
    marks: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    """Per view name: (index of a month, its biggest decision's title)."""


def series_of(data: TrendsData, name: str) -> list[Decimal]:
    """The values of one view (a dimension or the combined value) along the months."""
    if name == COMBINED:
        return [p.combined or Decimal(0) for p in data.points]
    return [p.ltv[Dimension(name)] for p in data.points]


def load_trends(journal: Journal, year: int | None, today: date) -> TrendsData:
    """The months from the first decision (or January of `year`) to this month (or
    December of `year`), and marks on the months that moved each view most."""
    profile = journal.profile()
    data = TrendsData(journal.trend(today, year), profile.currency, profile.worth)
    names = [str(d) for d in DIMENSIONS] + ([COMBINED] if profile.worth else [])
    for name in names:
        data.marks[name] = _marks(journal, data, name)
    return data


def _marks(journal: Journal, data: TrendsData, name: str) -> list[tuple[int, str]]:
    values = series_of(data, name)
    moves = sorted(
        range(len(values)),
        key=lambda i: -abs(values[i] - (values[i - 1] if i else values[i])),
    )
    found = []
    for index in moves[:MARKS]:
        if index == 0 or values[index] == values[index - 1]:
            continue
        day = data.points[index].day
        rows = journal.summaries(DecisionFilter(start=day.replace(day=1), end=day), limit=None)
        dim = Dimension.MONEY if name == COMBINED else Dimension(name)
        if rows:
            biggest = max(rows, key=lambda r: abs(r.values[dim]))
            found.append((index, visible(biggest.title, lines=False)))
    return sorted(found)


class TrendsScreen(Spoken, Screen[DecisionFilter | None]):
    """Dismisses the filter of the month under the cursor (Enter), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", N_("Close")),
        Binding("left,h", "move(-1)", N_("Earlier"), show=False),
        Binding("right,l", "move(1)", N_("Later"), show=False),
        Binding("home", "jump(0)", N_("First"), show=False),
        Binding("end", "jump(-1)", N_("Last"), show=False),
        Binding("d", "next_view", N_("Dimension")),
        Binding("n", "all_at_once", N_("All four")),
        Binding("s", "spending", N_("Where it went")),
        Binding("enter", "open_month", N_("That month's decisions")),
    ]

    DEFAULT_CSS = """
    TrendsScreen {
        & #trend-title { text-style: bold; color: $text-primary; padding: 0 1; }
        & #trend-plot { height: 1fr; }
        & #trend-cursor { height: auto; padding: 0 1; color: $text; }
    }
    """

    def __init__(self, journal: Journal, year: int | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.year = year
        self.data: TrendsData | None = None
        self.view = str(Dimension.MONEY)
        """A dimension's name, `combined`, or `all` (the four, each scaled to its range)."""
        self.cursor = 0
        self.spending: Spending | None = None
        """The year's spending, read when first shown."""
        self.bands: list[Band] | None = None
        """How sure each month is (P10–P90), read after the line is on screen."""

    def compose(self) -> ComposeResult:
        yield Static("Trends: the running lifetime value", id="trend-title")
        yield PlotextPlot(id="trend-plot")
        yield Static("Reading the months…", id="trend-cursor")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    class Loaded(Message):
        def __init__(self, data: TrendsData) -> None:
            super().__init__()
            self.data = data

    class BandsRead(Message):
        def __init__(self, bands: list[Band]) -> None:
            super().__init__()
            self.bands = bands

    class SpendingRead(Message):
        def __init__(self, spending: Spending) -> None:
            super().__init__()
            self.spending = spending

    def load(self) -> None:
        journal, year, today = self.journal, self.year, clock.today()
        in_thread(
            self,
            lambda: self.Loaded(load_trends(journal, year, today)),
            what=N_("read the trends"),
            group="trends",
            exclusive=True,
        )

    def on_trends_screen_loaded(self, message: Loaded) -> None:
        self.show(message.data)

    def show(self, data: TrendsData) -> None:
        self.data = data
        self.cursor = max(len(data.points) - 1, 0)
        self.draw()
        if data.points:
            # After the line is painted: the band is CPU work sharing the GIL.
            self.call_after_refresh(self.load_bands, data.points)

    def load_bands(self, points: list[TrendPoint]) -> None:
        """The band around the line: drawn after it, so the screen opens as fast as the
        line alone (the band reads the uncertain effects, not only the month buckets)."""
        journal = self.journal
        in_thread(
            self,
            lambda: self.BandsRead(journal.trend_bands(points)),
            what=N_("work out the band around the trend"),
            group="trend-bands",
            exclusive=True,
        )

    def on_trends_screen_bands_read(self, message: BandsRead) -> None:
        self.show_bands(message.bands)

    def show_bands(self, bands: list[Band]) -> None:
        self.bands = bands
        self.draw()

    def spread_at(self, index: int) -> Spread | None:
        """P10 / P50 / P90 of the current view at month `index`, once read."""
        if self.bands is None or self.view in (ALL, SPENDING):
            return None
        band = self.bands[index]
        return band.combined if self.view == COMBINED else band.dimensions[Dimension(self.view)]

    # -- drawing -------------------------------------------------------------------

    def views(self) -> list[str]:
        worth = self.data.worth if self.data else Worth()
        return [str(d) for d in DIMENSIONS] + ([COMBINED] if worth else []) + [ALL]

    def draw(self) -> None:
        data = self.data
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        if self.view == SPENDING:
            self.draw_spending(plt)
            plot.refresh()
            return
        if data is None or not data.points:
            self.query_one("#trend-cursor", Static).update(
                _("No decisions yet: the trend starts with the first one.")
            )
            plot.refresh()
            return
        labels = [month_label(p.day) for p in data.points]
        xs = list(range(len(labels)))
        if self.view == ALL:
            title = (
                _("All four in {year}, each from its lowest (0%) to its highest (100%) month")
                if self.year
                else _("All four, each from its lowest (0%) to its highest (100%) month")
            ).format(year=self.year)
            for dim, marker in zip(DIMENSIONS, ("braille", "dot", "+", "x"), strict=True):
                plt.plot(
                    xs, _scaled(series_of(data, str(dim))), label=dimension_name(dim), marker=marker
                )
            spoken_ticks(plt, 0.0, 100.0)
        else:
            unit = data.currency if self.view in (COMBINED, "money") else _("pts")
            title = (
                _("{view} in {year}: running lifetime value ({unit})")
                if self.year
                else _("{view}: running lifetime value ({unit})")
            ).format(view=self._view_name().capitalize(), year=self.year, unit=unit)
            values = [float(v) for v in series_of(data, self.view)]
            spreads = [self.spread_at(i) for i in xs] if self.bands else []
            if running_picture(plt, xs, values, spreads):
                title += _(", P10 and P90 dotted")
            for index, name in data.marks.get(self.view, []):
                plt.text(_short(name), index, values[index], alignment="center")
                plt.scatter([index], [values[index]], marker="●")
        plt.vline(self.cursor)
        step = max(1, len(labels) // 6)
        plt.xticks([float(x) for x in xs[::step]], labels[::step])
        self.query_one("#trend-title", Static).update(title)
        self.query_one("#trend-cursor", Static).update(self.cursor_text())
        plot.refresh()

    def cursor_text(self) -> str:
        """The month under the cursor and every value there."""
        assert self.data is not None
        point = self.data.points[self.cursor]
        cur = self.data.currency
        parts = [format_value(dim, point.ltv[dim], cur) for dim in DIMENSIONS]
        said = f"{format_date(point.day)}  " + " · ".join(
            f"{dimension_name(dim)} {text}" for dim, text in zip(DIMENSIONS, parts, strict=True)
        )
        if point.combined is not None:
            said += " · " + _("combined {value}").format(value=format_amount(point.combined, cur))
        spread = self.spread_at(self.cursor)
        if spread is not None and spread.p10 != spread.p90:
            dim = Dimension.MONEY if self.view == COMBINED else Dimension(self.view)
            low, high = (format_value(dim, v, cur) for v in (spread.p10, spread.p90))
            said += f"\n{self._view_name()} P10–P90 {low} – {high}"
        return said + "\n" + _("← → move · enter: that month's decisions")

    def draw_spending(self, plt: Any) -> None:
        """Money out per month of the year, stacked spent and invested; below, in words,
        the categories and the point-years each bought."""
        found = self.spending
        cursor = self.query_one("#trend-cursor", Static)
        if found is None:
            cursor.update(_("Reading the year…"))
            return
        currency = self.data.currency if self.data else ""
        self.query_one("#trend-title", Static).update(
            _("Where it went in {year}: spent and invested per month ({currency})").format(
                year=found.year, currency=currency
            )
        )
        if not found.months:
            cursor.update(_("No decisions in {year}.").format(year=found.year))
            return
        spending_bars(plt, found.months)
        cursor.update(spending_text(found.categories, currency))

    def load_spending(self, year: int) -> None:
        journal = self.journal
        in_thread(
            self,
            lambda: self.SpendingRead(journal.spending(year)),
            what=_("read the spending of {year}").format(year=year),
            group="spending",
            exclusive=True,
        )

    def on_trends_screen_spending_read(self, message: SpendingRead) -> None:
        self.show_spending(message.spending)

    def show_spending(self, found: Spending) -> None:
        self.spending = found
        if self.view == SPENDING:
            self.draw()

    # -- keys ------------------------------------------------------------------------

    def action_spending(self) -> None:
        if self.view == SPENDING:
            self.view = str(Dimension.MONEY)
        else:
            self.view = SPENDING
            year = self.year or clock.today().year
            if self.spending is None or self.spending.year != year:
                self.load_spending(year)
        self.draw()

    def action_move(self, step: int) -> None:
        if self.data and self.data.points:
            self.cursor = min(max(self.cursor + step, 0), len(self.data.points) - 1)
            self.draw()

    def action_jump(self, index: int) -> None:
        if self.data and self.data.points:
            self.cursor = index % len(self.data.points)
            self.draw()

    def action_next_view(self) -> None:
        views = [v for v in self.views() if v != ALL]
        at = views.index(self.view) if self.view in views else -1
        self.view = views[(at + 1) % len(views)]
        self.draw()

    def action_all_at_once(self) -> None:
        self.view = str(Dimension.MONEY) if self.view == ALL else ALL
        self.draw()

    def _view_name(self) -> str:
        """The view in words: a dimension's name, or the combined value."""
        return _("combined") if self.view == COMBINED else dimension_name(self.view)

    def action_open_month(self) -> None:
        if not self.data or not self.data.points:
            return
        day = self.data.points[self.cursor].day
        self.dismiss(DecisionFilter(start=day.replace(day=1), end=day))

    def action_close(self) -> None:
        self.dismiss(None)


def spending_text(categories: list[CategorySpending], currency: str, shown: int = 4) -> str:
    """The largest categories in words: money out, point-years bought, their price."""
    lines = []
    for c in categories[:shown]:
        bought = ", ".join(
            f"{format_points(v, signed=True)} {dimension_name(d)}" for d, v in c.points.items() if v
        )
        price = "; ".join(
            _("{cost} a {dimension} point-year").format(
                cost=format_amount(cost, currency), dimension=dimension_name(d)
            )
            for d, cost in c.cost_per_point_year.items()
        )
        name = visible(group_name("category", c.category), lines=False)
        line = f"{name}: {format_amount(c.spent + c.invested, currency)}"
        lines.append(line + (f" → {bought}" if bought else "") + (f" ({price})" if price else ""))
    more = len(categories) - shown
    return "\n".join(lines) + (
        "\n"
        + ngettext(
            "… and {count} more category (chart spending)",
            "… and {count} more categories (chart spending)",
            more,
        ).format(count=format_count(more))
        if more > 0
        else ""
    )


def _scaled(values: list[Decimal]) -> list[float]:
    """Each value as a percentage of the series' own range (flat: 50%)."""
    low, high = min(values), max(values)
    if high == low:
        return [50.0] * len(values)
    return [float((v - low) / (high - low) * 100) for v in values]


def _short(title: str, width: int = 18) -> str:
    return title if len(title) <= width else title[: width - 1] + "…"
