"""The `ltv-journal` command.

With no arguments (or only `--db`), the terminal UI opens straight away: the command
line (click and every command module) is imported only when a command is given, so the
score reaches the screen sooner.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence


def bare_location(args: Sequence[str]) -> str | None:
    """The `--db` value of a bare invocation ("" for none), or None when `args` hold a
    command or any other option."""
    if not args:
        return ""
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return args[0].removeprefix("--db=")
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return args[1]
    return None


def main() -> None:
    location = bare_location(sys.argv[1:])
    if location is not None and importlib.util.find_spec("ltv_journal.tui.app") is not None:
        from ltv_journal.locations import journal_location
        from ltv_journal.tui.app import run_app

        run_app(journal_location(location or None))
        return
    from ltv_journal.cli import main as command_line

    command_line(prog_name="ltv-journal")
