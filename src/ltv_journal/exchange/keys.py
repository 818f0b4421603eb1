"""The keys of the interchange format, defined once for the reader and the writers.

Each tuple is also the order in which the writers emit the keys, so that two files
written by ltv-journal diff cleanly.
"""

from __future__ import annotations

from ltv_journal.core.decision import NOTE_FIELDS
from ltv_journal.core.profile import PROFILE_FIELDS

FORMAT_VERSION = 2
"""The interchange format's version, written as `format_version` at the top of a backup
and as `[summary] format_version` in a yearly summary. 2 added `updated_at`; a file of a
newer version is refused."""

PROFILE_KEYS: tuple[str, ...] = PROFILE_FIELDS

DECISION_KEYS: tuple[str, ...] = (
    "id",
    "date",
    "title",
    "kind",
    "amount",
    "category",
    "tags",
    *NOTE_FIELDS,
    "review_on",
    "updated_at",
    "effects",
    "options",
    "reviews",
)

OPTION_KEYS: tuple[str, ...] = ("title", "kind", "amount", "effects")
"""An option's keys: in `[[decisions.options]]` and in a compare file's `[[options]]`."""

EFFECT_KEYS: tuple[str, ...] = (
    "per_year",
    "delay_months",
    "years",
    "until",
    "half_life_years",
    "confidence",
    "low",
    "high",
    "clv",
)

CLV_KEYS: tuple[str, ...] = (
    "customers_per_month",
    "average_order",
    "orders_per_year",
    "margin",
    "stay_years",
    "churn_per_year",
    "rate",
)
"""`[decisions.effects.money.clv]`: the customer figures a money effect is worked out
from (core/clv.py)."""

REVIEW_KEYS: tuple[str, ...] = (
    "date",
    "would_repeat",
    "notes",
    "hindsight",
    "next_review_on",
    "actual",
)

OBSERVATION_KEYS: tuple[str, ...] = ("per_year", "materialised")

SUMMARY_TABLES: tuple[str, ...] = ("summary", "ltv", "totals", "top", "calibration")
"""Top-level tables only the yearly summary has; importing reads past them."""

TOP_LEVEL_KEYS: tuple[str, ...] = ("format_version", "profile", "decisions", *SUMMARY_TABLES)

MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused before they are read."""

MAX_DEPTH = 100
"""Tables and arrays nested deeper than this are refused."""
