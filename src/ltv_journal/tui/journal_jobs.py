"""What the main screen's keys do with the journal beyond one call: the closures a form
runs in its thread, and the jobs its workers run. Called in threads unless said."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ltv_journal.core.language import _

if TYPE_CHECKING:
    from ltv_journal.core.decision import Decision
    from ltv_journal.core.dimensions import Dimension
    from ltv_journal.core.profile import Profile
    from ltv_journal.core.worth import ImpliedWorth
    from ltv_journal.store.journal import Journal

    from .screens.export_dialog import ExportRequest
    from .screens.profile_form import ProfileForm


def read_detail(journal: Journal, decision_id: str) -> Decision | None:
    """The decision in full, or None when it is gone."""
    from ltv_journal.store.errors import NotFound

    try:
        decision: Decision | None = journal.get(decision_id)
    except NotFound:
        decision = None
    journal.profile()  # read here so the main thread finds it cached
    return decision


def export_summary(journal: Journal, request: ExportRequest) -> str:
    """Write the year's summary where `request` says (never over the journal's own
    files); says where it went."""
    from ltv_journal.exchange.files import journal_files, write_atomically
    from ltv_journal.exchange.summary import yearly_summary

    write_atomically(
        request.path,
        yearly_summary(journal, request.year),
        protected=journal_files(journal.location),
    )
    return _("Exported {year} to {path}").format(year=request.year, path=request.path)


def profile_form(journal: Journal, profile: Profile, first_run: bool) -> ProfileForm:
    """(In the main thread.) The profile form on `profile`, saving to `journal` and
    working out the worth the journal's choices imply, both in its threads."""
    from ltv_journal.core.worth import implied_worth

    from .screens.profile_form import ProfileForm

    def implied() -> dict[Dimension, ImpliedWorth]:
        return implied_worth(values for _, values in journal.point_purchases())

    def save(profile: Profile) -> Profile:
        journal.save_profile(profile)
        return profile

    return ProfileForm(profile, first_run=first_run, save=save, implied_worth=implied)
