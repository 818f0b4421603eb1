"""The terminal UI as `ltv-journal serve` runs it for one browser tab.

textual-serve starts `python -m ltv_journal.tui.served` once per connected page and
talks to it through pipes (Textual's web driver, chosen by textual-serve's environment),
so the command line's "is this a terminal?" check must not apply here. The journal is
the one `serve` put in $LTV_JOURNAL_DB (or a LOCATION argument, when run by hand); the
language is the one `serve --lang` put in $LTV_JOURNAL_LANG, else the profile's, else
the locale's, as for `ltv-journal` in a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(args: Sequence[str]) -> None:
    if len(args) > 1:
        print("usage: python -m ltv_journal.tui.served [LOCATION]", file=sys.stderr)
        sys.exit(2)
    from ltv_journal.core import language
    from ltv_journal.locations import journal_location

    from .app import run_app

    language.use(language.choose())  # `serve` checked $LTV_JOURNAL_LANG before it started
    run_app(journal_location(args[0] if args else None))


if __name__ == "__main__":
    main(sys.argv[1:])
