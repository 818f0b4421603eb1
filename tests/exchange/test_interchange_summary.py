"""The yearly summary of the sample journal agrees with the score and calibration."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ltv_journal.core.calibration import calibrate
from ltv_journal.core.dimensions import DIMENSIONS
from ltv_journal.exchange.keys import SUMMARY_TABLES
from ltv_journal.exchange.reader import import_file, read_interchange_text
from ltv_journal.exchange.sample import sample_path
from ltv_journal.exchange.summary import yearly_summary
from ltv_journal.store.journal import Journal
from ltv_journal.store.queries import DecisionFilter

AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Journal]:
    with Journal(str(tmp_path / "sample.db")) as opened:
        import_file(opened, sample_path("journal"))
        yield opened


def parsed(text: str) -> dict[str, Any]:
    return tomllib.loads(text, parse_float=Decimal)


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_ltv_figures_agree_with_the_running_score(sample: Journal, year: int) -> None:
    data = parsed(yearly_summary(sample, year, generated_at=AT))
    start = sample.running_score(date(year - 1, 12, 31))
    end = sample.running_score(date(year, 12, 31))
    for dim in DIMENSIONS:
        figures = data["ltv"][str(dim)]
        assert figures["start"] == start.ltv[dim]
        assert figures["end"] == end.ltv[dim]
        assert figures["change"] == end.ltv[dim] - start.ltv[dim]


def test_the_last_year_ends_at_the_score(sample: Journal) -> None:
    data = parsed(yearly_summary(sample, 2026, generated_at=AT))
    score = sample.score(date(2026, 12, 31))
    assert {dim: data["ltv"][str(dim)]["end"] for dim in DIMENSIONS} == dict(score.ltv)


def test_totals_count_and_sum_the_years_decisions(sample: Journal) -> None:
    data = parsed(yearly_summary(sample, 2025, generated_at=AT))
    year = list(sample.iter_decisions(DecisionFilter(year=2025)))
    totals = data["totals"]
    assert totals["decisions"] == len(year) == sum(totals["by_kind"].values())
    assert sum(totals["by_category"].values()) == len(year)
    spent = sum((d.amount for d in year if d.kind == "expense"), Decimal(0))
    invested = sum((d.amount for d in year if d.kind == "investment"), Decimal(0))
    assert (totals["spent"], totals["invested"]) == (spent, invested)
    assert list(totals["by_category"]) == sorted(totals["by_category"])


def test_top_lists_the_five_largest_by_size(sample: Journal) -> None:
    data = parsed(yearly_summary(sample, 2025, generated_at=AT))
    rows = sample.summaries(DecisionFilter(year=2025), limit=None)
    for dim in DIMENSIONS:
        top = data["top"][str(dim)]
        expected = sorted((abs(r.values[dim]) for r in rows if r.values[dim]), reverse=True)[:5]
        assert [abs(entry["value"]) for entry in top] == expected
        for entry in top:
            assert sample.get(entry["id"]).title == entry["title"]


def test_calibration_agrees_with_the_calibration_of_all_reviews(sample: Journal) -> None:
    data = parsed(yearly_summary(sample, 2025, generated_at=AT))
    expected = calibrate(sample.calibration_samples())
    assert data["calibration"]["reviews_in_year"] == sample.reviews_between(
        date(2025, 1, 1), date(2025, 12, 31)
    )
    for dim, result in expected.items():
        table = data["calibration"][str(dim)]
        assert table["reviews"] == result.reviews
        assert table.get("mean_error") == result.mean_error
        assert table.get("mean_abs_error") == result.mean_abs_error
        assert table.get("brier") == result.brier


def test_the_document_is_commented_and_in_a_stable_order(sample: Journal) -> None:
    text = yearly_summary(sample, 2025, generated_at=AT)
    data = parsed(text)
    assert list(data) == ["summary", "profile", "ltv", "totals", "top", "calibration", "decisions"]
    assert data["summary"] == {
        "year": 2025,
        "currency": "EUR",
        "generated_at": AT,
        "format_version": 2,
    }
    assert text.startswith("# ltv-journal yearly summary for 2025\n")
    for section in ("[profile]", "[ltv]", "[totals]", "[top]", "[calibration]", "[[decisions]]"):
        before = text.split(section, 1)[0].rstrip().splitlines()
        assert before[-1].startswith("#") or text.split(section, 1)[1].lstrip().startswith("#")
    assert yearly_summary(sample, 2025, generated_at=AT) == text


def test_the_summary_imports_back_and_skips_its_own_tables(sample: Journal) -> None:
    text = yearly_summary(sample, 2025, generated_at=AT)
    found = read_interchange_text(text)
    assert [d.id for d in found.decisions] == [
        d.id for d in sample.iter_decisions(DecisionFilter(year=2025))
    ]
    assert set(SUMMARY_TABLES) <= set(parsed(text))


def test_a_year_without_decisions_still_summarises(sample: Journal) -> None:
    text = yearly_summary(sample, 2030, generated_at=AT)
    data = parsed(text)
    assert data["totals"]["decisions"] == 0
    assert "decisions" not in data
    assert data.get("top", {}) == {}
    assert read_interchange_text(text).decisions == []


@pytest.mark.parametrize("year", [2024, 2025])
def test_the_range_says_how_sure_the_years_end_is(sample: Journal, year: int) -> None:
    """`[ltv.range]` is the trend's band at 31 December (the same seeded draws)."""
    data = parsed(yearly_summary(sample, year, generated_at=AT))["ltv"]["range"]
    december = [p for p in sample.trend(date(2026, 11, 25)) if p.day == date(year, 12, 31)]
    (band,) = sample.trend_bands(december)
    assert data["draws"] == band.draws
    assert data["p_raises"] == band.p_raises
    for dim in DIMENSIONS:
        spread = band.dimensions[dim]
        assert data[str(dim)] == {"p10": spread.p10, "p50": spread.p50, "p90": spread.p90}
        assert data[str(dim)]["p10"] <= data[str(dim)]["p50"] <= data[str(dim)]["p90"]
    assert data["love"]["p10"] < data["love"]["p90"]  # the sample's love is uncertain
