"""TOML literal text for the values the format holds, written exactly.

Money and points are Decimals with at most two decimals; they are written from their
digits (never through a float), so that reading them back gives the same Decimal.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from ltv_journal.core.text import CONTROL

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _plain(value: Decimal) -> str:
    """Digits without exponent or trailing zeros: `12.5`, `6000`, `-0.25`."""
    if value == 0:
        return "0"
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def money(value: Decimal) -> str:
    """A TOML float with at most two decimals: `6000.0`, `12.5`, `-3.25`."""
    text = _plain(value)
    return text if "." in text else text + ".0"


def number(value: Decimal) -> str:
    """A TOML integer when whole (`5`), otherwise a float (`2.5`)."""
    return _plain(value)


def rate(value: Decimal) -> str:
    """A yearly rate as a TOML float: `0.0`, `0.05`."""
    return money(value)


def boolean(value: bool) -> str:
    return "true" if value else "false"


def day(value: date) -> str:
    return value.isoformat()


def moment(value: datetime) -> str:
    """A TOML offset date-time in UTC: `2026-11-29T15:23:19.123456Z` (no fraction when
    the microseconds are 0)."""
    utc = value.astimezone(UTC) if value.tzinfo else value
    text = utc.replace(tzinfo=None).isoformat(timespec="auto")
    return text + "Z"


def _escape(char: str) -> str:
    found = _ESCAPES.get(char)
    if found is not None:
        return found
    if CONTROL.fullmatch(char):
        return f"\\u{ord(char):04X}"
    return char


_UNSAFE = re.compile('["\\\\' + CONTROL.pattern[1:])
"""Characters a basic string cannot hold as they are, and those TOML allows but a
terminal would obey (C1 controls, bidi overrides): written as `\\uXXXX`, they read back
the same and print inert."""


def string(text: str, *, multiline: bool = True) -> str:
    """A basic TOML string; text with line breaks becomes a multi-line string, so that
    notes stay readable in an editor (unless not `multiline`: keys must be one line)."""
    if "\n" in text and multiline:
        lines = ("".join(_escape(c) for c in line) for line in text.split("\n"))
        return '"""\n' + "\n".join(lines) + '"""'
    if _UNSAFE.search(text) is None:
        return f'"{text}"'
    return '"' + "".join(_escape(c) for c in text) + '"'


def strings(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(string(item) for item in items) + "]"
