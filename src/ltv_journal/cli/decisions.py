"""Writing decisions: add, edit, delete, undo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import click

from ltv_journal.core import clock
from ltv_journal.core.dates import add_months
from ltv_journal.core.decision import DEFAULT_REVIEW_MONTHS, Decision, Kind
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.explain import details, judgement_sentence
from ltv_journal.core.language import N_, _
from ltv_journal.core.profile import Profile

from . import from_options, parsing
from .as_json import decision_json
from .compare import check_under_profile
from .errors import UserError, invalid_as_user_error, problems_message
from .help_text import Composed
from .options import (
    journal_currency,
    journal_missing,
    journal_options,
    json_option,
    open_journal,
    settings,
)
from .output import dimension_name, echo, echo_json, value_lines

F = TypeVar("F", bound=Callable[..., Any])

EFFECT_SYNTAX_HELP = Composed(
    N_(
        """\b
Effects (--effect):
  DIMENSION VALUE[/y|/m] [delay=MONTHS] [years=N | until=retirement|death]
            [half-life=YEARS] [confidence=P] [low=VALUE high=VALUE]
  money 6000/y delay=12             6,000 a year after 12 months, to retirement
  money=500/m delay=1y              the same, written per month
  happiness 1 years=5 half-life=2 confidence=70%
  happiness 1                       +1 a year, halving every year: +1.44 point-years
  happiness 2/y low=0.5 high=3 half-life=1    likely +2, 1 in 10 below 0.5 or above 3
  money 500/m low=300/m high=700/m  a range is written like the value
VALUE is per year (/m: per month) and may be negative; delay is in months (12, 12m)
or years (1y); confidence is 0.7 or 70%. A point (happiness, love, meaning) is a small
but noticeable lift to a typical year, on a scale of -10..+10. Money lasts until
retirement and points until death unless years= or until= says otherwise; a point
effect that gives none of years, until, half-life fades as people adapt (half-life 1
year for happiness, 2 for love, 5 for meaning; half-life=none: no fading). low and
high are the 10th and 90th percentile of VALUE, both or neither, low <= VALUE <= high;
show gives the band they make (P10/P50/P90)."""
    ),
    N_(
        """\b
Money from customers (clv=, instead of VALUE):
  money clv=customers:4/m,order:120,orders:3/y,margin:0.4,stay:3y years=5
  money clv=customers:4/m,order:120,orders:3/y,margin:40%,churn:25%/y,rate:5%
