"""User errors on the command line: one line on stderr, exit code 2, no traceback.

Store and core errors carry field names (`amount`, `happiness.confidence`); here they
are turned back into what the user typed (`--amount`, `--effect happiness confidence`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress

import click

from ltv_journal.core.language import N_, _

from .help_text import translate_help

USAGE_EXIT = 2
INTERNAL_EXIT = 70
"""A bug, not a mistake in the input (EX_SOFTWARE): reported as one line all the same."""
DEBUG_ENV = "LTV_JOURNAL_DEBUG"

FIELD_OPTIONS: dict[str, str] = {
    "title": "TITLE",
    "id": "ID",
    "date": "--date",
    "kind": "--kind",
    "amount": "--amount",
    "category": "--category",
    "tags": "--tag",
    "review_on": "--review-on",
    "effects": "--effect",
    "next_review_on": "--next",
    "name": "--name",
    "birth_date": "--birth-date",
    "career_start_age": "--career-start-age",
    "retirement_age": "--retirement-age",
    "life_expectancy": "--life-expectancy",
    "annual_income": "--income",
    "currency": "--currency",
    "discount_rate": "--discount-rate",
    "return_rate": "--return-rate",
    "hours_per_year": "--hours-per-year",
    "valued_at": "--valued-at",
    "worth.happiness": "--worth happiness",
    "worth.love": "--worth love",
    "worth.meaning": "--worth meaning",
}
"""Model field name -> the option (or argument) a user gives it with."""

EFFECT_KEYS: dict[str, str] = {
    "per_year": "",
    "delay_months": "delay",
    "years": "years",
    "until": "until",
    "half_life_years": "half-life",
    "confidence": "confidence",
    "low": "low",
    "high": "high",
    "clv": "clv",
    "clv.customers_per_month": "clv customers",
    "clv.average_order": "clv order",
    "clv.orders_per_year": "clv orders",
    "clv.margin": "clv margin",
    "clv.stay_years": "clv stay",
    "clv.churn_per_year": "clv churn",
    "clv.rate": "clv rate",
}
"""Effect field name -> its key in the `--effect` syntax."""


class UserError(click.ClickException):
    """A mistake in what the user gave; the message says what and where."""

    exit_code = USAGE_EXIT


def field_label(name: str, overrides: Mapping[str, str] | None = None) -> str:
    """`happiness.confidence` -> `--effect happiness confidence`; `amount` -> `--amount`."""
    if overrides and name in overrides:
        return overrides[name]
    dim, key = _effect_field(name)
    if dim:
        return " ".join(w for w in ("--effect", dim, EFFECT_KEYS.get(key, key)) if w)
    return FIELD_OPTIONS.get(name, name)


def problem_text(name: str, why: str, overrides: Mapping[str, str] | None = None) -> str:
    """One problem as a sentence: `--amount must be ...`; an effect's problems follow a
    colon (`--effect happiness confidence: must be ...`), without the key when the
    reason names it already (`--effect money: give years or until, not both`)."""
    dim, key = _effect_field(name)
    if not dim or (overrides and name in overrides):
        return f"{field_label(name, overrides)} {why}"
    word = EFFECT_KEYS.get(key, key)
    named = word and word in why.replace(",", " ").split()
    label = f"--effect {dim}" if named or not word else field_label(name)
    return f"{label}: {why}"


def _effect_field(name: str) -> tuple[str, str]:
    """`happiness.confidence` -> (`happiness`, `confidence`); ("", "") for other fields."""
    from ltv_journal.core.dimensions import Dimension

    dim, dot, key = name.partition(".")
    return (dim, key) if dot and dim in set(Dimension) else ("", "")


INVALID: dict[str, str] = {
    "decision": N_("invalid decision: {problems}"),
    "profile": N_("invalid profile: {problems}"),
    "review": N_("invalid review: {problems}"),
}
"""The lead of a refused record's problems, per kind of record (German inflects it)."""


def problems_message(
    problems: Iterable[tuple[str, str]], what: str, overrides: Mapping[str, str] | None = None
) -> str:
    """Every problem on one line: `invalid decision: --amount must be ...; TITLE is required`."""
    detail = "; ".join(problem_text(name, why, overrides) for name, why in problems)
    lead = INVALID.get(what)
    if lead is None:
        return _("invalid {what}: {problems}").format(what=what, problems=detail)
    return _(lead).format(problems=detail)


@contextmanager
def invalid_as_user_error(what: str, **overrides: str) -> Iterator[None]:
    """Turn the store's `Invalid` into a UserError with the user's option names."""
    from ltv_journal.store.errors import Invalid

    try:
        yield
    except Invalid as error:
        raise UserError(problems_message(error.problems, what, overrides)) from None


