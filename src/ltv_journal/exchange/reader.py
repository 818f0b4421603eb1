"""Reading the interchange format, and importing it into a journal.

The happy path is `tomllib` plus one pass that builds domain objects; line numbers are
looked up in the raw text only when something is wrong.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ltv_journal.core import conventions
from ltv_journal.core.decision import Decision
from ltv_journal.core.language import N_, _, ngettext
from ltv_journal.core.profile import Profile
from ltv_journal.store.bulk_import import Planned
from ltv_journal.store.errors import Invalid, NewerEdits
from ltv_journal.store.journal import ImportResult, Journal

from . import layout
from .convert import FieldError, decision_from_table, profile_from_table, shown
from .convert import Path as KeyPath
from .errors import ExchangeError
from .keys import FORMAT_VERSION, MAX_BYTES, MAX_DEPTH, SUMMARY_TABLES, TOP_LEVEL_KEYS
from .lines import line_of
from .toml_syntax import toml_problem


def too_deep() -> str:
    return _("nested deeper than {depth} levels; the file is refused").format(depth=MAX_DEPTH)


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
        raise ExchangeError(_("{source}: no such file").format(source=source)) from None
    except IsADirectoryError:
        raise ExchangeError(_("{source}: is a folder, not a file").format(source=source)) from None
    except OSError as error:
        raise ExchangeError(
            _("{source}: cannot be read ({reason})").format(source=source, reason=error.strerror)
        ) from None
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
    reason = newer_reason(first, error.count, restoring=False)
    try:
        text = text_of()
    except (OSError, UnicodeDecodeError):
        return ExchangeError(f"{source}: {reason}")
    key_path: KeyPath = ("decisions", first.position - 1)
    return _located(text, source, FieldError(key_path, reason))


_NEWER = {
    (False, False): N_(
        "{title} was edited in the journal{edited}, after this file's version of it{others}; "
        "nothing was imported (--dry-run lists what the import would do, "
        "--overwrite-newer replaces newer edits)"
    ),
    (True, False): N_(
        "{title} was deleted in the journal{edited}, after this file's version of it{others}; "
        "nothing was imported (--dry-run lists what the import would do, "
        "--overwrite-newer brings it back)"
    ),
    (False, True): N_(
        "{title} was edited in the journal{edited}, after this backup's version of it{others}; "
        "nothing was restored (--dry-run lists what a restore would do, "
        "--overwrite-newer replaces newer edits)"
    ),
    (True, True): N_(
        "{title} was deleted in the journal{edited}, after this backup's version of it"
        "{others}; nothing was restored (--dry-run lists what a restore would do, "
        "--overwrite-newer brings it back)"
    ),
}


def newer_reason(first: Planned, count: int, *, restoring: bool) -> str:
    """Why an import or restore wrote nothing: `first` of `count` decisions the journal
    changed (or deleted) after the file's version of them."""
    return _(_NEWER[first.deleted, restoring]).format(
        title=repr(first.title), edited=edited_on(first.edited_at), others=more_decisions(count - 1)
    )


def _too_large(source: str, size: int) -> str:
    limit = MAX_BYTES // (1024 * 1024)
    return _(
        "{source}: the file is {size} MB; files over {limit} MB are refused "
        "(a backup of any size restores with `ltv-journal restore FILE`)"
    ).format(
        source=source,
        size=conventions.current().number(f"{size / (1024 * 1024):.1f}"),
        limit=limit,
    )


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start]
        raise ExchangeError(
            _(
                "{where}: byte {byte} (at offset {offset}) is not UTF-8 text; "
                "save the file as UTF-8"
            ).format(where=at_line(source, line), byte=f"0x{byte:02X}", offset=error.start)
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
        where = source if line is None else at_line(source, line)
        raise ExchangeError(f"{where}: {too_deep()}") from None
    try:
        return _convert(data)
    except FieldError as error:
        raise _located(text, source, error) from None


def _syntax_error(source: str, message: str, text: str = "") -> ExchangeError:
    """tomllib's `message` about `text` as one line that names the file and the line."""
    problem = toml_problem(message)
    if problem.line is not None:
        return ExchangeError(
            _("{where}: not valid TOML: {what} (column {column})").format(
                where=at_line(source, problem.line), what=problem.what, column=problem.column
            )
        )
    opened = _unclosed_line(text) if problem.at_end else None
    if opened is not None:
        return ExchangeError(
            _("{where}: not valid TOML: {what} (it runs to the end of the file)").format(
                where=at_line(source, opened), what=problem.what
            )
        )
    return ExchangeError(
        _("{where}: not valid TOML: {what}").format(where=source, what=problem.what)
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
            raise FieldError(
                (key,),
                _("unknown key; expected one of {keys}").format(keys=expected),
                value,
                told=True,
            )
    for name in SUMMARY_TABLES:
        if name in data and depth(data[name]) >= MAX_DEPTH:
            raise FieldError((name,), too_deep())
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
        raise FieldError(path, _("expected a whole number such as 1"), found, told=True)
    if found > FORMAT_VERSION:
        raise FieldError(
            path,
            _(
                "the file is in version {version} of the format, newer than this ltv-journal "
                "reads ({known}); upgrade ltv-journal to import it"
            ).format(version=found, known=FORMAT_VERSION),
        )


def _decisions(data: dict[str, Any]) -> list[Decision]:
    items = data.get("decisions", [])
    if type(items) is not list:
        raise FieldError(("decisions",), _("expected [[decisions]] tables"), items)
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
            raise FieldError(
                ("decisions", index, "id"), _("appears twice in the file"), decision.id
            )
        seen.add(decision.id)
        decisions.append(decision)
    return decisions


def problem_path(name: str) -> KeyPath:
    """A core problem's field (`amount`, `happiness.years`, `reviews.0.actual.love`,
    `options.1.happiness.low`) as a path in the file."""
    if name.startswith("reviews."):
        _head, index, key = name.split(".", 2)
        return ("reviews", int(index), *key.split("."))
    if name.startswith("options."):  # options.1.happiness.low
        _head, index, key = name.split(".", 2)
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
        message = too_deep()
    elif (
        error.value is not None
        and not isinstance(error.value, dict)  # "got a table" would add nothing
        and not error.told
        and "got " not in message
        and "unknown" not in message
    ):
        message = _("{message}, got {found}").format(message=message, found=shown(error.value))
    line = line_of(text, error.path)
    where = at_line(source, line) if line is not None else source
    return ExchangeError(f"{where}: {format_path(error.path)}: {message}")


def at_line(source: str, line: int) -> str:
    """`journal.toml, line 12` (German `journal.toml, Zeile 12`)."""
    return _("{source}, line {line}").format(source=source, line=line)


def more_decisions(count: int) -> str:
    """` (and 2 more decisions)`, or nothing for none."""
    if count < 1:
        return ""
    return " " + ngettext(
        "(and {count} more decision)", "(and {count} more decisions)", count
    ).format(count=count)


def edited_on(moment: datetime | None) -> str:
    """` on 2026-11-29 15:23:19 UTC`: when the journal's copy was edited (UTC, as
    stored; German `am 29.11.2026 15:23:19 UTC`)."""
    if moment is None:
        return ""
    return " " + _("on {day} {time} UTC").format(
        day=conventions.format_date(moment.date()), time=f"{moment:%H:%M:%S}"
    )


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
