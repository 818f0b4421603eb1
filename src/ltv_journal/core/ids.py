"""Decision and review ids: UUIDs, stable across export, import and machines."""

from __future__ import annotations

import re
import uuid

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def new_id() -> str:
    """A fresh random id."""
    return str(uuid.uuid4())


def is_id(text: str) -> bool:
    """Whether `text` is an id as the journal writes it (lower-case UUID text)."""
    return _UUID.fullmatch(text) is not None
