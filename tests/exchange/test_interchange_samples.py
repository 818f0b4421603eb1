"""The shipped samples: the seed's worked example and the three-year journal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.exchange.reader import import_file, read_interchange
from ltv_journal.exchange.sample import SAMPLE_NAMES, sample_path
from ltv_journal.store.journal import Journal


def test_max_muster_gives_the_seeds_figures(empty_journal: Journal) -> None:
    import_file(empty_journal, sample_path("max-muster"))
    score = empty_journal.score()
    assert score.baseline[Dimension.MONEY] == Decimal("1575000.00")
    assert score.ltv[Dimension.MONEY] == Decimal("1695000.00")
    assert empty_journal.profile().name == "Max Muster"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_sample_is_a_file_inside_the_package(name: str) -> None:
    path = sample_path(name)
    assert path.is_file()
    assert path.parent.name == "sample_data"
    assert path.parent.parent.name == "ltv_journal"


def test_an_unknown_sample_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="no sample named 'nope'"):
        sample_path("nope")


def test_the_sample_journal_is_three_realistic_years() -> None:
    found = read_interchange(sample_path("journal"))
    decisions = found.decisions
    assert found.profile is not None and found.profile.currency == "EUR"
    assert 50 <= len(decisions) <= 150
    assert {d.date.year for d in decisions} == {2024, 2025, 2026}
    assert min(d.date for d in decisions) >= date(2024, 1, 1)
    assert max(d.date for d in decisions) <= date(2026, 11, 30)
    for dim in DIMENSIONS:
        assert any(dim in d.effects for d in decisions), dim
    reviews = [r for d in decisions for r in d.reviews]
    assert 15 <= len(reviews) <= 30
    seen = [o for r in reviews for o in r.actual.values()]
    assert any(not o.materialised for o in seen) and any(o.materialised for o in seen)
    assert {str(r.would_repeat) for r in reviews} == {"yes", "no", "unsure"}
    assert len({d.category for d in decisions}) >= 8
    assert any(d.expectation for d in decisions) and any(d.feeling for d in decisions)
    assert any(r.hindsight for r in reviews)


def test_the_sample_journal_has_fixed_ids(empty_journal: Journal) -> None:
    first = [d.id for d in read_interchange(sample_path("journal")).decisions]
    assert first == [d.id for d in read_interchange(sample_path("journal")).decisions]
    import_file(empty_journal, sample_path("journal"))
    again = import_file(empty_journal, sample_path("journal"))
    assert again.added == 0 and again.updated == 0 and again.unchanged == len(first)
    assert empty_journal.count() == len(first)
