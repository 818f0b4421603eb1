"""The SQLModel tables. Money and points are integer hundredths; rates and other
fractions are exact decimal strings; ids are UUID strings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, String, Table
from sqlmodel import Field, SQLModel

from .quick import BUCKET_TABLE as BUCKET_TABLE
from .quick import PROFILE_TABLE as PROFILE_TABLE


def _decision_fk() -> Column[str]:
    return Column(String(36), ForeignKey("decision.id", ondelete="CASCADE"), primary_key=True)


class ProfileRow(SQLModel, table=True):
    __tablename__ = PROFILE_TABLE

    id: int = Field(default=1, primary_key=True)
    name: str = ""
    birth_date: date | None = None
    career_start_age: int = 22
    retirement_age: int = 67
    life_expectancy: int = 82
    annual_income: int = 0
    currency: str = "EUR"
    discount_rate: str = "0"
    return_rate: str = "0.05"
    hours_per_year: int = 1720
    valued_at: date | None = None
    """The valuation date every flow is valued at; set when the profile is first saved."""
    worth_happiness: int | None = None
    """Money per point-year, in cents; NULL when not set (so for the other two)."""
    worth_love: int | None = None
    worth_meaning: int | None = None
    language: str | None = None
    """"de" or "en"; NULL follows the locale."""


class DecisionRow(SQLModel, table=True):
    __tablename__ = "decision"
    __table_args__ = (
        Index("ix_decision_live_order", "deleted_at", "decided_on", "created_at", "id"),
        Index("ix_decision_review", "deleted_at", "review_on"),
    )

    id: str = Field(primary_key=True, max_length=36)
    decided_on: date
    title: str
    kind: str = "expense"
    amount: int = 0
    category: str = Field(default="", index=True)
    notes: str = ""
    expectation: str = ""
    feeling: str = ""
    review_on: date | None = None
    """The next review date; NULL once reviewed with no follow-up."""
    reviews: int = 0
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    # The decision's lifetime value per dimension, kept on every write so that lists,
    # scores and top-N never recompute effects.
    v_money: int = 0
    v_happiness: int = 0
    v_love: int = 0
    v_meaning: int = 0


class EffectColumns(SQLModel):
    """What an effect holds, the same for a decision's (`effect`) and an option's
    (`option_effect`): a new effect field is one column here."""

    per_year: int
    delay_months: int = 0
    years: str | None = None
    until: str | None = None
    half_life_years: str | None = None
    confidence: str = "1"
    low: int | None = None
    """The 10th percentile of per_year in hundredths (with `high`, or neither)."""
    high: int | None = None
    clv_customers: str | None = None
    """Customer-value inputs (core/clv.py), all NULL for a typed effect: new customers a
    month, the average order in hundredths, orders a year, margin, stay in years or
    yearly churn, and the per-customer rate, as exact decimal strings."""
    clv_order: int | None = None
    clv_orders: str | None = None
    clv_margin: str | None = None
    clv_stay: str | None = None
    clv_churn: str | None = None
    clv_rate: str | None = None


class EffectRow(EffectColumns, table=True):
    __tablename__ = "effect"

    decision_id: str = Field(sa_column=_decision_fk())
    dimension: str = Field(primary_key=True)
    value: int = 0
    """The lifetime effect in hundredths, as last computed."""


class TagRow(SQLModel, table=True):
    __tablename__ = "tag"

    decision_id: str = Field(sa_column=_decision_fk())
    tag: str = Field(primary_key=True, index=True)


class ReviewRow(SQLModel, table=True):
    __tablename__ = "review"

    id: str = Field(primary_key=True, max_length=36)
    decision_id: str = Field(
        sa_column=Column(String(36), ForeignKey("decision.id", ondelete="CASCADE"), index=True)
    )
    reviewed_on: date
    position: int = 0
    """Order among the decision's reviews, oldest first."""
    would_repeat: str | None = None
    notes: str = ""
    hindsight: str = ""
    next_review_on: date | None = None
    created_at: datetime


