"""Choosing the longest wording that fits the cells available."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len, set_cell_size


def first_fitting(options: Iterable[str], width: int) -> str:
    """The first option that fits in `width` cells, else the last one cut to fit."""
    last = ""
    for option in options:
        if cell_len(option) <= width:
            return option
        last = option
    return set_cell_size(last, width - 1) + "…" if width > 0 else ""
