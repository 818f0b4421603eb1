"""The terminal UI as `ltv-journal serve` runs it for one browser tab.

textual-serve starts `python -m ltv_journal.tui.served LOCATION` once per connected page
and talks to it through pipes (Textual's web driver, chosen by textual-serve's
environment), so the command line's "is this a terminal?" check must not apply here.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(args: Sequence[str]) -> None:
    if len(args) != 1:
        print("usage: python -m ltv_journal.tui.served LOCATION", file=sys.stderr)
        sys.exit(2)
    from .app import run_app

    run_app(args[0])


if __name__ == "__main__":
    main(sys.argv[1:])
