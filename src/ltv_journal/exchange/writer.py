"""The whole journal in the interchange format: a backup a person can read."""

from __future__ import annotations

from ltv_journal.store.journal import Journal

from .keys import FORMAT_VERSION
from .render import render_decisions, render_profile

DECISIONS_COMMENT = """\
# Decisions, oldest first. Each [[decisions]] table is one decision; its expected
# effects follow as [decisions.effects.<dimension>] and its reviews, oldest first, as
# [[decisions.reviews]]. Money is in the profile's currency; happiness, love and
# meaning are points a year (-10..+10). `ltv-journal import FILE` reads it back:
# the same id updates a decision rather than adding it twice.
"""


def export_all(journal: Journal) -> str:
    """The profile and every live decision with its effects and reviews; importing the
    text into an empty journal restores the journal."""
    parts = [
        "# ltv-journal: a whole journal in the interchange format (see docs/interchange.md).\n",
        f"format_version = {FORMAT_VERSION}\n",
    ]
    if journal.has_profile():
        parts.append("\n# Whose journal, and the horizons every lifetime effect runs to.\n")
        parts.append(render_profile(journal.profile()))
    body = render_decisions(journal.iter_decisions())
    if body:
        parts.append("\n" + DECISIONS_COMMENT + "\n" + body)
    return "".join(parts)
