"""Numbers, money and dates the language's way, checked against Babel (CLDR) itself."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.dates import format_date as babel_date
from babel.numbers import format_currency, format_decimal, get_currency_symbol
from hypothesis import given
from hypothesis import strategies as st

from ltv_journal.core import conventions, language
from ltv_journal.core.money import format_about, format_amount, format_compact, format_points

AMOUNTS = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False
)


@pytest.fixture
def german():
    with language.using("de"):
        yield


@given(AMOUNTS)
def test_german_money_is_babels(value: Decimal) -> None:
    with language.using("de"):
        assert format_amount(value, "EUR") == format_currency(value, "EUR", locale="de_DE")


@given(AMOUNTS)
def test_german_plain_amount_is_babels_decimal(value: Decimal) -> None:
    with language.using("de"):
        expected = format_decimal(value, format="#,##0.00", locale="de_DE")
        assert format_amount(value) == expected


@pytest.mark.parametrize("code", [*sorted(conventions.SYMBOLS), "CHF", "SEK", "PLN", "NOK"])
def test_german_currency_signs_are_cldrs(code: str) -> None:
    assert conventions.symbol(code) == get_currency_symbol(code, locale="de_DE")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_german_dates_are_babels_medium_dates(day: date) -> None:
    with language.using("de"):
        assert conventions.format_date(day) == babel_date(day, "medium", locale="de_DE")


def test_the_seeds_figure_in_both_languages(german: None) -> None:
    assert format_amount(Decimal(1695000), "EUR") == "1.695.000,00\N{NO-BREAK SPACE}€"
    with language.using("en"):
        assert format_amount(Decimal(1695000), "EUR") == "1,695,000.00 EUR"


def test_compact_figures_round_half_up_as_people_do() -> None:
    assert format_compact(Decimal(52250), signed=True) == "+52.3k"
    assert format_compact(Decimal(1_695_000)) == "1.70M"
    assert format_compact(Decimal(-12_449)) == "-12.4k"


def test_german_compact_figures_write_thousands_out(german: None) -> None:
    assert format_compact(Decimal(120000)) == "120.000"
    assert format_compact(Decimal(52250), signed=True) == "+52.250"
    assert format_compact(Decimal(1_695_000)) == "1,70\N{NO-BREAK SPACE}Mio."
    assert format_compact(Decimal("2500000000")) == "2,50\N{NO-BREAK SPACE}Mrd."


def test_points_and_rounded_figures_use_the_languages_marks(german: None) -> None:
    assert format_points(Decimal("1.40"), signed=True) == "+1,4"
    assert format_points(Decimal("1234.5")) == "1.234,5"
    assert format_about(Decimal(1_234_567)) == "1.200.000"
