"""Pictures drawn onto a plotext figure, shared by the terminal UI's screens and the
command line's `chart` (plotext only: nothing here needs a running app).

Series are told apart by their fill as well as their colour, so a picture reads in a
terminal without colour too.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ltv_journal.core import conventions, language
from ltv_journal.core.calibration import group_name
from ltv_journal.core.charts import month_end
from ltv_journal.core.language import _
from ltv_journal.core.uncertainty import Spread

from .figures import dimension_name, month_name

FILLS = ("█", "░", "▒")
"""Bar fills in the order the series come."""


def spending_bars(plt: Any, months: Sequence[tuple[int, Decimal, Decimal]]) -> None:
    """Spent and invested per month, stacked, from (YYYYMM, spent, invested)."""
    layers = [[float(s) for _, s, _ in months], [float(i) for _, _, i in months]]
    plt.stacked_bar(
        [month_name(month_end(m)) for m, _s, _i in months],
        layers,
        labels=[_("spent"), _("invested")],
        marker=list(FILLS[:2]),
    )
    _stacked_ticks(plt, layers)


def stacked_bars(plt: Any, categories: Sequence[str], series: dict[str, list[Decimal]]) -> None:
    """One stacked bar per category, a layer per dimension (each with its own fill),
    named in the language in force."""
    layers = [[float(v) for v in values] for values in series.values()]
    plt.stacked_bar(
        [group_name("category", name) for name in categories],
        layers,
        labels=[dimension_name(name) for name in series],
        marker=list(FILLS[: len(series)]),
    )
    _stacked_ticks(plt, layers)


def _stacked_ticks(plt: Any, layers: list[list[float]]) -> None:
    """The y axis of stacked bars, from the lowest stack to the highest, spoken."""
    columns = list(zip(*layers, strict=True))
    high = max([sum(v for v in column if v > 0) for column in columns] + [0.0])
    low = min([sum(v for v in column if v < 0) for column in columns] + [0.0])
    spoken_ticks(plt, low, high)


MOST_POINTS = 160
"""A series is drawn through at most this many of its points (a terminal row has fewer
cells than that), so a redraw costs the same at 30 months as at 300."""


def thinned(xs: Sequence[int], ys: Sequence[float]) -> tuple[list[int], list[float]]:
    """Every k-th point and the last, at most about `MOST_POINTS` of them."""
    step = -(-len(xs) // MOST_POINTS) or 1
    keep = [i for i in range(len(xs)) if i % step == 0 or i == len(xs) - 1]
    return [xs[i] for i in keep], [ys[i] for i in keep]


def running_line(plt: Any, xs: Sequence[int], ys: Sequence[float]) -> None:
    """A running value as a braille line."""
    plt.plot(*thinned(xs, ys), marker="braille")


def running_picture(
    plt: Any, xs: Sequence[int], values: Sequence[float], spreads: Sequence[Spread | None]
) -> bool:
    """A running value as a line with its P10 and P90 as dots around it, on a spoken y
    axis; whether there was a band to draw."""
    banded = band_dots(plt, xs, spreads)
    running_line(plt, xs, values)
    shown = [*values, *(float(v) for s in spreads if s for v in (s.p10, s.p90))]
    spoken_ticks(plt, min(shown), max(shown))
    return banded


def band_dots(plt: Any, xs: Sequence[int], spreads: Sequence[Spread | None]) -> bool:
    """The P10 and P90 of a running value as dots around its line (points, not lines,
    and thinned like it: a redraw stays within a frame at 300 months); whether there
    was a band to draw."""
    if not any(s is not None and s.p10 != s.p90 for s in spreads):
        return False
    for pick in ("p10", "p90"):
        ys = [float(getattr(s, pick)) if s else 0.0 for s in spreads]
        plt.scatter(*thinned(xs, ys), marker=".")
    return True


def axis_ticks(low: float, high: float, count: int = 5) -> list[tuple[float, str]]:
    """`count` evenly spaced ticks from `low` to `high`, each with its label written the
    language's way: German `2.423.789` and `0,50`; English as plotext writes its own
    (`2423789`, `0.50`), so that both axes of a picture agree. A flat series
    (`high` = `low`) has the one tick."""
    step = (high - low) / (count - 1)
    spread = high - low if high > low else abs(low)
    places = 0 if spread >= 20 else 2
    grouping = "" if language.current() == language.ENGLISH else ","
    ways = conventions.current()
    ticks = [low + step * i for i in range(count)] if high > low else [low]
    return [(tick, ways.number(f"{tick:{grouping}.{places}f}")) for tick in ticks]


def spoken_ticks(plt: Any, low: float, high: float, *, count: int = 5) -> None:
    """Outside English, the y axis's ticks written the language's way instead of
    plotext's own English figures; English keeps plotext's ticks."""
    if language.current() == language.ENGLISH or high < low:
        return
    ticks = axis_ticks(low, high, count)
    plt.yticks([tick for tick, _label in ticks], [label for _tick, label in ticks])


def spoken_x_ticks(plt: Any, low: float, high: float, columns: int) -> None:
    """The x axis's ticks the language's way, as many as fit `columns` (the plot's
    width less the y axis's labels)."""
    if high <= low:
        return
    kept = fitting_ticks(axis_ticks(low, high), low, high, max(1, columns))
    plt.xticks([tick for tick, _label in kept], [label for _tick, label in kept])


def fitting_ticks(
    ticks: list[tuple[float, str]], low: float, high: float, columns: int
) -> list[tuple[float, str]]:
    """The tick labels that fit an x axis `columns` wide from `low` to `high`: the first
    and the last, and between them from the left those that fit, each pair of
    neighbours as far apart (centre to centre) as their two labels are long. plotext
    places a label that another comes near by looking at those already placed, in an
    order its `set` gives, which changes from run to run; labels this far apart are
    placed the same way in any order."""
    if high <= low or not ticks:
        return ticks[:1]

    def column(tick: tuple[float, str]) -> float:
        return (tick[0] - low) / (high - low) * columns

    def apart(left: tuple[float, str], right: tuple[float, str]) -> bool:
        return column(right) - column(left) >= len(left[1]) + len(right[1])

    first, last = ticks[0], ticks[-1]
    kept = [first]
    for tick in ticks[1:-1]:
        if apart(kept[-1], tick) and apart(tick, last):
            kept.append(tick)
    if len(ticks) > 1 and apart(kept[-1], last):
        kept.append(last)
    return kept
