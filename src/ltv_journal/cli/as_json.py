"""The shapes `--json` prints: plain dicts of exact Decimals, dates and strings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any

from ltv_journal.core.calibration import DimensionCalibration
from ltv_journal.core.decision import Decision, Review
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.explain import details
from ltv_journal.core.money import round_cents
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import Score

Json = dict[str, Any]


def dimension_values(values: Mapping[Dimension, Decimal]) -> Json:
    return {str(dim): round_cents(values[dim]) for dim in DIMENSIONS}


def score_json(score: Score) -> Json:
    """`{"currency", "as_of", "decisions", "baseline": {dim: n}, "ltv": {dim: n}}`."""
    return {
        "currency": score.currency,
        "as_of": score.as_of,
        "decisions": score.decisions,
        "baseline": dimension_values(score.baseline),
        "ltv": dimension_values(score.ltv),
    }


def profile_json(profile: Profile) -> Json:
    return {f.name: getattr(profile, f.name) for f in fields(profile)}


def effect_json(effect: Effect, value: Decimal) -> Json:
    return {
        "per_year": effect.per_year,
        "delay_months": effect.delay_months,
        "years": effect.years,
        "until": effect.until,
        "half_life_years": effect.half_life_years,
        "confidence": effect.confidence,
        "lifetime_value": round_cents(value),
    }


def review_json(review: Review) -> Json:
    return {
        "id": review.id,
        "date": review.date,
        "actual": {
            str(dim): {"per_year": seen.per_year, "materialised": seen.materialised}
            for dim, seen in review.actual.items()
        },
        "would_repeat": review.would_repeat,
        "notes": review.notes,
        "hindsight": review.hindsight,
        "next_review_on": review.next_review_on,
    }


def decision_json(decision: Decision, profile: Profile) -> Json:
    """A decision with its effects, values, verdict, figures and reviews."""
    info = details(decision, profile)
    investment = info.investment
    opportunity = info.opportunity
    return {
        "id": decision.id,
        "date": decision.date,
        "title": decision.title,
        "kind": decision.kind,
        "amount": round_cents(decision.amount),
        "currency": profile.currency,
        "category": decision.category,
        "tags": list(decision.tags),
        "notes": decision.notes,
        "expectation": decision.expectation,
        "feeling": decision.feeling,
        "review_on": decision.review_on,
        "effects": {
            str(dim): effect_json(effect, info.effects[dim])
            for dim, effect in decision.effects.items()
        },
        "values": dimension_values(info.values),
        "verdict": info.verdict,
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
        "reviews": [review_json(r) for r in decision.reviews],
    }


def summary_json(summary: Any, today: date) -> Json:
    """One list row (a `DecisionSummary`)."""
    return {
        "id": summary.id,
        "date": summary.date,
        "title": summary.title,
        "kind": summary.kind,
        "amount": round_cents(summary.amount),
        "category": summary.category,
        "values": dimension_values(summary.values),
        "verdict": summary.verdict,
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
