"""Plain-text tables, exact JSON, and the words for a verdict."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum

import click

from ltv_journal.core import conventions
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.language import GERMAN, N_, _, current
from ltv_journal.core.money import format_amount, format_compact, format_points
from ltv_journal.core.text import CONTROL, escaped, visible

Cell = str
MAX_CELL = 40
_ENCODE_STRING = json.encoder.encode_basestring


def table(header: Sequence[str], rows: Sequence[Sequence[Cell]], right: set[int]) -> list[str]:
    """Aligned columns; columns whose index is in `right` are right-aligned (numbers)."""
    cells = [[_clip(visible(c, lines=False)) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = [
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(row)
        ]
        lines.append("  ".join(parts).rstrip())
    return lines


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


DIMENSION_NAMES: dict[str, str] = {
    "money": N_("money"),
    "happiness": N_("happiness"),
    "love": N_("love"),
    "meaning": N_("meaning"),
    "combined": N_("combined"),
}
"""The words for the dimensions (and the combined value) in tables and titles."""


KIND_NAMES: dict[str, str] = {"expense": N_("expense"), "investment": N_("investment")}
REVIEW_STATES: dict[str, str] = {
    "due": N_("due"),
    "reviewed": N_("reviewed"),
    "pending": N_("pending"),
}


def kind_name(kind: object) -> str:
    """`expense` -> `Ausgabe` in German; the kind itself in English."""
    found = KIND_NAMES.get(str(kind))
    return str(kind) if found is None else _(found)


def review_state_name(state: str) -> str:
    """The list's review column (`due`, `reviewed`, `pending`) in the language in force."""
    found = REVIEW_STATES.get(state)
    return state if found is None else _(found)


def dimension_name(dim: str) -> str:
    """`money` -> `Geld` in German; the dimension itself in English."""
    found = DIMENSION_NAMES.get(str(dim))
    return str(dim) if found is None else _(found)


def format_grouped(count: int | Decimal) -> str:
    """A whole number with the language's grouping: `2,000` / `2.000`."""
    return conventions.current().number(f"{count:,}")


def format_count(count: int) -> str:
    """A count of things: `1200` in English (as the journal has always written counts),
    `1.200` in German."""
    return format_grouped(count) if current() == GERMAN else str(count)


def format_share(fraction: Decimal | float) -> str:
    """A share as a percentage with one decimal: `73.4%` / `73,4 %`."""
    text = conventions.current().number(f"{fraction * 100:.1f}")
    return f"{text}\N{NO-BREAK SPACE}%" if current() == GERMAN else f"{text}%"


def value_text(dim: Dimension, value: Decimal, currency: str, *, signed: bool = False) -> str:
    """A value of one dimension: money with its currency (`1,695,000.00 EUR`,
    `1.695.000,00 €`), points with their unit (`+1.44 pts`)."""
    if dim.is_money:
        return format_amount(value, currency, signed=signed)
    return f"{format_points(value, signed=signed)} {_('pts')}"


def money_range(low: str, high: str, currency: str) -> str:
    """Two formatted figures as a range with the currency: `1.70M – 1.80M EUR`."""
    return conventions.current().money(f"{low} – {high}", currency)


def cell_value(dim: Dimension, value: Decimal) -> str:
    """A signed value for a table column named after its dimension: `+120.0k`, `+2.5`."""
    if dim.is_money:
        return format_compact(value, signed=True)
    return format_points(value, signed=True)


