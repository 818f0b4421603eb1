"""The `ltv-journal` command line (DESIGN §3).

Only click and the pure core are imported here; SQLAlchemy, tomlkit and Textual are
imported inside the commands that need them, so `--help` and `score` start quickly.
"""

from __future__ import annotations

import click

from ltv_journal import __version__
from ltv_journal.core.language import N_, _

from .backup import backup, restore
from .browse import list_, show
from .charts import chart
from .compare import compare
from .decisions import add, delete, edit, undo
from .errors import ReportingGroup
from .files import export, import_
from .launch import demo, tui_runner
from .options import journal_missing, journal_options, no_journal_message, settings
from .output import echo
from .profile import profile_command
from .reviews import calibration, review
from .score import read_score, score_command, score_lines
from .serve import serve
from .worth import worth_command

__all__ = ["main"]


@click.group(
    cls=ReportingGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help=N_(
        """A decision journal that asks of every expensive choice: does this raise my
lifetime value — in money, happiness, love and meaning?

Without a command it opens the terminal UI on your journal. Errors go to stderr as
one line, with exit status 2."""
    ),
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _show_version(ctx, value),
    help=N_("Show the version and exit."),
)
@journal_options
@click.pass_context
def main(ctx: click.Context) -> None:
    """The `ltv-journal` group (help: the decorator's)."""
    settings()
    if ctx.invoked_subcommand is not None:
        return
    run = tui_runner()
    if run is not None:
        if settings().lang:  # --lang comes before the profile's language
            run(settings().location, follow_profile=False)
        else:
            run(settings().location)
        return
    from ltv_journal.core import clock

    location = settings().location
    if journal_missing(location):
        echo(no_journal_message(location))
    else:
        for line in score_lines(*read_score(location, clock.today())):
            echo(line)
    echo()
    echo(ctx.get_help())


def _show_version(ctx: click.Context, value: bool) -> None:
    """`ltv-journal, version 0.1.0` in the language in force (click words its own
    `--version` when the command is defined, before a language is chosen)."""
    if value and not ctx.resilient_parsing:
        echo(_("ltv-journal, version {version}").format(version=__version__))
        ctx.exit()


COMMANDS = (
    add,
    list_,
    show,
    compare,
    edit,
    delete,
    undo,
    score_command,
    profile_command,
    worth_command,
    chart,
    review,
    calibration,
    import_,
    export,
    backup,
    restore,
    demo,
    serve,
)
for command in COMMANDS:
    main.add_command(command)
