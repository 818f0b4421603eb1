"""Writing a file so that a crash leaves the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import ExchangeError


def write_atomically(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path`: a temporary file in the same folder, fsync,
    rename over `path`, fsync the folder. An existing file keeps its permissions; a
    new one is readable by its owner only (journals are private)."""
    folder = path.parent
    if not folder.is_dir():
        why = "is not a folder" if folder.exists() else "does not exist"
        raise ExchangeError(f"cannot write {path}: the folder {folder} {why}")
    if path.is_dir():
        raise ExchangeError(f"cannot write {path}: it is a folder")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ExchangeError(
            f"cannot write {path}: the folder {folder} is not writable ({error.strerror})"
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise ExchangeError(f"cannot write {path}: {error.strerror}") from None
    _sync_folder(folder)


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
