"""Writing a file so that a crash leaves the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ltv_journal.core.language import _
from ltv_journal.store.location import sqlite_path

from .errors import ExchangeError


def write_atomically(
    path: Path, text: str | Iterable[str], *, protected: Iterable[Path] = ()
) -> None:
    """Write `text` (UTF-8; a string or its parts in order) to `path`: a temporary file
    in the same folder, fsync, rename over `path`, fsync the folder. An existing file
    keeps its permissions; a new one is readable by its owner only (journals are
    private).

    Only a regular, writable file is replaced: a folder, a symbolic link, a device,
    a pipe or a read-only file is refused, and so is any of `protected` (the journal's
    own database files), before anything is written."""
    folder = path.parent
    if not folder.is_dir():
        why = (
            _("the folder {folder} is not a folder")
            if folder.exists()
            else _("the folder {folder} does not exist")
        )
        raise ExchangeError(_cannot_write(path, why.format(folder=folder)))
    _refuse_to_replace(path, protected)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ExchangeError(
            _cannot_write(
                path,
                _("the folder {folder} is not writable ({reason})").format(
                    folder=folder, reason=error.strerror
                ),
            )
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            for part in [text] if isinstance(text, str) else text:
                stream.write(part.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException as error:  # the parts may fail too (a database error)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise ExchangeError(_cannot_write(path, str(error.strerror))) from None
        raise
    _sync_folder(folder)


def journal_files(location: str) -> list[Path]:
    """The files of the journal at `location` (its database, -wal and -shm) that an
    export must never replace; none for a database URL."""
    database = sqlite_path(location)
    return [] if database is None else [Path(f"{database}{s}") for s in ("", "-wal", "-shm")]


def check_replaceable(path: Path, protected: Iterable[Path] = ()) -> None:
    """Raise ExchangeError unless `write_atomically` may write `path` (see there); for
    checking before the work that makes the text."""
    _refuse_to_replace(path, protected)


def _refuse_to_replace(path: Path, protected: Iterable[Path]) -> None:
    for other in protected:
        if _same_file(path, other):
            raise ExchangeError(
                _cannot_write(
                    path, _("it is the journal's own database file; choose another file name")
                )
            )
    try:
        found = path.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise ExchangeError(_cannot_write(path, str(error.strerror))) from None
    mode = found.st_mode
    if stat.S_ISREG(mode):
        if not mode & stat.S_IWUSR:
            raise ExchangeError(
                _cannot_write(path, _("the file is read-only; nothing was written"))
            )
        return
    what = (
        _("a folder")
        if stat.S_ISDIR(mode)
        else _("a symbolic link")
        if stat.S_ISLNK(mode)
        else _("a device, pipe or socket")
    )
    raise ExchangeError(
        _cannot_write(
            path,
            _("it is {what}, not a regular file; nothing was written").format(what=what),
        )
    )


def _cannot_write(path: Path, why: str) -> str:
    return _("cannot write {path}: {reason}").format(path=path, reason=why)


def _same_file(path: Path, other: Path) -> bool:
    if os.path.abspath(path) == os.path.abspath(other):
        return True
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (not possible on every platform)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
