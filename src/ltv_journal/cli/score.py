"""The LTV score."""

from __future__ import annotations

from datetime import date

import click

from ltv_journal.core import clock
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.explain import format_value
from ltv_journal.core.money import format_amount
from ltv_journal.core.score import Score
from ltv_journal.core.worth import left_out

from . import parsing
from .as_json import score_json
from .options import db_option, json_option, open_journal, settings
from .output import echo_json, echo_lines, table


def read_score(location: str, as_of: date) -> Score:
    """The score, read with plain sqlite3 when the journal is an existing SQLite file
    (fast: no SQLAlchemy), else through the Journal."""
    from ltv_journal.store.location import sqlite_path
    from ltv_journal.store.quick import quick_score

    path = sqlite_path(location)
    if path is not None:
        quick = quick_score(path, as_of)
        if quick is not None:
            return quick[1]
    with open_journal(location) as journal:
        return journal.score(as_of)


def score_lines(score: Score) -> list[str]:
    """Baseline, from decisions and LTV per dimension, as an aligned table."""
    cur = score.currency
    rows = [
        (
            str(dim),
            format_value(dim, score.baseline[dim], cur),
            format_value(dim, score.from_decisions[dim], cur, signed=True),
            format_value(dim, score.ltv[dim], cur),
        )
        for dim in DIMENSIONS
    ]
    if score.combined is not None and score.combined_from_decisions is not None:
        rows.append(
            (
                "combined",
                format_amount(score.baseline[Dimension.MONEY], cur),
                format_amount(score.combined_from_decisions, cur, signed=True),
                format_amount(score.combined, cur),
            )
        )
    header = (f"as of {score.as_of.isoformat()}", "baseline", "from decisions", "LTV")
    count = f"{score.decisions} decision{'s' if score.decisions != 1 else ''}"
    if score.combined is not None:
        count += "; combined = money + each point dimension at its worth (profile --worth)"
        count += left_out(score.ltv, score.worth)
    return [*table(header, rows, {1, 2, 3}), count]


@click.command(name="score", short_help="LTV per dimension: baseline, decisions, total.")
@click.option(
    "--as-of",
    metavar="YYYY-MM-DD",
    help="The running score on that day: the baseline and the decisions dated up to it.",
)
@db_option
@json_option
def score_command(as_of: str | None, as_json: bool) -> None:
    """Lifetime value per dimension: the baseline, what decisions add, and the LTV.

    Without --as-of it counts every decision in the journal; with it, the running score
    of that day, as the trend and the yearly summary show it. With a worth in the
    profile (profile --worth) a combined line adds the four up in money. --json prints
    {"currency", "as_of", "decisions", "baseline", "ltv", "worth", "combined"} with exact
    two-decimal numbers (worth and combined are null without a worth).
    """
    if as_of is None:
        current = read_score(settings().location, clock.today())
    else:
        day = parsing.day(as_of, "--as-of")
        with open_journal() as journal:
            current = journal.running_score(day)
    if as_json:
        echo_json(score_json(current))
    else:
        echo_lines(score_lines(current))
