"""One codec for the domain objects: dataclasses to plain data and back.

The undo log (JSON text) and `--json` both go through `to_plain`, and the undo log reads
back through `from_plain`; both walk the dataclass fields and their type hints, so a new
field on a `Decision`, `Effect`, `Review` or `Profile` travels without touching them.

Plain data is dicts, lists, strings, numbers, booleans and None. Decimals, dates and
datetimes become strings unless `scalars=True` keeps them for an encoder that prints
them exactly (the command line's JSON does); enums become their values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_plain(value: Any, *, scalars: bool = False) -> Any:
    """`value` as plain data: dataclasses as dicts of their fields, mappings with string
    keys, tuples as lists."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | dt.date):  # datetime is a date
        return value if scalars else str(value) if isinstance(value, Decimal) else value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_plain(getattr(value, f.name), scalars=scalars)
            for f in dataclasses.fields(value)
        }
    if isinstance(value, Mapping):
        return {str(to_plain(k)): to_plain(v, scalars=scalars) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [to_plain(v, scalars=scalars) for v in value]
    return value


def from_plain(kind: type[T], data: Any) -> T:
    """An object of `kind` (a dataclass) from what `to_plain` made of one."""
    result: T = _read(kind, data)
    return result


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _read(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return None if data is None else _read(options[0], data)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_read(item, v) for v in data)
    if origin in (Mapping, dict):
        key, item = typing.get_args(hint)
        return {_read(key, k): _read(item, v) for k, v in data.items()}
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            hints = _hints(hint)
            known = {f.name for f in dataclasses.fields(hint)}
            return hint(**{k: _read(hints[k], v) for k, v in data.items() if k in known})
        if issubclass(hint, Enum):
            return hint(data)
        if hint is Decimal:
            return Decimal(str(data))
        if hint is dt.datetime:
            return data if isinstance(data, dt.datetime) else dt.datetime.fromisoformat(data)
        if hint is dt.date:
            return data if isinstance(data, dt.date) else dt.date.fromisoformat(data)
    return data
