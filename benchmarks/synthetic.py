"""Synthetic journals of any size, the same for the same seed.

The mix imitates a real journal: mostly expenses, amounts from a coffee to a car, zero to
four effects per decision with varied delays, horizons, decay, confidence and (one in
eight) a range, a category
from a short list and a few tags from a longer one.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from ltv_journal.core.decision import Decision, Kind
from ltv_journal.core.dimensions import DIMENSIONS, Dimension, Until
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile

CATEGORIES = (
    "housing", "transport", "food", "health", "education", "travel", "family", "friends",
    "hobbies", "tech", "clothing", "savings", "career", "gifts", "home",
)  # fmt: skip
TAGS = (
    "impulse", "planned", "recurring", "one-off", "shared", "solo", "weekend", "work",
    "kids", "partner", "parents", "fitness", "learning", "music", "books", "garden",
    "car", "bike", "phone", "laptop", "holiday", "city", "nature", "cooking", "coffee",
    "subscription", "repair", "upgrade", "charity", "experiment",
)  # fmt: skip
VERBS = ("Buy", "Book", "Try", "Start", "Replace", "Join", "Learn", "Plan", "Fix", "Visit")
THINGS = (
    "a bike", "new shoes", "a course", "a weekend away", "a gym plan", "a phone",
    "a dinner out", "a used car", "a guitar", "a desk chair", "a language app", "a tent",
    "a concert", "a sofa", "an index fund", "a bond", "a standing desk", "a camera",
)  # fmt: skip
_HALF_LIVES = (None, None, Decimal("0.5"), Decimal(1), Decimal(2), Decimal(5), Decimal(10))
_CONFIDENCES = (Decimal(1), Decimal("0.9"), Decimal("0.8"), Decimal("0.7"), Decimal("0.5"))
RANGED = 0.125
"""The share of effects given a range (low and high)."""


def synthetic_profile() -> Profile:
    """A working adult whose horizons reach past every synthetic decision."""
    return Profile(
        name="Synthetic Person",
        birth_date=date(1975, 6, 15),
        annual_income=Decimal(52000),
        valued_at=date(2025, 1, 1),
    )


def synthetic_decisions(
    n: int, *, seed: int = 0, start: date = date(2000, 1, 1), years: int = 25
) -> list[Decision]:
    """`n` valid decisions spread over `years` years from `start`, in date order."""
    rng = random.Random(seed)
    span = (date(start.year + years, start.month, start.day) - start).days
    days = sorted(rng.randrange(span) for _ in range(n))
    return [_decision(rng, start + timedelta(days=d)) for d in days]


def _decision(rng: random.Random, day: date) -> Decision:
    kind = Kind.EXPENSE if rng.random() < 0.6 else Kind.INVESTMENT
    dims = rng.sample(DIMENSIONS, rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4)))
    return Decision(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        title=f"{rng.choice(VERBS)} {rng.choice(THINGS)}",
        date=day,
        kind=kind,
        amount=_amount(rng),
        category=rng.choice(CATEGORIES),
        tags=tuple(rng.sample(TAGS, rng.randint(0, 3))),
        notes="" if rng.random() < 0.7 else "Thought about it for a week.",
        effects={dim: _effect(rng, dim) for dim in dims},
    )


def _amount(rng: random.Random) -> Decimal:
    """5 to 50,000, log-uniform, so small purchases are common and big ones rare."""
    cents = round(10 ** rng.uniform(2.7, 6.7))
    return Decimal(min(max(cents, 500), 5_000_000)) / 100


def _effect(rng: random.Random, dim: Dimension) -> Effect:
    per_year = (
        Decimal(rng.randint(-2000, 6000)) if dim.is_money else Decimal(rng.randint(-20, 40)) / 4
    ) or Decimal(1)
    horizon = rng.random()
    years = Decimal(rng.choice((1, 2, 3, 5, 10, 20))) if horizon < 0.5 else None
    until = None if years is not None else (Until.RETIREMENT if horizon < 0.7 else Until.DEATH)
    low = high = None
    if rng.random() < RANGED:  # the 10th and 90th percentile around the expectation
        width = abs(per_year) / 2 if dim.is_money else Decimal(rng.randint(1, 8)) / 4
        low, high = per_year - width, per_year + width
        if not dim.is_money:
            low, high = max(low, Decimal(-10)), min(high, Decimal(10))
    return Effect(
        per_year=per_year,
        delay_months=rng.choice((0, 0, 0, 1, 3, 6, 12, 24)),
        years=years,
        until=until,
        half_life_years=rng.choice(_HALF_LIVES),
        confidence=rng.choice(_CONFIDENCES),
        low=low,
        high=high,
    )


def build_journal(path: Path | str, n: int, *, seed: int = 0) -> None:
    """Create a journal file at `path` holding `n` synthetic decisions and the profile."""
    from ltv_journal.store.journal import Journal

    with Journal(str(path)) as journal:
        journal.import_decisions(synthetic_decisions(n, seed=seed), synthetic_profile())
