"""Customer figures as typed: the `clv=customers:4/m,order:120,...` part of the effect
syntax, and the figures a review saw (`customers:3/m`). One reading for the command line
and the terminal UI; a complaint is a `ClvTextError` naming the part.

    money clv=customers:N[/m],order:AMOUNT,orders:N[/y|/m],margin:P,stay:Ny|Nm
              [rate:P] [delay=…] [years=… | until=…] [confidence=…]

`stay:3y` (or `stay:36m`) is how long a customer stays; `churn:0.25/y` (or `25%`) gives
the share lost a year instead. `margin`, `churn` and `rate` are fractions (0.4) or
percentages (40%). Parts are separated by commas, in any order; an order amount may
itself hold a comma (`order:1,234.56`). The money per year is worked out (core/clv.py),
so no VALUE is typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from .clv import CustomerValue
from .language import _
from .money import AmountError, parse_amount, parse_decimal, parse_fraction


class ClvTextError(ValueError):
    """Customer figures that cannot be read: one line naming the part."""


CLV_SYNTAX = "clv=customers:N/m,order:AMOUNT,orders:N/y,margin:P,stay:Ny|churn:P/y[,rate:P]"
_PARTS = re.compile(r",(?=\s*[A-Za-z_-]+\s*:)")
_REQUIRED = ("customers", "order", "orders", "margin")
_KNOWN = (*_REQUIRED, "stay", "churn", "rate")
PART_OF_FIELD = {
    "customers_per_month": "customers",
    "average_order": "order",
    "orders_per_year": "orders",
    "margin": "margin",
    "stay_years": "stay",
    "churn_per_year": "churn",
    "rate": "rate",
}
"""A `CustomerValue` field -> its part in the syntax."""


def customer_value(text: str, where: str, currency: str | None = None) -> CustomerValue:
    """The inputs written after `clv=`; raises ClvTextError naming the part."""
    parts: dict[str, str] = {}
    for piece in _PARTS.split(text):
        key, sep, value = piece.partition(":")
        key = key.strip().lower()
        if not sep or not value.strip() or key not in _KNOWN:
            raise ClvTextError(
                _(
                    "{where} clv part '{part}' is not KEY:VALUE with a key of {keys}; "
                    "write {syntax}"
                ).format(where=where, part=piece.strip(), keys=", ".join(_KNOWN), syntax=CLV_SYNTAX)
            )
        if key in parts:
            raise ClvTextError(_("{where} clv {key} is given twice").format(where=where, key=key))
        parts[key] = value.strip()
    missing = [key for key in _REQUIRED if key not in parts]
    if "stay" not in parts and "churn" not in parts:
        missing.append(_("stay (or churn)"))
    if missing:
        raise ClvTextError(
            _("{where} clv needs {parts}; write {syntax}").format(
                where=where, parts=", ".join(missing), syntax=CLV_SYNTAX
            )
        )
    if "stay" in parts and "churn" in parts:
        raise ClvTextError(
            _("{where} clv gives stay and churn; give one of them").format(where=where)
        )
    read = _Reader(where)
    value = CustomerValue(
        customers_per_month=read("customers", parts, _customers),
        average_order=read("order", parts, lambda t: parse_amount(t, currency=currency)),
        orders_per_year=read("orders", parts, _orders),
        margin=read("margin", parts, _fraction),
        stay_years=read.optional("stay", parts, _stay),
        churn_per_year=read.optional("churn", parts, _churn),
        rate=read.optional("rate", parts, _fraction),
    )
    for name, why in value.problems():
        raise ClvTextError(f"{where} clv {PART_OF_FIELD[name]} {why}")
    return value


def actual_customer_value(
    expected: CustomerValue, text: str, where: str, currency: str | None = None
) -> CustomerValue:
    """The customer figures a review saw: `expected` with the parts given in `text`
    (`customers:3/m`, `customers:3/m,order:95`, `churn:40%` …) put in their place."""
    read = _Reader(where)
    readers: dict[str, tuple[str, Callable[[str], Decimal]]] = {
        "customers": ("customers_per_month", _customers),
        "order": ("average_order", lambda t: parse_amount(t, currency=currency)),
        "orders": ("orders_per_year", _orders),
        "margin": ("margin", _fraction),
        "stay": ("stay_years", _stay),
        "churn": ("churn_per_year", _churn),
    }
    changes: dict[str, Any] = {}
    for piece in _PARTS.split(text):
        key, sep, value = piece.partition(":")
        key = key.strip().lower()
        if not sep or not value.strip() or key not in readers:
            raise ClvTextError(
                _(
                    "{where} part '{part}' is not KEY:VALUE with a key of {keys} "
                    "(e.g. customers:3/m)"
                ).format(where=where, part=piece.strip(), keys=", ".join(readers))
            )
        field, reader = readers[key]
        changes[field] = read(key, {key: value.strip()}, reader)
    if "stay_years" in changes and "churn_per_year" in changes:
        raise ClvTextError(_("{where} gives stay and churn; give one of them").format(where=where))
    if "stay_years" in changes:
        changes["churn_per_year"] = None
    if "churn_per_year" in changes:
        changes["stay_years"] = None
    actual = replace(expected, **changes)
    for name, why in actual.problems():
        raise ClvTextError(f"{where} {PART_OF_FIELD[name]} {why}")
    return actual


class _Reader:
    """Reads one part, turning a reader's complaint into a line naming the part."""

    def __init__(self, where: str) -> None:
        self.where = where

    def __call__(self, key: str, parts: dict[str, str], read: Callable[[str], Decimal]) -> Decimal:
        text = parts[key]
        try:
            return read(text)
        except AmountError as error:
            raise ClvTextError(f"{self.where} clv {key} {str(error).strip()}") from None

    def optional(
        self, key: str, parts: dict[str, str], read: Callable[[str], Decimal]
    ) -> Decimal | None:
        return self(key, parts, read) if key in parts else None


