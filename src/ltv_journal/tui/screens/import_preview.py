"""What an import would do, before anything is written: the same preview as
`ltv-journal import --dry-run`. Overwriting newer edits is a choice of its own."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ltv_journal.core.conventions import format_date
from ltv_journal.core.language import N_, _, ngettext
from ltv_journal.core.text import visible

from ..figures import format_count
from ..spoken import Spoken

WORDS = {
    "added": N_("added"),
    "changed": N_("changed"),
    "unchanged": N_("unchanged"),
    "newer": N_("would overwrite a newer edit"),
}


class ImportPreview(Spoken, ModalScreen[bool | None]):
    """Dismisses False (import, newer edits kept: only when there are none), True
    (import and overwrite the newer edits: asked for with `o`), or None (cancel)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "import", N_("Import")),
        Binding("o", "overwrite", N_("Overwrite newer edits")),
        Binding("escape,q", "cancel", N_("Cancel")),
    ]

    DEFAULT_CSS = """
    ImportPreview {
        align: center middle;
        & > VerticalScroll {
            width: 100%; max-width: 100; height: auto; max-height: 100%;
            border: round $primary; background: $surface; padding: 0 1;
        }
        & #preview-counts { margin-bottom: 1; }
        & #preview-keys { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(self, name: str, preview: Any) -> None:
        super().__init__()
        self.file_name = name
        self.preview = preview
        """An `exchange.backup.Preview`."""

    @property
    def newer(self) -> int:
        return int(self.preview.result.newer)

    def compose(self) -> ComposeResult:
        result = self.preview.result
        counts = _("{added} added · {changed} changed · {unchanged} unchanged").format(
            added=format_count(result.added),
            changed=format_count(result.updated),
            unchanged=format_count(result.unchanged),
        )
        if self.newer:
            counts += " · " + ngettext(
                "{count} would overwrite a newer edit",
                "{count} would overwrite newer edits",
                self.newer,
            ).format(count=format_count(self.newer))
        if result.profile_set:
            counts += " · " + _("the profile would be set")
        lines = []
        for step in self.preview.steps:
            when = (
                " "
                + (
                    _("(deleted {day} {time} UTC)")
                    if step.deleted
                    else _("(edited {day} {time} UTC)")
                ).format(day=format_date(step.edited_at.date()), time=f"{step.edited_at:%H:%M}")
                if step.action == "newer" and step.edited_at is not None
                else ""
            )
            title = visible(step.title, lines=False)
            lines.append(f"{_(WORDS[str(step.action)]):<28}  {step.id[:8]}  {title}{when}")
        total = (
            result.added
            + result.updated
            + result.unchanged
            + (0 if result.overwritten else self.newer)
        )
        if total > len(lines):
            lines.append(_("… and {count} more").format(count=format_count(total - len(lines))))
        if self.newer:
            keys = ngettext(
                "{count} decision was changed in the journal after this file's version of "
                "it. o: import and overwrite it · esc: cancel (nothing is written)",
                "{count} decisions were changed in the journal after this file's version of "
                "them. o: import and overwrite them · esc: cancel (nothing is written)",
                self.newer,
            ).format(count=format_count(self.newer))
        elif result.changed_anything:
            keys = _("enter: import (one step for u) · esc: cancel")
        else:
            keys = _("Nothing would change. esc: close")
        with VerticalScroll() as box:
            box.border_title = _("Import {file}?").format(file=visible(self.file_name, lines=False))
            box.border_subtitle = _("nothing is written yet")
            yield Static(counts, id="preview-counts")
            yield Static("\n".join(lines) or _("The file holds no decisions."), id="preview-plan")
            yield Static(keys, id="preview-keys")

    def action_import(self) -> None:
        if self.newer:
            self.notify(
                _(
                    "Some decisions were edited after this file's version: press o to "
                    "overwrite them, or esc to cancel."
                ),
                severity="warning",
            )
            return
        if not self.preview.result.changed_anything:
            self.dismiss(None)
            return
        self.dismiss(False)

    def action_overwrite(self) -> None:
        if not self.newer:
            self.action_import()
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(None)
