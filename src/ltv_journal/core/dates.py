"""Calendar arithmetic in whole months, as the lifetime-effect formula counts."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from .language import _

_YEAR_ONLY = re.compile(r"^\s*(\d{4})\s*$")
_DOTTED = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d+)?$")
_TODAY = frozenset({"today", "heute"})
_YESTERDAY = frozenset({"yesterday", "gestern"})


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
    """Read a date as people type it, in either language.

    Accepted: ISO (`2025-01-31`), day.month.year (`31.01.2025`, `31.1.2025`), day.month.
    for this year (`31.1.`), and `today`/`heute`, `yesterday`/`gestern`. With
    `year_means_midyear`, a bare year means July 1. Refused with the reason: slashes
    (`01/02/2025` is January 2 in one country and February 1 in another) and two-digit
    years. Raises ValueError with a message a person can act on.
    """
    from . import clock

    cleaned = text.strip()
    word = cleaned.lower()
    if word in _TODAY:
        return clock.today()
    if word in _YESTERDAY:
        return clock.today() - timedelta(days=1)
    if year_means_midyear:
        match = _YEAR_ONLY.match(cleaned)
        if match:
            return date(int(match.group(1)), 7, 1)
    dotted = _DOTTED.match(cleaned)
    if dotted:
        day, month, year = dotted.group("d", "m", "y")
        if year and len(year) != 4:
            raise ValueError(
                _("'{text}' has a two-digit year; write all four digits, as in {example}").format(
                    text=text, example=f"{day}.{month}.{_nearest_year(year[-2:])}"
                )
            )
        try:
            return date(int(year) if year else clock.today().year, int(month), int(day))
        except ValueError:
            raise ValueError(_("'{text}' is not a day of the calendar").format(text=text)) from None
    if "/" in cleaned:
        raise ValueError(
            _(
                "'{text}' is ambiguous: day/month and month/day are both in use; "
                "write it as YYYY-MM-DD or DD.MM.YYYY"
            ).format(text=text)
        )
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(
            _("'{text}' is not a date; write it as YYYY-MM-DD or DD.MM.YYYY").format(text=text)
        ) from None


def _nearest_year(two_digits: str) -> int:
    """The year ending in `two_digits` nearest to this one: `85` is 1985, `27` 2027 (an
    example for a person to check, never a reading of what they typed)."""
    from . import clock

    this_year = clock.today().year
    candidates = (century + int(two_digits) for century in (1900, 2000, 2100))
    return min(candidates, key=lambda year: abs(year - this_year))
