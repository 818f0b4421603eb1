"""Why a number is what it is: a decision's figures in words, for screens and commands.

The TUI's detail pane and `ltv-journal show` both print these lines, so the wording
lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .calibration import DimensionCalibration
from .decision import Decision, Kind, Review
from .dimensions import DIMENSIONS, Dimension
from .effects import Effect, effect_months
from .figures import InvestmentFigures, OpportunityCost, investment_figures, opportunity_cost
from .money import format_amount, format_compact, format_points
from .profile import Profile
from .score import Values, decision_values, effect_values
from .text import visible
from .verdict import Verdict, verdict_of


def format_value(
    dim: Dimension,
    value: Decimal,
    currency: str = "",
    *,
    signed: bool = False,
    compact: bool = False,
) -> str:
    """A value of one dimension: money with its currency, points with `pts`."""
    if compact:
        text = format_compact(value, signed=signed)
    elif dim.is_money:
        text = format_amount(value, signed=signed)
    else:
        text = format_points(value, signed=signed)
    unit = currency if dim.is_money else dim.unit
    return f"{text} {unit}" if unit else text


def calibration_cells(
    dim: Dimension, result: DimensionCalibration, currency: str = ""
) -> tuple[str, str, str, str]:
    """Reviews, mean error, mean absolute error and Brier score as a table shows them."""
    error = (
        "—"
        if result.mean_error is None
        else format_value(dim, result.mean_error, currency, signed=True)
    )
    spread = (
        "—" if result.mean_abs_error is None else format_value(dim, result.mean_abs_error, currency)
    )
    brier = "—" if result.brier is None else f"{result.brier:.4f}"
    return str(result.reviews), error, spread, brier


def _percent(value: Decimal) -> str:
    return f"{(value * 100).normalize():f}%"


def _years(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return f"{text} year" + ("" if value == 1 else "s")


def describe_effect(
    dim: Dimension, effect: Effect, decision: Decision, profile: Profile, value: Decimal
) -> str:
    """One effect with its parameters and lifetime value, e.g.
    `+6,000.00 EUR a year, after 12 months, until retirement (240 months) → +120,000.00 EUR`."""
    parts = [f"{format_value(dim, effect.per_year, profile.currency, signed=True)} a year"]
    if effect.delay_months:
        parts.append(f"after {effect.delay_months} month{'s' if effect.delay_months != 1 else ''}")
    horizon = effect.horizon_for(dim)
    lasting = f"until {horizon}" if horizon else f"for {_years(effect.years or Decimal(0))}"
    try:
        months = effect_months(effect, dim, decision.date, profile)
        lasting += f" ({months} months)"
    except ValueError:
        lasting += " (needs a birth date)"
    parts.append(lasting)
    if effect.half_life_years is not None:
        parts.append(f"half-life {_years(effect.half_life_years)}")
    if effect.confidence != 1:
        parts.append(f"confidence {_percent(effect.confidence)}")
    return ", ".join(parts) + f" → {format_value(dim, value, profile.currency, signed=True)}"


def describe_review(review: Review, decision: Decision, currency: str) -> list[str]:
    """A review beside its expectation: the header line, then one line per dimension."""
    head = f"{review.date.isoformat()} review"
    if review.would_repeat is not None:
        head += f" · would decide the same again: {review.would_repeat}"
    lines = [head]
    for dim, seen in review.actual.items():
        effect = decision.effects.get(dim)
        expected = effect.per_year if effect else Decimal(0)
        observed = (
            "not observed"
            if seen.per_year is None
            else f"observed {format_value(dim, seen.per_year, currency, signed=True)} a year"
        )
        happened = "it happened" if seen.materialised else "it did not happen"
        lines.append(
            f"  {dim}: expected {format_value(dim, expected, currency, signed=True)} a year, "
            f"{observed} ({happened})"
        )
    for label, text in (("lessons", review.notes), ("hindsight", review.hindsight)):
        if text:
            lines.append(f"  {label}: {text}")
    if review.next_review_on:
        lines.append(f"  next review: {review.next_review_on.isoformat()}")
    return [visible(line) for line in lines]


@dataclass(frozen=True, slots=True)
class Details:
    """Everything the detail view of a decision shows."""

    values: Values
    """Per-dimension contribution to the score (money includes −amount)."""
    effects: Values
    verdict: Verdict
    effect_lines: dict[Dimension, str]
    investment: InvestmentFigures | None
    opportunity: OpportunityCost | None


def details(decision: Decision, profile: Profile) -> Details:
    """The figures of one decision under `profile`."""
    effects = effect_values(decision, profile)
    values = decision_values(decision, profile)
    lines = {
        dim: describe_effect(dim, decision.effects[dim], decision, profile, effects[dim])
        for dim in DIMENSIONS
        if dim in decision.effects
    }
    investment = (
        investment_figures(decision.amount, effects[Dimension.MONEY])
        if decision.kind is Kind.INVESTMENT
        else None
    )
    opportunity = (
        opportunity_cost(decision.amount, decision.date, profile) if decision.amount > 0 else None
    )
    return Details(values, effects, verdict_of(values), lines, investment, opportunity)


def detail_lines(decision: Decision, profile: Profile) -> list[str]:
    """The detail view as plain lines (what `ltv-journal show` prints)."""
    info = details(decision, profile)
    cur = profile.currency
    lines = [
        f"{decision.title}",
        f"{decision.date.isoformat()} · {decision.kind} · {format_amount(decision.amount, cur)}"
        + (f" · {decision.category}" if decision.category else "")
        + (f" · #{' #'.join(decision.tags)}" if decision.tags else ""),
        f"id {decision.id}" if decision.id else "not saved yet",
        f"verdict: {info.verdict} — "
        + ", ".join(
            f"{dim} {format_value(dim, info.values[dim], cur, signed=True)}" for dim in DIMENSIONS
        ),
    ]
    if info.effect_lines:
        lines.append("effects:")
        lines.extend(f"  {dim}: {text}" for dim, text in info.effect_lines.items())
    else:
        lines.append("effects: none expected")
    if info.investment is not None:
        roi = "—" if info.investment.roi is None else _percent(info.investment.roi)
        lines.append(
            f"investment: net gain {format_amount(info.investment.net_gain, cur, signed=True)}"
            f", ROI {roi}"
        )
    if info.opportunity is not None:
        lines.append("opportunity cost: " + opportunity_text(info.opportunity, cur))
    for label, text in (
        ("expectation", decision.expectation),
        ("feeling", decision.feeling),
        ("notes", decision.notes),
    ):
        if text:
            lines.append(f"{label}: {text}")
    if decision.review_on:
        lines.append(f"review on: {decision.review_on.isoformat()}")
    for review in decision.reviews:
        lines.extend(describe_review(review, decision, cur))
    return [visible(line) for line in lines]


def opportunity_text(cost: OpportunityCost, currency: str) -> str:
    """`12,345.67 EUR at retirement, 41.3 hours of working life`."""
    parts = []
    if cost.at_retirement is not None:
        parts.append(f"{format_amount(cost.at_retirement, currency)} at retirement")
    if cost.working_hours is not None:
        parts.append(f"{cost.working_hours} hours of working life")
    return ", ".join(parts) or "needs a birth date or an income"
