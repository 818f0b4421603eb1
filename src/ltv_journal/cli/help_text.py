"""The command line's help in the language in force.

Help texts are English in the source, marked with `N_`; click keeps them on its command
and option objects, so they are put into the language in force once per run, before
anything is printed (`ReportingGroup.main`). The English source stays on each object.
"""

from __future__ import annotations

import click

from ltv_journal.core.language import _

_SOURCE = "_ltv_source_help"


def _translated(thing: object, attribute: str) -> None:
    key = f"{_SOURCE}_{attribute}"
    source = getattr(thing, key, None)
    if source is None:
        source = getattr(thing, attribute, None)
        if not source:
            return
        setattr(thing, key, source)
    setattr(thing, attribute, _(source))


def translate_help(command: click.Command) -> None:
    """`command`'s help, short help and its options' help — and its subcommands' — in the
    language in force."""
    _translated(command, "help")
    _translated(command, "short_help")
    for param in command.params:
        if isinstance(param, click.Option):
            _translated(param, "help")
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translate_help(sub)
