"""Options shared by the commands, and opening the journal they name."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ltv_journal.core.language import N_, _
from ltv_journal.locations import ENV_DB, journal_location

from .errors import UserError, database_reason

if TYPE_CHECKING:
    from ltv_journal.core.profile import Profile
    from ltv_journal.store.journal import Journal

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = N_(
    "The journal: a SQLite file or a database URL "
    "(default: $LTV_JOURNAL_DB, else journal.db in the user-data folder)."
)


@dataclass
class Settings:
    """What the group and its commands share: the `--db` given anywhere on the line."""

    db: str | None = None
    lang: str | None = None
    """`--lang` as given anywhere on the line: the profile's language then yields."""

    @property
    def location(self) -> str:
        """`--db`, else `$LTV_JOURNAL_DB`, else the default file; a variable that is set
        but empty is refused rather than quietly meaning the default journal."""
        if self.db is None and _blank(os.environ.get(ENV_DB)):
            raise UserError(
                _(
                    "${variable} is set but empty; set it to the journal's file or database "
                    "URL, or unset it to use the default journal"
                ).format(variable=ENV_DB)
            )
        return journal_location(self.db)


def _blank(value: str | None) -> bool:
    return value is not None and not value.strip()


def settings() -> Settings:
    return click.get_current_context().ensure_object(Settings)


def _remember_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if _blank(value):
        raise UserError(
            _(
                "--db is empty; give the journal's file or database URL "
                "(an unset shell variable?), or leave --db out to use the default journal"
            )
        )
    if value is not None:
        ctx.ensure_object(Settings).db = value


def db_option(function: F) -> F:
    """`--db PATH|URL`, accepted before or after the command name."""
    return click.option(
        "--db",
        metavar="PATH|URL",
        default=None,
        expose_value=False,
        callback=_remember_db,
        help=DB_HELP,
    )(function)


def _check_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    from ltv_journal.core import language

    if value is not None:
        try:
            language.use(language.checked(value))
        except language.LanguageError as error:
            raise UserError(str(error)) from None
        ctx.ensure_object(Settings).lang = value


def speak_profile(profile: Profile, *, automatic_too: bool = False) -> None:
    """Speak the language the profile names, unless `--lang` or `$LTV_JOURNAL_LANG`
    named one: it comes after both (core/language.choose). With `automatic_too`, a
    profile that names none means the locale's (the run began in it otherwise)."""
    from ltv_journal.core import language

    ctx = click.get_current_context(silent=True)
    given = None if ctx is None else ctx.find_object(Settings)
    if (given is not None and given.lang) or language.overridden():
        return
    if profile.language is not None or automatic_too:
        language.use(language.choose(None, profile.language))


def lang_option(function: F) -> F:
    """`--lang de|en`, accepted before or after the command name (read before parsing,
    so that `--help` speaks it too)."""
    return click.option(
        "--lang",
        metavar="de|en",
        default=None,
        expose_value=False,
        is_eager=True,
        callback=_check_lang,
        help=N_(
            "The language: de or en (default: $LTV_JOURNAL_LANG, else the profile's, "
            "else the locale's)."
        ),
    )(function)


def journal_options(function: F) -> F:
    """`--db` and `--lang`, which every command takes."""
    return db_option(lang_option(function))


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help=N_("Print JSON instead of text."))(
        function
    )


def journal_missing(location: str) -> bool:
    """Whether `location` names a SQLite file that does not exist yet, or a PostgreSQL
    database that holds no journal (yet): reading it must not create one."""
    from ltv_journal.store.location import sqlite_path
    from ltv_journal.store.postgres import holds_journal, is_postgres

    path = sqlite_path(location)
    if path is not None:
        return not path.exists()
    return is_postgres(location) and holds_journal(location) is False


def no_journal_message(location: str) -> str:
    from ltv_journal.store.postgres import shown

    return _(
        "no journal at {location}; start one with `ltv-journal profile ...` "
        "or `ltv-journal add ...`"
    ).format(location=shown(location))


@contextmanager
def open_journal(location: str | None = None, *, create: bool = False) -> Iterator[Journal]:
    """The journal at `location` (default: the command line's), closed afterwards.

    Only commands that write something new pass `create`; for the others a journal file
    that does not exist is a user error, and nothing (no file, no folder) is made.
    A location that cannot be opened is a user error naming the location and the reason.
    """
    from ltv_journal.store.errors import JournalError
    from ltv_journal.store.journal import Journal
    from ltv_journal.store.postgres import shown

    where = location or settings().location
    if not create and journal_missing(where):
        raise UserError(no_journal_message(where))
    named = shown(where)
    try:
        journal = Journal(where)
    except JournalError:
        raise
    except ImportError as error:  # a database URL whose driver is not installed
        driver = (error.name or "").partition(".")[0] or str(error)
        raise UserError(
            _(
                "cannot open the journal at {location}: its database driver is not installed "
                "({driver})"
            ).format(location=named, driver=driver)
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise UserError(cannot_open(named, reason)) from None
    except Exception as error:
        if type(error).__module__.startswith("sqlalchemy"):
            reason = database_reason(error)
            raise UserError(cannot_open(named, reason)) from None
        raise
    try:
        speak_profile(journal.profile())
        yield journal
    finally:
        journal.close()


def cannot_open(location: str, reason: str) -> str:
    return _("cannot open the journal at {location}: {reason}").format(
        location=location, reason=reason
    )


def journal_currency() -> str | None:
    """The currency of the command line's journal, read without opening it (None when
    there is no journal yet, or it cannot be read that way)."""
    from ltv_journal.core import clock
    from ltv_journal.store.quick import quick_score_at

    found = quick_score_at(settings().location, clock.today())
    return None if found is None else found[0].currency
