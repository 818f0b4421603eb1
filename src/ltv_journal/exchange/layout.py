"""A fast reader for the layout ltv-journal itself writes, beside `tomllib`.

`tomllib` reads character by character in Python: 100,000 decisions (35 MB) take it
about 12 s. Files written by ltv-journal use a small, regular part of TOML — one
`key = value` per line under the known headers — which this module reads line by line
in a fraction of that. It accepts only what it fully understands and returns exactly
what `tomllib.loads(text, parse_float=Decimal)` would; on anything else (a dotted or
quoted key, an inline table, a repeated key, an unknown header under `decisions`, …)
it raises `NotLayout` and the caller parses the whole file with `tomllib`, which also
gives the precise error. Tables other than `profile` and `decisions` (the yearly
summary's) are handed to `tomllib` as one piece.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ltv_journal.core.dimensions import DIMENSIONS

from .keys import (
    CLV_KEYS,
    DECISION_KEYS,
    EFFECT_KEYS,
    OBSERVATION_KEYS,
    OPTION_KEYS,
    PROFILE_KEYS,
    REVIEW_KEYS,
)

_CHAR = r'(?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\(?:[btnfr"\\]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))'
_STRING = re.compile(f'"({_CHAR}*)"')
_ESCAPE = re.compile(r'\\(?:([btnfr"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))')
_SIMPLE = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
_ARRAY = re.compile(rf'\[[ \t]*(?:"{_CHAR}*"[ \t]*(?:,[ \t]*"{_CHAR}*"[ \t]*)*,?[ \t]*)?\]')
_ARRAY_ITEM = re.compile(f'"({_CHAR}*)"')
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?Z")
_BAD_COMMENT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_COMMENT = r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
_VERSION = re.compile(rf"[ \t]*format_version[ \t]*=[ \t]*(0|[1-9][0-9]{{0,8}})[ \t]*{_COMMENT}")
_PAIR = re.compile(
    r"[ \t]*([A-Za-z_]+)[ \t]*=[ \t]*(?:"
    rf'(?P<s>"{_CHAR}*")|(?P<f>-?(?:0|[1-9][0-9]*)\.[0-9]+)|(?P<i>-?(?:0|[1-9][0-9]*))'
    r"|(?P<t>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?Z)"
    r"|(?P<d>[0-9]{4}-[0-9]{2}-[0-9]{2})|(?P<b>true|false)"
    rf'|(?P<a>\[[ \t]*(?:"{_CHAR}*"[ \t]*(?:,[ \t]*"{_CHAR}*"[ \t]*)*,?[ \t]*)?\])'
    rf")[ \t]*{_COMMENT}"
).fullmatch
"""One `key = value` line of the common kinds, matched in one go."""
_OWN_TABLES = ("profile", "decisions")
_TOP_NAME = re.compile(r"\[\[?[ \t]*[\"']?([A-Za-z0-9_-]*)")

(
    _PROFILE,
    _DECISION,
    _EFFECT,
    _REVIEW,
    _OBSERVATION,
    _WORTH,
    _CLV,
    _OPTION,
    _OPTION_EFFECT,
    _OPTION_CLV,
) = range(10)
_KEYS: dict[int, frozenset[str]] = {
    _PROFILE: frozenset(PROFILE_KEYS) - {"worth"},
    _WORTH: frozenset(str(d) for d in DIMENSIONS[1:]),
    _DECISION: frozenset(DECISION_KEYS) - {"effects", "reviews", "options"},
    _EFFECT: frozenset(EFFECT_KEYS) - {"clv"},
    _CLV: frozenset(CLV_KEYS),
    _OPTION_CLV: frozenset(CLV_KEYS),
    _REVIEW: frozenset(REVIEW_KEYS) - {"actual"},
    _OBSERVATION: frozenset(OBSERVATION_KEYS),
    _OPTION: frozenset(OPTION_KEYS) - {"effects"},
    _OPTION_EFFECT: frozenset(EFFECT_KEYS) - {"clv"},
}
_HEADERS: dict[str, tuple[int, str]] = {
    "[profile]": (_PROFILE, ""),
    "[profile.worth]": (_WORTH, ""),
    "[[decisions]]": (_DECISION, ""),
    "[[decisions.reviews]]": (_REVIEW, ""),
    "[[decisions.options]]": (_OPTION, ""),
    **{f"[decisions.options.effects.{d}]": (_OPTION_EFFECT, str(d)) for d in DIMENSIONS},
    **{f"[decisions.effects.{d}]": (_EFFECT, str(d)) for d in DIMENSIONS},
    **{f"[decisions.effects.{d}.clv]": (_CLV, str(d)) for d in DIMENSIONS},
    **{f"[decisions.options.effects.{d}.clv]": (_OPTION_CLV, str(d)) for d in DIMENSIONS},
    **{f"[decisions.reviews.actual.{d}]": (_OBSERVATION, str(d)) for d in DIMENSIONS},
}


class NotLayout(Exception):
    """The text uses TOML this reader does not handle; parse it with tomllib."""


def _unescape(match: re.Match[str]) -> str:
    simple, short, long = match.groups()
    if simple:
        return _SIMPLE[simple]
    code = int(short or long, 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise NotLayout
    return chr(code)


def _string(content: str) -> str:
    return _ESCAPE.sub(_unescape, content) if "\\" in content else content


def _after(rest: str) -> None:
    """What follows a value must be blank or a comment."""
    rest = rest.lstrip(" \t")
    if rest and (rest[0] != "#" or _BAD_COMMENT.search(rest)):
        raise NotLayout


def _scalar(token: str) -> Any:
    if _FLOAT.fullmatch(token):
        return Decimal(token)
    if _INTEGER.fullmatch(token):
        return int(token)
    if token == "true":
        return True
    if token == "false":
        return False
    if _DATE.fullmatch(token):
        try:
            return date.fromisoformat(token)
        except ValueError:
            raise NotLayout from None
    if _MOMENT.fullmatch(token):
        return _moment(token)
    raise NotLayout


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)  # "Z" gives timezone.utc, as tomllib does
    except ValueError:
        raise NotLayout from None


def _value(text: str, lines: Any) -> Any:
    first = text[:1]
    if first == '"':
        if text.startswith('"""'):
            return _multiline(text, lines)
        match = _STRING.match(text)
        if match is None:
            raise NotLayout
        _after(text[match.end() :])
        return _string(match.group(1))
    if first == "[":
        match = _ARRAY.match(text)
        if match is None:
            raise NotLayout
        _after(text[match.end() :])
        return [_string(item) for item in _ARRAY_ITEM.findall(match.group(0))]
    token, _, comment = text.partition("#")
    if comment and _BAD_COMMENT.search(comment):
        raise NotLayout
    return _scalar(token.rstrip(" \t"))


