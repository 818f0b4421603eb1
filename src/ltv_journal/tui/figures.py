"""Whole counts on screen the language's way (`1,234` in English, `1.234` in German)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

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


def axis_ticks(low: float, high: float, count: int = 5) -> list[tuple[float, str]]:
    """`count` evenly spaced ticks from `low` to `high`, each with its label written the
    language's way: German `2.423.789` and `0,50`; English as plotext writes its own
    (`2423789`, `0.50`), so that both axes of a picture agree."""
    step = (high - low) / (count - 1)
    places = 0 if high - low >= 20 else 2
    grouping = "" if language.current() == language.ENGLISH else ","
    ways = conventions.current()
    ticks = [low + step * i for i in range(count)]
    return [(tick, ways.number(f"{tick:{grouping}.{places}f}")) for tick in ticks]


def spoken_ticks(plt: Any, low: float, high: float, *, count: int = 5) -> None:
    """Outside English, the y axis's ticks written the language's way instead of
    plotext's own English figures; English keeps plotext's ticks."""
    if language.current() == language.ENGLISH or high <= low:
        return
    ticks = axis_ticks(low, high, count)
    plt.yticks([tick for tick, _label in ticks], [label for _tick, label in ticks])


def fitting_ticks(
    ticks: list[tuple[float, str]], low: float, high: float, columns: int
) -> list[tuple[float, str]]:
    """The tick labels that fit an x axis `columns` wide from `low` to `high`, chosen
    from the left with two columns between them. (plotext, left to drop overlapping
    labels itself, keeps one picked by set order, which changes from run to run.)"""
    if high <= low:
        return ticks[:1]
    kept: list[tuple[float, str]] = []
    free_from = float("-inf")
    for value, label in ticks:
        column = (value - low) / (high - low) * columns
        if column - len(label) / 2 >= free_from:
            kept.append((value, label))
            free_from = column + len(label) / 2 + 2
    return kept
