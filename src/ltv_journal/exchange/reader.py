"""Reading the interchange format, and importing it into a journal.

The happy path is `tomllib` plus one pass that builds domain objects; line numbers are
looked up in the raw text only when something is wrong.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ltv_journal.core.decision import Decision
from ltv_journal.core.profile import Profile
from ltv_journal.store.errors import Invalid, NewerEdits
from ltv_journal.store.journal import ImportResult, Journal

from . import layout
from .convert import FieldError, decision_from_table, profile_from_table, shown
from .convert import Path as KeyPath
from .errors import ExchangeError
from .keys import FORMAT_VERSION, MAX_BYTES, MAX_DEPTH, SUMMARY_TABLES, TOP_LEVEL_KEYS
from .lines import line_of

_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOO_DEEP = f"nested deeper than {MAX_DEPTH} levels; the file is refused"


@dataclass(frozen=True, slots=True)
class Interchange:
    """What a file holds: the profile (None when it has no `[profile]`) and decisions."""

    profile: Profile | None
    decisions: list[Decision]


def read_interchange(path: Path) -> Interchange:
    """Read and validate a file; raises ExchangeError naming file, line and key."""
    return _read(file_text(path), str(path))


def file_text(path: Path) -> str:
    """A file's text (UTF-8, at most MAX_BYTES); raises ExchangeError naming the file."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ExchangeError(_too_large(source, size))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExchangeError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise ExchangeError(f"{source}: is a folder, not a file") from None
    except OSError as error:
        raise ExchangeError(f"{source}: cannot be read ({error.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise ExchangeError(_too_large(source, len(raw)))
    return _decode(raw, source)


def read_interchange_text(text: str, source: str = "<text>") -> Interchange:
    """Read and validate interchange text; `source` names it in error messages."""
    if len(text) > MAX_BYTES or (
        len(text) * 4 > MAX_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES
    ):
        raise ExchangeError(_too_large(source, len(text.encode("utf-8", "surrogatepass"))))
    return _read(text.removeprefix("\ufeff"), source)


def import_file(
    journal: Journal,
    path: Path,
    *,
    replace_profile: bool = False,
    overwrite_newer: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Read `path` and write it to `journal` in one transaction: all or nothing,
    idempotent by id, one undo step. The file's profile replaces the journal's only with
    `replace_profile`; otherwise it is used when the journal has none. A decision the
    journal holds in a version edited after the file's is not overwritten (the import
    is refused) unless `overwrite_newer`; `dry_run` only says what would happen."""
    found = read_interchange(path)
    options = Options(replace_profile, overwrite_newer, dry_run)
    return _write(journal, found, options, lambda: path.read_text(encoding="utf-8"), str(path))


def import_text(
    journal: Journal,
    text: str,
    source: str = "<stdin>",
    *,
    replace_profile: bool = False,
    overwrite_newer: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """The same as `import_file` for interchange text (standard input, say)."""
    found = read_interchange_text(text, source)
    options = Options(replace_profile, overwrite_newer, dry_run)
    return _write(journal, found, options, lambda: text, source)


def import_read(
    journal: Journal,
    found: Interchange,
    source: str,
    text_of: Callable[[], str],
    *,
    replace_profile: bool = False,
    overwrite_newer: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Import what `read_interchange` found in `source` (read before the journal is
    opened, so that a file that cannot be read creates no journal); `text_of` gives the
    text again for the line of an error."""
    options = Options(replace_profile, overwrite_newer, dry_run)
    return _write(journal, found, options, text_of, source)


@dataclass(frozen=True, slots=True)
class Options:
    replace_profile: bool = False
    overwrite_newer: bool = False
    dry_run: bool = False


def _write(
    journal: Journal,
    found: Interchange,
    options: Options,
    text_of: Callable[[], str],
    source: str,
) -> ImportResult:
    try:
        return journal.import_decisions(
            found.decisions,
            found.profile,
            replace_profile=options.replace_profile,
            overwrite_newer=options.overwrite_newer,
            dry_run=options.dry_run,
            source=Path(source).name if source != "<stdin>" else source,
        )
    except Invalid as error:
        raise _store_error(text_of, source, error) from None
    except NewerEdits as error:
        raise _newer_error(text_of, source, error) from None


def _newer_error(text_of: Callable[[], str], source: str, error: NewerEdits) -> ExchangeError:
    """Name the first decision whose journal copy is newer, with its line."""
    first = error.planned[0]
    count = error.count
    others = f" (and {count - 1} more decision{'s' if count > 2 else ''})" if count > 1 else ""
    edited = "" if first.edited_at is None else f" on {first.edited_at:%Y-%m-%d %H:%M:%S} UTC"
    reason = (
        f"{first.title!r} was edited in the journal{edited}, after this file's version of "
        f"it{others}; nothing was imported (--dry-run lists what the import would do, "
        "--overwrite-newer replaces newer edits)"
    )
    try:
        text = text_of()
    except (OSError, UnicodeDecodeError):
        return ExchangeError(f"{source}: {reason}")
    key_path: KeyPath = ("decisions", first.position - 1)
    return _located(text, source, FieldError(key_path, reason))


def _too_large(source: str, size: int) -> str:
    limit = MAX_BYTES // (1024 * 1024)
    return (
        f"{source}: the file is {size / (1024 * 1024):.1f} MB; files over {limit} MB are "
        "refused (a backup of any size restores with `ltv-journal restore FILE`)"
    )


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start]
        raise ExchangeError(
            f"{source}, line {line}: byte 0x{byte:02X} (at offset {error.start}) is not "
            "UTF-8 text; save the file as UTF-8"
        ) from None


