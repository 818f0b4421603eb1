"""The command line's help in the language in force.

Help texts are English in the source, marked with `N_`; click keeps them on its command
and option objects, so they are put into the language in force once per run, before
anything is printed (`ReportingGroup.main`). The English source stays on each object.
A help made of several messages (`Composed`: the `--effect` syntax shared by `add` and
`edit`) is translated a message at a time.
"""

from __future__ import annotations

from typing import Any

import click

from ltv_journal.core.language import N_, _

_SOURCE = "_ltv_source_help"


class Composed(str):
    """A help text made of marked messages joined by a blank line; each is translated
    on its own (the catalog cannot hold their join, which the extractor never sees)."""

    parts: tuple[str, ...]

    def __new__(cls, *parts: str) -> Composed:
        flat = tuple(p for part in parts for p in getattr(part, "parts", (part,)))
        made = super().__new__(cls, "\n\n".join(flat))
        made.parts = flat
        return made


def in_language(source: str) -> str:
    """`source` (a marked message, or a `Composed` one) in the language in force."""
    if isinstance(source, Composed):
        return "\n\n".join(_(part) for part in source.parts)
    return _(source)


def _translated(thing: object, attribute: str) -> None:
    key = f"{_SOURCE}_{attribute}"
    source = getattr(thing, key, None)
    if source is None:
        source = getattr(thing, attribute, None)
        if not source:
            return
        setattr(thing, key, source)
    setattr(thing, attribute, in_language(source))


def translate_help(command: click.Command) -> None:
    """`command`'s help, short help and its options' help — and its subcommands' — in the
    language in force."""
    _translated(command, "help")
    _translated(command, "short_help")
    if getattr(command, "_help_option", None) is not None:
        command._help_option = None  # click keeps `--help` once made: make it anew, spoken now
    for param in command.params:
        if isinstance(param, click.Option):
            _translated(param, "help")
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translate_help(sub)


class _SpokenTypeName(str):
    """A click type's name (`integer`) that reads in the language in force where click
    puts it into an error ("'abc' is not a valid integer"); its upper-case metavar in
    the help (`INTEGER`) stays as click writes it."""

    def __format__(self, spec: str) -> str:
        return format(_(str(self)), spec)


_TYPE_NAMES: dict[type[click.ParamType[Any]], str] = {
    click.types.IntParamType: N_("integer"),
    click.types.IntRange: N_("integer range"),
    click.types.FloatParamType: N_("float"),
    click.types.FloatRange: N_("float range"),
}
for _type, _name in _TYPE_NAMES.items():
    _type.name = _SpokenTypeName(_name)
