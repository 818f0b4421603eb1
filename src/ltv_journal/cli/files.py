"""Reading and writing the interchange TOML: import and export."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ltv_journal.core.conventions import format_date
from ltv_journal.core.language import N_, _, ngettext

from .errors import UserError

if TYPE_CHECKING:
    from ltv_journal.store.bulk_import import ImportResult
from .options import journal_missing, journal_options, json_option, open_journal, settings
from .output import echo, echo_json, echo_lines, format_count


@click.command(
    name="import",
    help=N_(
        """Read decisions (and a profile) from an interchange TOML file.

All or nothing: a file with any error writes nothing. Decisions with an id already
in the journal are updated, not duplicated, and left alone when they are the same.
A decision edited in the journal after the file's version of it (an older backup)
stops the import unless --overwrite-newer. FILE `-` reads standard input (so
`export --all | import -` copies a journal); a file named - is ./-. `ltv-journal
undo` takes back a whole import."""
    ),
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--replace-profile",
    is_flag=True,
    help=N_(
        "Let the file's [profile] replace the journal's (otherwise it is used only "
        "when the journal has none)."
    ),
)
@click.option(
    "--dry-run",
    is_flag=True,
    help=N_(
        "Only say, per decision, what the import would do (added, changed, unchanged, "
        "or would overwrite a newer edit); write nothing."
    ),
)
@click.option(
    "--overwrite-newer",
    is_flag=True,
    help=N_(
        "Replace decisions edited in the journal after the file's version of them "
        "(refused otherwise)."
    ),
)
@journal_options
@json_option
def import_(
    file: str, replace_profile: bool, dry_run: bool, overwrite_newer: bool, as_json: bool
) -> None:
    from ltv_journal.exchange.reader import import_read, read_interchange, read_interchange_text

    # The file is read first: one that cannot be read creates no journal.
    if file == "-":
        try:
            text = sys.stdin.read()
        except UnicodeDecodeError:
            raise UserError(_("standard input is not UTF-8 text")) from None
        source, found = "<stdin>", read_interchange_text(text, "<stdin>")

        def text_of() -> str:
            return text
    else:
        source, found = file, read_interchange(Path(file))

        def text_of() -> str:
            return Path(file).read_text(encoding="utf-8")

    options = {
        "replace_profile": replace_profile,
        "overwrite_newer": overwrite_newer,
        "dry_run": dry_run,
    }
    location = settings().location
    with ExitStack() as stack:
        if dry_run and journal_missing(location):  # preview against an empty journal
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="ltv-preview-"))
            location = str(Path(folder) / "preview.db")
        journal = stack.enter_context(open_journal(location, create=True))
        result = import_read(journal, found, source, text_of, **options)
    if as_json:
        echo_json(import_json(file, result))
        return
    if dry_run:
        echo_lines(plan_lines(result))
    echo(import_line(file, result))


ACTION_WORDS = {
    "added": N_("added"),
    "changed": N_("changed"),
    "unchanged": N_("unchanged"),
    "newer": N_("would overwrite a newer edit"),
}


def plan_lines(result: ImportResult) -> list[str]:
    """One line per decision of the file: what the import does with it."""
    width = max((len(_(w)) for w in ACTION_WORDS.values()), default=0)
    lines = []
    for step in result.plan:
        words = _(ACTION_WORDS[str(step.action)])
        when = (
            (
                _(" (deleted {date} {time} UTC)")
                if step.deleted
                else _(" (edited {date} {time} UTC)")
            ).format(date=format_date(step.edited_at.date()), time=f"{step.edited_at:%H:%M:%S}")
            if step.action == "newer" and step.edited_at is not None
            else ""
        )
        lines.append(f"{words:<{width}}  {step.id[:8]}  {step.title}{when}")
    return lines


WOULD = {
    "import": N_("would import {file}: {counts}{details} (nothing was written)"),
    "restore": N_("would restore {file}: {counts}{details} (nothing was written)"),
}
DONE = {
    "import": N_("imported {file}: {counts}{details}"),
    "restore": N_("restored {file}: {counts}{details}"),
}
"""The line an import or a restore ends with, before and after the fact."""


def import_line(file: str, result: ImportResult, verb: str = "import") -> str:
    counts = _("{added} added, {changed} changed, {unchanged} unchanged").format(
        added=format_count(result.added),
        changed=format_count(result.updated),
        unchanged=format_count(result.unchanged),
    )
    if result.dry_run:
        refused = (
            ngettext(
                "; {count} would overwrite a newer edit",
                "; {count} would overwrite newer edits",
                result.newer,
            ).format(count=format_count(result.newer))
            if result.newer
            else ""
        )
        profile = (
            _("; profile would be set{fields}").format(fields=_fields(result))
            if result.profile_set
            else ""
        )
        profile += _(IGNORED) if result.profile_ignored else ""
        return _(WOULD[verb]).format(file=file, counts=counts, details=f"{refused}{profile}")
    overwritten = (
        ngettext(
            "; {count} newer edit overwritten",
            "; {count} newer edits overwritten",
            result.overwritten,
        ).format(count=format_count(result.overwritten))
        if result.overwritten
        else ""
    )
    profile = (
        _("; profile set{fields}").format(fields=_fields(result)) if result.profile_set else ""
    )
    profile += _(IGNORED) if result.profile_ignored else ""
    undo = _(" (ltv-journal undo takes it back)") if result.changed_anything else ""
    return _(DONE[verb]).format(file=file, counts=counts, details=f"{overwritten}{profile}{undo}")


IGNORED = N_(
    "; the file's profile was not used (the journal has its own; --replace-profile uses it)"
)


def _fields(result: ImportResult) -> str:
    """` (birth_date, worth)`: the profile fields an import sets."""
    return f" ({', '.join(result.profile_fields)})" if result.profile_fields else ""


def import_json(file: str, result: ImportResult) -> dict[str, object]:
    return {
        "file": file,
        "dry_run": result.dry_run,
        "added": result.added,
        "changed": result.updated,
        "unchanged": result.unchanged,
        "newer": result.newer,
        "overwritten": result.overwritten,
        "profile_set": result.profile_set,
        "profile_fields": list(result.profile_fields),
        "profile_ignored": result.profile_ignored,
        "decisions": [
            {
                "position": step.position,
                "id": step.id,
                "title": step.title,
                "action": str(step.action),
                "edited_at": None if step.edited_at is None else step.edited_at.isoformat(),
            }
            for step in result.plan
        ],
    }


@click.command(
    short_help=N_("Write the yearly TOML summary or the whole journal."),
    help=N_(
        """Write the yearly TOML summary (--year Y) or the whole journal (--all).

