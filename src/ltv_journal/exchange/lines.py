"""Finding the line of a key in the raw text — only on the error path.

The parsed TOML has no line numbers, so when a value is wrong the raw text is scanned
once: table headers are followed as TOML assigns them (the k-th `[[decisions]]`, the
j-th `[[decisions.reviews]]` within it), then the key is looked for under its table.
"""

from __future__ import annotations

import re

from .convert import Path

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _names(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in dotted.split("."))


def _tables(lines: list[str]) -> list[tuple[int, Path]]:
    """(0-based line, concrete path) of every table header, with array positions."""
    counts: dict[Path, int] = {}
    found: list[tuple[int, Path]] = []
    for number, line in enumerate(lines):
        match = _HEADER.match(line)
        if match is None:
            continue
        names = _names(match.group(2))
        is_array = match.group(1) == "[["
        concrete: list[str | int] = []
        for position, name in enumerate(names):
            concrete.append(name)
            key = tuple(concrete)
            last = position == len(names) - 1
            if last and is_array:
                counts[key] = counts.get(key, 0) + 1
                # A new array element starts afresh for the arrays below it.
                for other in [k for k in counts if len(k) > len(key) and k[: len(key)] == key]:
                    del counts[other]
            if key in counts:
                concrete.append(counts[key] - 1)
        found.append((number, tuple(concrete)))
    return found


def _key_line(lines: list[str], start: int, end: int, key: str) -> int | None:
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*[=.]")
    for number in range(start, end):
        if pattern.match(lines[number]):
            return number
    return None


def line_of(text: str, path: Path) -> int | None:
    """The 1-based line where `path` is written, or the nearest enclosing line found."""
    lines = text.splitlines()
    tables = _tables(lines)
    best_start, best_len = 0, 0
    best_end = tables[0][0] if tables else len(lines)
    best_line: int | None = None
    for position, (number, concrete) in enumerate(tables):
        size = len(concrete)
        if size > best_len and size <= len(path) and path[:size] == concrete:
            best_start, best_len, best_line = number + 1, size, number
            best_end = tables[position + 1][0] if position + 1 < len(tables) else len(lines)
    rest = [p for p in path[best_len:] if isinstance(p, str)]
    if rest:
        found = _key_line(lines, best_start, best_end, rest[0])
        if found is not None:
            return found + 1
        for number, concrete in tables:  # a table below the key, e.g. [decisions.effects.x]
            if concrete[: len(path)] == path:
                return number + 1
    return None if best_line is None else best_line + 1
