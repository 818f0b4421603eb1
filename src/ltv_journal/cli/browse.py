"""Reading decisions: list and show."""

from __future__ import annotations

import click

from ltv_journal.core import clock
from ltv_journal.core.band_text import with_band_line
from ltv_journal.core.decision import Kind
from ltv_journal.core.dimensions import DIMENSIONS
from ltv_journal.core.explain import detail_lines
from ltv_journal.core.money import format_amount, format_compact
from ltv_journal.core.road_not_taken import road_not_taken
from ltv_journal.core.verdict import judge

from . import parsing
from .as_json import decision_json, summary_json
from .errors import UserError
from .options import journal_options, json_option, open_journal
from .output import cell_value, echo, echo_json, echo_lines, table

LIST_HEADER = ("date", "id", "title", "kind", "amount", *DIMENSIONS, "verdict", "review")
NUMERIC_COLUMNS = {4, 5, 6, 7, 8}


@click.command(name="list")
@click.argument("search", required=False)
@click.option("--year", type=click.IntRange(1900, 2200), help="Only this year.")
@click.option("--from", "start", metavar="YYYY-MM-DD", help="From this day on.")
@click.option("--to", "end", metavar="YYYY-MM-DD", help="Up to this day.")
@click.option("--tag", help="Only decisions with this tag.")
@click.option("--category", help="Only this category.")
@click.option("--kind", type=click.Choice([str(k) for k in Kind]), help="Only this kind.")
@click.option("--text", help="Text in the title, notes or category (or give it as SEARCH).")
@click.option(
    "--limit",
    type=click.IntRange(1, 1_000_000_000),
    default=50,
    show_default=True,
    help="At most this many.",
)
@journal_options
@json_option
def list_(
    search: str | None,
    year: int | None,
    start: str | None,
    end: str | None,
    tag: str | None,
    category: str | None,
    kind: str | None,
    text: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List decisions, newest first.

    Values are each decision's lifetime value per dimension (money includes the amount
    paid). Example: ltv-journal list --year 2025 --tag travel
    """
    from ltv_journal.store.queries import DecisionFilter

    if search and text:
        raise click.UsageError("give the search text once: as SEARCH or as --text")
    first = None if start is None else parsing.day(start, "--from")
    last = None if end is None else parsing.day(end, "--to")
    if first is not None and last is not None and last < first:
        raise UserError(f"--to {last} is before --from {first}; no day can match both")
    flt = DecisionFilter(
        text=(search or text or "").strip(),
        tag=tag or "",
        category=category or "",
        kind=None if kind is None else Kind(kind),
        year=year,
        start=first,
        end=last,
    )
    with open_journal() as journal:
        total = journal.count(flt)
        rows = journal.summaries(flt, limit=limit)
        profile = journal.profile()
    currency, worth = profile.currency, profile.worth
    today = clock.today()
    if as_json:
        echo_json({"total": total, "decisions": [summary_json(r, today, worth) for r in rows]})
        return
    if not rows:
        echo("no decisions" + (f" match {flt.describe()}" if flt.active else " yet"))
        return
    cells = []
    for r in rows:
        judgement = judge(r.values, worth)
        combined_value = judgement.combined
        combined = () if combined_value is None else (format_compact(combined_value, signed=True),)
        cells.append(
            (
                r.date.isoformat(),
                r.id[:8],
                r.title,
                str(r.kind),
                format_amount(r.amount),
                *(cell_value(d, r.values[d]) for d in DIMENSIONS),
                *combined,
                judgement.label,
                r.review_state(today),
            )
        )
    header = [*LIST_HEADER]
    header[4] = f"amount {currency}"
    numeric = set(NUMERIC_COLUMNS)
    if worth:  # the combined value, in money, after the four dimensions
        header.insert(5 + len(DIMENSIONS), "combined")
        numeric.add(5 + len(DIMENSIONS))
    echo_lines(table(header, cells, numeric))
    shown = f"{len(rows)} of {total}" if total > len(rows) else f"{total}"
    more = " (--limit shows more)" if total > len(rows) else ""
    echo(f"{shown} decision{'s' if total != 1 else ''}{more}")


@click.command()
@click.argument("decision_id", metavar="ID")
@journal_options
@json_option
def show(decision_id: str, as_json: bool) -> None:
    """One decision with its effects, figures and reviews, and the options it was
    chosen over with what each would have been worth.

    ID may be a unique prefix of at least 4 characters.
    """
    with open_journal() as journal:
        decision = journal.get(decision_id)
        profile = journal.profile()
    if as_json:
        echo_json(decision_json(decision, profile))
    else:
        lines = with_band_line(detail_lines(decision, profile), decision, profile)
        echo_lines([*lines, *road_not_taken(decision, profile, bands=True)])
