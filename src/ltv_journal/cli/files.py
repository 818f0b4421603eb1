"""Reading and writing the interchange TOML: import and export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import UserError
from .options import db_option, open_journal, settings
from .output import echo


@click.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--replace-profile",
    is_flag=True,
    help="Let the file's [profile] replace the journal's (otherwise it is used only "
    "when the journal has none).",
)
@db_option
def import_(file: str, replace_profile: bool) -> None:
    """Read decisions (and a profile) from an interchange TOML file.

    All or nothing: a file with any error writes nothing. Decisions with an id already
    in the journal are updated, not duplicated. FILE `-` reads standard input (so
    `export --all | import -` copies a journal); a file named - is ./-. An import cannot
    be undone, and undo does not reach past it.
    """
    from ltv_journal.exchange.reader import import_file, import_text

    if file == "-":
        try:
            text = sys.stdin.read()
        except UnicodeDecodeError:
            raise UserError("standard input is not UTF-8 text") from None
    with open_journal(create=True) as journal:
        if file == "-":
            result = import_text(journal, text, "<stdin>", replace_profile=replace_profile)
        else:
            result = import_file(journal, Path(file), replace_profile=replace_profile)
    profile = "; profile set" if result.profile_set else ""
    echo(f"imported {file}: {result.added} added, {result.updated} updated{profile}")


@click.command(short_help="Write the yearly TOML summary or the whole journal.")
@click.option("--year", type=click.IntRange(1900, 2200), help="The year to summarise.")
@click.option("--all", "everything", is_flag=True, help="The whole journal (a backup).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of stdout; only a regular file is "
    "replaced, never the journal's own database.",
)
@db_option
def export(year: int | None, everything: bool, output: Path | None) -> None:
    """Write the yearly TOML summary (--year Y) or the whole journal (--all).

    The result can be read back with `ltv-journal import`.
    """
    if (year is None) == (not everything):
        raise UserError("give either --year YEAR or --all")
    from ltv_journal.exchange.files import check_replaceable, journal_files

    protected = journal_files(settings().location)
    if output is not None:
        check_replaceable(output, protected)
    with open_journal() as journal:
        if everything:
            from ltv_journal.exchange.writer import export_all

            text = export_all(journal)
        else:
            from ltv_journal.exchange.summary import yearly_summary

            assert year is not None
            text = yearly_summary(journal, year)
    if output is None:
        echo(text, nl=not text.endswith("\n"))
        return
    from ltv_journal.exchange.files import write_atomically

    write_atomically(output, text, protected=protected)
    echo(f"wrote {output}", err=True)
