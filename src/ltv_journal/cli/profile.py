"""Show or set the profile."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import click

from ltv_journal.core import conventions, language
from ltv_journal.core.conventions import format_date
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.language import GERMAN, N_, _, current
from ltv_journal.core.money import format_amount
from ltv_journal.core.profile import Profile
from ltv_journal.core.worth import POINT_DIMENSIONS

from . import parsing
from .as_json import profile_json, score_json
from .errors import UserError, invalid_as_user_error, problems_message
from .options import (
    journal_currency,
    journal_missing,
    journal_options,
    json_option,
    open_journal,
    settings,
    speak_profile,
)
from .output import echo, echo_json, echo_lines
from .score import score_lines


def profile_lines(profile: Profile) -> list[str]:
    not_set = _("not set")
    born = format_date(profile.birth_date) if profile.birth_date else not_set
    income = format_amount(profile.annual_income, profile.currency)
    rows = [
        (_("name"), profile.name or "—"),
        (_("birth date"), born),
        (
            _("working years"),
            _("{start} to {end}").format(
                start=profile.career_start_age, end=profile.retirement_age
            ),
        ),
        (_("life expectancy"), str(profile.life_expectancy)),
        (_("income"), _("{amount} a year").format(amount=income)),
        (_("currency"), profile.currency),
        (_("discount rate"), _percent(profile.discount_rate)),
        (_("return rate"), _percent(profile.return_rate)),
        (_("hours per year"), str(profile.hours_per_year)),
        (_("valued at"), format_date(profile.valuation_date)),
        *(
            (
                _(WORTH_LABELS[str(dim)]),
                not_set
                if profile.worth.get(dim) is None
                else _("{amount} a point-year").format(
                    amount=format_amount(profile.worth.get(dim) or Decimal(0), profile.currency)
                ),
            )
            for dim in POINT_DIMENSIONS
        ),
        (_("language"), LANGUAGE_NAMES.get(profile.language or "") or _("automatic")),
    ]
    width = max(len(label) for label, _value in rows)
    return [f"{label:<{width}}  {value}" for label, value in rows]


WORTH_LABELS = {
    "happiness": N_("happiness worth"),
    "love": N_("love worth"),
    "meaning": N_("meaning worth"),
}

LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}
"""Each language in its own words."""


def _percent(rate: Decimal) -> str:
    """`2%` in English, `2 %` (and `2,5 %`) in German."""
    number = f"{(rate * 100).normalize():f}"
    if current() == GERMAN:
        return f"{conventions.current().number(number)}\N{NO-BREAK SPACE}%"
    return f"{number}%"


def _changes(typed: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if typed["name"] is not None:
        found["name"] = typed["name"].strip()
    if typed["birth_date"] is not None:
        found["birth_date"] = parsing.day(
            typed["birth_date"], "--birth-date", year_means_midyear=True
        )
    for name in ("career_start_age", "retirement_age", "life_expectancy", "hours_per_year"):
        if typed[name] is not None:
            found[name] = typed[name]
    if typed["income"] is not None:
        # An amount written with a currency must be in the journal's (or the new one).
        currency = (typed["currency"] or journal_currency() or Profile().currency).strip().upper()
        found["annual_income"] = parsing.amount(typed["income"], "--income", currency=currency)
    if typed["currency"] is not None:
        found["currency"] = typed["currency"].strip().upper()
    for name in ("discount_rate", "return_rate"):
        if typed[name] is not None:
            found[name] = parsing.rate(typed[name], "--" + name.replace("_", "-"))
    if typed["valued_at"] is not None:
        found["valued_at"] = parsing.day(typed["valued_at"], "--valued-at")
    if typed["worth"]:
        found["worth"] = _worth(typed["worth"])
    if typed["language"] is not None:
        found["language"] = _language(typed["language"])
    return found


def _language(value: str) -> str | None:
    """`--language de|en`, or `auto` (None: the locale's)."""
    if value.strip().lower() == "auto":
        return None
    try:
        return language.checked(value)
    except language.LanguageError:
        raise UserError(
            _("--language '{value}': give de, en or auto").format(value=value)
        ) from None


def _worth(specs: tuple[str, ...]) -> dict[Dimension, Decimal | None]:
    """`--worth happiness=1500` sets a worth, `--worth happiness=` clears it."""
    found: dict[Dimension, Decimal | None] = {}
    for spec in specs:
        name, equals, value = spec.partition("=")
        if not equals:
            raise UserError(
                _("--worth '{spec}' needs DIMENSION=AMOUNT, e.g. happiness=1500").format(spec=spec)
            )
        dim = parsing.dimension(name.strip(), "--worth")
        if dim.is_money:
            raise UserError(
                _("--worth money: money is worth itself; give happiness, love or meaning")
            )
        if dim in found:
            raise UserError(_("--worth {dimension} is given twice").format(dimension=dim))
        found[dim] = parsing.amount(value, f"--worth {dim}") if value.strip() else None
    return found


@click.command(
    name="profile",
    short_help=N_("Show or set the profile."),
    help=N_(
        """Show the profile, or set the fields given (the rest stay) and print the new score.

Example: ltv-journal profile --birth-date 1979-01-01 --income 35000

A worth folds happiness, love and meaning into one combined lifetime value in
money: --worth happiness=1500 says "+1 happiness for a year is worth 1,500 to me".
`ltv-journal worth` shows what your own choices imply."""
    ),
)
@click.option("--name", help=N_("Shown in the header."))
@click.option("--birth-date", metavar="YYYY-MM-DD|YYYY", help=N_("A year alone means July 1."))
@click.option("--career-start-age", type=int, metavar="AGE", help=N_("First working year (22)."))
@click.option("--retirement-age", type=int, metavar="AGE", help=N_("End of earning years (67)."))
@click.option("--life-expectancy", type=int, metavar="AGE", help=N_("End of all effects (82)."))
@click.option("--income", metavar="AMOUNT", help=N_("Money per year while working."))
@click.option("--currency", metavar="CODE", help=N_("ISO 4217 code, e.g. EUR."))
@click.option("--discount-rate", metavar="RATE", help=N_("Yearly, 0.02 or 2% (default 0)."))
@click.option("--return-rate", metavar="RATE", help=N_("For opportunity cost (default 5%)."))
@click.option("--hours-per-year", type=int, metavar="HOURS", help=N_("Working hours (1720)."))
@click.option(
    "--valued-at",
    metavar="YYYY-MM-DD",
    help=N_("The date every flow is valued at (set once; matters only with a discount rate)."),
)
@click.option(
    "--worth",
    multiple=True,
    metavar="DIM=AMOUNT",
    help=N_(
        "Money one point-year of happiness, love or meaning is worth to you, e.g. "
        "happiness=1500; DIM= clears it. Repeat for each dimension."
    ),
)
@click.option(
    "--language",
    metavar="de|en|auto",
    help=N_(
        "The language the journal speaks; auto follows the locale. --lang and "
        "$LTV_JOURNAL_LANG come first."
    ),
)
@journal_options
@json_option
def profile_command(as_json: bool, **typed: Any) -> None:
    changes = _changes(typed)
    if journal_missing(settings().location):  # shown or checked without making the file
        if not changes:
            _print_profile(Profile(), as_json)
            return
        _checked(Profile(), changes)
    with open_journal(create=bool(changes)) as journal:
        current = journal.profile()
        if not changes:
            _print_profile(current, as_json)
            return
        updated = _checked(current, changes)
        with invalid_as_user_error("profile"):
            journal.save_profile(updated)
        speak_profile(updated, automatic_too=True)
        now = journal.score()
    if as_json:
        echo_json({"profile": profile_json(updated), "score": score_json(now)})
        return
    echo(_("profile saved"))
    echo_lines(profile_lines(updated))
    echo()
    echo_lines(score_lines(now))


def _checked(current: Profile, changes: dict[str, Any]) -> Profile:
    changes = dict(changes)
    worth = changes.pop("worth", None)
    if worth is not None:
        changes["worth"] = replace(current.worth, **{str(d): v for d, v in worth.items()})
    updated = replace(current, **changes)
    problems = updated.problems()
    if problems:
        raise UserError(problems_message(problems, "profile"))
    return updated


def _print_profile(current: Profile, as_json: bool) -> None:
    if as_json:
        echo_json(profile_json(current))
    else:
        echo_lines(profile_lines(current))
