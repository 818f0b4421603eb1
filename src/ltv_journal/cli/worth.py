"""What the journal's own choices say a point-year is worth."""

from __future__ import annotations

import click

from ltv_journal.core.language import N_, _
from ltv_journal.core.money import format_amount
from ltv_journal.core.worth import POINT_DIMENSIONS, implied_worth

from .as_json import worth_json
from .options import journal_options, json_option, open_journal
from .output import dimension_name, echo, echo_json, echo_lines, format_count, table

WORTH_HEADER = (
    N_("a point-year of"),
    N_("your worth"),
    N_("implied"),
    N_("range"),
    N_("decisions"),
)


@click.command(
    name="worth",
    short_help=N_("The worth per point-year your choices imply."),
    help=N_(
        """The worth of a point-year of happiness, love and meaning that your past choices
imply, beside the worth you set.

Each decision that gave up money for one point dimension alone says that dimension
was worth at least what it cost a point-year (paying 450 for +0.46 love point-years:
love is worth at least 978). The range and median run over those decisions. Take
the median as your worth with: ltv-journal profile --worth love=AMOUNT

--json prints {"currency", "set": {dim: n}, "implied": {dim: {"decisions", "low",
"median", "high"}}}."""
    ),
)
@journal_options
@json_option
def worth_command(as_json: bool) -> None:
    with open_journal() as journal:
        profile = journal.profile()
        implied = implied_worth(values for _id, values in journal.point_purchases())
    if as_json:
        echo_json(
            {
                "currency": profile.currency,
                "set": worth_json(profile.worth) or {},
                "implied": {
                    str(dim): {
                        "decisions": found.decisions,
                        "low": found.low,
                        "median": found.median,
                        "high": found.high,
                    }
                    for dim, found in implied.items()
                },
            }
        )
        return
    cur = profile.currency
    rows = []
    for dim in POINT_DIMENSIONS:
        found = implied.get(dim)
        given = profile.worth.get(dim)
        rows.append(
            (
                dimension_name(dim),
                "—" if given is None else format_amount(given, cur),
                "—" if found is None else format_amount(found.median, cur),
                "—"
                if found is None
                else f"{format_amount(found.low)} – {format_amount(found.high)}",
                "0" if found is None else format_count(found.decisions),
            )
        )
    echo_lines(
        table(
            tuple(_(h) for h in WORTH_HEADER),
            rows,
            {1, 2, 4},
        )
    )
    if not implied:
        echo(
            _("no decision yet gave up money for one point dimension alone, so nothing is implied")
        )
    else:
        echo(_("implied: the median cost per point-year of decisions that bought one dimension"))
