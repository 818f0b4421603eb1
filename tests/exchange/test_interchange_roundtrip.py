"""Export, import into an empty journal, export again: the same text."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from interchange_strategies import decisions

from ltv_journal.core.decision import Decision
from ltv_journal.core.profile import Profile
from ltv_journal.exchange.reader import import_file, read_interchange_text
from ltv_journal.exchange.summary import yearly_summary
from ltv_journal.exchange.writer import DECISIONS_COMMENT, export_all
from ltv_journal.store.journal import Journal

AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Many journals are created per test; a memory-backed folder (where there is one) keeps
# SQLite's fsyncs from dominating. The files are real SQLite files all the same.
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") else None


def decisions_part(text: str) -> str:
    return text.split(DECISIONS_COMMENT, 1)[1] if DECISIONS_COMMENT in text else ""


def fresh_import(folder: Path, name: str, text: str) -> Journal:
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    opened = Journal(str(folder / f"{name}.db"))
    import_file(opened, path)
    return opened


@SLOW
@given(st.lists(decisions(), max_size=6, unique_by=lambda d: d.id))
def test_export_all_round_trips(generated: list[Decision]) -> None:
    profile = Profile(name="Test", birth_date=datetime(1970, 6, 1).date())
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        original = Journal(str(Path(folder) / "original.db"))
        original.import_decisions(generated, profile)
        first = export_all(original)
        copy = fresh_import(Path(folder), "copy", first)
        assert export_all(copy) == first
        assert copy.score() == original.score()
        original.close()
        copy.close()


@SLOW
@given(st.lists(decisions(year=2025), min_size=1, max_size=5, unique_by=lambda d: d.id))
def test_a_yearly_summary_imports_back_to_the_same_decisions(generated: list[Decision]) -> None:
    profile = Profile(name="Test", birth_date=datetime(1970, 6, 1).date())
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        original = Journal(str(Path(folder) / "original.db"))
        original.import_decisions(generated, profile)
        summary = yearly_summary(original, 2025, generated_at=AT)
        assert len(read_interchange_text(summary).decisions) == len(generated)
        copy = fresh_import(Path(folder), "copy", summary)
        again = yearly_summary(copy, 2025, generated_at=AT)
        assert decisions_part(again) == decisions_part(summary) != ""
        # Only this year's decisions exist in either journal, so all figures agree.
        assert again == summary
        original.close()
        copy.close()
