"""A backup of any size, read a decision at a time: what `restore` imports.

`import` reads a whole file into memory and so refuses files over 50 MB; a backup of a
million decisions is over 400 MB. A backup is what `export --all` writes: a head (the
format version and the profile) and then one `[[decisions]]` table after another,
each with its effect and review tables. It is read line by line and cut before every
`[[decisions]]` header; each piece is parsed on its own (the fast line reader, else
`tomllib`), so memory holds one decision at a time. A piece or a line over 1 MB is
refused, and so is anything but `[[decisions]]` tables after the head (such a file is
for `import`). Every refusal names the file and its line.

A multi-line string that holds a line `[[decisions]]` (only a hand-written file can:
ltv-journal writes every string on one line) is cut in two, and the first piece, its
string never closed, is refused: cutting never changes what a file says.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from ltv_journal.core.decision import Decision
from ltv_journal.core.language import _
from ltv_journal.core.profile import Profile
from ltv_journal.store.bulk_import import ImportResult, Planned
from ltv_journal.store.errors import Invalid, NewerEdits
from ltv_journal.store.journal import Journal

from . import layout
from .convert import FieldError, decision_from_table, shown
from .convert import Path as KeyPath
from .errors import ExchangeError
from .keys import MAX_DEPTH
from .lines import line_of
from .reader import (
    at_line,
    depth,
    format_path,
    newer_reason,
    problem_path,
    read_interchange_text,
    too_deep,
    value_at,
)
from .toml_syntax import toml_problem

MAX_PIECE_BYTES = 1024 * 1024
"""The most one decision's tables (or the head) may take in a backup."""

