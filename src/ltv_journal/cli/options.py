"""Options shared by the commands, and opening the journal they name."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ltv_journal.locations import ENV_DB, journal_location

from .errors import UserError, database_reason

if TYPE_CHECKING:
    from ltv_journal.store.journal import Journal

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = (
    f"The journal: a SQLite file or a database URL "
    f"(default: ${ENV_DB}, else journal.db in the user-data folder)."
)


@dataclass
class Settings:
    """What the group and its commands share: the `--db` given anywhere on the line."""

    db: str | None = None

    @property
    def location(self) -> str:
        """`--db`, else `$LTV_JOURNAL_DB`, else the default file; a variable that is set
        but empty is refused rather than quietly meaning the default journal."""
        if self.db is None and _blank(os.environ.get(ENV_DB)):
            raise UserError(
                f"${ENV_DB} is set but empty; set it to the journal's file or database URL, "
                "or unset it to use the default journal"
            )
        return journal_location(self.db)


def _blank(value: str | None) -> bool:
    return value is not None and not value.strip()


def settings() -> Settings:
    return click.get_current_context().ensure_object(Settings)


def _remember_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if _blank(value):
        raise UserError(
            "--db is empty; give the journal's file or database URL "
            "(an unset shell variable?), or leave --db out to use the default journal"
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


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(
        function
    )


def journal_missing(location: str) -> bool:
    """Whether `location` names a SQLite file that does not exist yet (a database URL
    other than SQLite is never "missing": its server knows)."""
    from ltv_journal.store.location import sqlite_path

    path = sqlite_path(location)
    return path is not None and not path.exists()


def no_journal_message(location: str) -> str:
    return (
        f"no journal at {location}; start one with `ltv-journal profile ...` "
        "or `ltv-journal add ...`"
    )


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
            f"cannot open the journal at {named}: its database driver is not installed ({driver})"
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise UserError(f"cannot open the journal at {named}: {reason}") from None
    except Exception as error:
        if type(error).__module__.startswith("sqlalchemy"):
            reason = database_reason(error)
            raise UserError(f"cannot open the journal at {named}: {reason}") from None
        raise
    try:
        yield journal
    finally:
        journal.close()


def journal_currency() -> str | None:
    """The currency of the command line's journal, read without opening it (None when
    there is no journal yet, or it cannot be read that way)."""
    from ltv_journal.core import clock
    from ltv_journal.store.quick import quick_score_at

    found = quick_score_at(settings().location, clock.today())
    return None if found is None else found[0].currency
