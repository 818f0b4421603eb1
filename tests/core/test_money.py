"""Parsing what people type as money, exactly."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ltv_journal.core.money import (
    AmountError,
    format_amount,
    from_cents,
    parse_amount,
    to_cents,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1.234,56 €", "1234.56"),
        ("€ 1,234.56", "1234.56"),
        ("EUR 35000", "35000"),
        ("1 234,56", "1234.56"),
        ("1'234.50", "1234.50"),
        ("12,5", "12.5"),
        ("0.5", "0.5"),
        ("1,234,567.89", "1234567.89"),
        ("1.234.567", "1234567"),
    ],
)
def test_reads_the_ways_people_write_amounts(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1,234", "ambiguous"),
        ("1.234", "ambiguous"),
        ("abc", "not a number"),
        ("", "not a number"),
        ("12.345,6,7", "cannot be read"),
        ("0.125", "more than 2 decimals"),
        ("-5", "negative"),
        ("1.2.3", "cannot be read"),
    ],
)
def test_refuses_unclear_amounts_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(AmountError, match=reason):
        parse_amount(text)


def test_negative_values_allowed_where_asked() -> None:
    assert parse_amount("-1.500,00", allow_negative=True) == Decimal("-1500.00")


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_cents_round_trip_is_exact(value: Decimal) -> None:
    assert from_cents(to_cents(value)) == value


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_formatted_amounts_parse_back(value: Decimal) -> None:
    assert parse_amount(format_amount(value, "EUR")) == value


@pytest.mark.parametrize("text", ["5k", "2k", "100/w", "100/y/m", "12 bucks", "1.5 Mio"])
def test_text_around_a_number_is_refused_not_dropped(text: str) -> None:
    with pytest.raises(AmountError, match="not a number"):
        parse_amount(text)


@pytest.mark.parametrize("text", ["12 USD", "$12", "£12", "CHF 12"])
def test_another_currency_than_the_journals_is_refused(text: str) -> None:
    assert parse_amount(text) == 12
    with pytest.raises(AmountError, match="not in EUR"):
        parse_amount(text, currency="EUR")


def test_the_journals_own_currency_is_welcome() -> None:
    assert parse_amount("1.234,56 €", currency="EUR") == Decimal("1234.56")
    assert parse_amount("eur 12", currency="EUR") == 12


@pytest.mark.parametrize(("text", "expected"), [("0.7", "0.7"), ("70%", "0.7"), ("70", "0.7")])
def test_fractions_and_percentages(text: str, expected: str) -> None:
    from ltv_journal.core.money import parse_fraction

    assert parse_fraction(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["1.5", "150", "abc"])
def test_unclear_fractions_are_refused(text: str) -> None:
    from ltv_journal.core.money import parse_fraction

    with pytest.raises(AmountError):
        parse_fraction(text)


def test_three_decimals_after_four_digits_are_decimals_not_a_group() -> None:
    from ltv_journal.core.money import AmountError, parse_amount

    with pytest.raises(AmountError, match=r"'1500\.123' has more than 2 decimals"):
        parse_amount("1500.123")
    with pytest.raises(AmountError, match="ambiguous"):
        parse_amount("1.234")
