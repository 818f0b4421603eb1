"""Reviews and calibration: what happened, against what was expected."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import click

from ltv_journal.core import clock
from ltv_journal.core.calibration import DimensionCalibration, breakdown, calibrate, sentences
from ltv_journal.core.clv_text import ClvTextError, actual_customer_value
from ltv_journal.core.conventions import format_date
from ltv_journal.core.decision import Decision, Observation, Review, WouldRepeat
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.explain import calibration_cells, describe_review
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import format_amount

from . import parsing
from .as_json import calibration_json, review_json, summary_json
from .errors import UserError, invalid_as_user_error
from .options import journal_currency, journal_options, json_option, open_journal
from .output import (
    dimension_name,
    echo,
    echo_json,
    echo_json_stream,
    echo_lines,
    format_count,
    kind_name,
    table,
)

WHAT_HAPPENED = ("actual", "missed", "repeat", "notes", "hindsight", "next_on")
"""The review options that record something; a review needs at least one of them
(`--next` alone postpones: "not sure yet, look again then")."""


@click.command(
    short_help=N_("List decisions due for review, or record a review."),
    help=N_(
        """Without ID: the decisions due for review, oldest first. With ID: record a review
of what happened (--actual, --missed, --repeat, --notes, --hindsight), or only
--next to look at it again later.

\b
Example:
  ltv-journal review ID --actual money=4800 --missed love --repeat yes \\
    --hindsight "customers take a year to find you"

A money effect worked out from customers (clv=) can be reviewed by the customers
seen: --actual money=customers:3/m (and order:, orders:, margin:, stay: or churn:)
records the money a year those figures give at steady state, the others as
expected — so it compares with the expected money a year like for like."""
    ),
)
@click.argument("decision_id", metavar="[ID]", required=False)
@click.option("--date", "day", metavar="YYYY-MM-DD", help=N_("The review's day (default today)."))
@click.option(
    "--actual",
    multiple=True,
    metavar="DIM=VALUE",
    help=N_("What was observed per year (/m per month), e.g. money=4800. Repeatable."),
)
@click.option(
    "--missed",
    multiple=True,
    metavar="DIM",
    help=N_("The expected effect on DIM did not happen at all (no value). Repeatable."),
)
@click.option(
    "--repeat", type=click.Choice([str(w) for w in WouldRepeat]), help=N_("Decide again?")
)
@click.option("--notes", metavar="TEXT", help=N_("Lessons."))
@click.option(
    "--hindsight", metavar="TEXT", help=N_("What do I know now that I could have known then?")
)
@click.option("--next", "next_on", metavar="YYYY-MM-DD", help=N_("Review it again on this day."))
@journal_options
@json_option
def review(decision_id: str | None, as_json: bool, **typed: object) -> None:
    if decision_id is None:
        given = [f"--{name.replace('_', '-')}" for name, v in typed.items() if v not in (None, ())]
        if given:
            raise UserError(
                _("{option} needs the ID of the decision under review").format(option=given[0])
            )
        _print_queue(as_json)
        return
    if not any(_said(typed[name]) for name in WHAT_HAPPENED):
        raise UserError(
            _("say what happened: --actual, --missed, --repeat, --notes or --hindsight")
        )
    with open_journal() as journal:
        target = journal.resolve(decision_id)
        entry = _review_from(typed, journal.get(target))
        with invalid_as_user_error("review", next_review_on="--next"):
            after = journal.add_review(target, entry)
        currency = journal.profile().currency
    if as_json:
        echo_json({"id": after.id, "review": review_json(after.reviews[-1])})
        return
    echo(_("reviewed {id}  {title}").format(id=after.id[:8], title=after.title))
    echo_lines(describe_review(after.reviews[-1], after, currency))


def _review_from(typed: Mapping[str, object], decision: Decision) -> Review:
    actual: dict[Dimension, Observation] = {}
    currency = journal_currency()
    for text in _texts(typed["actual"]):
        name, _sep, value_text = text.partition("=")
        if ":" in value_text:  # customer figures: the money they give a year
            dim, value = Dimension.MONEY, _money_from_customers(decision, text, currency)
        else:
            dim, value = parsing.dimension_value(text, "--actual", currency)
        _add(actual, dim, Observation(per_year=value, materialised=True))
    for text in _texts(typed["missed"]):
        if "=" in text:  # "did not happen" and "happened at VALUE" cannot both be true
            name = text.partition("=")[0].strip()
            raise UserError(
                _(
                    "--missed {text}: an effect that did not happen has no value; give "
                    "--missed {name} (it did not happen) or --actual {text} (it happened, "
                    "at that value a year)"
                ).format(text=text, name=name)
            )
        _add(actual, parsing.dimension(text, "--missed"), Observation(None, False))
    day = typed["day"]
    next_on = typed["next_on"]
    repeat = typed["repeat"]
    return Review(
        date=clock.today() if day is None else parsing.day(str(day), "--date"),
        actual=actual,
        would_repeat=None if repeat is None else WouldRepeat(str(repeat)),
        notes=str(typed["notes"] or "").strip(),
        hindsight=str(typed["hindsight"] or "").strip(),
        next_review_on=None if next_on is None else parsing.day(str(next_on), "--next"),
    )


def _money_from_customers(decision: Decision, text: str, currency: str | None) -> Decimal:
    """`money=customers:3/m[,order:95,…]`: the money a year at steady state that the
    customers seen give, the other figures as expected (the effect's own inputs)."""
    name, _sep, parts = text.partition("=")
    where = f"--actual {text}:"
    if name.strip().lower() != str(Dimension.MONEY):
        raise UserError(_("{where} only money is worked out from customers").format(where=where))
    effect = decision.effects.get(Dimension.MONEY)
    if effect is None or effect.clv is None:
        raise UserError(
            _(
                "{where} this decision's money was not worked out from customers (clv=); "
                "give the money a year instead, e.g. money=4800"
            ).format(where=where)
        )
    try:
        return actual_customer_value(effect.clv, parts, where, currency).money_per_year()
    except ClvTextError as error:
        raise UserError(str(error)) from None


def _said(value: object) -> bool:
    """Whether an option was given with something in it (blank notes say nothing)."""
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, ())


