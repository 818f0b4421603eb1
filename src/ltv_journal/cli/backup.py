"""A whole-journal backup, and restoring one of any size."""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ltv_journal.core.language import N_, _, ngettext

from .files import ACTION_WORDS, import_json, import_line
from .options import journal_missing, journal_options, json_option, open_journal, settings
from .output import echo, echo_json, format_count

if TYPE_CHECKING:
    from ltv_journal.store.bulk_import import ImportResult, Planned


@click.command(
    short_help=N_("Write the whole journal to a file (a backup)."),
    help=N_(
        """Write the whole journal — profile, every decision with its effects and reviews —
to FILE in the interchange format (as `export --all -o FILE`), a decision at a time
and atomically. `ltv-journal restore FILE` reads it back, at any size."""
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@journal_options
def backup(file: Path) -> None:
    from ltv_journal.exchange.files import check_replaceable, journal_files, write_atomically
    from ltv_journal.exchange.writer import export_all_parts

    protected = journal_files(settings().location)
    check_replaceable(file, protected)
    with open_journal() as journal:
        write_atomically(file, export_all_parts(journal), protected=protected)
        count = journal.count()
    echo(
        ngettext(
            "wrote {file}: the profile and {count} decision",
            "wrote {file}: the profile and {count} decisions",
            count,
        ).format(file=file, count=format_count(count))
    )


@click.command(
    short_help=N_("Read a backup of any size back into the journal."),
    help=N_(
        """Read a backup written by `backup` or `export --all` into the journal.

The same as `import` — all or nothing, idempotent by id, a decision edited in the
journal after the backup's version of it is kept unless --overwrite-newer, one
step for `ltv-journal undo` — for a file of any size: it is read a decision at a
time (each at most 1 MB), so memory stays flat at a million decisions. Decisions
the journal holds and the backup does not are kept."""
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--replace-profile",
    is_flag=True,
    help=N_(
        "Let the backup's [profile] replace the journal's (otherwise it is used only "
        "when the journal has none)."
    ),
)
@click.option(
    "--dry-run",
    is_flag=True,
    help=N_("Only say, per decision, what the restore would do; write nothing."),
)
@click.option(
    "--overwrite-newer",
    is_flag=True,
    help=N_(
        "Replace decisions edited in the journal after the backup's version of them "
        "(refused otherwise)."
    ),
)
@journal_options
@json_option
def restore(
    file: Path, replace_profile: bool, dry_run: bool, overwrite_newer: bool, as_json: bool
) -> None:
    location = settings().location
    new = journal_missing(location)
    try:
        result = _restore(file, location, dry_run, replace_profile, overwrite_newer, as_json)
    except BaseException:
        if new and not dry_run:  # a refused backup leaves no journal behind
            from ltv_journal.exchange.files import journal_files

            for path in journal_files(location):
                path.unlink(missing_ok=True)
        raise
    if as_json:
        data = import_json(str(file), result)
        del data["decisions"]  # a backup's million lines are for --dry-run's text
        echo_json(data)
        return
    echo(import_line(str(file), result, verb="restore"))


def _restore(
    file: Path,
    location: str,
    dry_run: bool,
    replace_profile: bool,
    overwrite_newer: bool,
    as_json: bool,
) -> ImportResult:
    from ltv_journal.exchange.backup import open_backup, restore_backup

    def say(step: Planned) -> None:
        words = _(ACTION_WORDS[str(step.action)])
        echo(f"{words:<28}  {step.id[:8]}  {step.title}")

    # The head is read first: a file that is no backup creates no journal.
    with ExitStack() as stack:
        found = stack.enter_context(open_backup(file))
        if dry_run and journal_missing(location):  # preview against an empty journal
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="ltv-preview-"))
            location = str(Path(folder) / "preview.db")
        journal = stack.enter_context(open_journal(location, create=True))
        result = restore_backup(
            journal,
            found,
            replace_profile=replace_profile,
            overwrite_newer=overwrite_newer,
            dry_run=dry_run,
            on_step=say if dry_run and not as_json else None,
        )
    return result
