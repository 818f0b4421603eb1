"""Export a year, import a file and back up the whole journal, from the main screen's
keys.

An import first reads the file in a thread and shows what it would do (`import
--dry-run`'s preview: added, changed, unchanged, would overwrite a newer edit); only the
person's answer writes, and overwriting newer edits is its own key. A backup writes
`export --all` to a file, a decision at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Footer

from ltv_journal.core import clock
from ltv_journal.core.language import N_, _

from .figures import format_count

if TYPE_CHECKING:
    from ltv_journal.store.journal import Journal

    from .main_screen import MainScreen
    from .screens.export_dialog import ExportRequest
    from .screens.file_dialogs import FileChoice


class FileFlow:
    """The steps of `x` (export), `o` (import) and `b` (backup) for `screen`; the writes
    run with the screen's `in_background`, so their answers are said and everything is
    read again."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def export(self, years: Sequence[int], shown_year: int | None) -> None:
        """Ask which year to export (the year shown, else this one) and where."""
        from .screens.export_dialog import ExportDialog

        year = shown_year or clock.today().year
        choices = sorted({*years, year}, reverse=True)
        self.screen.app.push_screen(ExportDialog(choices, year, Path.cwd()), callback=self._export)

    def _export(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        from .journal_jobs import export_summary

        busy = self._busy(
            _("Exporting {year} to {path}…").format(year=request.year, path=request.path)
        )
        self.screen.in_background(
            lambda journal: export_summary(journal, request),
            what=_("export {year}").format(year=request.year),
            group="export",
            then=busy.remove,
        )

    def _busy(self, note: str) -> Widget:
        """A line above the footer saying what is being written, until it is done."""
        from .widgets.busy_line import BusyLine

        busy = BusyLine(note)
        self.screen.mount(busy, before=self.screen.query_one(Footer))
        return busy

    def import_file(self, journal: Journal) -> None:
        from .screens.file_dialogs import FileChoice, FileDialog

        def preview(choice: FileChoice) -> FileChoice:  # run by the dialog in a thread
            from ltv_journal.exchange.backup import preview_file
            from ltv_journal.exchange.errors import ExchangeError
            from ltv_journal.store.errors import Invalid

            try:
                return FileChoice(choice.path, preview_file(journal, choice.path))
            except ExchangeError as error:
                raise Invalid([("path", str(error))]) from None

        dialog = FileDialog(
            _("Import a file"),
            _(
                "An interchange TOML file: a backup, a yearly summary or one written by hand. "
                "You see what it would add and change before anything is written."
            ),
            None,
            must_exist=True,
            save=preview,
        )
        self.screen.app.push_screen(dialog, callback=self._previewed)

    def _previewed(self, choice: FileChoice | None) -> None:
        if choice is None or choice.preview is None:
            return
        from .screens.import_preview import ImportPreview

        screen = ImportPreview(choice.path.name, choice.preview)
        self.screen.app.push_screen(screen, callback=lambda answer: self._import(choice, answer))

    def _import(self, choice: FileChoice, overwrite: bool | None) -> None:
        if overwrite is None:
            return

        def run(journal: Journal) -> str:
            from ltv_journal.exchange.backup import import_any

            result = import_any(journal, choice.path, overwrite_newer=overwrite)
            overwritten = (
                _(", {count} newer edits overwritten").format(
                    count=format_count(result.overwritten)
                )
                if overwrite
                else ""
            )
            return _(
                "Imported {file}: {added} added, {changed} changed, {unchanged} unchanged"
                "{overwritten} (u takes it back)"
            ).format(
                file=choice.path.name,
                added=format_count(result.added),
                changed=format_count(result.updated),
                unchanged=format_count(result.unchanged),
                overwritten=overwritten,
            )

        self.screen.in_background(
            run, what=_("import {file}").format(file=choice.path.name), group="import"
        )

    def backup(self) -> None:
        from .screens.file_dialogs import FileDialog, backup_path

        dialog = FileDialog(
            _("Back up the journal"),
            _(
                "Writes the profile and every decision with its effects and reviews as TOML "
                "(as ltv-journal backup); o or ltv-journal restore reads it back."
            ),
            backup_path(Path.cwd(), clock.today()),
            must_exist=False,
        )
        self.screen.app.push_screen(dialog, callback=self._back_up)

    def _back_up(self, choice: FileChoice | None) -> None:
        if choice is None:
            return
        busy = self._busy(_("Backing up to {path}…").format(path=choice.path))

        def run(journal: Journal) -> str:
            from ltv_journal.exchange.files import journal_files, write_atomically
            from ltv_journal.exchange.writer import export_all_parts

            parts = export_all_parts(journal)
            write_atomically(choice.path, parts, protected=journal_files(journal.location))
            return _("Backed up the journal to {path}").format(path=choice.path)

        self.screen.in_background(
            run, what=N_("back up the journal"), group="backup", then=busy.remove
        )
