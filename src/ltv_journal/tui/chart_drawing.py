"""Pictures drawn onto a plotext figure, shared by the terminal UI's screens and the
command line's `chart` (plotext only: nothing here needs a running app).

Series are told apart by their fill as well as their colour, so a picture reads in a
terminal without colour too.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ltv_journal.core.charts import month_end
from ltv_journal.core.language import _
from ltv_journal.core.uncertainty import Spread

from .figures import month_name

FILLS = ("█", "░", "▒")
"""Bar fills in the order the series come."""


def spending_bars(plt: Any, months: Sequence[tuple[int, Decimal, Decimal]]) -> None:
    """Spent and invested per month, stacked, from (YYYYMM, spent, invested)."""
    plt.stacked_bar(
        [month_name(month_end(m)) for m, _s, _i in months],
        [[float(s) for _, s, _ in months], [float(i) for _, _, i in months]],
        labels=[_("spent"), _("invested")],
        marker=list(FILLS[:2]),
    )


def stacked_bars(plt: Any, names: Sequence[str], series: dict[str, list[Decimal]]) -> None:
    """One stacked bar per name, a layer per series (each with its own fill)."""
    plt.stacked_bar(
        list(names),
        [[float(v) for v in values] for values in series.values()],
        labels=list(series),
        marker=list(FILLS[: len(series)]),
    )


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
