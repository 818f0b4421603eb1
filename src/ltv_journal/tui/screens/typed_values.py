"""Reading what a person typed into a form field, and writing values back for editing.

Every reader raises `ValueError` with a reason that can be shown beside the field.
Money and dates are read by `core.money` and `core.dates`; this module only adds the
form-specific shapes (blank means "default", percentages, "years or until").
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ltv_journal.core import conventions
from ltv_journal.core.dates import parse_date
from ltv_journal.core.dimensions import Until
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import parse_amount, parse_decimal, parse_fraction
from ltv_journal.core.text import visible

_HUNDRED = Decimal(100)


def read_optional_date(text: str, *, year_means_midyear: bool = False) -> date | None:
    """A date, or None when the field is blank."""
    if not text.strip():
        return None
    return parse_date(text, year_means_midyear=year_means_midyear)


def read_date(text: str, default: date) -> date:
    """A date; a blank field means `default`."""
    return read_optional_date(text) or default


def read_amount(
    text: str, *, allow_negative: bool = False, currency: str | None = None
) -> Decimal | None:
    """An exact amount (`1.234,56`, `-6000`), or None when blank; a currency typed with
    it must be `currency` when that is given."""
    if not text.strip():
        return None
    return parse_amount(text, allow_negative=allow_negative, currency=currency)


NONE = N_("none")
"""The word a field takes for "nothing here" (no decay, no range); English `none` is
understood in every language."""


def means_none(text: str) -> bool:
    """Whether `text` is the word for nothing, `none` or the language's own (`keine`)."""
    return text.strip().lower() in {NONE, _(NONE).lower()}


# The words between the ends of a range, English and German alike (input is read the
# same whatever language the screen speaks).
_RANGE = re.compile(r"\s*(?:\.\.|–|—|\bto\b|\bbis\b)\s*", re.IGNORECASE)


def read_range(text: str, currency: str | None) -> tuple[Decimal, Decimal] | None:
    """A range a year typed as `0.5 to 3`, `0,5 bis 3`, `-1..2` or `300–700` (P10 and
    P90), or None when blank or `none`; money sides may carry the row's currency."""
    cleaned = text.strip()
    if not cleaned or means_none(cleaned):
        return None
    parts = _RANGE.split(cleaned)
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise ValueError(
            _("range '{text}': give P10 and P90 as 'low to high', e.g. 0.5 to 3").format(text=text)
        )
    low, high = (parse_amount(p, allow_negative=True, currency=currency) for p in parts)
    return low, high


def range_text(low: Decimal | None, high: Decimal | None) -> str:
    """`0.5 to 3` (German `0,5 bis 3`), or blank without a range."""
    if low is None or high is None:
        return ""
    return f"{number_text(low)} {_(N_('to'))} {number_text(high)}"


def read_whole(text: str, what: str, default: int = 0) -> int:
    """A whole number such as months or hours; blank means `default`."""
    cleaned = text.strip()
    if not cleaned:
        return default
    try:
        return int(cleaned)
    except ValueError:
        raise ValueError(
            _("'{text}' is not a whole number of {what}").format(text=text, what=_(what))
        ) from None


def read_decimal(text: str, what: str) -> Decimal | None:
    """A plain decimal such as `2` or `1,5`, or None when blank."""
    if not text.strip():
        return None
    return parse_decimal(text, what=what)


def read_fraction(text: str, what: str) -> Decimal | None:
    """A share typed as `70%`, `70` or `0.7` (all mean 0.7), or None when blank.

    A number above 1 without a percent sign is read as a percentage.
    """
    return parse_fraction(text, what=what) if text.strip() else None


def read_lasts(text: str) -> tuple[Decimal | None, Until | None]:
    """How long an effect lasts: a number of years, or `retirement` / `death` in English
    or the language's own words (German `Renteneintritt` / `Lebensende`), any
    unambiguous start such as `ret` or `d`. Blank: (None, None), the default."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None, None
    for until in Until:
        if until.value.startswith(cleaned) or until.shown.lower().startswith(cleaned):
            return None, until
    try:
        return parse_decimal(cleaned, what="years"), None
    except ValueError:
        raise ValueError(
            _("'{text}' is neither a number of years nor {retirement}/{death}").format(
                text=text, retirement=Until.RETIREMENT.shown, death=Until.DEATH.shown
            )
        ) from None


def number_text(value: Decimal | None) -> str:
    """A number as a person would type it: `6000`, `1.5`, `-2` (German `1,5`; blank
    for None). Never grouped, so that it reads back unambiguously."""
    if value is None:
        return ""
    return conventions.current().number(f"{value.normalize():f}")


def percent_text(value: Decimal | None) -> str:
    """A share as a percentage for editing: `70%`, German `70 %` (blank for None)."""
    if value is None:
        return ""
    return _("{number}%").format(number=number_text(value * _HUNDRED))


def lasts_text(years: Decimal | None, until: Until | None) -> str:
    """`3`, or the horizon in the language's word (`retirement`, `Renteneintritt`)."""
    return number_text(years) if years is not None else (until.shown if until else "")


def one_line(text: str) -> str:
    """`text` as it fits a one-line field (control characters written out: `\\x1b`)."""
    return " ".join(visible(text).split())


def kept_text(original: str, typed: str) -> str:
    """The typed text, or the original when the field shows it unchanged (so line breaks
    written elsewhere survive an edit in a one-line field)."""
    return original if one_line(original) == typed.strip() else typed.strip()
