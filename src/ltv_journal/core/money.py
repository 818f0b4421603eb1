"""Exact money: parsing what people type, cents for storage, and formatting.

Money is `Decimal` in Python and integer hundredths ("cents") in storage. Points
(happiness, love, meaning) use the same hundredths, so every stored figure is an
integer and every sum is exact.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation

from . import conventions
from .language import _

CENT = Decimal("0.01")
SCALE = 100
"""Stored integers are hundredths of a unit (of money or of a point)."""

_DIGITS = re.compile(r"^[+-]?[\d.,' \u00a0\u202f]+$")
_MARKER = re.compile(r"^(?P<lead>[^\d+\-.,\s]*)\s*(?P<number>.*?)\s*(?P<trail>[^\d.,\s]*)$")
ISO_CODES = frozenset(
    (  # noqa: SIM905 - a list of codes reads best as text
        "EUR USD GBP CHF JPY CNY CAD AUD NZD SEK NOK DKK ISK PLN CZK HUF RON BGN RUB UAH TRY "
        "ILS INR KRW SGD HKD MXN BRL ARS CLP COP ZAR THB IDR MYR PHP VND AED SAR EGP NGN KES "
        "TWD"
    ).split()
)
"""Currency codes recognised around a typed amount (besides the journal's own)."""
SYMBOLS: dict[str, frozenset[str]] = {
    "€": frozenset({"EUR"}),
    "$": frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN"}),
    "US$": frozenset({"USD"}),
    "£": frozenset({"GBP"}),
    "¥": frozenset({"JPY", "CNY"}),
    "₹": frozenset({"INR"}),
    "₩": frozenset({"KRW"}),
    "₺": frozenset({"TRY"}),
    "₪": frozenset({"ILS"}),
    "R$": frozenset({"BRL"}),
    "Fr.": frozenset({"CHF"}),
    "kr": frozenset({"SEK", "NOK", "DKK", "ISK"}),
    "zł": frozenset({"PLN"}),
    "Kč": frozenset({"CZK"}),
}
"""Currency symbols people type around amounts, and the ISO codes each may stand for."""


class AmountError(ValueError):
    """A typed amount could not be read; the message says why."""


def _currencies_of(marker: str, original: str, currency: str | None) -> frozenset[str]:
    if marker in SYMBOLS:
        return SYMBOLS[marker]
    if marker.upper() in ISO_CODES or (currency is not None and marker.upper() == currency):
        return frozenset({marker.upper()})
    raise AmountError(_("'{text}' is not a number").format(text=original))


def parse_amount(
    text: str, *, allow_negative: bool = False, places: int = 2, currency: str | None = None
) -> Decimal:
    """Read an amount as people write it: `1234.56`, `1,234.56`, `1.234,56`, `1.234,56 €`.

    Returns an exact `Decimal`. A currency symbol or ISO code before or after the number
    is allowed (and must be `currency` when one is given); any other text is refused,
    so `5k` or `100/w` never pass as 5 or 100. Spaces and apostrophes may group
    thousands. `1,234` or `1.234` alone is refused as ambiguous (a thousand or
    one-point-something?), as is anything with more than `places` decimals.
    """
    original = text
    match = _MARKER.match(text.strip())
    if match is None:
        raise AmountError(_("'{text}' is not a number").format(text=original))
    core = match.group("number")
    if not any(ch.isdigit() for ch in core):
        raise AmountError(_("'{text}' is not a number").format(text=original))
    for marker in (match.group("lead"), match.group("trail")):
        if not marker:
            continue
        allowed = _currencies_of(marker, original, currency)
        if currency is not None and currency not in allowed:
            raise AmountError(
                _("'{text}' is not in {currency}, the currency this journal counts in").format(
                    text=original, currency=currency
                )
            )
    if not core or not _DIGITS.match(core) or not any(ch.isdigit() for ch in core):
        raise AmountError(_("'{text}' is not a number").format(text=original))
    sign = ""
    if core[0] in "+-":
        sign, core = ("-" if core[0] == "-" else ""), core[1:].strip()
    if sign and not allow_negative:
        raise AmountError(_("'{text}' is negative; amounts are zero or more").format(text=original))
    for space in " '\u00a0\u202f":
        core = core.replace(space, "")
    normalised = _normalise_separators(core, original, places)
    try:
        value = Decimal(sign + normalised)
    except InvalidOperation:
        raise AmountError(_("'{text}' is not a number").format(text=original)) from None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise AmountError(
            _("'{text}' has more than {places} decimals").format(text=original, places=places)
        )
    return value


def _normalise_separators(core: str, original: str, places: int) -> str:
    commas, dots = core.count(","), core.count(".")
    if commas and dots:
        # Whichever comes last is the decimal mark; the other groups thousands.
        decimal_mark = "," if core.rfind(",") > core.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        whole, _mark, fraction = core.rpartition(decimal_mark)
        if decimal_mark in whole or not _grouped(whole, group_mark):
            raise AmountError(
                _("'{text}' mixes separators in a way that cannot be read").format(text=original)
            )
        return whole.replace(group_mark, "") + "." + fraction
    mark = "," if commas else "." if dots else ""
    if not mark:
        return core
    count = commas or dots
    whole, _mark, fraction = core.rpartition(mark)
    if count > 1:
        if not _grouped(core, mark):
            raise AmountError(
                _("'{text}' groups digits in a way that cannot be read").format(text=original)
            )
        return core.replace(mark, "")
    if len(fraction) == 3 and whole and whole != "0" and len(whole.lstrip("+-")) <= 3:
        # `1.234` or `1,234`: a thousand, or one and a bit? (`1500.123` can only be
        # decimals: a group of thousands never follows four digits.)
        raise AmountError(
            _(
                "'{text}' is ambiguous: it could mean {thousands} or {decimals}; "
                "write it without the doubt, e.g. {example}"
            ).format(
                text=original,
                thousands=f"{whole}{fraction}",
                decimals=conventions.current().number(f"{whole}.{fraction}"),
                example=conventions.current().number(f"{whole}{fraction}.00"),
            )
        )
    if not fraction:
        raise AmountError(_("'{text}' is not a number").format(text=original))
    return (whole or "0") + "." + fraction


def _grouped(number: str, mark: str) -> bool:
    groups = number.split(mark)
    return bool(groups[0]) and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def parse_decimal(text: str, *, what: str = "value") -> Decimal:
    """Read a plain signed decimal such as `-1.5` or `0,7` (no grouping)."""
    cleaned = text.strip().replace(",", ".")
    named = f"{what} '{text}'" if what else f"'{text}'"
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise AmountError(_("{named} is not a number").format(named=named)) from None
    if not value.is_finite():
        raise AmountError(_("{named} is not a finite number").format(named=named))
    return value


def parse_fraction(text: str, *, what: str = "value") -> Decimal:
    """A share or rate typed as `0.7`, `70%` or `70`: a whole number from 2 to 100
    without a percent sign is read as a percentage; another number above 1 is refused
    as unclear (is `1.5` 150 % or 1.5 %?). For confidences and yearly rates."""
    cleaned = text.strip()
    percent = cleaned.endswith("%")
    value = parse_decimal(cleaned.removesuffix("%"), what=what)
    if percent:
        return value / 100
    if value > 1:
        if value != value.to_integral_value() or value > 100:
            raise AmountError(
                _(
                    "{named} is unclear: write a fraction such as {fraction} or a percentage "
                    "such as 70%"
                ).format(named=f"{what} '{text}'", fraction=conventions.current().number("0.7"))
            )
        return value / 100
    return value


def to_cents(value: Decimal) -> int:
    """`value` in integer hundredths, rounded half-to-even at the last cent."""
    return int(value.scaleb(2).to_integral_value(rounding=ROUND_HALF_EVEN))


def from_cents(cents: int) -> Decimal:
    """The exact `Decimal` for integer hundredths."""
    return (Decimal(cents) / SCALE).quantize(CENT)


def round_cents(value: Decimal) -> Decimal:
    """`value` rounded half-to-even to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def format_amount(value: Decimal, currency: str = "", *, signed: bool = False) -> str:
    """`1,695,000.00 EUR` in English, `1.695.000,00 €` in German: grouped, two decimals."""
    signed = signed and value != 0
    text = f"{value:+,.2f}" if signed else f"{value:,.2f}"
    ways = conventions.current()
    return ways.money(ways.number(text), currency)


def format_compact(value: Decimal, *, signed: bool = False) -> str:
    """A short figure for tight places, rounded half up as people round: `1.70M`,
    `-12.5k`, `840` in English; `1,70 Mio.`, `-12.500`, `840` in German (which writes
    thousands out)."""
    ways = conventions.current()
    magnitude = abs(value)
    sign = "-" if value < 0 else ("+" if signed and value > 0 else "")
    steps = ((Decimal(1_000_000_000), ways.billion), (Decimal(1_000_000), ways.million))
    for limit, suffix in steps:
        if magnitude >= limit:
            shown = (magnitude / limit).quantize(CENT, rounding=ROUND_HALF_UP)
            return f"{sign}{ways.number(f'{shown:.2f}')}{ways.compact_gap}{suffix}"
    if magnitude >= 10_000:
        if ways.thousand:
            shown = (magnitude / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            return f"{sign}{ways.number(f'{shown:.1f}')}{ways.compact_gap}{ways.thousand}"
        shown = magnitude.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return f"{sign}{ways.number(f'{shown:,.0f}')}"
    if magnitude == magnitude.to_integral_value():
        return f"{sign}{ways.number(f'{magnitude:,.0f}')}"
    return f"{sign}{ways.number(f'{magnitude:,.2f}')}"


def format_number(value: Decimal | int) -> str:
    """A plain number grouped the language's way: `1,000,000,000,000` (English),
    `1.000.000.000.000` (German); its decimals as they are."""
    return conventions.current().number(f"{value:,}")


def format_plain(value: Decimal | int) -> str:
    """A number as Python writes it (`1234.5`, no grouping), with the language's decimal
    sign: `1234,5` in German."""
    return conventions.current().number(f"{value}")


def format_points(value: Decimal, *, signed: bool = False) -> str:
    """A point value: `+12.5` (`+12,5` in German) — at most two decimals, trailing zeros
    dropped."""
    signed = signed and value != 0
    text = f"{value:+,.2f}" if signed else f"{value:,.2f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return conventions.current().number(text)


def format_about(value: Decimal) -> str:
    """A figure rounded as people say it: two significant digits from 100 up
    (`2,300`, `120,000`, `1,700,000`), whole units below (`45`)."""
    magnitude = abs(value)
    if magnitude >= 100:
        digits = magnitude.adjusted() - 1  # keep two significant digits
        rounded = magnitude.scaleb(-digits).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        magnitude = rounded.scaleb(digits)
    else:
        magnitude = magnitude.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    text = conventions.current().number(f"{magnitude:,.0f}")
    return f"-{text}" if value < 0 and magnitude else text
