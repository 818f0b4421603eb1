"""Whole counts on screen the language's way (`1,234` in English, `1.234` in German)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ltv_journal.core import conventions, language
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import format_points


def format_count(count: int) -> str:
    """`count` grouped as the language groups numbers."""
    return format_points(Decimal(count))


def format_percent(value: Decimal | float, places: int = 1) -> str:
    """`12.5%` in English, `12,5 %` in German."""
    number = conventions.current().number(f"{value:.{places}f}")
    return _("{number}%").format(number=number)


DIMENSION_NAMES = {
    "money": N_("money"),
    "happiness": N_("happiness"),
    "love": N_("love"),
    "meaning": N_("meaning"),
}
"""Each dimension's name as the screens show it (the value is the name in English)."""


def dimension_name(dimension: object) -> str:
    """`money`, `happiness`… in the language in force."""
    key = str(dimension)
    return _(DIMENSION_NAMES[key]) if key in DIMENSION_NAMES else key


MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)
"""Month names on chart axes."""


def month_name(day: date) -> str:
    """`Nov` (`Nov` in German too; `Mär`, `Okt`, `Dez`…)."""
    return _(MONTHS[day.month - 1])


def month_label(day: date) -> str:
    """`2026-11` in English, `11.2026` in German."""
    if language.current() == language.ENGLISH:
        return day.strftime("%Y-%m")
    return f"{day.month:02d}.{day.year}"