def value_lines(values: Mapping[Dimension, Decimal], currency: str, indent: str = "") -> list[str]:
    """One aligned line per dimension: `money      +120,000.00 EUR`."""
    texts = {dim: value_text(dim, values[dim], currency, signed=True) for dim in DIMENSIONS}
    names = {dim: dimension_name(dim) for dim in DIMENSIONS}
    width = max(len(t) for t in texts.values())
    label = max(len(n) for n in names.values())
    return [f"{indent}{names[dim]:<{label}}  {texts[dim]:>{width}}" for dim in DIMENSIONS]


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print a line of output. Journal text may come from someone else's file: its
    control characters are written out (`\\x1b`), so they cannot drive the terminal."""
    click.echo(visible(text), err=err, nl=nl)


def echo_lines(lines: Sequence[str]) -> None:
    for line in lines:
        echo(line)


def render_json(value: object, indent: int = 2) -> str:
    """JSON in which a `Decimal` is written as the number it is (its exact text), never
    through float rounding; dates are ISO strings, enums their values."""
    return _render(value, indent, 0)


def _render(value: object, indent: int, level: int) -> str:
    # The common exact types first: a million list rows pass through here.
    kind = type(value)
    if kind is str:
        return _string(value)  # type: ignore[arg-type]
    if kind is Decimal:
        return f"{value:f}"
    if kind is dict:
        return _object(value, indent, level)  # type: ignore[arg-type]
    if kind is date:
        return f'"{value.isoformat()}"'  # type: ignore[attr-defined]
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, Enum):
        return _string(value.value) if isinstance(value.value, str) else json.dumps(value.value)
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    if isinstance(value, Mapping):
        items = [f"{_key(k)}: {_render(v, indent, level + 1)}" for k, v in value.items()]
        return _block("{", items, "}", indent, level)
    if isinstance(value, list | tuple):
        return _block("[", [_render(v, indent, level + 1) for v in value], "]", indent, level)
    if isinstance(value, str):
        return _string(value)
    return json.dumps(value, ensure_ascii=False)


def _object(value: dict[object, object], indent: int, level: int) -> str:
    """A dict as a JSON object; its plain values are written here, not by a call each."""
    if not value:
        return "{}"
    inner = " " * (indent * (level + 1))
    parts = []
    for key, item in value.items():
        kind = type(item)
        if kind is str:
            text = _string(item)  # type: ignore[arg-type]
        elif kind is Decimal:
            text = f"{item:f}"
        elif item is None:
            text = "null"
        else:
            text = _render(item, indent, level + 1)
        parts.append(f"{inner}{_key(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n" + " " * (indent * level) + "}"


_KEYS: dict[str, str] = {}


def _key(key: object) -> str:
    """A mapping key as a JSON string; the few keys of a big list, worked out once."""
    text = str(key)
    found = _KEYS.get(text)
    if found is None:
        found = _string(text)
        if len(_KEYS) < 1000:
            _KEYS[text] = found
    return found


def _string(text: str) -> str:
    """A JSON string; json escapes C0 controls, and C1 and bidi controls are written
    as `\\uXXXX` too (the same string to a JSON reader, inert in a terminal)."""
    found = _ENCODE_STRING(text)
    if CONTROL.search(found) is None:
        return found
    return CONTROL.sub(lambda m: "\\u" + escaped(m.group())[2:].rjust(4, "0"), found)


def _block(open_: str, items: list[str], close: str, indent: int, level: int) -> str:
    if not items:
        return open_ + close
    inner = " " * (indent * (level + 1))
    outer = " " * (indent * level)
    return open_ + "\n" + ",\n".join(inner + item for item in items) + "\n" + outer + close


def echo_json(value: object) -> None:
    echo(render_json(value))


def echo_json_stream(head: Mapping[str, object], key: str, items: Iterable[object]) -> None:
    """`echo_json({**head, key: list(items)})`, byte for byte, written an item at a time
    so that a list of any length takes flat memory and shows its first items at once."""
    opening = render_json({**head, key: []}, 2)
    assert opening.endswith(f'"{key}": []\n}}')
    first = True
    for item in items:
        lead = opening[: -len("[]\n}")] + "[\n" if first else ",\n"
        echo(lead + "    " + _render(item, 2, 2), nl=False)
        first = False
    echo(opening if first else "\n  ]\n}")
