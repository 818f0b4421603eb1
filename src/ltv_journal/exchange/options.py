"""A file of options to weigh side by side (`ltv-journal compare FILE`).

    date = 2026-01-01          # optional: the day they would be decided on (default today)

    [[options]]
    title = "Watch"
    amount = 900

    [[options]]
    title = "Course"
    amount = 1200
    [options.effects.meaning]
    per_year = 1
    low = 0.5
    high = 2
    years = 5

Each option takes a decision's `title` (required), `kind`, `amount` and `effects`
tables, under the same keys and rules; there are 2 to 5 of them. Errors name the file,
the line and the key, like an import's.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ltv_journal.core.decision import Decision
from ltv_journal.core.language import _

from .convert import FieldError, check_keys, day, option_from_table
from .convert import Path as KeyPath
from .errors import ExchangeError
from .reader import _located, _syntax_error, file_text, value_at

FILE_KEYS: tuple[str, ...] = ("date", "options")
MIN_OPTIONS = 2
MAX_OPTIONS = 5


@dataclass(frozen=True, slots=True)
class OptionSet:
    """The options of a file, as unsaved decisions on one day."""

    date: date
    options: list[Decision]


def read_options(path: Path, today: date) -> OptionSet:
    """Read and check an options file; raises ExchangeError naming file, line and key."""
    source = str(path)
    text = file_text(path)
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(source, str(error), text) from None
    except RecursionError:
        raise ExchangeError(
            _("{source}: nested too deeply; the file is refused").format(source=source)
        ) from None
    try:
        return _convert(data, today)
    except FieldError as error:
        raise _located(text, source, error) from None


def _convert(data: dict[str, Any], today: date) -> OptionSet:
    check_keys(data, frozenset(FILE_KEYS), ())
    decided_on = day(data, "date", ()) or today
    items = data.get("options")
    if type(items) is not list or not items:
        raise FieldError(("options",), _("expected 2 to 5 [[options]] tables"), items)
    if len(items) > MAX_OPTIONS:
        raise FieldError(
            ("options", MAX_OPTIONS),
            _("one option too many: compare at most {most} ({given} given)").format(
                most=MAX_OPTIONS, given=len(items)
            ),
        )
    if len(items) < MIN_OPTIONS:
        raise FieldError(
            ("options", 0),
            _("is the only option: compare {least} to 5").format(least=MIN_OPTIONS),
        )
    options = [_option(item, index, decided_on, data) for index, item in enumerate(items)]
    return OptionSet(decided_on, options)


def _option(value: object, index: int, decided_on: date, data: Mapping[str, Any]) -> Decision:
    path: KeyPath = ("options", index)
    option = option_from_table(value, path).as_decision(decided_on)
    for name, reason in option.problems():
        where: KeyPath = (*path, *_field_path(name))
        raise FieldError(where, reason, value_at(data, where))
    return option


def _field_path(name: str) -> KeyPath:
    """A core problem's field (`amount`, `happiness.low`) as a path in the file."""
    if "." in name:
        dimension, key = name.split(".", 1)
        return ("effects", dimension, key)
    return (name,)
