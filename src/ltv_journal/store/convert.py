"""Rows become domain objects here, at the store's edge, and back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.decision import (
    NOTE_FIELDS,
    Decision,
    Kind,
    Observation,
    Option,
    Review,
    WouldRepeat,
)
from ltv_journal.core.dimensions import DIMENSIONS, Dimension, Until
from ltv_journal.core.effects import Effect
from ltv_journal.core.money import from_cents, to_cents
from ltv_journal.core.profile import Profile
from ltv_journal.core.worth import POINT_DIMENSIONS, Worth


def profile_from_columns(row: Mapping[Any, Any]) -> Profile:
    """A Profile from the profile table's columns (from SQLModel or plain sqlite3)."""
    return Profile(
        name=row["name"],
        birth_date=_day(row["birth_date"]),
        career_start_age=row["career_start_age"],
        retirement_age=row["retirement_age"],
        life_expectancy=row["life_expectancy"],
        annual_income=from_cents(row["annual_income"]),
        currency=row["currency"],
        discount_rate=Decimal(row["discount_rate"]),
        return_rate=Decimal(row["return_rate"]),
        hours_per_year=row["hours_per_year"],
        valued_at=_day(row["valued_at"]),
        worth=Worth(
            **{
                str(dim): None if row[f"worth_{dim}"] is None else from_cents(row[f"worth_{dim}"])
                for dim in POINT_DIMENSIONS
            }
        ),
        language=_language(row),
    )


def _language(row: Mapping[Any, Any]) -> str | None:
    """The language column; a profile row from before schema 7 (read while migrating)
    has none."""
    try:
        return row["language"]  # type: ignore[no-any-return]
    except (KeyError, IndexError):
        return None


def _day(value: date | str | None) -> date | None:
    """A date column: SQLModel gives a date, plain sqlite3 its ISO text."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def profile_columns(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "birth_date": profile.birth_date,
        "career_start_age": profile.career_start_age,
        "retirement_age": profile.retirement_age,
        "life_expectancy": profile.life_expectancy,
        "annual_income": to_cents(profile.annual_income),
        "currency": profile.currency,
        "discount_rate": str(profile.discount_rate),
        "return_rate": str(profile.return_rate),
        "hours_per_year": profile.hours_per_year,
        "valued_at": profile.valued_at,
        **{f"worth_{dim}": _cents(profile.worth.get(dim)) for dim in POINT_DIMENSIONS},
        "language": profile.language,
    }


def _cents(value: Decimal | None) -> int | None:
    return None if value is None else to_cents(value)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def effect_columns(effect: Effect) -> dict[str, Any]:
    return {
        "per_year": to_cents(effect.per_year),
        "delay_months": effect.delay_months,
        "years": _text(effect.years),
        "until": None if effect.until is None else str(effect.until),
        "half_life_years": _text(effect.half_life_years),
        "confidence": str(effect.confidence),
        "low": _cents(effect.low),
        "high": _cents(effect.high),
        **customer_columns(effect.clv),
    }


def customer_columns(clv: CustomerValue | None) -> dict[str, Any]:
    """The effect's `clv_*` columns: all None for an effect typed as money a year."""
    if clv is None:
        return dict.fromkeys(CLV_COLUMNS)
    return {
        "clv_customers": str(clv.customers_per_month),
        "clv_order": to_cents(clv.average_order),
        "clv_orders": str(clv.orders_per_year),
        "clv_margin": str(clv.margin),
        "clv_stay": _text(clv.stay_years),
        "clv_churn": _text(clv.churn_per_year),
        "clv_rate": _text(clv.rate),
    }


CLV_COLUMNS = (
    "clv_customers",
    "clv_order",
    "clv_orders",
    "clv_margin",
    "clv_stay",
    "clv_churn",
    "clv_rate",
)


def customer_from_columns(row: Mapping[Any, Any]) -> CustomerValue | None:
    if row["clv_customers"] is None:
        return None
    return CustomerValue(
        customers_per_month=Decimal(row["clv_customers"]),
        average_order=from_cents(row["clv_order"]),
        orders_per_year=Decimal(row["clv_orders"]),
        margin=Decimal(row["clv_margin"]),
        stay_years=_decimal(row["clv_stay"]),
        churn_per_year=_decimal(row["clv_churn"]),
        rate=_decimal(row["clv_rate"]),
    )


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def effect_from_columns(row: Mapping[Any, Any]) -> Effect:
    return Effect(
        per_year=from_cents(row["per_year"]),
        delay_months=row["delay_months"],
        years=None if row["years"] is None else Decimal(row["years"]),
        until=None if row["until"] is None else Until(row["until"]),
        half_life_years=None if row["half_life_years"] is None else Decimal(row["half_life_years"]),
        confidence=Decimal(row["confidence"]),
        low=None if row["low"] is None else from_cents(row["low"]),
        high=None if row["high"] is None else from_cents(row["high"]),
        clv=customer_from_columns(row),
    )


def observation_from_columns(row: Mapping[Any, Any]) -> Observation:
    per_year = row["per_year"]
    return Observation(
        per_year=None if per_year is None else from_cents(per_year),
        materialised=bool(row["materialised"]),
    )


def review_from_columns(
    row: Mapping[Any, Any], observations: Mapping[Dimension, Observation]
) -> Review:
    return Review(
        id=row["id"],
        date=row["reviewed_on"],
        actual=observations,
        would_repeat=None if row["would_repeat"] is None else WouldRepeat(row["would_repeat"]),
        notes=row["notes"],
        hindsight=row["hindsight"],
        next_review_on=row["next_review_on"],
    )


def option_from_columns(row: Mapping[Any, Any], effects: Mapping[Dimension, Effect]) -> Option:
    return Option(
        title=row["title"],
        kind=Kind(row["kind"]),
        amount=from_cents(row["amount"]),
        effects=effects,
    )


def decision_from_columns(
    row: Mapping[Any, Any],
    effects: Mapping[Dimension, Effect],
    tags: Iterable[str],
    reviews: Iterable[Review],
    options: Iterable[Option] = (),
) -> Decision:
    return Decision(
        id=row["id"],
        date=row["decided_on"],
        title=row["title"],
        kind=Kind(row["kind"]),
        amount=from_cents(row["amount"]),
        category=row["category"],
        tags=tuple(tags),
        **{name: row[name] for name in NOTE_FIELDS},
        review_on=row["review_on"],
        effects=effects,
        reviews=tuple(reviews),
        options=tuple(options),
        deleted_at=row["deleted_at"],
        updated_at=as_utc(row["updated_at"]),
    )


def as_utc(moment: datetime | None) -> datetime | None:
    """A stored timestamp (naive, in UTC) as an aware UTC datetime."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def values_from_columns(row: Mapping[Any, Any]) -> dict[Dimension, Decimal]:
    return {dim: from_cents(row[f"v_{dim}"]) for dim in DIMENSIONS}
