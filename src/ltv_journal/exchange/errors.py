"""The one error the interchange format reports."""

from __future__ import annotations


class ExchangeError(Exception):
    """A file could not be read, written or imported.

    The message names the file, the line, the key and what was expected, e.g.
    `journal.toml, line 12: decisions[3].amount: expected a number ≥ 0, got "abc"`.
    """