class ObservationRow(SQLModel, table=True):
    __tablename__ = "observation"

    review_id: str = Field(
        sa_column=Column(String(36), ForeignKey("review.id", ondelete="CASCADE"), primary_key=True)
    )
    dimension: str = Field(primary_key=True)
    per_year: int | None = None
    materialised: bool = True


class OptionRow(SQLModel, table=True):
    """An option a decision was chosen from and did not take."""

    __tablename__ = "decision_option"

    decision_id: str = Field(sa_column=_decision_fk())
    position: int = Field(primary_key=True)
    """Order among the decision's options, from 0."""
    title: str
    kind: str = "expense"
    amount: int = 0


class OptionEffectRow(EffectColumns, table=True):
    """One dimension's expected effect of an option (no stored value: options are
    worked out when shown, never summed into the score)."""

    __tablename__ = "option_effect"

    decision_id: str = Field(sa_column=_decision_fk())
    position: int = Field(primary_key=True)
    dimension: str = Field(primary_key=True)


class BucketRow(SQLModel, table=True):
    """Totals of live decisions per calendar month: the score and the running score are
    sums over these few rows, never over the decisions."""

    __tablename__ = BUCKET_TABLE

    month: int = Field(primary_key=True)
    """YYYYMM."""
    decisions: int = 0
    money: int = 0
    happiness: int = 0
    love: int = 0
    meaning: int = 0
    spent: int = 0
    invested: int = 0


class UndoRow(SQLModel, table=True):
    __tablename__ = "undo_log"

    seq: int | None = Field(default=None, primary_key=True)
    at: datetime
    action: str
    decision_id: str | None = None
    title: str = ""
    before: str | None = None
    """JSON of what the action replaced (a decision or the profile)."""


class UndoItemRow(SQLModel, table=True):
    """A decision a restore added or replaced, for its undo: one row each, where a small
    import keeps them in its undo record (a million ids are no one value to hold)."""

    __tablename__ = "undo_item"

    seq: int = Field(
        sa_column=Column(Integer, ForeignKey("undo_log.seq", ondelete="CASCADE"), primary_key=True)
    )
    position: int = Field(primary_key=True)
    """The decision's place in the file, from 1."""
    added: str | None = None
    """The id of a decision the restore added."""
    before: str | None = None
    """A snapshot of a decision as it was before the restore replaced it."""


class RescoreRow(SQLModel, table=True):
    """Present while a profile change is being rescored in batches (`rescore.py`)."""

    __tablename__ = "rescore"

    id: int = Field(default=1, primary_key=True)
    after: str = ""
    """The last decision id (in id order) already rescored; "" before the first."""
    touched_at: datetime
    """When the marker was set or a batch last committed: one left untouched for a
    while belongs to a program that stopped half-way."""


def _table(model: type[SQLModel]) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


# The Core tables, for set-based statements (bulk inserts, sums, updates).
PROFILES = _table(ProfileRow)
DECISIONS = _table(DecisionRow)
EFFECTS = _table(EffectRow)
TAGS = _table(TagRow)
REVIEWS = _table(ReviewRow)
OBSERVATIONS = _table(ObservationRow)
OPTIONS = _table(OptionRow)
OPTION_EFFECTS = _table(OptionEffectRow)
BUCKETS = _table(BucketRow)
UNDO_LOG = _table(UndoRow)
RESCORE = _table(RescoreRow)
UNDO_ITEMS = _table(UndoItemRow)


def _wide_integers() -> None:
    """Money, points and counts are 64-bit on every database: SQLite's INTEGER is, a
    PostgreSQL `integer` is not (21 million EUR in cents). SQLite's DDL stays as it was."""
    wide = BigInteger().with_variant(Integer(), "sqlite")
    for table in SQLModel.metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, Integer) and not column.primary_key:
                column.type = wide


_wide_integers()
