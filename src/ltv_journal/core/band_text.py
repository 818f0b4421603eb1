"""A band in words (core/uncertainty.py, core/journal_band.py): the same sentences in
`show` (and its options not taken), `compare`, `score` and the form's preview."""

from __future__ import annotations

from . import conventions
from .decision import Decision
from .dimensions import DIMENSIONS, Dimension
from .explain import cost_label, effects_label
from .language import _
from .money import format_amount, format_points
from .profile import Profile
from .uncertainty import Band, Spread, decision_band


def spread_text(dim: Dimension | None, spread: Spread, currency: str) -> str:
    """`-900.00 / +1,200.00 / +3,000.00 EUR` (money, combined) or `+0.2 / +1.4 / +2.1`."""
    if dim is None or dim.is_money:
        parts = [format_amount(v, signed=True) for v in (spread.p10, spread.p50, spread.p90)]
        return conventions.current().money(" / ".join(parts), currency)
    return " / ".join(format_points(v, signed=True) for v in (spread.p10, spread.p50, spread.p90))


def moving(decision: Decision) -> list[Dimension]:
    """The dimensions a decision moves: its effects', and money when it costs something."""
    return [
        dim
        for dim in DIMENSIONS
        if dim in decision.effects or (dim is Dimension.MONEY and decision.amount)
    ]


def raises_text(band: Band, verb: str = "raises") -> str:
    """`raises the lifetime value in 73.4% of 2,000 draws`; `verb` is the English word
    (`raises`, `raise` or `lowers`), translated here."""
    ways = conventions.current()
    share = _("{percent}%").format(percent=ways.number(f"{band.p_raises * 100:.1f}"))
    draws = ways.number(f"{band.draws:,}")
    if verb == "lowers":
        return _("lowers the lifetime value in {share} of {draws} draws").format(
            share=share, draws=draws
        )
    if verb == "raise":
        return _("raise the lifetime value in {share} of {draws} draws").format(
            share=share, draws=draws
        )
    if verb == "raises":
        return _("raises the lifetime value in {share} of {draws} draws").format(
            share=share, draws=draws
        )
    return f"{verb} the lifetime value in {share} of {draws} draws"


def band_line(decision: Decision, band: Band, currency: str) -> str:
    """`band (P10 / P50 / P90): combined -900.00 / … EUR; raises … in 73.4% of 2,000 draws`."""
    if band.combined is not None:
        figures = _("combined {spread}").format(spread=spread_text(None, band.combined, currency))
    else:
        dims = moving(decision)
        figures = ", ".join(
            f"{dim.shown} {spread_text(dim, band.dimensions[dim], currency)}" for dim in dims
        )
        if not dims:
            figures = _("nothing moves")
    return _("band (P10 / P50 / P90): {figures}; {raises}").format(
        figures=figures, raises=raises_text(band)
    )


def uncertain(decision: Decision) -> bool:
    """Whether any effect of `decision` may not happen or has a range: its band is
    worth showing."""
    return any(e.confidence != 1 or e.ranged for e in decision.effects.values())


def with_band_line(lines: list[str], decision: Decision, profile: Profile) -> list[str]:
    """A decision's detail lines (core.explain.detail_lines) with its band line after the
    verdict and combined value, as `show` and the detail pane give them; unchanged for a
    decision whose effects are all certain (its band has no width to tell)."""
    if not uncertain(decision):
        return lines
    line = band_line(decision, decision_band(decision, profile), profile.currency)
    at = next(
        (i for i, text in enumerate(lines) if text.startswith((cost_label(), effects_label()))),
        len(lines),
    )
    return [*lines[:at], line, *lines[at:]]
