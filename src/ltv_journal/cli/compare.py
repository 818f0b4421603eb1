"""Weighing options side by side (`compare`), and the band line `show` prints."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import click

from ltv_journal.core import clock
from ltv_journal.core.band_text import moving
from ltv_journal.core.conventions import format_date
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import MissingBirthDate
from ltv_journal.core.explain import details
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import format_amount, format_compact
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import problems_under
from ltv_journal.core.uncertainty import Spread, decision_band
from ltv_journal.core.worth import left_out

from .as_json import option_json
from .errors import UserError
from .options import journal_options, json_option, open_journal
from .output import (
    cell_value,
    dimension_name,
    echo,
    echo_json,
    echo_lines,
    format_grouped,
    format_share,
    table,
)


def check_under_profile(options: list[Decision], profile: Profile, source: str) -> None:
    """Rules of the journal's profile: one line naming the option, exit 2."""
    for index, option in enumerate(options, start=1):
        here = f"{source}: options[{index}]"
        for dim, effect in option.effects.items():
            until = effect.horizon_for(dim)
            if until is not None and profile.horizon(until) is None:
                raise UserError(f"{here}.effects.{dim}: {MissingBirthDate()}")
        for name, reason in problems_under(option, profile):
            where = f"effects.{name}" if "." in name else name
            raise UserError(f"{here}.{where}: {reason}")


def _rows(options: list[Decision], profile: Profile) -> list[list[str]]:
    currency, worth = profile.currency, profile.worth
    infos = [details(option, profile) for option in options]
    bands = [decision_band(option, profile) for option in options]
    rows: list[list[str]] = [
        [
            _("amount {currency}").format(currency=currency),
            *(format_amount(o.amount) for o in options),
        ]
    ]
    for dim in DIMENSIONS:
        rows.append([dimension_name(dim), *(cell_value(dim, info.values[dim]) for info in infos)])
    if worth:
        rows.append(
            [
                _("combined {currency}").format(currency=currency),
                *(
                    "—" if i.combined is None else format_compact(i.combined, signed=True)
                    for i in infos
                ),
            ]
        )
    rows.append([_("verdict"), *(info.judgement.label for info in infos)])
    priced: Mapping[Dimension, list[str]] = {
        dim: [
            "—" if dim not in i.cost_per_point_year else format_compact(i.cost_per_point_year[dim])
            for i in infos
        ]
        for dim in DIMENSIONS
        if any(dim in i.cost_per_point_year for i in infos)
    }
    rows.extend(
        [
            _("{currency} per {dimension} point-year").format(
                currency=currency, dimension=dimension_name(dim)
            ),
            *cells,
        ]
        for dim, cells in priced.items()
    )
    rows.append(
        [
            _("hours of working life"),
            *(
                "—"
                if i.opportunity is None or i.opportunity.working_hours is None
                else format_grouped(i.opportunity.working_hours)
                for i in infos
            ),
        ]
    )
    if worth:
        for label, pick in (("P10", 0), ("P50", 1), ("P90", 2)):
            rows.append(
                [
                    _("combined {percentile}").format(percentile=label),
                    *(_compact(b.combined, pick) for b in bands),
                ]
            )
    else:
        shown = [d for d in DIMENSIONS if any(d in moving(o) for o in options)]
        for dim in shown:
            rows.append(
                [
                    _("{dimension} P10 / P50 / P90").format(dimension=dimension_name(dim)),
                    *(
                        " / ".join(cell_value(dim, v) for v in _three(b.dimensions[dim]))
                        for b in bands
                    ),
                ]
            )
    rows.append([_("chance it raises"), *(format_share(b.p_raises) for b in bands)])
    return rows


def _three(spread: Spread) -> tuple[Decimal, Decimal, Decimal]:
    return spread.p10, spread.p50, spread.p90


def _compact(spread: Spread | None, pick: int) -> str:
    return "—" if spread is None else format_compact(_three(spread)[pick], signed=True)


@click.command(
    help=N_(
        """Weigh 2 to 5 options side by side before choosing.

FILE is TOML with one [[options]] table per option: title (required), amount, kind
and effects tables, under the same keys and rules as a decision's in an export
(low and high give an effect's range); a top-level date = YYYY-MM-DD says when
they would be decided (default today). Each option gets its lifetime values,
combined value (with a worth), cost per point-year, hours of working life, verdict,
and its band: P10 / P50 / P90 over 2,000 seeded draws and the chance it raises the
lifetime value. The same file gives the same figures on every run.

To log one of them, with the others kept as its options:
ltv-journal add --from-options FILE --choose N"""
    )
)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@journal_options
@json_option
def compare(file: Path, as_json: bool) -> None:
    from ltv_journal.exchange.options import read_options

    with open_journal() as journal:
        profile = journal.profile()
    found = read_options(file, clock.today())
    check_under_profile(found.options, profile, str(file))
    if as_json:
        echo_json(
            {
                "date": found.date,
                "currency": profile.currency,
                "worth": {str(d): v for d, v in profile.worth.items()} or None,
                "options": [option_json(option, profile) for option in found.options],
            }
        )
        return
    count = len(found.options)
    header = [_("{count} options on {date}").format(count=count, date=format_date(found.date))]
    header += [option.title for option in found.options]
    rows = _rows(found.options, profile)
    echo_lines(table(header, rows, set(range(1, len(header)))))
    if profile.worth:
        for option in found.options:
            gap = left_out(details(option, profile).values, profile.worth)
            if gap:
                echo(
                    _("{title}: the combined value{left_out}").format(
                        title=option.title, left_out=gap
                    )
                )
