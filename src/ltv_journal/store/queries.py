"""Filters and the light read model of the decision list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, extract, or_, select
from sqlalchemy.sql import Select

from ltv_journal.core.decision import Kind
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import from_cents
from ltv_journal.core.verdict import Verdict, verdict_of

from .tables import DECISIONS, TAGS

D = DECISIONS.c
T = TAGS.c


@dataclass(frozen=True, slots=True)
class DecisionFilter:
    """What the list shows. Empty fields do not filter."""

    text: str = ""
    tag: str = ""
    category: str = ""
    kind: Kind | None = None
    year: int | None = None
    start: date | None = None
    end: date | None = None

    @property
    def active(self) -> bool:
        return self != DecisionFilter()

    def describe(self) -> str:
        """The filter in a few words, e.g. `tag:travel 2025 "bike"`."""
        parts = []
        if self.text:
            parts.append(f'"{self.text}"')
        if self.tag:
            parts.append(f"tag:{self.tag}")
        if self.category:
            parts.append(f"category:{self.category}")
        if self.kind:
            parts.append(str(self.kind))
        if self.year:
            parts.append(str(self.year))
        if self.start or self.end:
            parts.append(f"{self.start or '…'}..{self.end or '…'}")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class DecisionSummary:
    """One line of the decision list: what a row shows, without effects or reviews."""

    id: str
    date: dt.date
    title: str
    kind: Kind
    amount: Decimal
    category: str
    values: dict[Dimension, Decimal] = field(default_factory=dict)
    review_on: dt.date | None = None
    reviews: int = 0

    @property
    def verdict(self) -> Verdict:
        return verdict_of(self.values)

    def review_state(self, today: dt.date) -> str:
        """`due`, `reviewed`, `pending` (not yet due) — what the list's review column says."""
        if self.review_on is not None and self.review_on <= today:
            return "due"
        if self.reviews:
            return "reviewed"
        return "pending"

    def review_state_shown(self, today: dt.date) -> str:
        """`review_state` as a word for a person (`due`, German `fällig`); JSON keeps
        `review_state` itself."""
        return _(_REVIEW_STATES[self.review_state(today)])


_REVIEW_STATES = {"due": N_("due"), "reviewed": N_("reviewed"), "pending": N_("pending")}


SUMMARY_COLUMNS = (
    D.id,
    D.decided_on,
    D.title,
    D.kind,
    D.amount,
    D.category,
    D.review_on,
    D.reviews,
    D.v_money,
    D.v_happiness,
    D.v_love,
    D.v_meaning,
)


_KINDS = {str(k): k for k in Kind}


def summary_from_row(row: Any) -> DecisionSummary:
    """A list row from a `SUMMARY_COLUMNS` row (by position: lists of a million rows
    come through here)."""
    decision_id, day, title, kind, amount, category, review_on, reviews, *cents = row
    return DecisionSummary(
        id=decision_id,
        date=day,
        title=title,
        kind=_KINDS[kind],
        amount=from_cents(amount),
        category=category,
        values={dim: from_cents(c) for dim, c in zip(DIMENSIONS, cents, strict=True)},
        review_on=review_on,
        reviews=reviews,
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def conditions(flt: DecisionFilter, *, live: bool = True) -> list[ColumnElement[bool]]:
    """SQL conditions for a filter over the decision table."""
    found: list[ColumnElement[bool]] = []
    if live:
        found.append(D.deleted_at.is_(None))
    if flt.text:
        pattern = f"%{_escape_like(flt.text.strip())}%"
        found.append(
            or_(
                D.title.ilike(pattern, escape="\\"),
                D.notes.ilike(pattern, escape="\\"),
                D.category.ilike(pattern, escape="\\"),
            )
        )
    if flt.tag:
        found.append(exists().where(and_(T.decision_id == D.id, T.tag == flt.tag.strip().lower())))
    if flt.category:
        found.append(D.category == flt.category)
    if flt.kind is not None:
        found.append(D.kind == str(flt.kind))
    if flt.year is not None:
        found.append(D.decided_on >= date(flt.year, 1, 1))
        found.append(D.decided_on <= date(flt.year, 12, 31))
    if flt.start is not None:
        found.append(D.decided_on >= flt.start)
    if flt.end is not None:
        found.append(D.decided_on <= flt.end)
    return found


def summaries_query(flt: DecisionFilter) -> Select[Any]:
    """Newest first; ties broken by creation so a fresh entry sits on top of its day."""
    return (
        select(*SUMMARY_COLUMNS)
        .where(*conditions(flt))
        .order_by(D.decided_on.desc(), D.created_at.desc(), D.id.desc())
    )


def month_key(column: Any) -> Any:
    """YYYYMM of a date column, portable across SQLite and PostgreSQL."""
    return extract("year", column) * 100 + extract("month", column)
