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

_WORDS = (
    N_("Cannot overwrite a value"),
    N_("Escaped character is not a Unicode scalar value"),
    N_("Expected '=' after a key in a key/value pair"),
    N_("Expected ']' at the end of a table declaration"),
    N_("Expected ']]' at the end of an array declaration"),
    N_("Expected newline or end of document after a statement"),
    N_("Invalid date or datetime"),
    N_("Invalid hex value"),
    N_("Invalid initial character for a key part"),
    N_("Invalid statement"),
    N_("Invalid value"),
    N_("Unclosed array"),
    N_("Unclosed inline table"),
    N_("Unescaped '\\' in a string"),
    N_("Unterminated string"),
    N_("Cannot declare {key} twice"),
    N_("Cannot mutate immutable namespace {key}"),
    N_("Cannot redefine namespace {key}"),
    N_("Duplicate inline table key {key}"),
    N_("Expected {expected}"),
    N_("Found invalid character {char}"),
    N_("Illegal character {char}"),
)
"""tomllib's messages, each its own catalog entry; a `{name}` stands for what tomllib
puts there. The fixed ones come first: `Expected '='…` before `Expected {expected}`."""


def _pattern(words: str) -> re.Pattern[str]:
    """The message as a pattern: its text literal, each `{name}` any text."""
    parts = re.split(r"\{(\w+)\}", words)
    literal = [re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+)" for i, part in enumerate(parts)]
    return re.compile("".join(literal) + "$")


_MESSAGES = tuple((_pattern(words), words) for words in _WORDS)


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
