"""How each language writes numbers, money and dates on screen and in text output.

The German figures are CLDR's `de_DE` as Babel gives them (`1.695.000,00 €`, `29.11.2026`);
English keeps the journal's long-standing forms (`1,695,000.00 EUR`, `2026-11-29`), as the
README documents. The few symbols are written out here, not loaded from Babel at run
time, so that the first frame does not wait for Babel's locale data (about 40 ms);
`tests/core/test_conventions.py` checks every German figure against Babel itself.

JSON and TOML never go through this module: they are the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import language


@dataclass(frozen=True)
class Conventions:
    group: str
    """The thousands separator."""
    decimal: str
    currency_before: bool
    """`€1.00` rather than `1.00 €`."""
    currency_gap: str
    """Between the number and the currency sign."""
    use_symbols: bool
    """`€` rather than `EUR`."""
    thousand: str
    """The compact suffix for thousands ("" when the language writes them out)."""
    million: str
    billion: str
    compact_gap: str
    """Between a compact number and its suffix."""
    date_pattern: str
    """A `str.format` pattern with `d`, `m` and `y`."""

    def number(self, text: str) -> str:
        """`text` (Python's `1,234.5` form) with this language's separators."""
        if self.group == "," and self.decimal == ".":
            return text
        return text.translate(_SWAP[(self.group, self.decimal)])

    def money(self, number: str, currency: str) -> str:
        """A formatted `number` (signed or not) with the currency where it belongs."""
        if not currency:
            return number
        sign = symbol(currency) if self.use_symbols else currency
        if self.currency_before:
            negative = number.startswith(("-", "+"))
            head, rest = (number[0], number[1:]) if negative else ("", number)
            return f"{head}{sign}{self.currency_gap}{rest}"
        return f"{number}{self.currency_gap}{sign}"

    def day(self, day: date) -> str:
        return self.date_pattern.format(d=day.day, m=day.month, y=day.year)


_SWAP = {(".", ","): str.maketrans({",": ".", ".": ","})}

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "ILS": "₪", "KRW": "₩"}
"""CLDR's German signs for the currencies that have one; every other code is its own sign
(CHF, SEK, PLN…), as in CLDR."""


def symbol(currency: str) -> str:
    return SYMBOLS.get(currency, currency)


ENGLISH = Conventions(
    group=",",
    decimal=".",
    currency_before=False,
    currency_gap=" ",
    use_symbols=False,
    thousand="k",
    million="M",
    billion="B",
    compact_gap="",
    date_pattern="{y:04}-{m:02}-{d:02}",
)
GERMAN = Conventions(
    group=".",
    decimal=",",
    currency_before=False,
    currency_gap="\N{NO-BREAK SPACE}",
    use_symbols=True,
    thousand="",
    million="Mio.",
    billion="Mrd.",
    compact_gap="\N{NO-BREAK SPACE}",
    date_pattern="{d:02}.{m:02}.{y:04}",
)
BY_LANGUAGE = {language.ENGLISH: ENGLISH, language.GERMAN: GERMAN}


def current() -> Conventions:
    """The conventions of the language in force."""
    return BY_LANGUAGE[language.current()]


def format_date(day: date) -> str:
    """`29.11.2026` in German, `2026-11-29` in English."""
    return current().day(day)
