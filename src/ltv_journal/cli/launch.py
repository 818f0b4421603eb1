"""Opening the terminal UI: on the user's journal, or on a copy of the sample journal."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from ltv_journal.core.language import N_, _

from .options import open_journal

TuiRunner = Callable[..., object]


def tui_runner() -> TuiRunner | None:
    """`run_app(location)` of the terminal UI, or None when it is not installed or there
    is no terminal to run it in (output to a pipe or a file, input from one)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    if importlib.util.find_spec("ltv_journal.tui.app") is None:
        return None
    from ltv_journal.tui.app import run_app

    return run_app


@click.command(
    short_help=N_("Open the terminal UI on a copy of the sample journal."),
    help=N_("Open the terminal UI on a fresh temporary copy of the sample journal."),
)
def demo() -> None:
    from ltv_journal.exchange.reader import import_file
    from ltv_journal.exchange.sample import sample_path

    from .score import read_score, score_lines

    with tempfile.TemporaryDirectory(prefix="ltv-journal-demo-") as folder:
        location = str(Path(folder) / "demo.db")
        sample = sample_path("journal")
        if not sample.is_file():  # the three-year journal is optional; the seed never is
            sample = sample_path("max-muster")
        with open_journal(location, create=True) as journal:
            import_file(journal, sample, replace_profile=True)
        run = tui_runner()
        if run is not None:
            run(location)
            return
        from ltv_journal.core import clock

        for line in score_lines(*read_score(location, clock.today())):
            click.echo(line)
        click.echo(_("The terminal UI is not available in this installation."))
