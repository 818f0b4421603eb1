"""The whole journal in the interchange format: a backup a person can read."""

from __future__ import annotations

from collections.abc import Iterator

from ltv_journal.core.language import N_
from ltv_journal.store.journal import Journal

from .keys import FORMAT_VERSION
from .render import render_decision, render_profile

DECISIONS_WORDS = N_(
    "Decisions, oldest first. Each [[decisions]] table is one decision; its expected\n"
    "effects follow as [decisions.effects.<dimension>], the options it was chosen from\n"
    "and did not take as [[decisions.options]], and its reviews, oldest first, as\n"
    "[[decisions.reviews]]. Money is in the profile's currency; happiness, love and\n"
    "meaning are points a year (-10..+10). `ltv-journal import FILE` reads it back:\n"
    "the same id updates a decision rather than adding it twice."
)
"""What the decisions at the end of a file are (the yearly summary says it in the
profile's language; a backup, a file for machines too, in English)."""


def as_comment(text: str) -> str:
    """`text` as TOML comment lines."""
    return "".join(f"# {line}\n" for line in text.splitlines())


DECISIONS_COMMENT = as_comment(DECISIONS_WORDS)


def export_all(journal: Journal) -> str:
    """The profile and every live decision with its effects and reviews; importing the
    text into an empty journal restores the journal."""
    return "".join(export_all_parts(journal))


def export_all_parts(journal: Journal) -> Iterator[str]:
    """`export_all` piece by piece (a decision at a time), for writing a journal of any
    size in flat memory."""
    yield "# ltv-journal: a whole journal in the interchange format (see docs/interchange.md).\n"
    yield f"format_version = {FORMAT_VERSION}\n"
    if journal.has_profile():
        yield "\n# Whose journal, and the horizons every lifetime effect runs to.\n"
        yield render_profile(journal.profile())
    first = True
    for decision in journal.iter_decisions():
        out: list[str] = []
        render_decision(decision, out)
        yield ("\n" + DECISIONS_COMMENT + "\n" if first else "\n") + "\n".join(out) + "\n"
        first = False
