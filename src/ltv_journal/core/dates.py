"""Calendar arithmetic in whole months, as the lifetime-effect formula counts."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

_YEAR_ONLY = re.compile(r"^\s*(\d{4})\s*$")


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    if day.day <= 28:  # every month has it; skip the month-length lookup
        return date(year, month0 + 1, day.day)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


@lru_cache(maxsize=65536)
def whole_months_between(start: date, end: date) -> int:
    """How many whole months fit from `start` up to `end` (0 when `end` is not after it)."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def parse_date(text: str, *, year_means_midyear: bool = False) -> date:
    """Read an ISO date (`2025-01-31`). With `year_means_midyear`, a bare year means July 1.

    Raises ValueError with a message a person can act on.
    """
    cleaned = text.strip()
    if year_means_midyear:
        match = _YEAR_ONLY.match(cleaned)
        if match:
            return date(int(match.group(1)), 7, 1)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None
