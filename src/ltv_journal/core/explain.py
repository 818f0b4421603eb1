"""Why a number is what it is: a decision's figures in words, for screens and commands.

The TUI's detail pane and `ltv-journal show` both print these lines, so the wording
lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .calibration import DimensionCalibration
from .clv import CustomerValue
from .decision import NOTE_FIELDS, Decision, Kind, Review
from .dimensions import DIMENSIONS, Dimension
from .effects import Effect, effect_months
from .figures import InvestmentFigures, OpportunityCost, investment_figures, opportunity_cost
from .money import format_about, format_amount, format_compact, format_points, round_cents
from .profile import Profile
from .score import Values, decision_values, effect_values
from .text import visible
from .verdict import Judgement, Verdict, judge
from .worth import cost_per_point_year, left_out


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
    if effect.low is not None and effect.high is not None:
        low = format_value(dim, effect.low, profile.currency, signed=True)
        high = format_value(dim, effect.high, profile.currency, signed=True)
        parts[0] += f" (P10 {low}, P90 {high})"
    if effect.clv is not None:
        parts[0] += " at steady state, ramping up"
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
    total = (
        format_value(dim, value, profile.currency, signed=True)
        if dim.is_money
        else f"{format_points(value, signed=True)} point-years"
    )
    return ", ".join(parts) + f" → {total}"


def effect_in_words(
    dim: Dimension, effect: Effect, decision: Decision, profile: Profile, value: Decimal
) -> str:
    """A point effect's total as arithmetic a person can check: `+1 a year for 34 years
    = +34 point-years` (with `, fading` or `, 70% sure` when they change the sum)."""
    months = effect_months(effect, dim, decision.date, profile)
    years = Decimal(months) / 12
    span = _years(years.quantize(Decimal("0.1")).normalize() if months % 12 else years)
    hedges = []
    if effect.half_life_years is not None:
        hedges.append(f"halving every {_years(effect.half_life_years)}")
    if effect.confidence != 1:
        hedges.append(f"{_percent(effect.confidence)} sure")
    hedged = f" ({', '.join(hedges)})" if hedges else ""
    per_year = format_points(effect.per_year, signed=True)
    return f"{per_year} a year for {span}{hedged} = {format_points(value, signed=True)} point-years"


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
    judgement: Judgement
    effect_lines: dict[Dimension, str]
    investment: InvestmentFigures | None
    opportunity: OpportunityCost | None
    cost_per_point_year: dict[Dimension, Decimal]
    """Money given up per point-year gained, per point dimension that gains."""

    @property
    def verdict(self) -> Verdict:
        return self.judgement.verdict

    @property
    def combined(self) -> Decimal | None:
        return self.judgement.combined


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
    return Details(
        values,
        effects,
        judge(values, profile.worth),
        lines,
        investment,
        opportunity,
        cost_per_point_year(values),
    )


UNPRICED = " (give every dimension it moves a worth to settle it)"


def judgement_sentence(judgement: Judgement, values: Values, currency: str) -> str:
    """The verdict in words, its first word the verdict: `raises your lifetime value by
    about 2,300 EUR — a trade-off: -450.00 EUR money, +0.46 love` with a worth, `trade-off
    — -450.00 EUR money, +0.46 love` without one."""
    moved = ", ".join(
        (
            format_amount(values[dim], currency, signed=True)
            if dim.is_money
            else format_points(values[dim], signed=True)
        )
        + f" {dim}"
        for dim in DIMENSIONS
        if values.get(dim)
    )
    verdict = judgement.verdict
    if verdict is Verdict.NEUTRAL:
        return "leaves your lifetime value unchanged"
    if verdict is Verdict.TRADE_OFF:
        unpriced = "" if judgement.combined is None else UNPRICED
        return f"trade-off — {moved}{unpriced}"
    head = f"{verdict} your lifetime value"
    if judgement.combined is not None:
        head += f" by about {format_about(abs(judgement.combined))} {currency}".rstrip()
    return f"{head} — a trade-off: {moved}" if judgement.trade_off else head


def cost_lines(costs: dict[Dimension, Decimal], currency: str) -> list[str]:
    """`love: 978.26 EUR a point-year` per dimension bought with money."""
    return [f"{dim}: {format_amount(cost, currency)} a point-year" for dim, cost in costs.items()]


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
        "verdict: " + judgement_sentence(info.judgement, info.values, cur),
    ]
    if info.combined is not None:
        lines.append(
            f"combined: {format_amount(info.combined, cur, signed=True)}"
            + left_out(info.values, profile.worth)
        )
    if info.cost_per_point_year:
        lines.append("cost per point-year: " + "; ".join(cost_lines(info.cost_per_point_year, cur)))
    if info.effect_lines:
        lines.append("effects:")
        for dim, text in info.effect_lines.items():
            lines.append(f"  {dim}: {text}")
            customers = decision.effects[dim].clv
            if customers is not None:
                lines.extend(f"    {line}" for line in customer_lines(customers, cur))
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
    for label in NOTE_FIELDS:
        text = getattr(decision, label)
        if text:
            lines.append(f"{label}: {text}")
    if decision.review_on:
        lines.append(f"review on: {decision.review_on.isoformat()}")
    for review in decision.reviews:
        lines.extend(describe_review(review, decision, cur))
    return [visible(line) for line in lines]


def customer_lines(clv: CustomerValue, currency: str) -> list[str]:
    """A customer-value money effect explained: its inputs, one customer's value, the
    customers at steady state and the money a year they bring."""
    number = _plain_number
    stay = (
        f"staying {_years(Decimal(clv.stay_months) / 12)} ({clv.stay_months} months)"
        if clv.stay_years is not None
        else f"churn {_percent(clv.churn_per_year or Decimal(1))} a year "
        f"(retention {_percent(1 - (clv.churn_per_year or Decimal(1)))}, "
        f"about {number(clv.customer_years)} years)"
    )
    rate = "" if clv.rate is None else f" at {_percent(clv.rate)} a year"
    ramp = (
        f"reached after {clv.ramp_months} months"
        if clv.ramp_months is not None
        else "neared year by year"
    )
    return [
        f"from customers: {number(clv.customers_per_month)} new a month × "
        f"{format_amount(clv.average_order, currency)} an order × "
        f"{number(clv.orders_per_year)} orders a year × {_percent(clv.margin)} margin, {stay}",
        f"per customer: {format_amount(round_cents(clv.per_customer()), currency)}{rate} "
        f"({format_amount(round_cents(clv.yearly_margin), currency)} margin a year)",
        f"steady state: {number(clv.steady_customers)} customers, "
        f"{format_amount(clv.money_per_year(), currency)} a year, {ramp}",
    ]


def _plain_number(value: Decimal) -> str:
    """A count or factor to at most two decimals, without trailing zeros: `4`, `2.33`."""
    return format_points(value)


def opportunity_text(cost: OpportunityCost, currency: str) -> str:
    """`12,345.67 EUR at retirement, 41.3 hours of working life`."""
    parts = []
    if cost.at_retirement is not None:
        parts.append(f"{format_amount(cost.at_retirement, currency)} at retirement")
    if cost.working_hours is not None:
        parts.append(f"{cost.working_hours} hours of working life")
    return ", ".join(parts) or "needs a birth date or an income"
