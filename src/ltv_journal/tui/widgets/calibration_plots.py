"""The two calibration pictures: expected against actual per year (with the line of
perfect prediction), and how often effects of each confidence happened.

Each point is drawn with a letter (m, h, l, s for money, happiness, love, meaning) so
the pictures read without colour too.
"""

from __future__ import annotations

from decimal import Decimal

from textual.app import RenderResult
from textual_plotext import PlotextPlot

from ltv_journal.core.charts import CalibrationPicture
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.language import _

from ..chart_drawing import axis_ticks, fitting_ticks, spoken_ticks, spoken_x_ticks
from ..figures import format_count

LETTERS = {
    Dimension.MONEY: "m",
    Dimension.HAPPINESS: "h",
    Dimension.LOVE: "l",
    Dimension.MEANING: "s",
}


class ExpectedActualPlot(PlotextPlot):
    """Expected (x) against actual (y) per year, for money or for the point dimensions."""

    def __init__(self, *, money: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.money = money
        self.span = (0.0, 0.0)
        """The lowest and highest value drawn, on both axes."""

    def show(self, picture: CalibrationPicture, currency: str) -> None:
        plt = self.plt
        plt.clear_figure()
        self.span = (0.0, 0.0)
        unit = (
            _("{currency} a year").format(currency=currency) if self.money else _("points a year")
        )
        plt.title(_("expected (x) against actual (y), {unit}").format(unit=unit))
        dims = [d for d in picture.expected_vs_actual if d.is_money == self.money]
        everything: list[Decimal] = []
        for dim in dims:
            pairs = picture.expected_vs_actual[dim]
            everything += [v for pair in pairs for v in pair]
            plt.scatter(
                [float(e) for e, _ in pairs],
                [float(a) for _, a in pairs],
                marker=LETTERS[dim],
                label=_(str(dim)),
            )
        if everything:
            low, high = float(min(everything)), float(max(everything))
            plt.plot([low, high], [low, high], marker="·", label=_("perfect"))
            spoken_ticks(plt, low, high)
            self.span = (low, high)
        self.refresh()

    def render(self) -> RenderResult:
        """The x axis's labels the language's way, as many as fit at this width."""
        low, high = self.span
        if high > low:
            axis = max(len(label) for _tick, label in axis_ticks(low, high)) + 3  # `┤`, frame
            spoken_x_ticks(self.plt, low, high, self.size.width - axis)
        return super().render()


class ReliabilityPlot(PlotextPlot):
    """Per confidence bin: how often the effects happened, beside the confidence given."""

    AXIS_COLUMNS = 6
    """What the y axis takes of the plot's width (`0.83┤` and the frame)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ticks: list[tuple[float, str]] = []

    def show(self, picture: CalibrationPicture) -> None:
        plt = self.plt
        plt.clear_figure()
        filled = [b for b in picture.reliability if b.count]
        self.ticks = [(float((b.low + b.high) / 2), _tick((b.low + b.high) / 2)) for b in filled]
        counts = ", ".join(
            f"{label}: {format_count(b.count)}"
            for (_mid, label), b in zip(self.ticks, filled, strict=True)
        )
        plt.title(
            _("confidence (x) against share that happened (y); how many: {counts}").format(
                counts=counts
            )
        )
        if filled:
            mids = [mid for mid, _label in self.ticks]
            plt.plot([0.0, 1.0], [0.0, 1.0], marker="·", label=_("perfect"))
            happened = [float(b.happened or 0) for b in filled]
            plt.scatter(mids, happened, marker="●", label=_("you"))
            plt.ylim(0, 1)
            spoken_ticks(plt, 0.0, 1.0)
        self.refresh()

    def render(self) -> RenderResult:
        """The confidence labels that fit at this width (`fitting_ticks`)."""
        if self.ticks:
            usable = max(1, self.size.width - self.AXIS_COLUMNS)
            kept = fitting_ticks(self.ticks, 0.0, 1.0, usable)
            self.plt.xticks([mid for mid, _label in kept], [label for _mid, label in kept])
        return super().render()


def _tick(value: Decimal) -> str:
    """A confidence on the axis: `0.5` (`0,5` in German)."""
    from ltv_journal.core import conventions

    return conventions.current().number(f"{value:.1f}")