def user_error_message(error: BaseException) -> str | None:
    """The one-line message for an error the user can act on, or None for a bug."""
    from ltv_journal.core.effects import MissingBirthDate
    from ltv_journal.core.money import AmountError

    if isinstance(error, click.ClickException):
        return error.format_message()
    if isinstance(error, AmountError | MissingBirthDate):
        return str(error)
    journal_errors = sys.modules.get("ltv_journal.store.errors")
    if journal_errors is not None and isinstance(error, journal_errors.JournalError):
        invalid = journal_errors.Invalid
        if isinstance(error, invalid):
            what = (
                getattr(error, "what", None)
                or (str(error).removeprefix("invalid ").partition(":")[0])
            )
            return problems_message(error.problems, what)
        return str(error)
    exchange_errors = sys.modules.get("ltv_journal.exchange.errors")
    if exchange_errors is not None and isinstance(error, exchange_errors.ExchangeError):
        return str(error)
    database_errors = sys.modules.get("sqlalchemy.exc")
    if database_errors is not None and isinstance(error, database_errors.SQLAlchemyError):
        return _("the database refused: {reason}").format(reason=database_reason(error))
    return None


def database_reason(error: BaseException) -> str:
    """The driver's own words for a database error, without SQLAlchemy's wrapping."""
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error)
    return text.splitlines()[0] if text else type(error).__name__


def speak(args: Sequence[str]) -> None:
    """Speak the language of `--lang` (wherever it is on the line), else the environment's,
    before anything is printed — `--help` included."""
    from ltv_journal.core import language

    explicit = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            explicit = args[index + 1]
        elif arg.startswith("--lang="):
            explicit = arg.removeprefix("--lang=")
    try:
        language.use(language.choose(explicit))
    except language.LanguageError as error:
        language.use(language.from_locale())
        raise UserError(str(error)) from None


class ReportingGroup(click.Group):
    """A click group that reports user errors as one line on stderr with exit code 2
    (click's own usage errors included) and leaves real bugs their traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Commands in the order they were added (the order of DESIGN §3), not a-z."""
        return list(self.commands)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; output that cannot be written (a full disk, a closed pipe)
        becomes a user error here, before click would end the program quietly."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise  # the reader went away: nothing to report (see main)
        except OSError as error:
            raise UserError(output_error_message(error)) from None

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: object,
    ) -> object:
        try:
            _refuse_undecodable(sys.argv[1:] if args is None else args)
            speak(sys.argv[1:] if args is None else args)
            translate_help(self)
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            sys.stdout.flush()
        except BrokenPipeError:  # `ltv-journal list | head`: the reader has all it wants
            output_error_message(BrokenPipeError())
            result = 1  # quietly, as click ends a closed pipe: the output is incomplete
        except OSError as error:
            click.echo(error_line(output_error_message(error)), err=True)
            result = USAGE_EXIT
        except click.Abort:
            click.echo(_("aborted"), err=True)
            result = 1
        except Exception as error:
            message = user_error_message(error)
            if message is None:
                if os.environ.get(DEBUG_ENV):
                    raise
                message = _(
                    "internal error ({error}); nothing more was written; please report it "
                    "({variable}=1 shows the traceback)"
                ).format(error=f"{type(error).__name__}: {error}", variable=DEBUG_ENV)
                click.echo(error_line(message), err=True)
                result = INTERNAL_EXIT
            else:
                click.echo(error_line(message), err=True)
                result = getattr(error, "exit_code", USAGE_EXIT) or USAGE_EXIT
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


def _refuse_undecodable(args: Iterable[str]) -> None:
    """Arguments the system could not decode as UTF-8 carry surrogate escapes: refuse
    them here, with the byte, rather than fail later when they are stored or printed."""
    for number, arg in enumerate(args, start=1):
        if "\x00" in arg:  # a real command line cannot hold one; a caller in Python can
            raise UserError(_("argument {number} holds a NUL character").format(number=number))
        bad = next((c for c in arg if "\udc80" <= c <= "\udcff"), None)
        if bad is not None:
            raise UserError(
                _(
                    "argument {number} is not UTF-8 text (byte {byte}); "
                    "ltv-journal reads its arguments as UTF-8"
                ).format(number=number, byte=f"0x{ord(bad) - 0xDC00:02X}")
            )


def output_error_message(error: OSError) -> str:
    """The one line for output that could not be written; standard output is pointed
    at the null device so that nothing more (not even the exit's flush) fails."""
    with suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    reason = error.strerror or type(error).__name__
    if error.filename is not None:
        return _("cannot write {file}: {reason}").format(file=error.filename, reason=reason)
    return _("cannot write the output: {reason}").format(reason=reason)


def error_line(message: str) -> str:
    """`error: MESSAGE` on one line, in the language in force."""
    return _("error: {message}").format(message=_one_line(message))


def _one_line(message: str) -> str:
    """The message on one line, with the control characters of any input it quotes
    written out (`\\x1b`), so that an error cannot drive the terminal either."""
    from ltv_journal.core.text import visible

    return " ".join(visible(message).split())