customers: new a month; order: the average order; orders: a year (1/m = 12);
margin: gross margin; stay: how long a customer stays (3y, 36m) or churn: the share
lost a year; rate: discounts the per-customer value show gives (the money a year is
not discounted by it: the profile's discount rate values the months). Customers ramp
up month by month until 12 x customers x stay (years) are paying; show explains it."""
    ),
)
"""The `--effect` syntax as `add --help` and `edit --help` show it."""

ADD_HELP = {
    "kind": N_("expense (default) or investment."),
    "tags": N_("A tag; repeatable."),
    "review_on": N_("When to review it (default: 3 months after --date)."),
    "effects": N_("An expected effect, one per dimension, repeatable (syntax above)."),
}
EDIT_HELP = {
    "kind": N_("expense or investment."),
    "tags": N_("Replaces all the tags; repeatable."),
    "review_on": N_("When to review it next."),
    "effects": N_("Replaces the effect on its dimension, repeatable (syntax above)."),
}


def decision_options(help_texts: dict[str, str]) -> Callable[[F], F]:
    """The options `add` and `edit` share, with the command's own help where they differ."""
    options = [
        click.option("--kind", type=click.Choice([str(k) for k in Kind]), help=help_texts["kind"]),
        click.option("--amount", metavar="AMOUNT", help=N_("One-off money out, e.g. 1.234,56.")),
        click.option("--date", "day", metavar="YYYY-MM-DD", help=N_("When it was decided.")),
        click.option("--category", metavar="TEXT", help=N_("A word or short phrase.")),
        click.option("--tag", "tags", metavar="TAG", multiple=True, help=help_texts["tags"]),
        click.option("--notes", metavar="TEXT", help=N_("Free notes.")),
        click.option("--expect", metavar="TEXT", help=N_("What I expect, and why.")),
        click.option("--feel", metavar="TEXT", help=N_("How I feel right now.")),
        click.option("--review-on", metavar="YYYY-MM-DD", help=help_texts["review_on"]),
        click.option(
            "--effect", "effects", metavar="SPEC", multiple=True, help=help_texts["effects"]
        ),
        journal_options,
        json_option,
    ]

    def decorate(function: F) -> F:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


@dataclass(frozen=True)
class DecisionInput:
    """The decision options as typed, before they are read."""

    kind: str | None = None
    amount: str | None = None
    day: str | None = None
    category: str | None = None
    tags: Sequence[str] = ()
    notes: str | None = None
    expect: str | None = None
    feel: str | None = None
    review_on: str | None = None
    effects: Sequence[str] = ()
    currency: str | None = None
    """The journal's currency, when known: amounts typed in another are refused."""

    def changes(self) -> dict[str, Any]:
        """Decision fields for every option given (effects apart). Every option that
        cannot be read is reported at once."""
        found: dict[str, Any] = {}
        problems: list[str] = []
        readers: list[tuple[str, str | None, Callable[[str, str], Any], str]] = [
            ("amount", self.amount, partial(parsing.amount, currency=self.currency), "--amount"),
            ("date", self.day, parsing.day, "--date"),
            ("review_on", self.review_on, parsing.day, "--review-on"),
        ]
        for name, text, read, option in readers:
            if text is not None:
                try:
                    found[name] = read(text, option)
                except UserError as error:
                    problems.append(error.message)
        if problems:
            raise UserError("; ".join(problems))
        if self.kind is not None:
            found["kind"] = Kind(self.kind)
        if self.tags:
            found["tags"] = tuple(self.tags)
        texts = {"category": self.category, "notes": self.notes}
        texts |= {"expectation": self.expect, "feeling": self.feel}
        found |= {name: text.strip() for name, text in texts.items() if text is not None}
        return found

    def effect_changes(self) -> dict[Dimension, Effect]:
        found: dict[Dimension, Effect] = {}
        for spec in self.effects:
            dim, effect = parsing.effect(spec, self.currency)
            if dim in found:
                raise UserError(
                    _("--effect {dimension} is given twice; give one effect per dimension").format(
                        dimension=dim
                    )
                )
            found[dim] = effect
        return found


def _checked(decision: Decision, **names: str) -> Decision:
    problems = decision.problems()
    if problems:
        raise UserError(problems_message(problems, "decision", names))
    return decision


PRINTED = {
    "added": N_("added {id}  {title}"),
    "edited": N_("edited {id}  {title}"),
}
"""The first line `add` and `edit` print (`added 1a2b3c4d  Title`)."""


def print_decision(decision: Decision, profile: Profile, as_json: bool, verb: str) -> None:
    """The stored decision: its id, lifetime values per dimension and its verdict."""
    if as_json:
        echo_json(decision_json(decision, profile))
        return
    info = details(decision, profile)
    echo(_(PRINTED[verb]).format(id=decision.id[:8], title=decision.title))
    for line in value_lines(info.values, profile.currency, indent="  "):
        echo(line)
    verdict = judgement_sentence(info.judgement, info.values, profile.currency)
    echo(_("verdict: {verdict}").format(verdict=verdict))


ADD_DOC = Composed(
    N_("Log a decision and print its lifetime value and verdict."),
    EFFECT_SYNTAX_HELP,
    N_(
        """\b
Example:
  ltv-journal add "Build an online business" --kind investment \\
    --date 2025-01-01 --effect "money 6000/y delay=12"

\b
From a compare file (see `ltv-journal compare --help`):
  ltv-journal add --from-options options.toml --choose 2 --category education
logs option 2 with its title, amount and effects, and keeps the others as the
options it was chosen over (`show` lists them); options given here still apply."""
    ),
)


@click.command(help=ADD_DOC)
@click.argument("title", required=False)
@click.option(
    "--from-options",
    "options_file",
    metavar="FILE",
    type=click.Path(path_type=Path, dir_okay=True),
    help=N_("A compare file (see `compare --help`): log one of its options instead of TITLE."),
)
@click.option(
    "--choose",
    metavar="N",
    help=N_("Which option of --from-options to log, from 1; the others are kept as its options."),
)
@decision_options(ADD_HELP)
def add(
    title: str | None,
    options_file: Path | None,
    choose: str | None,
    as_json: bool,
    **typed: Any,
) -> None:
    given = DecisionInput(**typed, currency=journal_currency())
    fields = given.changes()
    chosen = None
    if options_file is not None:
        if title is not None:
            raise UserError(
                _("give TITLE or --from-options FILE, not both: the chosen option has its title")
            )
        chosen = from_options.choose(options_file, choose, fields, given.effect_changes())
        decision = chosen.decision
        problems = decision.problems()
        if problems:
            raise UserError(problems_message(problems, "decision", chosen.labels(problems)))
    elif choose is not None:
        raise UserError(_("--choose N picks an option of --from-options FILE; give the file too"))
    elif title is None:
        raise UserError(_("Missing argument 'TITLE' (or give --from-options FILE --choose N)"))
    else:
        decision = Decision(
            title=title.strip(),
            date=fields.pop("date", None) or clock.today(),
            effects=given.effect_changes(),
            **fields,
        )
        _checked(decision)
    if journal_missing(settings().location):  # refuse before the journal file is made
        from ltv_journal.core.effects import MissingBirthDate
        from ltv_journal.core.score import decision_values

        try:
            decision_values(decision, Profile())
        except MissingBirthDate as error:
            raise UserError(problems_message([("effects", str(error))], "decision")) from None
        if chosen is not None:
            check_under_profile(chosen.weighed, Profile(), chosen.source)
    with open_journal(create=True) as journal, invalid_as_user_error("decision"):
        if chosen is not None:
            check_under_profile(chosen.weighed, journal.profile(), chosen.source)
        stored = journal.add(decision)
        print_decision(stored, journal.profile(), as_json, "added")


EDIT_DOC = Composed(
    N_(
        """Change a decision: only the options given change.

ID is the id that `add` printed; a unique prefix of 4 or more characters is enough.
An --effect replaces the effect on its dimension; --no-effect removes one."""
    ),
    EFFECT_SYNTAX_HELP,
    N_(
        """\b
Example:
  ltv-journal edit ID --amount 250 --effect "love 1 years=2" --no-effect meaning"""
    ),
)


@click.command(help=EDIT_DOC)
@click.argument("decision_id", metavar="ID")
@click.option("--title", help=N_("A new title."))
@click.option(
    "--no-effect",
    "removed",
    metavar="DIMENSION",
    multiple=True,
    help=N_("Remove the effect on this dimension (repeatable)."),
)
@decision_options(EDIT_HELP)
def edit(
    decision_id: str, title: str | None, removed: Sequence[str], as_json: bool, **typed: Any
) -> None:
    given = DecisionInput(**typed, currency=journal_currency())
    fields = given.changes()
    new_effects = given.effect_changes()
    gone = {parsing.dimension(name, "--no-effect") for name in removed}
    if both := gone & set(new_effects):
        raise UserError(
            _("--effect and --no-effect both name {dimensions}").format(
                dimensions=", ".join(sorted(both))
            )
        )
    if title is not None:
        fields["title"] = title.strip()
    if not fields and not new_effects and not gone:
        raise UserError(
            _("nothing to change: give at least one option (see ltv-journal edit --help)")
        )
    with open_journal() as journal:
        before = journal.get(decision_id)
        if absent := sorted(gone - set(before.effects)):
            raise UserError(
                _("{id} has no {dimensions} effect").format(
                    id=before.id[:8], dimensions=_(" or ").join(dimension_name(d) for d in absent)
                )
            )
        effects = {d: e for d, e in before.effects.items() if d not in gone} | new_effects
        fields.setdefault("review_on", _moved_review(before, fields.get("date")))
        after = _checked(replace(before, effects=effects, **fields), title="--title")
        with invalid_as_user_error("decision", title="--title"):
            stored = journal.update(after)
        print_decision(stored, journal.profile(), as_json, "edited")


def _moved_review(before: Decision, new_date: date | None) -> date | None:
    """A default review date follows the decision's date when that changes."""
    default = add_months(before.date, DEFAULT_REVIEW_MONTHS)
    if new_date is None or before.reviews or before.review_on != default:
        return before.review_on
    return add_months(new_date, DEFAULT_REVIEW_MONTHS)


@click.command(help=N_("Delete a decision (`ltv-journal undo` brings it back)."))
@click.argument("decision_id", metavar="ID")
@journal_options
def delete(decision_id: str) -> None:
    with open_journal() as journal:
        gone = journal.delete(journal.resolve(decision_id))
    echo(
        _("deleted {id}  {title}  (ltv-journal undo brings it back)").format(
            id=gone.id[:8], title=gone.title
        )
    )


@click.command(
    help=N_(
        """Undo the latest add, edit, delete, review, import or profile change.

Prints what was undone. An import that changed nothing is not a step: undo after it
takes back what came before it. With nothing left to undo it prints "nothing to undo" and
exits with status 1, so a script can tell the two apart."""
    )
)
@journal_options
@click.pass_context
def undo(ctx: click.Context) -> None:
    with open_journal() as journal:
        done = journal.undo()
    if done is None:
        echo(_("nothing to undo"))
        ctx.exit(1)
    echo(done)
