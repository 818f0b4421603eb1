"""Every codec of the domain objects carries every field: the undo log's JSON, `--json`,
the database rows and the interchange TOML.

The objects below set every field to something other than its default, and
`test_the_samples_set_every_field` checks that they do: a field added to a `Decision`,
`Effect`, `Review`, `Observation`, `Profile` or `Worth` fails it until the samples set
it, and then fails any codec that forgets it.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.codec import from_plain, to_plain
from ltv_journal.core.decision import Decision, Kind, Observation, Option, Review, WouldRepeat
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile
from ltv_journal.core.worth import Worth

PROFILE = Profile(
    name="Max Muster",
    birth_date=date(1979, 1, 1),
    career_start_age=23,
    retirement_age=66,
    life_expectancy=85,
    annual_income=Decimal("35000.50"),
    currency="CHF",
    discount_rate=Decimal("0.02"),
    return_rate=Decimal("0.04"),
    hours_per_year=1600,
    valued_at=date(2025, 1, 1),
    worth=Worth(happiness=Decimal("1500.00"), love=Decimal("2000.25"), meaning=Decimal(900)),
    language="de",
)
REVIEW = Review(
    id="0b3f2a9e-8d3b-4f57-9a61-0c2f3d4e5a6b",
    date=date(2026, 2, 1),
    actual={
        Dimension.MONEY: Observation(per_year=Decimal("4800.00"), materialised=False),
        Dimension.LOVE: Observation(per_year=None, materialised=False),
    },
    would_repeat=WouldRepeat.UNSURE,
    notes="First customers after 11 months.",
    hindsight="Customers take a year to find you.",
    next_review_on=date(2026, 8, 1),
)
DECISION = Decision(
    id="6f1c2a9e-8d3b-4f57-9a61-0c2f3d4e5a6b",
    title="Build an online business",
    date=date(2025, 1, 1),
    kind=Kind.INVESTMENT,
    amount=Decimal("1234.56"),
    category="business",
    tags=("online", "side-income"),
    notes="Evenings and weekends.",
    expectation="500 a month after a year",
    feeling="excited",
    review_on=date(2026, 9, 1),
    effects={
        Dimension.MONEY: Effect(
            per_year=Decimal(6000),
            delay_months=12,
            years=Decimal(20),
            until=None,
            half_life_years=Decimal(30),
            confidence=Decimal("0.7"),
            low=Decimal("3600.50"),
            high=Decimal("8400.25"),
            clv=CustomerValue(
                customers_per_month=Decimal("0.5"),
                average_order=Decimal("125.00"),
                orders_per_year=Decimal(8),
                margin=Decimal("0.5"),
                stay_years=Decimal(2),
                churn_per_year=None,
                rate=Decimal("0.05"),
            ),
        ),
        Dimension.HAPPINESS: Effect(
            per_year=Decimal("1.5"),
            delay_months=1,
            years=None,
            until=Until.RETIREMENT,
            half_life_years=Decimal(2),
            confidence=Decimal("0.9"),
            low=Decimal("-0.5"),
            high=Decimal("2.25"),
        ),
    },
    reviews=(REVIEW,),
    options=(
        Option(
            title="Keep the money",
            kind=Kind.INVESTMENT,
            amount=Decimal("0.50"),
            effects={
                Dimension.MEANING: Effect(
                    per_year=Decimal("0.5"),
                    delay_months=2,
                    years=Decimal(3),
                    half_life_years=Decimal(1),
                    confidence=Decimal("0.8"),
                    low=Decimal("0.25"),
                    high=Decimal(1),
                ),
                Dimension.LOVE: Effect(per_year=Decimal(-1), until=Until.DEATH),
            },
        ),
        Option(title="A watch", amount=Decimal(900)),
    ),
    deleted_at=datetime(2026, 3, 1, tzinfo=UTC),
    updated_at=datetime(2026, 2, 1, 12, 30, tzinfo=UTC),
)


def _unset_fields(value: Any, where: str = "") -> list[str]:
    """Fields of `value` (and the dataclasses inside it) still at their defaults."""
    found = []
    for f in dataclasses.fields(value):
        inner = getattr(value, f.name)
        default = (
            f.default_factory()
            if f.default_factory is not dataclasses.MISSING
            else f.default
            if f.default is not dataclasses.MISSING
            else dataclasses.MISSING
        )
        if inner == default:
            found.append(f"{where}{f.name}")
        items = inner.values() if isinstance(inner, dict | type(DECISION.effects)) else [inner]
        if isinstance(inner, tuple):
            items = inner
        for item in items:
            if dataclasses.is_dataclass(item):
                found.extend(_unset_fields(item, f"{where}{f.name}."))
    return found


def test_the_samples_set_every_field() -> None:
    # Effect's years and until exclude each other: each is set on one of the two effects.
    unset = set(_unset_fields(DECISION)) | set(_unset_fields(PROFILE))
    # Only money is worked out from customers, by stay or by churn.
    assert unset <= {
        "effects.years",
        "effects.until",
        "reviews.actual.per_year",
        "effects.clv",
        "effects.clv.churn_per_year",
        "options.effects.clv",
        "options.effects.years",
        "options.effects.until",
        "options.effects.delay_months",
        "options.effects.half_life_years",
        "options.effects.confidence",
        "options.effects.low",
        "options.effects.high",
        "options.kind",
        "options.effects",
    }
    assert DECISION.effects[Dimension.MONEY].clv is not None
    assert not DECISION.problems()
    assert [e.years for e in DECISION.effects.values()] == [Decimal(20), None]


def test_the_undo_log_keeps_every_field() -> None:
    from ltv_journal.store import snapshot

    back = snapshot.load_decision(snapshot.dump(DECISION))
    assert back == DECISION
    assert back.updated_at == DECISION.updated_at  # not compared by ==
    assert snapshot.load_profile(snapshot.dump(PROFILE)) == PROFILE


def test_json_output_names_every_field() -> None:
    plain = to_plain(DECISION, scalars=True)
    assert set(plain) == {f.name for f in dataclasses.fields(Decision)}
    assert from_plain(Decision, plain) == DECISION
    assert from_plain(Profile, to_plain(PROFILE, scalars=True)) == PROFILE


def test_the_database_keeps_every_field(tmp_path: Path) -> None:
    from ltv_journal.store.journal import Journal

    with Journal(str(tmp_path / "journal.db")) as journal:
        journal.save_profile(PROFILE)
        stored = journal.add(dataclasses.replace(DECISION, deleted_at=None))
        journal.delete(stored.id)
        back = journal.get(stored.id, include_deleted=True)
        assert journal.profile() == PROFILE
    assert dataclasses.replace(back, deleted_at=DECISION.deleted_at) == DECISION
    assert back.deleted_at is not None


def test_the_interchange_file_keeps_every_field_but_the_deletion() -> None:
    from ltv_journal.exchange.reader import read_interchange_text
    from ltv_journal.exchange.render import render_decisions, render_profile

    live = dataclasses.replace(DECISION, deleted_at=None)
    text = render_profile(PROFILE) + "\n" + render_decisions([live])
    parsed = read_interchange_text(text)
    assert parsed.profile == PROFILE
    [decision] = parsed.decisions
    assert decision.updated_at == DECISION.updated_at  # not compared by ==
    # Review ids are the journal's own; a file carries everything else.
    assert decision == dataclasses.replace(live, reviews=(dataclasses.replace(REVIEW, id=""),))