def _read(text: str, source: str) -> Interchange:
    try:
        data = layout.parse(text)
    except layout.NotLayout:
        data = None
    try:
        if data is None:
            data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(source, str(error), text) from None
    except RecursionError:
        line = deep_line(text)
        where = source if line is None else f"{source}, line {line}"
        raise ExchangeError(f"{where}: {_TOO_DEEP}") from None
    try:
        return _convert(data)
    except FieldError as error:
        raise _located(text, source, error) from None


def _syntax_error(source: str, message: str, text: str = "") -> ExchangeError:
    match = _TOML_AT.search(message)
    if match is None:
        opened = _unclosed_line(text) if message.endswith("(at end of document)") else None
        if opened is not None:
            what = message.removesuffix(" (at end of document)")
            return ExchangeError(
                f"{source}, line {opened}: not valid TOML: {what} (it runs to the end of the file)"
            )
        return ExchangeError(f"{source}: not valid TOML: {message}")
    what = message[: match.start()]
    return ExchangeError(
        f"{source}, line {match.group(1)}: not valid TOML: {what} (column {match.group(2)})"
    )


def _unclosed_line(text: str) -> int | None:
    """The line where a multi-line string that is never closed opens (roughly: quotes
    are counted, not parsed), else the last line."""
    opened: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2:
                opened = None if opened is not None else number
    return opened if opened is not None else (text.count("\n") + 1 if text else None)


def _convert(data: dict[str, Any]) -> Interchange:
    for key, value in data.items():
        if key not in TOP_LEVEL_KEYS:
            expected = ", ".join(TOP_LEVEL_KEYS)
            raise FieldError((key,), f"unknown key; expected one of {expected}", value)
    for name in SUMMARY_TABLES:
        if name in data and depth(data[name]) >= MAX_DEPTH:
            raise FieldError((name,), _TOO_DEEP)
    _check_version(data, ("format_version",))
    _check_version(data, ("summary", "format_version"))
    profile = profile_from_table(data["profile"]) if "profile" in data else None
    if profile is not None:
        for name, reason in profile.problems():
            path = ("profile", *name.split("."))  # worth.love: [profile.worth] love
            raise FieldError(path, reason, value_at(data, path))
    return Interchange(profile, _decisions(data))


