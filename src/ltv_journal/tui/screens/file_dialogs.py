"""Choose a file: one to import (its preview is read before the dialog closes), or one
to write the whole journal to (a backup)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from ltv_journal.core.language import N_, _

from .fields import Field, FormScreen, Problems

REPLACE = N_("this file exists: press enter again to replace it")


@dataclass(frozen=True)
class FileChoice:
    """The file chosen, and what reading it found (an import's preview)."""

    path: Path
    preview: Any = None


def backup_path(folder: Path, today: date) -> Path:
    return folder / f"ltv-journal-backup-{today.isoformat()}.toml"


class FileDialog(FormScreen[FileChoice]):
    """A file name. `must_exist`: a file to read (import); otherwise one to write, and
    an existing file is replaced only on a second enter. `save` (in a thread) reads
    what the file holds; its refusal shows at the field and the dialog stays open."""

    AUTO_FOCUS = "#path"

    DEFAULT_CSS = """
    FileDialog > .form-box { height: auto; max-width: 90; }
    """

    def __init__(
        self,
        title: str,
        intro: str,
        path: Path | None,
        *,
        must_exist: bool,
        save: Callable[[FileChoice], FileChoice] | None = None,
    ) -> None:
        super().__init__(save=save)
        self.title_text = title
        self.intro = intro
        self.initial = path
        self.must_exist = must_exist
        self._warned: Path | None = None
        """The existing file the last enter was told about (writing only)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = _("enter go on · esc cancel")
            yield Static(self.intro, classes="form-intro")
            shown = "" if self.initial is None else str(self.initial)
            yield Field(_("file"), Input(shown, id="path", compact=True), key="path")

    def typed_path(self) -> Path | None:
        text = self.query_one("#path", Input).value.strip()
        return Path(text).expanduser() if text else None

    def read_form(self) -> tuple[FileChoice | None, Problems]:
        path = self.typed_path()
        if path is None:
            return None, {"path": _("give a file")}
        if path.is_dir():
            return None, {"path": _("is a folder; give a file name")}
        if self.must_exist and not path.is_file():
            return None, {"path": _("no such file")}
        if not self.must_exist:
            if not path.parent.is_dir():
                return None, {
                    "path": _("folder {folder} does not exist").format(folder=path.parent)
                }
            if path.exists() and path != self._warned:
                return None, {"path": _(REPLACE)}
        return FileChoice(path), {}

    def action_save(self) -> None:
        path = self.typed_path()
        warned = self._warned
        super().action_save()
        if not self.must_exist and path is not None and path.exists() and warned != path:
            self._warned = path  # the next enter on the same file replaces it
