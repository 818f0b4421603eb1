"""The one clock of the application.

Everything that needs "today" asks `today()`. Tests and snapshot runs fix it with
`fixed_today()` or the environment variable `LTV_JOURNAL_TODAY=YYYY-MM-DD`, so that
figures which depend on the date stay stable.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

ENV_TODAY = "LTV_JOURNAL_TODAY"
_fixed: date | None = None


def today() -> date:
    """The current day: the fixed day if one is set, else the local calendar day."""
    if _fixed is not None:
        return _fixed
    override = os.environ.get(ENV_TODAY)
    if override:
        return date.fromisoformat(override)
    return date.today()


def now() -> datetime:
    """The current moment in UTC, for timestamps such as `deleted_at`."""
    return datetime.now(UTC).replace(microsecond=0)


def precise_now() -> datetime:
    """The current moment in UTC to the microsecond, for a decision's `updated_at`:
    an edit a moment after an export must be later than the exported copy."""
    return datetime.now(UTC)


@contextmanager
def fixed_today(day: date) -> Iterator[date]:
    """Make `today()` return `day` inside the block."""
    global _fixed
    previous, _fixed = _fixed, day
    try:
        yield day
    finally:
        _fixed = previous