def _multiline(text: str, lines: Any) -> str:
    """The form the writer uses: `\"\"\"` ending its line, quotes inside escaped."""
    if text.rstrip(" \t") != '"""':
        raise NotLayout
    parts: list[str] = []
    for line in lines:
        if line.endswith('"""'):
            parts.append(line[:-3])
            if any(_ends_in_backslash(part) for part in parts[:-1]):
                raise NotLayout  # a line-ending backslash joins lines: tomllib's to read
            content = "\n".join(parts)
            if not _STRING.fullmatch(f'"{content.replace(chr(10), "")}"'):
                raise NotLayout
            return _string(content)
        parts.append(line)
    raise NotLayout


def _ends_in_backslash(line: str) -> bool:
    """Whether `line` ends in an unescaped backslash (spaces after it allowed)."""
    body = line.rstrip(" \t")
    return (len(body) - len(body.rstrip("\\"))) % 2 == 1


def parse(text: str) -> dict[str, Any]:
    """`text` as tomllib would parse it (floats as Decimal), or NotLayout."""
    if "\r" in text:
        raise NotLayout
    state = _State()
    lines = iter(text.split("\n"))
    for raw in lines:
        pair = _PAIR(raw)
        if pair is not None and state.current is not None:
            key, kind = pair.group(1), pair.lastgroup
            if key not in state.allowed or key in state.current or kind is None:
                raise NotLayout
            state.current[key] = _converted(kind, pair.group(kind))
            continue
        line = raw.strip(" \t")
        if line[:1] == "[":
            found = _HEADERS.get(line)
            if found is not None:
                state.open(*found)
                continue
            if _top_name(line) in _OWN_TABLES:
                raise NotLayout
            state.other.append(raw)
            state.current = None
        elif state.current is None:
            state.keep_other(raw, line)
        elif line and line[0] != "#":
            key, equals, value = line.partition("=")
            key = key.rstrip(" \t")
            if not equals or key not in state.allowed or key in state.current:
                raise NotLayout
            state.current[key] = _value(value.lstrip(" \t"), lines)
        elif line and _BAD_COMMENT.search(line):
            raise NotLayout
    if state.other:
        _merge(state.root, "\n".join(state.other))
    return state.root


