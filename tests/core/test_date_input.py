"""Dates as people type them, in either language; the ambiguous ones refused with the
reason in the language in force."""

from __future__ import annotations

import re
from datetime import date

import pytest

from ltv_journal.core import language
from ltv_journal.core.dates import parse_date

TODAY = date(2026, 11, 25)  # the tests' fixed clock


@pytest.mark.parametrize("code", language.LANGUAGES)
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2026-11-29", date(2026, 11, 29)),
        ("29.11.2026", date(2026, 11, 29)),
        ("1.2.2025", date(2025, 2, 1)),
        (" 01.02.2025 ", date(2025, 2, 1)),
        ("29.11.", date(2026, 11, 29)),
        ("3.1.", date(2026, 1, 3)),
        ("heute", TODAY),
        ("Today", TODAY),
        ("gestern", date(2026, 11, 24)),
        ("yesterday", date(2026, 11, 24)),
    ],
)
def test_every_accepted_form_reads_the_same_in_both_languages(
    code: str, typed: str, meant: date
) -> None:
    with language.using(code):
        assert parse_date(typed) == meant


@pytest.mark.parametrize(
    ("typed", "english", "german"),
    [
        ("11/12/2026", "ambiguous", "mehrdeutig"),
        ("29.11.26", "two-digit year", "zweistellige Jahreszahl"),
        ("31.02.2026", "not a day of the calendar", "kein Tag im Kalender"),
        ("Nov 29", "not a date", "kein Datum"),
    ],
)
def test_ambiguous_and_wrong_dates_are_refused_with_the_reason(
    typed: str, english: str, german: str
) -> None:
    with language.using("en"), pytest.raises(ValueError, match=english):
        parse_date(typed)
    with language.using("de"), pytest.raises(ValueError, match=german):
        parse_date(typed)


@pytest.mark.parametrize(
    ("typed", "example"),
    [("1.1.85", "1.1.1985"), ("29.11.26", "29.11.2026"), ("1.6.50", "1.6.2050")],
)
def test_a_two_digit_year_is_refused_with_the_nearest_year_as_the_example(
    typed: str, example: str
) -> None:
    """A birth date typed `1.1.85` is shown as 1.1.1985, not a date 59 years ahead (the
    clock is fixed at 2026)."""
    with pytest.raises(ValueError, match=f"as in {re.escape(example)}$"):
        parse_date(typed)
