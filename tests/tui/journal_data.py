"""A small journal for the TUI tests: a few decisions over two years, one review due."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ltv_journal.core.decision import Decision, Kind, Observation, Review, WouldRepeat
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect

D = Decimal


def small_decisions() -> list[Decision]:
    """Six decisions with fixed ids, newest last; on 2026-11-25 the bike's and the
    dinners' reviews are due."""
    return [
        Decision(
            title="Build an online business",
            id="00000000-0000-4000-8000-000000000001",
            date=date(2025, 1, 1),
            kind=Kind.INVESTMENT,
            category="business",
            tags=("online-business",),
            expectation="500 EUR a month once it runs, from the second year until I retire.",
            effects={
                Dimension.MONEY: Effect(D(6000), delay_months=12, until=Until.RETIREMENT),
                Dimension.MEANING: Effect(D(2), years=D(10)),
            },
            review_on=date(2026, 12, 1),
        ),
        Decision(
            title="Weekly dinner with my parents",
            id="00000000-0000-4000-8000-000000000002",
            date=date(2025, 3, 9),
            amount=D("40.00"),
            category="family",
            effects={Dimension.LOVE: Effect(D(3), years=D(20), half_life_years=D(10))},
        ),
        Decision(
            title="Language course: Italian",
            id="00000000-0000-4000-8000-000000000003",
            date=date(2025, 9, 15),
            amount=D("480.00"),
            category="learning",
            effects={
                Dimension.HAPPINESS: Effect(D("1.5"), years=D(5)),
                Dimension.MEANING: Effect(D(1), years=D(5), confidence=D("0.7")),
            },
            reviews=(
                Review(
                    date=date(2026, 3, 15),
                    actual={Dimension.HAPPINESS: Observation(D(1), materialised=True)},
                    would_repeat=WouldRepeat.YES,
                    notes="Fun, but less than I hoped.",
                ),
            ),
        ),
        Decision(
            title="New road bike",
            id="00000000-0000-4000-8000-000000000004",
            date=date(2026, 8, 25),
            amount=D("1899.00"),
            category="sport",
            tags=("bike", "health"),
            effects={
                Dimension.HAPPINESS: Effect(D(4), years=D(6), half_life_years=D(3)),
                Dimension.MONEY: Effect(D(-150), years=D(6)),
            },
        ),
        Decision(
            title="Streaming subscription, cancelled",
            id="00000000-0000-4000-8000-000000000005",
            date=date(2026, 10, 2),
            category="household",
            effects={Dimension.MONEY: Effect(D(156), years=D(3))},
        ),
        Decision(
            title="Index fund savings plan",
            id="00000000-0000-4000-8000-000000000006",
            date=date(2026, 11, 3),
            kind=Kind.INVESTMENT,
            amount=D("2400.00"),
            category="savings",
            effects={Dimension.MONEY: Effect(D(220), years=D(30))},
        ),
    ]
