"""The `ltv-journal` command.

With no arguments (or only `--db`), the terminal UI opens straight away: the command
line (click and every command module) is imported only when a command is given, so the
score reaches the screen sooner.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Sequence


def bare_location(args: Sequence[str]) -> str | None:
    """The `--db` value of a bare invocation ("" for none), or None when `args` hold a
    command, any other option or an empty `--db` (the command line refuses that)."""
    if not args:
        return ""
    if len(args) == 1 and args[0].startswith("--db=") and args[0].removeprefix("--db=").strip():
        return args[0].removeprefix("--db=")
    if len(args) == 2 and args[0] == "--db" and args[1].strip() and not args[1].startswith("-"):
        return args[1]
    return None


def _env_is_blank() -> bool:
    """Whether $LTV_JOURNAL_DB is set but empty (the command line refuses that)."""
    from ltv_journal.locations import ENV_DB

    value = os.environ.get(ENV_DB)
    return value is not None and not value.strip()


def _speak_environment() -> bool:
    """Speak the environment's language; False when $LTV_JOURNAL_LANG names none."""
    from ltv_journal.core import language

    try:
        language.use(language.choose())
    except language.LanguageError:
        return False
    return True


def main() -> None:
    location = bare_location(sys.argv[1:])
    if location == "" and _env_is_blank():
        location = None  # the command line says what is wrong
    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    if location is not None and not _speak_environment():
        location = None  # the command line says what is wrong
    if (
        location is not None
        and terminal
        and importlib.util.find_spec("ltv_journal.tui.app") is not None
    ):
        from ltv_journal.locations import journal_location
        from ltv_journal.tui.app import run_app

        run_app(journal_location(location or None))
        return
    from ltv_journal.cli import main as command_line

    command_line(prog_name="ltv-journal")
