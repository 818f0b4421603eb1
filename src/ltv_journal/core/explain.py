"""Why a number is what it is: a decision's figures in words, for screens and commands.

The TUI's detail pane and `ltv-journal show` both print these lines, so the wording
lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import conventions
from .calibration import DimensionCalibration
from .clv import CustomerValue
from .conventions import format_date
from .decision import NOTE_FIELDS, Decision, Kind, Review
from .dimensions import DIMENSIONS, Dimension, Until
from .effects import Effect, effect_months
from .figures import InvestmentFigures, OpportunityCost, investment_figures, opportunity_cost
from .language import N_, _, ngettext
from .money import (
    format_about,
    format_amount,
    format_compact,
    format_plain,
    format_points,
    round_cents,
)
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
    if dim.is_money:
        return conventions.current().money(text, currency)
    return f"{text} {dim.unit}"


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
    brier = "—" if result.brier is None else conventions.current().number(f"{result.brier:.4f}")
    return str(result.reviews), error, spread, brier


def _percent(value: Decimal) -> str:
    number = conventions.current().number(f"{(value * 100).normalize():f}")
    return _("{percent}%").format(percent=number)


def _years(value: Decimal) -> str:
    text = conventions.current().number(f"{value.normalize():f}")
    return ngettext("{years} year", "{years} years", 1 if value == 1 else 2).format(years=text)


def _until(horizon: Until) -> str:
    return _("until retirement") if horizon is Until.RETIREMENT else _("until death")


def describe_effect(
    dim: Dimension, effect: Effect, decision: Decision, profile: Profile, value: Decimal
) -> str:
    """One effect with its parameters and lifetime value, e.g.
    `+6,000.00 EUR a year, after 12 months, until retirement (240 months) → +120,000.00 EUR`."""
    cur = profile.currency
    parts = [_("{value} a year").format(value=format_value(dim, effect.per_year, cur, signed=True))]
    if effect.low is not None and effect.high is not None:
        low = format_value(dim, effect.low, cur, signed=True)
        high = format_value(dim, effect.high, cur, signed=True)
        parts[0] += f" (P10 {low}, P90 {high})"
    if effect.clv is not None:
        parts[0] += " " + _("at steady state, ramping up")
    if effect.delay_months:
        parts.append(
            ngettext("after {months} month", "after {months} months", effect.delay_months).format(
                months=effect.delay_months
            )
        )
    horizon = effect.horizon_for(dim)
    lasting = (
        _until(horizon)
        if horizon
        else _("for {years}").format(years=_years(effect.years or Decimal(0)))
    )
    try:
        months = effect_months(effect, dim, decision.date, profile)
        lasting += " " + _("({months} months)").format(months=months)
    except ValueError:
        lasting += " " + _("(needs a birth date)")
    parts.append(lasting)
    if effect.half_life_years is not None:
        parts.append(_("half-life {years}").format(years=_years(effect.half_life_years)))
    if effect.confidence != 1:
        parts.append(_("confidence {percent}").format(percent=_percent(effect.confidence)))
    total = (
        format_value(dim, value, cur, signed=True)
        if dim.is_money
        else _("{value} point-years").format(value=format_points(value, signed=True))
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
        hedges.append(_("halving every {years}").format(years=_years(effect.half_life_years)))
    if effect.confidence != 1:
        hedges.append(_("{percent} sure").format(percent=_percent(effect.confidence)))
    hedged = f" ({', '.join(hedges)})" if hedges else ""
    per_year = format_points(effect.per_year, signed=True)
    return _("{per_year} a year for {span}{hedged} = {total} point-years").format(
        per_year=per_year, span=span, hedged=hedged, total=format_points(value, signed=True)
    )


_REVIEW_LABELS = {"lessons": N_("lessons"), "hindsight": N_("hindsight")}


def describe_review(review: Review, decision: Decision, currency: str) -> list[str]:
    """A review beside its expectation: the header line, then one line per dimension."""
    head = _("{day} review").format(day=format_date(review.date))
    if review.would_repeat is not None:
        head += " · " + _("would decide the same again: {answer}").format(
            answer=review.would_repeat.shown
        )
    lines = [head]
    for dim, seen in review.actual.items():
        effect = decision.effects.get(dim)
        expected = effect.per_year if effect else Decimal(0)
        observed = (
            _("not observed")
            if seen.per_year is None
            else _("observed {value} a year").format(
                value=format_value(dim, seen.per_year, currency, signed=True)
            )
        )
        happened = _("it happened") if seen.materialised else _("it did not happen")
        lines.append(
            "  "
            + _("{dimension}: expected {value} a year, {observed} ({happened})").format(
                dimension=dim.shown,
                value=format_value(dim, expected, currency, signed=True),
                observed=observed,
                happened=happened,
            )
        )
    for label, text in (("lessons", review.notes), ("hindsight", review.hindsight)):
        if text:
            lines.append("  " + _(_REVIEW_LABELS[label]) + f": {text}")
    if review.next_review_on:
        lines.append("  " + _("next review") + f": {format_date(review.next_review_on)}")
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


UNPRICED = N_("(give every dimension it moves a worth to settle it)")
"""Said after a trade-off the worth cannot settle; marked for the catalog."""


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
        + f" {dim.shown}"
        for dim in DIMENSIONS
        if values.get(dim)
    )
    verdict = judgement.verdict
    if verdict is Verdict.NEUTRAL:
        return _("leaves your lifetime value unchanged")
    if verdict is Verdict.TRADE_OFF:
        unpriced = "" if judgement.combined is None else " " + _(UNPRICED)
        return _("trade-off — {moved}").format(moved=moved) + unpriced
    raises = verdict is Verdict.RAISES
    if judgement.combined is not None:
        about = conventions.current().money(format_about(abs(judgement.combined)), currency)
        head = (
            _("raises your lifetime value by about {amount}")
            if raises
            else _("lowers your lifetime value by about {amount}")
        ).format(amount=about)
    else:
        head = _("raises your lifetime value") if raises else _("lowers your lifetime value")
    if judgement.trade_off:
        return _("{verdict} — a trade-off: {moved}").format(verdict=head, moved=moved)
    return head


def cost_lines(costs: dict[Dimension, Decimal], currency: str) -> list[str]:
    """`love: 978.26 EUR a point-year` per dimension bought with money."""
    return [
        _("{dimension}: {amount} a point-year").format(
            dimension=dim.shown, amount=format_amount(cost, currency)
        )
        for dim, cost in costs.items()
    ]


_NOTE_LABELS = {
    "notes": N_("notes"),
    "expectation": N_("expectation"),
    "feeling": N_("feeling"),
}
"""How `show` names each free-text field (NOTE_FIELDS); a new field shows its name."""


def cost_label() -> str:
    """The label of the cost-per-point-year line, as `detail_lines` writes it."""
    return _("cost per point-year")


def effects_label() -> str:
    """The label of the effects line(s), as `detail_lines` writes it."""
    return _("effects")


def detail_lines(decision: Decision, profile: Profile) -> list[str]:
    """The detail view as plain lines (what `ltv-journal show` prints)."""
    info = details(decision, profile)
    cur = profile.currency
    lines = [
        f"{decision.title}",
        f"{format_date(decision.date)} · {decision.kind.shown} · "
        f"{format_amount(decision.amount, cur)}"
        + (f" · {decision.category}" if decision.category else "")
        + (f" · #{' #'.join(decision.tags)}" if decision.tags else ""),
        _("id {id}").format(id=decision.id) if decision.id else _("not saved yet"),
        _("verdict") + ": " + judgement_sentence(info.judgement, info.values, cur),
    ]
    if info.combined is not None:
        lines.append(
            _("combined")
            + f": {format_amount(info.combined, cur, signed=True)}"
            + left_out(info.values, profile.worth)
        )
    if info.cost_per_point_year:
        lines.append(f"{cost_label()}: " + "; ".join(cost_lines(info.cost_per_point_year, cur)))
    if info.effect_lines:
        lines.append(f"{effects_label()}:")
        for dim, text in info.effect_lines.items():
            lines.append(f"  {dim.shown}: {text}")
            customers = decision.effects[dim].clv
            if customers is not None:
                lines.extend(f"    {line}" for line in customer_lines(customers, cur))
    else:
        lines.append(effects_label() + ": " + _("none expected"))
    if info.investment is not None:
        roi = "—" if info.investment.roi is None else _percent(info.investment.roi)
        lines.append(
            _("investment")
            + ": "
            + _("net gain {amount}, ROI {roi}").format(
                amount=format_amount(info.investment.net_gain, cur, signed=True), roi=roi
            )
        )
    if info.opportunity is not None:
        lines.append(_("opportunity cost") + ": " + opportunity_text(info.opportunity, cur))
    for label in NOTE_FIELDS:
        text = getattr(decision, label)
        if text:
            shown = _(_NOTE_LABELS[label]) if label in _NOTE_LABELS else label
            lines.append(f"{shown}: {text}")
    if decision.review_on:
        lines.append(_("review on") + f": {format_date(decision.review_on)}")
    for review in decision.reviews:
        lines.extend(describe_review(review, decision, cur))
    return [visible(line) for line in lines]


def customer_lines(clv: CustomerValue, currency: str) -> list[str]:
    """A customer-value money effect explained: its inputs, one customer's value, the
    customers at steady state and the money a year they bring."""
    number = _plain_number
    churn = clv.churn_per_year or Decimal(1)
    stay = (
        _("staying {years} ({months} months)").format(
            years=_years(Decimal(clv.stay_months) / 12), months=clv.stay_months
        )
        if clv.stay_years is not None
        else _("churn {churn} a year (retention {retention}, about {years} years)").format(
            churn=_percent(churn), retention=_percent(1 - churn), years=number(clv.customer_years)
        )
    )
    rate = (
        ""
        if clv.rate is None
        else " " + _("at {percent} a year").format(percent=_percent(clv.rate))
    )
    ramp = (
        _("reached after {months} months").format(months=clv.ramp_months)
        if clv.ramp_months is not None
        else _("neared year by year")
    )
    return [
        _(
            "from customers: {customers} new a month × {order} an order × "
            "{orders} orders a year × {margin} margin, {stay}"
        ).format(
            customers=number(clv.customers_per_month),
            order=format_amount(clv.average_order, currency),
            orders=number(clv.orders_per_year),
            margin=_percent(clv.margin),
            stay=stay,
        ),
        _("per customer: {value}{rate} ({margin} margin a year)").format(
            value=format_amount(round_cents(clv.per_customer()), currency),
            rate=rate,
            margin=format_amount(round_cents(clv.yearly_margin), currency),
        ),
        _("steady state: {customers} customers, {money} a year, {ramp}").format(
            customers=number(clv.steady_customers),
            money=format_amount(clv.money_per_year(), currency),
            ramp=ramp,
        ),
    ]


def _plain_number(value: Decimal) -> str:
    """A count or factor to at most two decimals, without trailing zeros: `4`, `2.33`."""
    return format_points(value)


def opportunity_text(cost: OpportunityCost, currency: str) -> str:
    """`12,345.67 EUR at retirement, 41.3 hours of working life`."""
    parts = []
    if cost.at_retirement is not None:
        parts.append(
            _("{amount} at retirement").format(amount=format_amount(cost.at_retirement, currency))
        )
    if cost.working_hours is not None:
        parts.append(
            _("{hours} hours of working life").format(hours=format_plain(cost.working_hours))
        )
    return ", ".join(parts) or _("needs a birth date or an income")
