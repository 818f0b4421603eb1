"""Choose the year to export and the file to write its TOML summary to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from ltv_journal.core.language import N_, _

from ..spoken import Spoken
from .fields import Field, FormScreen, Problems

EXISTS = N_("this file exists: press enter again to replace it")


@dataclass(frozen=True)
class ExportRequest:
    """Write the summary of `year` to `path`."""

    year: int
    path: Path


def default_path(folder: Path, year: int) -> Path:
    return folder / f"ltv-journal-{year}.toml"


def path_problem(path: Path) -> str | None:
    """Why the summary cannot be written to `path`, or None."""
    if path.is_dir():
        return _("is a folder; give a file name")
    if not path.parent.is_dir():
        return _("folder {folder} does not exist").format(folder=path.parent)
    return None


class YearSelect(Spoken, Select[int], inherit_bindings=False):
    """The year; space or an arrow opens the list. Enter is left to the form, where it
    exports, as the footer says."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,space,up", "show_overlay", N_("Show menu"), show=False)
    ]


class ExportDialog(FormScreen[ExportRequest]):
    """Dismisses an ExportRequest or None; the app writes the file in a worker."""

    AUTO_FOCUS = "#path"

    DEFAULT_CSS = """
    ExportDialog {
        & > .form-box { height: auto; max-width: 90; }
        & Select { width: 20; }
    }
    """

    def __init__(self, years: Sequence[int], year: int, folder: Path) -> None:
        super().__init__()
        self.years = sorted(set(years) | {year}, reverse=True)
        self.year = year
        self.folder = folder
        self._year_shown = year
        """The year the default file name was last written for."""
        self._warned: Path | None = None
        """The existing file the last attempt to export was told about."""
        self._replace: Path | None = None
        """The existing file the person confirmed (a second enter) to replace."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box") as box:
            box.border_title = _("Export a year")
            box.border_subtitle = _("enter export · esc cancel")
            yield Static(
                _(
                    "Writes the year's summary and its decisions as TOML; the file can be read "
                    "in any editor and imported back."
                ),
                classes="form-intro",
            )
            years = YearSelect(
                [(str(y), y) for y in self.years],
                value=self.year,
                allow_blank=False,
                id="year",
                compact=True,
            )
            yield Field(_("year"), years, key="year")
            path = str(default_path(self.folder, self.year))
            yield Field(_("file"), Input(path, id="path", compact=True), key="path")

    def on_mount(self) -> None:
        self._touched.add("path")  # a file that exists is said before the first enter
        self.refresh_form()

    def refresh_form(self) -> None:
        """Another path is asked about afresh."""
        if self.typed_path() != self._warned:
            self._warned = self._replace = None
        super().refresh_form()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Follow the year in the file name unless the person wrote a path of their own."""
        if not isinstance(event.value, int):
            return
        path = self.query_one("#path", Input)
        if path.value.strip() == str(default_path(self.folder, self._year_shown)):
            path.value = str(default_path(self.folder, event.value))
        self._year_shown = event.value

    def typed_path(self) -> Path | None:
        text = self.query_one("#path", Input).value.strip()
        return Path(text).expanduser() if text else None

    def read_form(self) -> tuple[ExportRequest | None, Problems]:
        year = self.query_one("#year", Select).value
        path = self.typed_path()
        if path is None:
            return None, {"path": _("give a file to write")}
        problem = path_problem(path)
        if problem or not isinstance(year, int):
            return None, {"path": problem or _("pick a year")}
        if path.exists() and path != self._replace:
            return None, {"path": _(EXISTS)}
        return ExportRequest(year=year, path=path), {}

    def action_save(self) -> None:
        """A file that exists is replaced only on a second enter for the same path."""
        path = self.typed_path()
        if path is not None and path == self._warned:
            self._replace = path
        self._warned = path if path is not None and path.exists() else None
        super().action_save()
