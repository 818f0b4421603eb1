"""What Python's TOML reader says is wrong with a file, in the language in force.

`tomllib` words its errors in English and puts the place at the end:
`Expected '=' after a key in a key/value pair (at line 3, column 5)`. Here the place is
taken off (the caller names file and line its own way) and the words are looked up
among tomllib's messages, each a catalog entry whose English is tomllib's own text, so
English readers see exactly what tomllib says and German ones its translation. A
message this list does not know (a newer Python) is shown as tomllib gives it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from ltv_journal.core.language import N_, _

_PLACE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")

_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern + "$"), words)
    for pattern, words in (
        (r"Cannot overwrite a value", N_("Cannot overwrite a value")),
        (
            r"Escaped character is not a Unicode scalar value",
            N_("Escaped character is not a Unicode scalar value"),
        ),
        (
            r"Expected '=' after a key in a key/value pair",
            N_("Expected '=' after a key in a key/value pair"),
        ),
        (
            r"Expected '\]' at the end of a table declaration",
            N_("Expected ']' at the end of a table declaration"),
        ),
        (
            r"Expected '\]\]' at the end of an array declaration",
            N_("Expected ']]' at the end of an array declaration"),
        ),
        (
            r"Expected newline or end of document after a statement",
            N_("Expected newline or end of document after a statement"),
        ),
        (r"Invalid date or datetime", N_("Invalid date or datetime")),
        (r"Invalid hex value", N_("Invalid hex value")),
        (
            r"Invalid initial character for a key part",
            N_("Invalid initial character for a key part"),
        ),
        (r"Invalid statement", N_("Invalid statement")),
        (r"Invalid value", N_("Invalid value")),
        (r"Unclosed array", N_("Unclosed array")),
        (r"Unclosed inline table", N_("Unclosed inline table")),
        (r"Unescaped '\\' in a string", N_("Unescaped '\\' in a string")),
        (r"Unterminated string", N_("Unterminated string")),
        (r"Cannot declare (?P<key>.+) twice", N_("Cannot declare {key} twice")),
        (
            r"Cannot mutate immutable namespace (?P<key>.+)",
            N_("Cannot mutate immutable namespace {key}"),
        ),
        (r"Cannot redefine namespace (?P<key>.+)", N_("Cannot redefine namespace {key}")),
        (r"Duplicate inline table key (?P<key>.+)", N_("Duplicate inline table key {key}")),
        (r"Expected (?P<expected>.+)", N_("Expected {expected}")),
        (r"Found invalid character (?P<char>.+)", N_("Found invalid character {char}")),
        (r"Illegal character (?P<char>.+)", N_("Illegal character {char}")),
    )
)


@dataclass(frozen=True, slots=True)
class TomlProblem:
    what: str
    """What is wrong, in the language in force, without the place."""
    line: int | None
    """From 1, in the text tomllib read; None at the end of it (or when not said)."""
    column: int | None
    at_end: bool
    """tomllib got to the end of the text still wanting more (an unclosed string)."""


def toml_problem(message: str) -> TomlProblem:
    """`message`, tomllib's error text, as what is wrong and where."""
    place = _PLACE.search(message)
    words = message[: place.start()] if place else message
    line = int(place.group(1)) if place and place.group(1) else None
    column = int(place.group(2)) if place and place.group(2) else None
    at_end = place is not None and place.group(1) is None
    return TomlProblem(_spoken(words), line, column, at_end)


def _spoken(words: str) -> str:
    for pattern, translated in _MESSAGES:
        found = pattern.match(words)
        if found:
            named = {name: _dotted(value) for name, value in found.groupdict().items()}
            return _(translated).format(**named)
    return words


def _dotted(value: str) -> str:
    """A key tomllib gives as a tuple, `('decisions', 'effects')`, as a TOML file writes
    it: `decisions.effects`; anything else as it is."""
    if not (value.startswith("(") and value.endswith(")")):
        return value
    try:
        parts = ast.literal_eval(value)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return value
    if isinstance(parts, tuple) and parts and all(isinstance(p, str) for p in parts):
        return ".".join(parts)
    return value
