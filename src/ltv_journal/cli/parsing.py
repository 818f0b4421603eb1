"""What people type on the command line, read into exact values.

Every parser raises `UserError` naming the option and the text it could not read.

The effect syntax (`--effect`):

    DIMENSION VALUE[/y|/m] [delay=MONTHS] [years=N | until=retirement|death]
              [half-life=YEARS] [confidence=P] [low=VALUE high=VALUE]

e.g. `--effect "money 6000/y delay=12 until=retirement"` or
`--effect "happiness 1 years=5 half-life=2 confidence=0.7"`. VALUE is per year; `/m`
means per month (500/m = 6000 a year). `delay` is in months (`12`, `12m`) or years
(`1y`); `confidence` is a fraction (0.7) or a percentage (70%). `DIMENSION=VALUE` works
as well as `DIMENSION VALUE`. A happiness, love or meaning effect that gives neither
years, until nor half-life fades with a half-life of 1, 2 or 5 years (people adapt);
`half-life=none` keeps it undecayed. `low` and `high` are the 10th and 90th percentile
of VALUE (both or neither, written like VALUE: `money 500/m low=300/m high=700/m`).

A money effect may be worked out from customers instead of typed:
`money clv=customers:4/m,order:120,orders:3/y,margin:0.4,stay:3y` (core/clv_text.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.clv_text import CLV_SYNTAX, ClvTextError, customer_value
from ltv_journal.core.dates import parse_date
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import MAX_DELAY_MONTHS, Effect
from ltv_journal.core.language import _
from ltv_journal.core.money import AmountError, parse_amount, parse_decimal, parse_fraction

from .errors import UserError

EFFECT_SYNTAX = (
    '"DIMENSION VALUE[/y|/m] [delay=MONTHS] [years=N | until=retirement|death] '
    '[half-life=YEARS] [confidence=P] [low=VALUE high=VALUE]"'
)
_PER_MONTH = ("/m", "/mo", "/month")
_PER_YEAR = ("/y", "/yr", "/year", "/a")
_KEYS = {
    "delay": "delay",
    "years": "years",
    "until": "until",
    "half-life": "half-life",
    "half_life": "half-life",
    "confidence": "confidence",
    "low": "low",
    "high": "high",
}


def amount(
    text: str, option: str, *, allow_negative: bool = False, currency: str | None = None
) -> Decimal:
    """A money amount as people write it (`1.234,56`, `1,234.56 €`); a currency written
    with it must be `currency` (the journal's) when that is known."""
    try:
        return parse_amount(text, allow_negative=allow_negative, currency=currency)
    except AmountError as error:
        raise UserError(f"{option} {error}") from None


def day(text: str, option: str, *, year_means_midyear: bool = False) -> date:
    """An ISO date (`2025-01-31`); with `year_means_midyear` a bare year means July 1."""
    try:
        return parse_date(text, year_means_midyear=year_means_midyear)
    except ValueError as error:
        raise UserError(f"{option} {error}") from None


def rate(text: str, option: str) -> Decimal:
    """A yearly rate as a fraction (`0.03`) or a percentage (`3%`)."""
    try:
        return parse_fraction(text, what=f"'{text}'")
    except AmountError:
        raise UserError(
            _("{option} '{text}' is not a rate; write 0.03 or 3%").format(option=option, text=text)
        ) from None


def dimension(text: str, option: str) -> Dimension:
    try:
        return Dimension(text.strip().lower())
    except ValueError:
        names = ", ".join(Dimension)
        raise UserError(
            _("{option} '{text}' is not a dimension; use one of {names}").format(
                option=option, text=text, names=names
            )
        ) from None


def per_year(text: str, option: str, currency: str | None = None) -> Decimal:
    """A value per year, or per month with `/m` (multiplied by 12); may be negative."""
    cleaned = text.strip().lower()
    factor = 1
    for suffix in _PER_MONTH + _PER_YEAR:
        if cleaned.endswith(suffix):
            cleaned = cleaned.removesuffix(suffix)
            factor = 12 if suffix in _PER_MONTH else 1
            break
    try:
        return parse_amount(cleaned, allow_negative=True, currency=currency) * factor
    except AmountError as error:
        raise UserError(_("{option} value {reason}").format(option=option, reason=error)) from None


def dimension_value(
    text: str, option: str, currency: str | None = None
) -> tuple[Dimension, Decimal]:
    """`money=4800` or `happiness=1` (per year; `/m` per month); money written with a
    currency must be in `currency` (the journal's) when that is known."""
    name, sep, value = text.partition("=")
    if not sep or not value.strip():
        raise UserError(
            _("{option} '{text}' should look like DIMENSION=VALUE, e.g. money=4800").format(
                option=option, text=text
            )
        )
    dim = dimension(name, f"{option} '{text}':")
    return dim, per_year(value, f"{option} '{text}':", currency if dim.is_money else None)


def effect(spec: str, currency: str | None = None) -> tuple[Dimension, Effect]:
    """One `--effect` specification (see the module docstring); a money value written
    with a currency must be in `currency` when that is known."""
    where = f"--effect '{spec}':"
    tokens = spec.replace("=", " = ", 1).split() if _starts_with_pair(spec) else spec.split()
    tokens = [t for t in tokens if t != "="]
    if len(tokens) < 2:
        raise UserError(_("{where} expected {syntax}").format(where=where, syntax=EFFECT_SYNTAX))
    dim = dimension(tokens[0], where)
    customers = _customer_value(dim, tokens, where, currency)
    settings: dict[str, str] = {}
    for token in tokens[1 if customers else 2 :]:
        key, sep, value = token.partition("=")
        canonical = _KEYS.get(key.lower())
        if not sep or canonical is None or not value:
            keys = ", ".join(sorted({k for k in _KEYS.values()}))
            raise UserError(
                _("{where} '{token}' is not KEY=VALUE with a key of {keys}").format(
                    where=where, token=token, keys=keys
                )
            )
        if canonical in settings:
            raise UserError(_("{where} {key} is given twice").format(where=where, key=canonical))
        settings[canonical] = value
    if customers is not None:
        per = customers.money_per_year()
    else:
        per = per_year(tokens[1], where, currency if dim.is_money else None)
    bounds: dict[str, Decimal] = {
        key: per_year(settings[key], f"{where} {key}", currency if dim.is_money else None)
        for key in ("low", "high")
        if key in settings
    }
    effect = _effect_from(dim, per, settings, where, bounds)
    return dim, effect if customers is None else replace(effect, clv=customers)


def _customer_value(
    dim: Dimension, tokens: list[str], where: str, currency: str | None
) -> CustomerValue | None:
    """The `clv=` token's inputs (taking the place of VALUE), removed from `tokens`."""
    found = [t for t in tokens[1:] if t.lower().startswith("clv=")]
    if not found:
        return None
    if not dim.is_money:
        raise UserError(
            _("{where} clv= works out money; give it on the money effect").format(where=where)
        )
    if len(found) > 1:
        raise UserError(_("{where} {key} is given twice").format(where=where, key="clv"))
    if tokens[1] is not found[0]:
        raise UserError(
            _("{where} give VALUE or clv=, not both: clv= works out the money a year").format(
                where=where
            )
        )
    # Parts typed with spaces after their commas arrive as tokens without `=`.
    position = tokens.index(found[0])
    end = position + 1
    while end < len(tokens) and "=" not in tokens[end]:
        end += 1
    text = "".join(tokens[position:end]).partition("=")[2]
    del tokens[position:end]
    if not text.strip():
        raise UserError(
            _("{where} clv= is empty; write {syntax}").format(where=where, syntax=CLV_SYNTAX)
        )
    try:
        return customer_value(text, where, currency)
    except ClvTextError as error:
        raise UserError(str(error)) from None


def _starts_with_pair(spec: str) -> bool:
    first = spec.split(maxsplit=1)[0] if spec.split() else ""
    return "=" in first and first.partition("=")[0].lower() in set(Dimension)


def _effect_from(
    dim: Dimension,
    value: Decimal,
    settings: dict[str, str],
    where: str,
    bounds: dict[str, Decimal],
) -> Effect:
    until = settings.get("until")
    if until is not None and until.lower() not in set(Until):
        raise UserError(
            _("{where} until '{until}' must be retirement or death").format(
                where=where, until=until
            )
        )
    years = settings.get("years")
    confidence = settings.get("confidence")
    return Effect(
        per_year=value,
        delay_months=_months(settings.get("delay", "0"), where),
        years=None if years is None else _number(years, f"{where} years"),
        until=None if until is None else Until(until.lower()),
        half_life_years=_half_life(dim, settings, where),
        confidence=Decimal(1) if confidence is None else _fraction(confidence, where),
        low=bounds.get("low"),
        high=bounds.get("high"),
    )


def _half_life(dim: Dimension, settings: dict[str, str], where: str) -> Decimal | None:
    """The half-life typed (`none` for no decay); a point effect that says nothing of
    how long it lasts fades with its dimension's suggested half-life."""
    typed = settings.get("half-life")
    if typed is not None:
        return None if typed.strip().lower() == "none" else _number(typed, f"{where} half-life")
    if "years" in settings or "until" in settings:
        return None
    return dim.suggested_half_life


def _number(text: str, what: str) -> Decimal:
    try:
        return parse_decimal(text, what="")
    except AmountError as error:
        raise UserError(f"{what} {error}") from None


def _months(text: str, where: str) -> int:
    cleaned = text.strip().lower()
    factor = 12 if cleaned.endswith("y") else 1
    number = _number(cleaned.rstrip("my"), f"{where} delay")
    if abs(number) > 1_000_000:  # before arithmetic on it (1e999999y would overflow)
        raise UserError(
            _("{where} delay '{text}' must be between 0 and {most} months").format(
                where=where, text=text, most=MAX_DELAY_MONTHS
            )
        )
    months = number * factor
    if months != months.to_integral_value():
        raise UserError(
            _("{where} delay '{text}' is not a whole number of months").format(
                where=where, text=text
            )
        )
    return int(months)


def _fraction(text: str, where: str) -> Decimal:
    try:
        return parse_fraction(text, what="confidence")
    except AmountError as error:
        raise UserError(f"{where} {error}") from None
