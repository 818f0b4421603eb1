"""Exact JSON snapshots of a decision or a profile, for the undo log."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ltv_journal.core.decision import Decision, Kind, Observation, Review, WouldRepeat
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal | date | datetime):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def dump(value: Decision | Profile) -> str:
    return json.dumps(_plain(value), sort_keys=True)


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def load_profile(text: str) -> Profile:
    data = json.loads(text)
    return Profile(
        **{
            **data,
            "birth_date": _day(data["birth_date"]),
            "annual_income": Decimal(data["annual_income"]),
            "discount_rate": Decimal(data["discount_rate"]),
            "return_rate": Decimal(data["return_rate"]),
        }
    )


def _effect(data: dict[str, Any]) -> Effect:
    return Effect(
        per_year=Decimal(data["per_year"]),
        delay_months=data["delay_months"],
        years=_dec(data["years"]),
        until=None if data["until"] is None else Until(data["until"]),
        half_life_years=_dec(data["half_life_years"]),
        confidence=Decimal(data["confidence"]),
    )


def _review(data: dict[str, Any]) -> Review:
    return Review(
        id=data["id"],
        date=date.fromisoformat(data["date"]),
        actual={
            Dimension(k): Observation(per_year=_dec(v["per_year"]), materialised=v["materialised"])
            for k, v in data["actual"].items()
        },
        would_repeat=None if data["would_repeat"] is None else WouldRepeat(data["would_repeat"]),
        notes=data["notes"],
        hindsight=data["hindsight"],
        next_review_on=_day(data["next_review_on"]),
    )


def load_decision(text: str) -> Decision:
    data = json.loads(text)
    deleted = data["deleted_at"]
    return Decision(
        id=data["id"],
        title=data["title"],
        date=date.fromisoformat(data["date"]),
        kind=Kind(data["kind"]),
        amount=Decimal(data["amount"]),
        category=data["category"],
        tags=tuple(data["tags"]),
        notes=data["notes"],
        expectation=data["expectation"],
        feeling=data["feeling"],
        review_on=_day(data["review_on"]),
        effects={Dimension(k): _effect(v) for k, v in data["effects"].items()},
        reviews=tuple(_review(r) for r in data["reviews"]),
        deleted_at=None if deleted is None else datetime.fromisoformat(deleted),
    )