def _per(text: str, units: dict[str, int], what: str) -> Decimal:
    cleaned = text.strip().lower()
    for suffix, factor in units.items():
        if cleaned.endswith(suffix):
            return parse_decimal(cleaned.removesuffix(suffix), what="") * factor
    if cleaned[-1:].isalpha() or "/" in cleaned:
        raise AmountError(_("'{text}' is not {what}").format(text=text, what=what))
    return parse_decimal(cleaned, what="")


def _customers(text: str) -> Decimal:
    if text.strip().lower().endswith(("/y", "/yr", "/year")):
        raise AmountError(
            _("'{text}' is a year's; write new customers a month (e.g. 4/m)").format(text=text)
        )
    return _per(text, {"/month": 1, "/mo": 1, "/m": 1}, _("new customers a month (e.g. 4/m)"))


def _orders(text: str) -> Decimal:
    units = {"/month": 12, "/mo": 12, "/m": 12, "/year": 1, "/yr": 1, "/y": 1}
    return _per(text, units, _("orders a year (e.g. 3/y or 1/m)"))


def _stay(text: str) -> Decimal:
    cleaned = text.strip().lower()
    if cleaned.endswith("m"):
        months = parse_decimal(cleaned[:-1], what="")
        if abs(months) > 100_000:  # before arithmetic on it
            raise AmountError(_("'{text}' is longer than any stay").format(text=text))
        # Years to four decimals: the nearest month is the same (7m: 0.5833 years).
        return (months / 12).quantize(Decimal("0.0001"))
    return _per(cleaned, {"years": 1, "year": 1, "y": 1}, _("a stay in years or months (3y, 36m)"))


def _churn(text: str) -> Decimal:
    cleaned = text.strip().lower()
    for suffix in ("/year", "/yr", "/y"):
        cleaned = cleaned.removesuffix(suffix)
    return _fraction(cleaned)


def _fraction(text: str) -> Decimal:
    return parse_fraction(text, what="")
