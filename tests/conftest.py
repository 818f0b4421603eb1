"""Shared fixtures: a real journal file on disk, and a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ltv_journal.core import clock
from ltv_journal.core.profile import Profile

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[date]:
    """Every test runs on the same day, so date-dependent figures are stable."""
    with clock.fixed_today(TODAY) as day:
        yield day


@pytest.fixture
def max_muster() -> Profile:
    """The seed's Max Muster: born 1979, works 22 to 67, earns 35,000 EUR a year."""
    return Profile(name="Max Muster", birth_date=date(1979, 1, 1), annual_income=Decimal(35000))


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal" / "journal.db"


@pytest.fixture
def journal(journal_path: Path, max_muster: Profile):  # type: ignore[no-untyped-def]
    from ltv_journal.store.journal import Journal

    with Journal(str(journal_path)) as opened:
        opened.save_profile(max_muster)
        yield opened
