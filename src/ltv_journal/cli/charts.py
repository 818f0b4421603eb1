"""`ltv-journal chart`: the running lifetime value, calibration, and spending, drawn in
the terminal with plotext, or as the series behind them with --json."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from decimal import Decimal
from typing import Any

import click

from ltv_journal.core import clock, conventions, language
from ltv_journal.core.charts import (
    CalibrationPicture,
    Spending,
    TrendPoint,
    calibration_picture,
    month_end,
)
from ltv_journal.core.conventions import format_date
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.language import N_, _
from ltv_journal.core.uncertainty import Band, Spread
from ltv_journal.core.worth import Worth
from ltv_journal.tui.chart_drawing import (
    axis_ticks,
    running_picture,
    spending_bars,
    spoken_ticks,
    spoken_x_ticks,
    stacked_bars,
)

from .as_json import spread_json
from .errors import UserError
from .options import journal_options, json_option, open_journal
from .output import dimension_name, echo, echo_json

CHARTS = ("trend", "calibration", "spending")
COMBINED = "combined"


@click.command(
    name="chart",
    short_help=N_("Trend, calibration or spending, drawn or as JSON."),
    help=N_(
        """Draw a chart in the terminal, or print the series behind it with --json.

\b
trend        the running lifetime value at each month's end, from the first
             decision to today (what `score --as-of` gives for that day), with
             its P10 and P90 (how sure it is; --json: "range" in each row)
calibration  expected against actual per year, and how often effects of each
             confidence happened