def _texts(value: object) -> Sequence[str]:
    return [str(v) for v in value] if isinstance(value, tuple | list) else []


def _add(actual: dict[Dimension, Observation], dim: Dimension, seen: Observation) -> None:
    if dim in actual:
        raise UserError(
            _("{dimension} is given twice in --actual/--missed; give it once").format(dimension=dim)
        )
    actual[dim] = seen


def _print_queue(as_json: bool) -> None:
    today = clock.today()
    if as_json:
        with open_journal() as journal:
            worth = journal.profile().worth
            with journal.review_queue_stream(today) as (count, queue):
                found = (summary_json(s, today, worth) for s in queue)
                echo_json_stream({"as_of": today, "due": count}, "decisions", found)
        return
    with open_journal() as journal:
        due = journal.review_queue(today)
        profile = journal.profile()
    currency = profile.currency
    if not due:
        echo(_("nothing is due for review"))
        return
    rows = [
        (
            format_date(s.review_on) if s.review_on else "",
            format_date(s.date),
            s.id[:8],
            s.title,
            kind_name(s.kind),
            format_amount(s.amount),
        )
        for s in due
    ]
    header = (
        _("due since"),
        _("decided"),
        _("id"),
        _("title"),
        _("kind"),
        _("amount {currency}").format(currency=currency),
    )
    echo_lines(table(header, rows, {5}))
    echo(
        _("{count} due; record one with: ltv-journal review ID --actual DIM=VALUE ...").format(
            count=format_count(len(due))
        )
    )


@click.command(
    short_help=N_("How well you predict, per dimension, kind and category."),
    help=N_(
        """How well you predict: per dimension over the latest review of each decision.

mean error = mean(actual - expected) per year (negative: you expected too much),
mean abs error of the same, Brier = mean((confidence - materialised)^2); broken
down by kind and by category."""
    ),
)
@journal_options
@json_option
def calibration(as_json: bool) -> None:
    with open_journal() as journal:
        samples = journal.calibration_samples()
        currency = journal.profile().currency
    overall = calibrate(samples)
    by_kind = breakdown(samples, "kind")
    by_category = breakdown(samples, "category")
    if as_json:
        echo_json(
            {
                "dimensions": calibration_json(overall),
                "by_kind": {k: calibration_json(v) for k, v in by_kind.items()},
                "by_category": {c: calibration_json(v) for c, v in by_category.items()},
            }
        )
        return
    echo_lines(calibration_table(overall, currency))
    said = sentences(overall, {"kind": by_kind, "category": by_category}, currency)
    if said:
        echo()
        echo_lines(said)


def calibration_table(
    results: Mapping[Dimension, DimensionCalibration], currency: str
) -> list[str]:
    rows = [
        (dimension_name(dim), *calibration_cells(dim, r, currency)) for dim, r in results.items()
    ]
    header = ("", _("reviews"), _("mean error"), _("mean abs error"), _("brier"))
    return table(header, rows, {1, 2, 3, 4})
