"""`add --from-options FILE --choose N`: one option of a compare file logged as the
decision, the others kept as the options it was chosen over."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ltv_journal.core import clock
from ltv_journal.core.decision import Decision, option_of
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.language import _

from .errors import UserError


@dataclass(frozen=True, slots=True)
class Chosen:
    """The decision to log, and every option of the file as it is weighed (the chosen
    one with the command line's changes), in the file's order."""

    decision: Decision
    weighed: list[Decision]
    source: str
    index: int
    """The chosen option's position in the file, from 0."""

    def labels(self, problems: list[tuple[str, str]]) -> dict[str, str]:
        """Option problems (`options.1.happiness.low`) named as the file's place
        (`opts.toml: options[3].effects.happiness.low`), for `problems_message`."""
        found: dict[str, str] = {}
        for name, _why in problems:
            if not name.startswith("options."):
                continue
            _options, index, key = name.split(".", 2)
            position = int(index) + (int(index) >= self.index) + 1
            where = f"effects.{key}" if "." in key else key
            found[name] = f"{self.source}: options[{position}].{where}"
        return found


def choose(
    path: Path, choice: str | None, fields: dict[str, Any], effects: dict[Dimension, Effect]
) -> Chosen:
    """Read the compare file at `path` and log option `choice` (from 1), with the
    decision fields and effects given on the command line applied over it; its date is
    `fields["date"]`, else the file's, else today."""
    from ltv_journal.exchange.options import read_options

    if choice is None:
        raise UserError(_("--from-options needs --choose N: which option to log, from 1"))
    found = read_options(path, clock.today())
    count = len(found.options)
    number = choice.strip()
    if not number.isdigit() or not 1 <= int(number) <= count:
        raise UserError(
            _("--choose {choice}: {file} has {count} options; choose one from 1 to {count}").format(
                choice=choice, file=path, count=count
            )
        )
    index = int(number) - 1
    day = fields.pop("date", None) or found.date
    weighed = [replace(option, date=day) for option in found.options]
    picked = weighed[index]
    weighed[index] = replace(picked, effects={**picked.effects, **effects}, **fields)
    others = tuple(option_of(o) for i, o in enumerate(weighed) if i != index)
    return Chosen(replace(weighed[index], options=others), weighed, str(path), index)