spending     money spent and invested per month of the year, and per category
             with the point-years it bought"""
    ),
)
@click.argument("which", type=click.Choice(CHARTS), default="trend")
@click.option("--year", type=click.IntRange(1900, 2200), help=N_("Only this year."))
@click.option(
    "--dimension",
    type=click.Choice([*(str(d) for d in DIMENSIONS), COMBINED]),
    help=N_("Only this dimension (combined: the combined value, with a worth)."),
)
@journal_options
@json_option
def chart(which: str, year: int | None, dimension: str | None, as_json: bool) -> None:
    today = clock.today()
    with open_journal() as journal:
        profile = journal.profile()
        if which == "trend":
            points = journal.trend(today, year)
            bands = journal.trend_bands(points)
        elif which == "calibration":
            samples = journal.calibration_samples()
        else:
            spending = journal.spending(year or today.year)
    if dimension == COMBINED and not profile.worth:
        raise UserError(_("--dimension combined needs a worth: ltv-journal profile --worth ..."))
    if which == "trend":
        if not points and year is not None and not as_json:
            echo(
                _(
                    "{year} has no months up to today with the journal's decisions: nothing to draw"
                ).format(year=year)
            )
            return
        _trend(points, bands, profile.worth, dimension, profile.currency, as_json)
    elif which == "calibration":
        _calibration(calibration_picture(samples), dimension, as_json)
    else:
        _spending(spending, profile.currency, dimension, as_json)


def _shown(dimension: str | None, worth: Worth) -> list[str]:
    if dimension is not None:
        return [dimension]
    return [str(d) for d in DIMENSIONS] + ([COMBINED] if worth else [])


def _spread(band: Band, name: str) -> Spread | None:
    return band.combined if name == COMBINED else band.dimensions[Dimension(name)]


def _trend(
    points: list[TrendPoint],
    bands: list[Band],
    worth: Worth,
    dimension: str | None,
    currency: str,
    as_json: bool,
) -> None:
    names = _shown(dimension, worth)
    if as_json:
        series = []
        for point, band in zip(points, bands, strict=True):
            row: dict[str, Any] = {"date": point.day}
            for name in names:
                row[name] = point.combined if name == COMBINED else point.ltv[Dimension(name)]
            row["range"] = {name: spread_json(_spread(band, name)) for name in names}
            series.append(row)
        echo_json({"currency": currency, "series": series})
        return
    if not points:
        echo(_("no decisions yet: nothing to draw"))
        return
    labels = [month_label(p.day) for p in points]
    panels = []
    for name in names:
        plt = _plot()
        values = [
            float(p.combined or 0) if name == COMBINED else float(p.ltv[Dimension(name)])
            for p in points
        ]
        unit = _("pts") if name not in (COMBINED, "money") else currency
        plt.title(
            _("{dimension} — running lifetime value ({unit}), P10 and P90 dotted").format(
                dimension=dimension_name(name), unit=unit
            )
        )
        xs = list(range(len(points)))
        running_picture(plt, xs, values, [_spread(band, name) for band in bands])
        _month_ticks(plt, labels)
        panels.append(_drawn(plt, rows=10 if dimension else 8))
    _show(panels)


def _calibration(picture: CalibrationPicture, dimension: str | None, as_json: bool) -> None:
    pairs = {
        str(d): p
        for d, p in picture.expected_vs_actual.items()
        if dimension is None or str(d) == dimension
    }
    if as_json:
        echo_json(
            {
                "expected_vs_actual": {
                    name: [{"expected": e, "actual": a} for e, a in found]
                    for name, found in pairs.items()
                },
                "reliability": [
                    {
                        "low": b.low,
                        "high": b.high,
                        "count": b.count,
                        "mean_confidence": b.mean_confidence,
                        "happened": b.happened,
                    }
                    for b in picture.reliability
                ],
            }
        )
        return
    if not pairs:
        echo(_("no reviews with an observed value yet: review a decision to see calibration"))
        return
    panels = []
    for name, found in pairs.items():
        plt = _plot()
        xs = [float(e) for e, _a in found]
        ys = [float(a) for _e, a in found]
        low, high = min(xs + ys), max(xs + ys)
        plt.title(
            _("{dimension}: expected (x) against actual (y) a year; the line is perfect").format(
                dimension=dimension_name(name)
            )
        )
        plt.plot([low, high], [low, high], marker="dot")
        plt.scatter(xs, ys, marker="●")
        spoken_ticks(plt, low, high)
        axis = max(len(label) for _tick, label in axis_ticks(low, high)) + 3  # `┤`, frame
        spoken_x_ticks(plt, low, high, _width() - axis)
        panels.append(_drawn(plt, rows=12))
    plt = _plot()
    plt.title(_("confidence (x) against how often it happened (y); how many in brackets"))
    filled = [b for b in picture.reliability if b.count]
    happened = [float(b.happened or 0) for b in filled]
    plt.bar([f"{_decimal(b.low)}–{_decimal(b.high)} ({b.count})" for b in filled], happened)
    spoken_ticks(plt, 0.0, max([*happened, 0.0]))
    panels.append(_drawn(plt, rows=12))
    _show(panels)


def _spending(spending: Spending, currency: str, dimension: str | None, as_json: bool) -> None:
    year, months, categories = spending.year, spending.months, spending.categories
    if as_json:
        echo_json(
            {
                "year": year,
                "currency": currency,
                "months": [
                    {"month": month_end(m).strftime("%Y-%m"), "spent": s, "invested": i}
                    for m, s, i in months
                ],
                "categories": [
                    {
                        "category": c.category,
                        "spent": c.spent,
                        "invested": c.invested,
                        "point_years": {str(d): v for d, v in c.points.items()},
                        "cost_per_point_year": {
                            str(d): v for d, v in c.cost_per_point_year.items()
                        },
                    }
                    for c in categories
                ],
            }
        )
        return
    if not months:
        echo(_("no decisions in {year}: nothing to draw").format(year=year))
        return
    plt = _plot()
    plt.title(
        _("{year}: spent and invested per month ({currency})").format(year=year, currency=currency)
    )
    spending_bars(plt, months)
    panels = [_drawn(plt, rows=14)]
    plt = _plot()
    shown = [d for d in ("happiness", "love", "meaning") if dimension in (None, d)]
    plt.title(
        _("{year}: point-years bought per category ({dimensions})").format(
            year=year, dimensions=", ".join(dimension_name(d) for d in shown)
        )
    )
    stacked_bars(
        plt,
        [c.category for c in categories],
        {d: [c.points[Dimension(d)] for c in categories] for d in shown},
    )
    panels.append(_drawn(plt, rows=14))
    _show(panels)


def month_label(day: date) -> str:
    """`2026-11` in English, `11.2026` in German: a month on a chart's axis."""
    return format_date(day)[3:] if language.current() == language.GERMAN else f"{day:%Y-%m}"


def _decimal(value: float | Decimal) -> str:
    """A confidence with one decimal, as the language writes it (`0.7`, `0,7`)."""
    return conventions.current().number(f"{value:.1f}")


def _plot() -> Any:
    import plotext as plt

    plt.clear_figure()
    plt.theme("clear")
    return plt


def _month_ticks(plt: Any, labels: list[str]) -> None:
    step = max(1, len(labels) // 6)
    ticks = list(range(0, len(labels), step))
    plt.xticks(ticks, [labels[i] for i in ticks])


def _width() -> int:
    """A panel's width: the terminal's, at most 160 columns."""
    return min(shutil.get_terminal_size((100, 40)).columns, 160)


def _drawn(plt: Any, rows: int) -> str:
    """One panel as text, as wide as the terminal (at most 160 columns)."""
    plt.plotsize(_width(), rows)
    drawn = str(plt.build())
    if not sys.stdout.isatty():  # for scripts and pipes: no colour
        drawn = str(plt.uncolorize(drawn))
    return drawn


def _show(panels: list[str]) -> None:
    echo("\n\n".join(panels))