_DECISIONS = re.compile(rb"[ \t]*\[\[[ \t]*decisions[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?\n?")


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of a backup: its text and the line (from 1) it starts on."""

    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Backup:
    """An open backup: its profile (None without `[profile]`) and its decisions, read
    from the file as they are taken (an ExchangeError on a bad one)."""

    source: str
    profile: Profile | None
    decisions: Iterator[Decision]


@contextmanager
def open_backup(path: Path) -> Iterator[Backup]:
    """Open `path` and read its head; the decisions follow as the caller takes them.
    Raises ExchangeError naming the file and line."""
    source = str(path)
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise ExchangeError(_("{source}: no such file").format(source=source)) from None
    except IsADirectoryError:
        raise ExchangeError(_("{source}: is a folder, not a file").format(source=source)) from None
    except OSError as error:
        raise ExchangeError(
            _("{source}: cannot be read ({reason})").format(source=source, reason=error.strerror)
        ) from None
    with stream:
        pieces = _pieces(stream, source)
        head = next(pieces)
        found = read_interchange_text(head.text, source)
        if found.decisions:
            raise ExchangeError(
                _(
                    "{source}: the decisions are not [[decisions]] tables; read this file "
                    "with `ltv-journal import`"
                ).format(source=source)
            )
        first = next(pieces, None)
        if first is None and not head.text.strip():
            raise ExchangeError(
                _(
                    "{source}: the file is empty: not a backup "
                    "(`ltv-journal backup FILE` writes one)"
                ).format(source=source)
            )
        rest = pieces if first is None else itertools.chain([first], pieces)
        yield Backup(source, found.profile, _decisions(rest, source))


def restore_backup(
    journal: Journal,
    backup: Backup,
    *,
    replace_profile: bool = False,
    overwrite_newer: bool = False,
    dry_run: bool = False,
    on_step: Callable[[Planned], None] | None = None,
) -> ImportResult:
    """Import an open backup into `journal` as `import` would (one transaction, all or
    nothing, idempotent by id, newer edits kept unless `overwrite_newer`, one undo
    step), in flat memory at any size; `on_step` hears what happens to each decision."""
    try:
        return journal.restore_decisions(
            backup.decisions,
            backup.profile,
            replace_profile=replace_profile,
            overwrite_newer=overwrite_newer,
            dry_run=dry_run,
            source=Path(backup.source).name,
            on_step=on_step,
        )
    except Invalid as error:
        raise _store_error(backup.source, error) from None
    except NewerEdits as error:
        raise _newer_error(backup.source, error) from None


def _pieces(stream: IO[bytes], source: str) -> Iterator[Piece]:
    """The head (possibly empty), then each `[[decisions]]` table with its sub-tables."""
    number = 0
    start = 1
    lines: list[bytes] = []
    size = 0
    while raw := stream.readline(MAX_PIECE_BYTES + 1):
        number += 1
        if _DECISIONS.fullmatch(raw):
            yield _piece(start, lines, source)
            start, lines, size = number, [], 0
        lines.append(raw)
        size += len(raw)
        if size > MAX_PIECE_BYTES:
            what = _("the part before the first decision") if start == 1 else _("this decision")
            raise ExchangeError(
                _("{where}: {what} takes over {size} KB; the file is refused").format(
                    where=at_line(source, start), what=what, size=MAX_PIECE_BYTES // 1024
                )
            )
    yield _piece(start, lines, source)


def _piece(start: int, lines: list[bytes], source: str) -> Piece:
    raw = b"".join(lines)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = start + raw.count(b"\n", 0, error.start)
        raise ExchangeError(
            _("{where}: byte {byte} is not UTF-8 text; save the file as UTF-8").format(
                where=at_line(source, line), byte=f"0x{raw[error.start]:02X}"
            )
        ) from None
    return Piece(start, text.removeprefix("\ufeff") if start == 1 else text)


def _decisions(pieces: Iterator[Piece], source: str) -> Iterator[Decision]:
    for index, piece in enumerate(pieces):
        yield read_piece(piece, index, source)


def read_piece(piece: Piece, index: int, source: str) -> Decision:
    """The decision a `[[decisions]]` piece holds (0-based `index` in the file)."""
    try:
        try:
            data = layout.parse(piece.text)
        except layout.NotLayout:
            data = tomllib.loads(piece.text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(piece, source, str(error)) from None
    except RecursionError:
        raise ExchangeError(f"{at_line(source, piece.line)}: {too_deep()}") from None
    try:
        return _decision(data, index)
    except FieldError as error:
        raise _located(piece, source, error) from None


def _decision(data: dict[str, Any], index: int) -> Decision:
    for key, value in data.items():
        if key != "decisions":
            raise FieldError(
                (key,),
                _(
                    "a backup holds the profile and then only [[decisions]] tables; "
                    "read this file with `ltv-journal import`"
                ),
                value,
            )
    items = data.get("decisions")
    if type(items) is not list or len(items) != 1:
        raise FieldError(("decisions",), _("expected one [[decisions]] table here"))
    if depth(items[0]) >= MAX_DEPTH:
        raise FieldError(
            ("decisions", 0), _("nested deeper than {depth} levels").format(depth=MAX_DEPTH)
        )
    decision = decision_from_table(items[0], index)
    problems = decision.problems()
    if problems:
        name, reason = problems[0]
        path: KeyPath = ("decisions", index, *problem_path(name))
        raise FieldError(path, reason, value_at({"decisions": items}, _local(path)))
    return decision


def _local(path: KeyPath) -> KeyPath:
    """A path in the file as a path in its piece (which holds one decision)."""
    if len(path) > 1 and path[0] == "decisions" and isinstance(path[1], int):
        return ("decisions", 0, *path[2:])
    return path


def _located(piece: Piece, source: str, error: FieldError) -> ExchangeError:
    message = error.message
    if (
        error.value is not None
        and not error.told
        and "got " not in message
        and "unknown" not in message
    ):
        message = _("{message}, got {found}").format(message=message, found=shown(error.value))
    line = line_of(piece.text, _local(error.path))
    where = at_line(source, piece.line + (line or 1) - 1)
    return ExchangeError(f"{where}: {format_path(error.path)}: {message}")


def _syntax_error(piece: Piece, source: str, message: str) -> ExchangeError:
    """tomllib's `message` about one decision's piece, at its line in the whole file."""
    problem = toml_problem(message)
    if problem.line is None:
        return ExchangeError(
            _("{where}: not valid TOML: {what} (in the decision that starts here)").format(
                where=at_line(source, piece.line), what=problem.what
            )
        )
    return ExchangeError(
        _("{where}: not valid TOML: {what} (column {column})").format(
            where=at_line(source, piece.line + problem.line - 1),
            what=problem.what,
            column=problem.column,
        )
    )


def _piece_at(source: str, position: int) -> Piece | None:
    """The piece of the decision at `position` (from 1), read afresh from the file."""
    try:
        with Path(source).open("rb") as stream:
            for index, piece in enumerate(_pieces(stream, source)):
                if index == position:
                    return piece
    except (OSError, ExchangeError):
        return None
    return None


def _store_error(source: str, error: Invalid) -> ExchangeError:
    """Point a rule the store enforces (a horizon without a birth date, an id twice)
    at its line."""
    name, reason = error.problems[0] if error.problems else ("", str(error))
    if error.position is None:
        return ExchangeError(f"{source}: profile: {error}")
    piece = _piece_at(source, error.position)
    if piece is None:
        return ExchangeError(f"{source}: {error}")
    path: KeyPath = ("decisions", error.position - 1, *problem_path(name))
    return _located(piece, source, FieldError(path, reason))


def _newer_error(source: str, error: NewerEdits) -> ExchangeError:
    first = error.planned[0]
    reason = newer_reason(first, error.count, restoring=True)
    piece = _piece_at(source, first.position)
    if piece is None:
        return ExchangeError(f"{source}: {reason}")
    return _located(piece, source, FieldError(("decisions", first.position - 1), reason))


@dataclass(frozen=True, slots=True)
class Preview:
    """What importing a file would do: the counts, and the first steps to show (every
    newer edit among them first, then the others in the file's order)."""

    result: ImportResult
    steps: tuple[Planned, ...]


def preview_file(journal: Journal, path: Path, *, shown: int = 50) -> Preview:
    """`import --dry-run` of `path` (or `restore --dry-run` of a backup too big for
    import): nothing is written. Raises ExchangeError naming the file and line."""
    newer: list[Planned] = []
    others: list[Planned] = []

    def keep(step: Planned) -> None:
        kept = newer if step.action == "newer" else others
        if len(kept) < shown:
            kept.append(step)

    result = import_any(journal, path, dry_run=True, on_step=keep)
    for step in result.plan:
        keep(step)
    return Preview(result, tuple([*newer, *others][:shown]))


def import_any(
    journal: Journal,
    path: Path,
    *,
    overwrite_newer: bool = False,
    dry_run: bool = False,
    on_step: Callable[[Planned], None] | None = None,
) -> ImportResult:
    """Import `path`: read whole when it is small enough for `import`, else as a backup
    a decision at a time (`restore`). The file's profile is used only when the journal
    has none, as `import` does without --replace-profile."""
    from .keys import MAX_BYTES
    from .reader import import_file

    try:
        big = path.stat().st_size > MAX_BYTES
    except OSError:
        big = False  # import_file says why it cannot be read
    if not big:
        return import_file(journal, path, overwrite_newer=overwrite_newer, dry_run=dry_run)
    with open_backup(path) as found:
        return restore_backup(
            journal, found, overwrite_newer=overwrite_newer, dry_run=dry_run, on_step=on_step
        )
