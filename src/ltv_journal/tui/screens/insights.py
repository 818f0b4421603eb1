"""How well you predict: calibration per dimension, by kind and by category."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from ltv_journal.core.calibration import (
    EARLY,
    DimensionCalibration,
    Sample,
    breakdown,
    calibrate,
    findings,
)
from ltv_journal.core.charts import CalibrationPicture, calibration_picture
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.explain import calibration_cells
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import format_amount
from ltv_journal.core.text import visible
from ltv_journal.core.worth import (
    POINT_DIMENSIONS,
    ImpliedWorth,
    PointPrice,
    Worth,
    cheapest_and_dearest,
    implied_worth,
)
from ltv_journal.store.journal import Journal

from ..figures import dimension_name, format_count
from ..spoken import Spoken
from ..widgets.calibration_plots import ExpectedActualPlot, ReliabilityPlot
from ..workers import in_thread

Calibrations = Mapping[Dimension, DimensionCalibration]

PRICES = N_(
    "Money given up per point-year gained, over the decisions that traded money for points. "
    "The implied worth is the median over those that bought one dimension alone (how many in "
    "brackets); set your own worth in the profile (p)."
)
EXPLAIN = N_(
    "Each reviewed decision counts once per dimension (its latest review). "
    "Mean error = actual − expected per year: negative means you were optimistic. "
    "Brier score = (confidence − it happened)², 0 is perfect, 0.25 is a coin toss."
)


@dataclass(frozen=True)
class InsightsData:
    """Everything the screen shows, computed off the UI thread."""

    currency: str
    overall: Calibrations
    by_kind: Mapping[str, Calibrations]
    by_category: Mapping[str, Calibrations]
    prices: Mapping[Dimension, tuple[PointPrice, PointPrice]] = field(default_factory=dict)
    """Per point dimension, the cheapest and the dearest point-years bought."""
    implied: Mapping[Dimension, ImpliedWorth] = field(default_factory=dict)
    worth: Worth = field(default_factory=Worth)
    picture: CalibrationPicture = field(default_factory=lambda: calibration_picture([]))


def insights_of(
    samples: list[Sample],
    currency: str,
    purchases: Sequence[tuple[str, Mapping[Dimension, Decimal]]] = (),
    worth: Worth | None = None,
) -> InsightsData:
    return InsightsData(
        currency=currency,
        overall=calibrate(samples),
        by_kind=breakdown(samples, "kind"),
        by_category=breakdown(samples, "category"),
        prices=cheapest_and_dearest(purchases),
        implied=implied_worth(values for _, values in purchases),
        worth=worth or Worth(),
        picture=calibration_picture(samples),
    )


def _price(price: PointPrice) -> str:
    return f"{format_amount(price.cost)} {visible(price.title, lines=False)}"


def price_table(data: InsightsData) -> Table:
    """Per dimension: the worth you set, what your choices imply, and the cheapest and
    dearest point-years bought."""
    table = Table(box=None, padding=(0, 1), header_style="bold", expand=False)
    for heading in (N_("a point-year of"), N_("your worth"), N_("implied (median)")):
        table.add_column(_(heading), justify="left" if heading.startswith("a ") else "right")
    table.add_column(_("cheapest"))
    table.add_column(_("dearest"))
    cur = data.currency
    for dim in POINT_DIMENSIONS:
        given, implied = data.worth.get(dim), data.implied.get(dim)
        cheap, dear = data.prices.get(dim, (None, None))
        table.add_row(
            dimension_name(dim),
            "—" if given is None else format_amount(given, cur),
            "—"
            if implied is None
            else f"{format_amount(implied.median, cur)} ({format_count(implied.decisions)})",
            "—" if cheap is None else _price(cheap),
            "—" if dear is None else _price(dear),
        )
    return table


def calibration_table(
    groups: Mapping[str, Calibrations], currency: str, group_heading: str = ""
) -> Table:
    """One row per group and dimension that has reviews."""
    table = Table(box=None, padding=(0, 1), header_style="bold", expand=False)
    if group_heading:
        table.add_column(group_heading)
    table.add_column(_("dimension"))
    for heading in (N_("reviews"), N_("mean error"), N_("mean abs. error"), N_("Brier")):
        table.add_column(_(heading), justify="right")
    for group, results in groups.items():
        for dim in DIMENSIONS:
            result = results[dim]
            if group_heading and not result.reviews:
                continue
            row = [dimension_name(dim), *calibration_cells(dim, result, currency)]
            table.add_row(*([visible(group, lines=False)] if group_heading else []), *row)
    return table


def said(data: InsightsData) -> tuple[list[str], list[str]]:
    """The calibration in words, strongest first: (findings that rest on enough
    reviews, findings too early to tell)."""
    breakdowns = {"kind": data.by_kind, "category": data.by_category}
    found = findings(data.overall, breakdowns, data.currency)
    return [f.text for f in found if not f.too_early], [f.text for f in found if f.too_early]


def bullets(lines: list[str]) -> Table:
    """`lines` as a bulleted list whose wrapped lines stay indented under their text."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=3, min_width=3, no_wrap=True, justify="right")
    table.add_column(ratio=1)
    for line in lines:
        table.add_row("•", visible(line))
    return table