def _converted(kind: str, text: str) -> Any:
    if kind == "f":
        return Decimal(text)
    if kind == "s":
        return _string(text[1:-1])
    if kind == "i":
        return int(text)
    if kind == "d":
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise NotLayout from None
    if kind == "t":
        return _moment(text)
    if kind == "b":
        return text == "true"
    return [_string(item) for item in _ARRAY_ITEM.findall(text)]


def _top_name(header: str) -> str:
    match = _TOP_NAME.match(header)
    return "" if match is None else match.group(1)


class _State:
    """Where the reader is: the table keys go to, and the tables above it."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}
        self.other: list[str] = []
        """Lines of tables this reader leaves to tomllib (the summary's)."""
        self.current: dict[str, Any] | None = None
        self.allowed: frozenset[str] = frozenset()
        self.decision: dict[str, Any] | None = None
        self.review: dict[str, Any] | None = None
        self.option: dict[str, Any] | None = None

    def keep_other(self, raw: str, line: str) -> None:
        if not self.other:
            version = _VERSION.fullmatch(raw)
            if version is not None and "format_version" not in self.root:
                self.root["format_version"] = int(version.group(1))
                return
            if line and line[0] != "#":
                raise NotLayout  # a key before any table
            if _BAD_COMMENT.search(line):
                raise NotLayout
            return
        if '"""' in raw or "'''" in raw:
            raise NotLayout  # a header-like line could hide in a multi-line string
        self.other.append(raw)

    def open(self, kind: int, name: str) -> None:
        self.allowed = _KEYS[kind]
        if kind == _PROFILE:
            if "profile" in self.root:
                raise NotLayout
            self.current = self.root["profile"] = {}
        elif kind == _WORTH:
            profile = self.root.get("profile")
            if profile is None or "worth" in profile or self.decision is not None:
                raise NotLayout
            self.current = profile["worth"] = {}
        elif kind == _DECISION:
            self.current = self.decision = {}
            self.review = self.option = None
            self.root.setdefault("decisions", []).append(self.decision)
        elif self.decision is None:
            raise NotLayout
        elif kind == _EFFECT:
            self.current = _new_table(self.decision.setdefault("effects", {}), name)
        elif kind in (_CLV, _OPTION_CLV):
            # Only right under its own effect's table, as the writer puts it.
            effect = self.current
            owner = self.decision if kind == _CLV else self.option
            if effect is None or owner is None or owner.get("effects", {}).get(name) is not effect:
                raise NotLayout
            self.current = _new_table(effect, "clv")
        elif kind == _REVIEW:
            self.current = self.review = {}
            self.decision.setdefault("reviews", []).append(self.review)
        elif kind == _OPTION:
            self.current = self.option = {}
            self.decision.setdefault("options", []).append(self.option)
        elif kind == _OPTION_EFFECT:
            if self.option is None:
                raise NotLayout
            self.current = _new_table(self.option.setdefault("effects", {}), name)
        elif self.review is None:
            raise NotLayout
        else:
            self.current = _new_table(self.review.setdefault("actual", {}), name)


def _new_table(parent: dict[str, Any], name: str) -> dict[str, Any]:
    if name in parent:
        raise NotLayout
    table: dict[str, Any] = {}
    parent[name] = table
    return table


def _merge(root: dict[str, Any], text: str) -> None:
    try:
        extra = tomllib.loads(text, parse_float=Decimal)
    except (tomllib.TOMLDecodeError, RecursionError):
        raise NotLayout from None
    for key, value in extra.items():
        if key in root:
            raise NotLayout
        root[key] = value
