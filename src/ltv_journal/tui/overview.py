"""The figures around the list: the score, its change this year, the monthly series,
and what the pickers offer. Read in one worker after every change."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from ltv_journal.core.charts import trend
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.journal_band import lifetime_band
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import Score
from ltv_journal.core.uncertainty import Band
from ltv_journal.core.worth import Worth

if TYPE_CHECKING:
    from ltv_journal.store.journal import Journal


@dataclass(frozen=True, slots=True)
class Overview:
    profile: Profile
    score: Score
    """The LTV today."""
    change: dict[Dimension, Decimal] | None
    """Running score today minus the running score at 31 December of last year
    (None until the full journal is open)."""
    months: dict[Dimension, list[Decimal]]
    """Per dimension: the running score from decisions at the end of each month."""
    categories: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    due: int = 0
    year: int | None = None
    """The past year the figures are for (picked with y); None: today and this year."""
    band: Band | None = None
    """How sure the LTV is (core.journal_band, on the lifetime value): None until it is
    read, just after the rest (`load_band`)."""


def load_overview(journal: Journal, today: date, year: int | None = None) -> Overview:
    """Everything the cards and pickers show, from the journal (call in a thread).

    For a past `year` the cards show the score at its end and its change over it."""
    past = year is not None and year < today.year
    as_of = date(year, 12, 31) if past and year is not None else today
    end = journal.running_score(as_of)
    now = end if past else journal.score(today)
    start = journal.running_score(date(as_of.year - 1, 12, 31))
    series = journal.running_series()
    if past:
        series = [(month, values) for month, values in series if month // 100 <= as_of.year]
    return Overview(
        profile=journal.profile(),
        score=now,
        change={dim: end.ltv[dim] - start.ltv[dim] for dim in DIMENSIONS},
        months=monthly_running(series, as_of),
        categories=tuple(journal.categories()),
        years=tuple(journal.years()),
        due=journal.review_due_count(today),
        year=as_of.year if past else None,
    )


def load_band(journal: Journal, overview: Overview) -> Overview:
    """`overview` with its band (call in a thread, after the overview is on screen: the
    band reads the uncertain effects, the rest only the month buckets)."""
    year = overview.year
    band = journal.band() if year is None else journal.bands([year * 100 + 12])[0]
    return replace(overview, band=lifetime_band(band, overview.score.baseline))


def monthly_running(
    series: list[tuple[int, dict[Dimension, Decimal]]], today: date
) -> dict[Dimension, list[Decimal]]:
    """The running series with one point per calendar month, from the first month with
    a decision to this month (months without decisions repeat the previous value), so
    the sparkline's x axis is time. The trend chart's months, without the baseline."""
    last = max(today.year * 100 + today.month, series[-1][0] if series else 0)
    zero = dict.fromkeys(DIMENSIONS, Decimal(0))
    points = trend(series, zero, Worth(), last)
    return {dim: [p.ltv[dim] for p in points] for dim in DIMENSIONS}
