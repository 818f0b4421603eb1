"""Hypothesis strategies for whole decisions, shared by the round-trip tests."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.decision import Decision, Kind, Observation, Option, Review, WouldRepeat
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect

# Any text a person might type, including quotes, backslashes, tabs and control
# characters; one-line fields exclude the line break and the control characters they
# refuse (C0, DEL, C1, bidi overrides and isolates).
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
LINE_CHAR = st.characters(
    blacklist_categories=("Cs", "Cc"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
line = st.text(LINE_CHAR, max_size=30)
title = line.filter(lambda t: t.strip() != "")
notes = st.text(ANY_CHAR, max_size=60)


def hundredths(limit: int) -> st.SearchStrategy[Decimal]:
    return st.integers(-limit, limit).map(lambda n: Decimal(n) / 100)


@st.composite
def effects(draw: st.DrawFn, dimension: Dimension) -> Effect:
    horizon = draw(st.sampled_from(["years", "until", "default"]))
    limit = 10_000_000 if dimension.is_money else 1_000
    per_year = draw(hundredths(limit))
    clv = draw(st.none() | customer_values()) if dimension.is_money else None
    if clv is not None:
        per_year = clv.money_per_year()
    bound = max(Decimal(limit) / 100, abs(per_year))
    low = high = None
    if draw(st.booleans()):  # a range around per_year, on the same scale
        low = per_year - draw(hundredths(limit).map(abs))
        high = per_year + draw(hundredths(limit).map(abs))
        low, high = max(low, -bound), min(high, bound)
    return Effect(
        per_year=per_year,
        delay_months=draw(st.integers(0, 24)),
        years=Decimal(draw(st.integers(1, 80))) / 4 if horizon == "years" else None,
        until=draw(st.sampled_from(list(Until))) if horizon == "until" else None,
        half_life_years=draw(st.none() | st.integers(1, 400).map(lambda n: Decimal(n) / 8)),
        confidence=Decimal(draw(st.integers(1, 100))) / 100,
        low=low,
        high=high,
        clv=clv,
    )


@st.composite
def customer_values(draw: st.DrawFn) -> CustomerValue:
    """Calculator inputs, by stay or by churn, with or without a rate."""
    by_stay = draw(st.booleans())
    return CustomerValue(
        customers_per_month=Decimal(draw(st.integers(0, 400))) / 4,
        average_order=Decimal(draw(st.integers(0, 100_000))) / 100,
        orders_per_year=Decimal(draw(st.integers(0, 48))) / 4,
        margin=Decimal(draw(st.integers(0, 100))) / 100,
        stay_years=Decimal(draw(st.integers(1, 40))) / 4 if by_stay else None,
        churn_per_year=None if by_stay else Decimal(draw(st.integers(1, 100))) / 100,
        rate=draw(st.none() | st.integers(0, 20).map(lambda n: Decimal(n) / 100)),
    )


@st.composite
def reviews(draw: st.DrawFn, after: date) -> tuple[Review, ...]:
    found = []
    day = after
    for _ in range(draw(st.integers(0, 2))):
        day += timedelta(days=draw(st.integers(1, 400)))
        dims = draw(st.sets(st.sampled_from(list(Dimension))))
        found.append(
            Review(
                date=day,
                actual={
                    dim: Observation(
                        per_year=draw(st.none() | hundredths(100_000 if dim.is_money else 1_000)),
                        materialised=draw(st.booleans()),
                    )
                    for dim in dims
                },
                would_repeat=draw(st.none() | st.sampled_from(list(WouldRepeat))),
                notes=draw(notes),
                hindsight=draw(notes),
                next_review_on=draw(st.none() | st.just(day + timedelta(days=90))),
            )
        )
    return tuple(found)


@st.composite
def options(draw: st.DrawFn) -> tuple[Option, ...]:
    """0 to 4 options not taken (a decision is chosen from at most 5)."""
    found = []
    for _ in range(draw(st.integers(0, 4))):
        dims = draw(st.sets(st.sampled_from(list(Dimension))))
        found.append(
            Option(
                title=draw(title),
                kind=draw(st.sampled_from(list(Kind))),
                amount=Decimal(draw(st.integers(0, 10_000_000))) / 100,
                effects={dim: draw(effects(dim)) for dim in dims},
            )
        )
    return tuple(found)


@st.composite
def decisions(draw: st.DrawFn, year: int | None = None) -> Decision:
    start = date(year or 2000, 1, 1)
    span = 364 if year else 365 * 30
    day = start + timedelta(days=draw(st.integers(0, span)))
    dims = draw(st.sets(st.sampled_from(list(Dimension))))
    return Decision(
        id=str(draw(st.uuids(version=4))),
        title=draw(title),
        date=day,
        kind=draw(st.sampled_from(list(Kind))),
        amount=Decimal(draw(st.integers(0, 10_000_000))) / 100,
        category=draw(line),
        tags=tuple(draw(st.lists(line, max_size=3))),
        notes=draw(notes),
        expectation=draw(notes),
        feeling=draw(notes),
        review_on=draw(st.none() | st.just(day + timedelta(days=30))),
        effects={dim: draw(effects(dim)) for dim in dims},
        reviews=draw(reviews(day)),
        options=draw(options()),
    )
