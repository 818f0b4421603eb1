"""The shapes `--json` prints: plain dicts of exact Decimals, dates and strings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from ltv_journal.core.calibration import DimensionCalibration
from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.codec import to_plain
from ltv_journal.core.decision import Decision, Review
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.explain import details
from ltv_journal.core.money import round_cents
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import Score
from ltv_journal.core.uncertainty import Band, Spread, decision_band
from ltv_journal.core.verdict import judge
from ltv_journal.core.worth import Worth

Json = dict[str, Any]


def dimension_values(values: Mapping[Dimension, Decimal]) -> Json:
    return {str(dim): round_cents(values[dim]) for dim in DIMENSIONS}


def worth_json(worth: Worth) -> Json | None:
    """`{dim: n}` for the dimensions that have a worth; None when none has."""
    return {str(dim): value for dim, value in worth.items()} if worth else None


def score_json(score: Score) -> Json:
    """`{"currency", "as_of", "decisions", "baseline", "ltv", "worth", "combined"}`;
    worth and combined are null without a worth."""
    return {
        "currency": score.currency,
        "as_of": score.as_of,
        "decisions": score.decisions,
        "baseline": dimension_values(score.baseline),
        "ltv": dimension_values(score.ltv),
        "worth": worth_json(score.worth),
        "combined": score.combined,
    }


def profile_json(profile: Profile) -> Json:
    """Every profile field (the worth as `{dim: n}` of the dimensions that have one)."""
    return {**to_plain(profile, scalars=True), "worth": worth_json(profile.worth) or {}}


def effect_json(effect: Effect, value: Decimal) -> Json:
    data: Json = {**to_plain(effect, scalars=True), "lifetime_value": round_cents(value)}
    if effect.clv is not None:
        data["customer_value"] = customer_value_json(effect.clv)
    return data


def customer_value_json(clv: CustomerValue) -> Json:
    """What the customer-value calculator works out from an effect's `clv` inputs."""
    return {
        "yearly_margin": round_cents(clv.yearly_margin),
        "per_customer": round_cents(clv.per_customer()),
        "customer_years": clv.customer_years.quantize(Decimal("0.0001")),
        "steady_customers": clv.steady_customers.quantize(Decimal("0.01")),
        "money_per_year": clv.money_per_year(),
        "ramp_months": clv.ramp_months,
    }


def review_json(review: Review) -> Json:
    data: Json = to_plain(review, scalars=True)
    return data


def option_json(option: Decision, profile: Profile) -> Json:
    """An option weighed as a decision (compare's columns, an option not taken): its
    title, kind, amount, values, combined value, verdict, cost per point-year, hours of
    working life and band."""
    info = details(option, profile)
    opportunity = info.opportunity
    return {
        "title": option.title,
        "kind": option.kind,
        "amount": round_cents(option.amount),
        "values": dimension_values(info.values),
        "combined": info.combined,
        "verdict": info.verdict,
        "trade_off": info.judgement.trade_off,
        "cost_per_point_year": {str(d): c for d, c in info.cost_per_point_year.items()},
        "working_hours": None if opportunity is None else opportunity.working_hours,
        "range": range_json(decision_band(option, profile)),
    }


def _not_taken_json(decision: Decision, profile: Profile) -> list[Json]:
    """The options not taken, each with its effects and its figures as if decided on
    the decision's date."""
    found = []
    for option in decision.options:
        drafted = option.as_decision(decision.date)
        lifetime = details(drafted, profile).effects
        effects = {
            str(dim): effect_json(effect, lifetime[dim]) for dim, effect in option.effects.items()
        }
        found.append({**option_json(drafted, profile), "effects": effects})
    return found


def decision_json(decision: Decision, profile: Profile) -> Json:
    """A decision: every stored field, then its values, verdict, combined value and
    figures; `options` are the options not taken with their own figures. `review_on`
    is the review date as stored."""
    info = details(decision, profile)
    investment = info.investment
    opportunity = info.opportunity
    fields = to_plain(decision, scalars=True)
    del fields["deleted_at"]
    return {
        "id": decision.id,
        **fields,
        "amount": round_cents(decision.amount),
        "currency": profile.currency,
        "review_on": decision.resolved_review_on(),
        "effects": {
            str(dim): effect_json(effect, info.effects[dim])
            for dim, effect in decision.effects.items()
        },
        "options": _not_taken_json(decision, profile),
        "values": dimension_values(info.values),
        "verdict": info.verdict,
        "trade_off": info.judgement.trade_off,
        "combined": info.combined,
        "cost_per_point_year": {str(d): c for d, c in info.cost_per_point_year.items()},
        "range": range_json(decision_band(decision, profile)),
        "figures": {
            "investment": None
            if investment is None
            else {
                "stream": round_cents(investment.stream),
                "net_gain": round_cents(investment.net_gain),
                "roi": investment.roi,
            },
            "opportunity_cost": None
            if opportunity is None
            else {
                "at_retirement": opportunity.at_retirement,
                "working_hours": opportunity.working_hours,
            },
        },
    }


def spread_json(spread: Spread | None) -> Json:
    return {
        "p10": None if spread is None else spread.p10,
        "p50": None if spread is None else spread.p50,
        "p90": None if spread is None else spread.p90,
    }


def range_json(band: Band) -> Json:
    """`{"p10", "p50", "p90", "p_raises", "draws", "dimensions"}`: P10/P50/P90 of the
    combined value (null without a worth), the share of draws that raise the lifetime
    value, how many draws, and each dimension's P10/P50/P90 (money less the amount)."""
    return {
        **spread_json(band.combined),
        "p_raises": band.p_raises,
        "draws": band.draws,
        "dimensions": {str(dim): spread_json(band.dimensions[dim]) for dim in DIMENSIONS},
    }


def summary_json(summary: Any, today: date, worth: Worth) -> Json:
    """One list row (a `DecisionSummary`), with its combined value under `worth`."""
    judgement = judge(summary.values, worth)
    return {
        "id": summary.id,
        "date": summary.date,
        "title": summary.title,
        "kind": summary.kind,
        "amount": round_cents(summary.amount),
        "category": summary.category,
        "values": dimension_values(summary.values),
        "verdict": judgement.verdict,
        "trade_off": judgement.trade_off,
        "combined": judgement.combined,
        "review_on": summary.review_on,
        "review_state": summary.review_state(today),
    }


def calibration_json(results: Mapping[Dimension, DimensionCalibration]) -> Json:
    return {
        str(dim): {
            "reviews": result.reviews,
            "mean_error": result.mean_error,
            "mean_abs_error": result.mean_abs_error,
            "brier": result.brier,
        }
        for dim, result in results.items()
    }