class InsightsScreen(Spoken, Screen[None]):
    """Calibration of the whole journal; esc or q closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", N_("Close"))]

    DEFAULT_CSS = """
    InsightsScreen {
        & > VerticalScroll { padding: 0 1; }
        & .title { text-style: bold; color: $text-primary; margin-top: 1; }
        & #explain { color: $text-muted; }
        & #calibration-plots { height: 16; display: none; }
        & #calibration-plots.-shown { display: block; }
    }
    """

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(_("Insights: how well do you predict?"), classes="title")
            yield Static(_(EXPLAIN), id="explain")
            with Horizontal(id="calibration-plots"):
                yield ExpectedActualPlot(money=True, id="plot-money")
                yield ExpectedActualPlot(money=False, id="plot-points")
                yield ReliabilityPlot(id="plot-reliability")
            yield Static(_("Loading reviews…"), id="insights-body")
            yield Static("", id="insights-prices")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    class Loaded(Message):
        def __init__(self, data: InsightsData) -> None:
            super().__init__()
            self.data = data

    def load(self) -> None:
        journal = self.journal

        def read() -> InsightsScreen.Loaded:
            profile = journal.profile()
            samples, purchases = journal.calibration_samples(), journal.point_purchases()
            return self.Loaded(insights_of(samples, profile.currency, purchases, profile.worth))

        in_thread(self, read, what=N_("read the insights"), group="insights", exclusive=True)

    def on_insights_screen_loaded(self, message: Loaded) -> None:
        self.show(message.data)

    def show(self, data: InsightsData) -> None:
        self.query_one("#insights-prices", Static).update(
            Group(
                Text("\n" + _("What your points cost"), style="bold"),
                Text(_(PRICES), style="dim"),
                price_table(data),
            )
        )
        body = self.query_one("#insights-body", Static)
        if not any(r.reviews for r in data.overall.values()):
            body.update(
                _("No reviews yet. Review a decision (r) to see how your expectations hold up.")
            )
            return
        plots = self.query_one("#calibration-plots")
        plots.add_class("-shown")
        for plot in self.query(ExpectedActualPlot):
            plot.show(data.picture, data.currency)
        self.query_one(ReliabilityPlot).show(data.picture)
        supported, early = said(data)
        too_early = (
            (
                Text(
                    "\n"
                    + _("Too early to tell (fewer than {count} reviews)").format(
                        count=format_count(EARLY)
                    ),
                    style="bold",
                ),
                bullets(early),
            )
            if early
            else ()
        )
        body.update(
            Group(
                Text("\n" + _("In words, the largest and best-supported first"), style="bold"),
                bullets(supported),
                *too_early,
                Text("\n" + _("Overall"), style="bold"),
                calibration_table({"all": data.overall}, data.currency),
                Text("\n" + _("By kind"), style="bold"),
                calibration_table(data.by_kind, data.currency, _("kind")),
                Text("\n" + _("By category"), style="bold"),
                calibration_table(data.by_category, data.currency, _("category")),
            )
        )

    def action_close(self) -> None:
        self.dismiss(None)