def _check_version(data: dict[str, Any], path: KeyPath) -> None:
    """Refuse a file written in a newer version of the format than this one reads."""
    found = value_at(data, path)
    if found is None:
        return
    if type(found) is not int or found < 1:
        raise FieldError(path, "expected a whole number such as 1", found)
    if found > FORMAT_VERSION:
        raise FieldError(
            path,
            f"the file is in version {found} of the format, newer than this ltv-journal "
            f"reads ({FORMAT_VERSION}); upgrade ltv-journal to import it",
        )


def _decisions(data: dict[str, Any]) -> list[Decision]:
    items = data.get("decisions", [])
    if type(items) is not list:
        raise FieldError(("decisions",), "expected [[decisions]] tables", items)
    decisions: list[Decision] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        decision = decision_from_table(item, index)
        problems = decision.problems()
        if problems:
            name, reason = problems[0]
            path: KeyPath = ("decisions", index, *problem_path(name))
            raise FieldError(path, reason, value_at(data, path))
        if decision.id in seen:
            raise FieldError(("decisions", index, "id"), "appears twice in the file", decision.id)
        seen.add(decision.id)
        decisions.append(decision)
    return decisions


def problem_path(name: str) -> KeyPath:
    """A core problem's field (`amount`, `happiness.years`, `reviews.0.actual.love`,
    `options.1.happiness.low`) as a path in the file."""
    if name.startswith("reviews."):
        _, index, key = name.split(".", 2)
        return ("reviews", int(index), *key.split("."))
    if name.startswith("options."):  # options.1.happiness.low
        _, index, key = name.split(".", 2)
        return ("options", int(index), *problem_path(key))
    if "." in name:
        dimension, key = name.split(".", 1)
        return ("effects", dimension, *key.split("."))
    return (name,)


def value_at(data: Any, path: KeyPath) -> object:
    """The parsed value at `path`, or None when there is none."""
    for step in path:
        if isinstance(step, int):
            if not isinstance(data, list) or step >= len(data):
                return None
        elif not isinstance(data, Mapping) or step not in data:
            return None
        data = data[step]
    return data


def depth(value: object) -> int:
    """How deeply tables and arrays nest inside `value` (0 for a plain value)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level + 1)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def deep_line(text: str) -> int | None:
    """The first line where brackets and braces nest deeper than allowed (roughly:
    brackets inside strings count too), for the error message."""
    level = 0
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            if char in "[{":
                level += 1
                if level > MAX_DEPTH:
                    return number
            elif char in "]}":
                level -= 1
    return None


def format_path(path: KeyPath) -> str:
    """`decisions[3].effects.money.per_year`: array positions counted from 1."""
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else ("." if text else "") + step
    return text


def _located(text: str, source: str, error: FieldError) -> ExchangeError:
    message = error.message
    if len(error.path) + depth(error.value) > MAX_DEPTH:
        message = _TOO_DEEP
    elif (
        error.value is not None
        and not isinstance(error.value, dict)  # "got a table" would add nothing
        and "got " not in message
        and "unknown" not in message
    ):
        message = f"{message}, got {shown(error.value)}"
    line = line_of(text, error.path)
    where = f"{source}, line {line}" if line is not None else source
    return ExchangeError(f"{where}: {format_path(error.path)}: {message}")


def _store_error(text_of: Callable[[], str], source: str, error: Invalid) -> ExchangeError:
    """Point a rule the store enforces (e.g. a horizon without a birth date) at its line."""
    name, reason = error.problems[0] if error.problems else ("", str(error))
    if error.position is not None:
        key_path: KeyPath = ("decisions", error.position - 1, *problem_path(name))
    else:
        key_path = ("profile", *name.split("."))
    try:
        text = text_of()
    except (OSError, UnicodeDecodeError):
        return ExchangeError(f"{source}: {error}")
    return _located(text, source, FieldError(key_path, reason))
