"""Reading decisions: list and show."""

from __future__ import annotations

import click

from ltv_journal.core import clock
from ltv_journal.core.band_text import with_band_line
from ltv_journal.core.conventions import format_date
from ltv_journal.core.decision import Kind
from ltv_journal.core.dimensions import DIMENSIONS
from ltv_journal.core.explain import detail_lines
from ltv_journal.core.language import N_, _, ngettext
from ltv_journal.core.money import format_amount, format_compact
from ltv_journal.core.road_not_taken import road_not_taken
from ltv_journal.core.verdict import judge

from . import parsing
from .as_json import decision_json, summary_json
from .errors import UserError
from .options import journal_options, json_option, open_journal
from .output import (
    cell_value,
    dimension_name,
    echo,
    echo_json,
    echo_lines,
    format_count,
    kind_name,
    review_state_name,
    table,
)

LIST_HEADER = (
    N_("date"),
    N_("id"),
    N_("title"),
    N_("kind"),
    N_("amount"),
    *DIMENSIONS,
    N_("verdict"),
    N_("review"),
)
NUMERIC_COLUMNS = {4, 5, 6, 7, 8}


@click.command(
    name="list",
    help=N_(
        """List decisions, newest first.

Values are each decision's lifetime value per dimension (money includes the amount
paid). Example: ltv-journal list --year 2025 --tag travel"""
    ),
)
@click.argument("search", required=False)
@click.option("--year", type=click.IntRange(1900, 2200), help=N_("Only this year."))
@click.option("--from", "start", metavar="YYYY-MM-DD", help=N_("From this day on."))
@click.option("--to", "end", metavar="YYYY-MM-DD", help=N_("Up to this day."))
@click.option("--tag", help=N_("Only decisions with this tag."))
@click.option("--category", help=N_("Only this category."))
@click.option("--kind", type=click.Choice([str(k) for k in Kind]), help=N_("Only this kind."))
@click.option("--text", help=N_("Text in the title, notes or category (or give it as SEARCH)."))
@click.option(
    "--limit",
    type=click.IntRange(1, 1_000_000_000),
    default=50,
    show_default=True,
    help=N_("At most this many."),
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
    """List decisions (help: the decorator's)."""
    from ltv_journal.store.queries import DecisionFilter

    if search and text:
        raise click.UsageError(_("give the search text once: as SEARCH or as --text"))
    first = None if start is None else parsing.day(start, "--from")
    last = None if end is None else parsing.day(end, "--to")
    if first is not None and last is not None and last < first:
        raise UserError(
            _("--to {last} is before --from {first}; no day can match both").format(
                last=format_date(last), first=format_date(first)
            )
        )
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
        if flt.active:
            echo(_("no decisions match {filter}").format(filter=flt.describe()))
        else:
            echo(_("no decisions yet"))
        return
    cells = []
    for r in rows:
        judgement = judge(r.values, worth)
        combined_value = judgement.combined
        combined = () if combined_value is None else (format_compact(combined_value, signed=True),)
        cells.append(
            (
                format_date(r.date),
                r.id[:8],
                r.title,
                kind_name(r.kind),
                format_amount(r.amount),
                *(cell_value(d, r.values[d]) for d in DIMENSIONS),
                *combined,
                judgement.label,
                review_state_name(r.review_state(today)),
            )
        )
    header = [dimension_name(h) if h in DIMENSIONS else _(h) for h in LIST_HEADER]
    header[4] = _("amount {currency}").format(currency=currency)
    numeric = set(NUMERIC_COLUMNS)
    if worth:  # the combined value, in money, after the four dimensions
        header.insert(5 + len(DIMENSIONS), dimension_name("combined"))
        numeric.add(5 + len(DIMENSIONS))
    echo_lines(table(header, cells, numeric))
    if total > len(rows):
        echo(
            ngettext(
                "{shown} of {total} decision (--limit shows more)",
                "{shown} of {total} decisions (--limit shows more)",
                total,
            ).format(shown=format_count(len(rows)), total=format_count(total))
        )
    else:
        echo(
            ngettext("{count} decision", "{count} decisions", total).format(
                count=format_count(total)
            )
        )


@click.command(
    help=N_(
        """One decision with its effects, figures and reviews, and the options it was
chosen over with what each would have been worth.

ID may be a unique prefix of at least 4 characters."""
    )
)
@click.argument("decision_id", metavar="ID")
@journal_options
@json_option
def show(decision_id: str, as_json: bool) -> None:
    with open_journal() as journal:
        decision = journal.get(decision_id)
        profile = journal.profile()
    if as_json:
        echo_json(decision_json(decision, profile))
    else:
        lines = with_band_line(detail_lines(decision, profile), decision, profile)
        echo_lines([*lines, *road_not_taken(decision, profile, bands=True)])
