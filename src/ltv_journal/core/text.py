"""Text from a journal on its way to a terminal: control characters made visible.

A title or a note may come from a file someone else wrote. Shown as it is, an escape
sequence in it could rename the terminal, wipe the screen or reorder what is read
(bidi overrides). Every output path passes journal text through `visible()`, and the
one-line fields refuse such characters at input (`control_problem()`).
"""

from __future__ import annotations

import re

from .language import _

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls (ESC and NUL among them), DEL, C1 controls, and the bidi embeddings,
overrides and isolates (U+202A–202E, U+2066–2069)."""

_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""The same without the line feed and the tab, which notes keep."""


def escaped(char: str) -> str:
    """A character as it is written in Python or TOML: `\\x1b`, `\\u202e`."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, lines: bool = True) -> str:
    """`text` with every control character written out (`\\x1b`, `\\u202e`), so that
    printing it cannot drive a terminal. With `lines` (the default) line feeds and tabs
    stay as they are, for notes; without, they are written out too."""
    pattern = _CONTROL_BUT_LINES if lines else CONTROL
    if pattern.search(text) is None:  # the common case costs one scan
        return text
    return pattern.sub(lambda match: escaped(match.group()), text)


def control_problem(text: str) -> str | None:
    """Why a one-line field cannot hold `text`, or None when it can: no line breaks,
    tabs, escape or other control characters, or bidi overrides."""
    found = CONTROL.search(text)
    if found is None:
        return None
    char = found.group()
    if char in "\n\r":
        return _("must be one line")
    return _("must not hold control characters (found {char})").format(char=escaped(char))