The result can be read back with `ltv-journal import`."""
    ),
)
@click.option("--year", type=click.IntRange(1900, 2200), help=N_("The year to summarise."))
@click.option("--all", "everything", is_flag=True, help=N_("The whole journal (a backup)."))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_(
        "Write to this file (atomically) instead of stdout; only a regular file is "
        "replaced, never the journal's own database."
    ),
)
@journal_options
def export(year: int | None, everything: bool, output: Path | None) -> None:
    if (year is None) == (not everything):
        raise UserError(_("give either --year YEAR or --all"))
    from ltv_journal.exchange.files import check_replaceable, journal_files

    protected = journal_files(settings().location)
    if output is not None:
        check_replaceable(output, protected)
    from ltv_journal.exchange.files import write_atomically

    with open_journal() as journal:
        parts: Iterable[str]
        if everything:  # a decision at a time: flat memory at any size
            from ltv_journal.exchange.writer import export_all_parts

            parts = export_all_parts(journal)
        else:
            from ltv_journal.exchange.summary import yearly_summary

            assert year is not None
            parts = [yearly_summary(journal, year)]
        if output is None:
            for part in parts:
                echo(part, nl=False)
            return
        write_atomically(output, parts, protected=protected)
    echo(_("wrote {file}").format(file=output), err=True)
