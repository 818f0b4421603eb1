"""The LTV score."""

from __future__ import annotations

from datetime import date

import click

from ltv_journal.core import clock
from ltv_journal.core.conventions import format_date
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.journal_band import lifetime_band
from ltv_journal.core.language import N_, _, ngettext
from ltv_journal.core.money import format_amount, format_compact, format_points
from ltv_journal.core.score import Score
from ltv_journal.core.uncertainty import Band, Spread
from ltv_journal.core.worth import left_out

from . import parsing
from .as_json import range_json, score_json
from .options import journal_options, json_option, open_journal, settings, speak_profile
from .output import (
    dimension_name,
    echo_json,
    echo_lines,
    format_count,
    format_grouped,
    format_share,
    money_range,
    table,
    value_text,
)


def read_score(location: str, as_of: date) -> tuple[Score, Band]:
    """The score and the band of the whole journal (its LTV's P10 / P50 / P90), read
    with plain sqlite3 or psycopg when the journal is an existing SQLite file or a
    PostgreSQL journal (fast: no SQLAlchemy), else through the Journal."""
    from ltv_journal.store.quick import quick_score_and_band_at

    quick = quick_score_and_band_at(location, as_of)
    if quick is not None:
        speak_profile(quick[0])
        return quick[1], lifetime_band(quick[2], quick[1].baseline)
    with open_journal(location) as journal:
        score = journal.score(as_of)
        return score, lifetime_band(journal.band(), score.baseline)


def _between(dim: Dimension | None, spread: Spread, currency: str) -> str:
    """`2.30M – 2.42M EUR` or `48.84 – 67.11`: P10 to P90 (money compact: a band is
    not exact to the cent, and the table stays within 80 columns)."""
    if dim is None or dim.is_money:
        return money_range(format_compact(spread.p10), format_compact(spread.p90), currency)
    return f"{format_points(spread.p10)} – {format_points(spread.p90)}"


def score_lines(score: Score, band: Band | None = None) -> list[str]:
    """Baseline, from decisions and LTV per dimension (and the LTV's P10 to P90 when
    `band` is given), as an aligned table."""
    cur = score.currency

    def spread(dim: Dimension | None) -> tuple[str, ...]:
        if band is None:
            return ()
        found = band.combined if dim is None else band.dimensions[dim]
        return () if found is None else (_between(dim, found, cur),)

    rows = [
        (
            dimension_name(dim),
            value_text(dim, score.baseline[dim], cur),
            value_text(dim, score.from_decisions[dim], cur, signed=True),
            value_text(dim, score.ltv[dim], cur),
            *spread(dim),
        )
        for dim in DIMENSIONS
    ]
    if score.combined is not None and score.combined_from_decisions is not None:
        rows.append(
            (
                dimension_name("combined"),
                format_amount(score.baseline[Dimension.MONEY], cur),
                format_amount(score.combined_from_decisions, cur, signed=True),
                format_amount(score.combined, cur),
                *spread(None),
            )
        )
    header: tuple[str, ...] = (
        _("as of {date}").format(date=format_date(score.as_of)),
        _("baseline"),
        _("from decisions"),
        _("LTV"),
    )
    if band is not None:
        header += ("P10 – P90",)
    count = ngettext("{count} decision", "{count} decisions", score.decisions).format(
        count=format_count(score.decisions)
    )
    if score.combined is not None:
        count += _("; combined = money + each point dimension at its worth (profile --worth)")
        count += left_out(score.ltv, score.worth)
    lines = [*table(header, rows, {1, 2, 3, 4}), count]
    if band is not None:
        lines.append(
            _("your decisions raise the lifetime value in {share} of {draws} draws").format(
                share=format_share(band.p_raises), draws=format_grouped(band.draws)
            )
        )
    return lines


@click.command(
    name="score",
    short_help=N_("LTV per dimension: baseline, decisions, total."),
    help=N_(
        """Lifetime value per dimension: the baseline, what decisions add, and the LTV.

Without --as-of it counts every decision in the journal; with it, the running score
of that day, as the trend and the yearly summary show it. With a worth in the
profile (profile --worth) a combined line adds the four up in money.

P10 – P90 is how sure the LTV is: the decisions' confidences and ranges drawn 2,000
times (seeded, so the same journal always gives the same figures); the last line
says in how many draws your decisions raise the lifetime value. --as-of leaves it out.

--json prints {"currency", "as_of", "decisions", "baseline", "ltv", "worth",
"combined", "range"} with exact two-decimal numbers (worth and combined are null
without a worth); "range" is {"p10", "p50", "p90"} of the combined LTV, "p_raises",
"draws" and each dimension's LTV {"p10", "p50", "p90"} (null with --as-of)."""
    ),
)
@click.option(
    "--as-of",
    metavar="YYYY-MM-DD",
    help=N_("The running score on that day: the baseline and the decisions dated up to it."),
)
@journal_options
@json_option
def score_command(as_of: str | None, as_json: bool) -> None:
    """The LTV score (help: the decorator's)."""
    band: Band | None = None
    if as_of is None:
        current, band = read_score(settings().location, clock.today())
    else:
        day = parsing.day(as_of, "--as-of")
        with open_journal() as journal:
            current = journal.running_score(day)
    if as_json:
        echo_json({**score_json(current), "range": None if band is None else range_json(band)})
    else:
        echo_lines(score_lines(current, band))
