"""Which profile an import scores under, and what it does to the journal's profile:
shared by the whole-file import and the restore of a backup."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Connection, select

from ltv_journal.core.language import _
from ltv_journal.core.profile import PROFILE_FIELDS, Profile

from .base import check_profile_fits, with_valuation_date
from .convert import profile_from_columns
from .errors import Invalid
from .tables import PROFILES


@dataclass(frozen=True, slots=True)
class Settled:
    """The profiles of an import: the one it scores under (`active`), the file's as it
    would be stored (None when not used), the journal's (`old`, and whether it `had`
    one), whether the import `changes` it and which `fields`, and whether the file's
    differing profile is `ignored`."""

    active: Profile
    profile: Profile | None
    had: bool
    old: Profile
    changes: bool
    fields: tuple[str, ...]
    ignored: bool


def settle_profile(conn: Connection, profile: Profile | None, replace_profile: bool) -> Settled:
    """Which profile an import scores under, and what it does to the journal's;
    refuses a file's profile that is invalid, does not fit the journal's decisions,
    or counts in another currency."""
    had_profile = conn.execute(select(PROFILES.c.id)).first() is not None
    use_profile = profile is not None and (replace_profile or not had_profile)
    row = conn.execute(select(PROFILES)).first()
    old_profile = Profile() if row is None else profile_from_columns(row._mapping)
    if use_profile and profile is not None:
        profile = _settled(profile, old_profile if had_profile else None)
        check_profile_fits(conn, old_profile, profile)
    active = profile if (use_profile and profile) else old_profile
    if use_profile and profile is not None:
        problems = profile.problems()
        if problems:
            raise Invalid(problems, "profile")
    if profile is not None and profile.currency != active.currency:
        raise Invalid(
            [
                (
                    "currency",
                    _(
                        "is {currency}, but this journal counts in {journal}; amounts would "
                        "change their meaning (import with --replace-profile to switch the "
                        "journal's currency)"
                    ).format(currency=profile.currency, journal=active.currency),
                )
            ],
            "profile",
        )
    changes = use_profile and (not had_profile or profile != old_profile)
    return Settled(
        active=active,
        profile=profile if use_profile else None,
        had=had_profile,
        old=old_profile,
        changes=changes,
        fields=tuple(
            f
            for f in PROFILE_FIELDS
            if changes
            and had_profile
            and profile is not None
            and getattr(profile, f) != getattr(old_profile, f)
        ),
        ignored=profile is not None
        and not use_profile
        and _settled(profile, old_profile) != old_profile,
    )


def _settled(profile: Profile, old: Profile | None) -> Profile:
    """A file's profile as it replaces the journal's: what the file leaves out (the
    valuation date, a worth, the language) stays as the journal had it."""
    if old is not None and not profile.worth:
        profile = replace(profile, worth=old.worth)
    if old is not None and profile.language is None:
        profile = replace(profile, language=old.language)
    return with_valuation_date(profile, old)
