"""The trends screen (g): the running lifetime value month by month, a cursor that
reads off the values `score --as-of` gives, and Enter to open that month's decisions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.journal_band import lifetime_band
from ltv_journal.exchange.reader import import_file
from ltv_journal.exchange.sample import sample_path
from ltv_journal.store.journal import Journal
from ltv_journal.store.queries import DecisionFilter
from ltv_journal.tui.app import LtvJournalApp
from ltv_journal.tui.screens.trends import TrendsScreen

from .app_support import RecordingApp, decision_list, opened, settle
from .screen_host import pilot_test


@pytest.fixture
def sample_journal(tmp_path: Path) -> Any:
    with Journal(str(tmp_path / "sample.db")) as journal:
        import_file(journal, sample_path("journal"))
        yield journal


def cursor_text(app: Any) -> str:
    return str(app.screen.query_one("#trend-cursor", Static).render())


@pilot_test
async def test_the_cursor_reads_off_the_running_score(sample_journal: Journal) -> None:
    app = RecordingApp(sample_journal.location, sample_journal)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, TrendsScreen)
        assert cursor_text(app).startswith("2026-11-30")  # this month, the clock's
        for _ in range(8):
            await pilot.press("left")
        said = cursor_text(app)
        assert said.startswith("2026-03-31")
        score = sample_journal.running_score(date(2026, 3, 31))
        assert f"money {score.ltv['money']:,.2f} EUR" in said  # type: ignore[index]
        assert f"love {score.ltv['love']:.2f} pts" in said  # type: ignore[index]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, TrendsScreen)
        assert app.main.list_filter == DecisionFilter(start=date(2026, 3, 1), end=date(2026, 3, 31))
        listed = decision_list(app)
        assert listed.total == 2  # the sample journal's two decisions of March 2026


@pilot_test
async def test_the_band_around_the_line_is_the_journals(sample_journal: Journal) -> None:
    app = RecordingApp(sample_journal.location, sample_journal)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("d", "d")  # love: the sample's least sure dimension
        screen = app.screen
        assert isinstance(screen, TrendsScreen) and screen.bands is not None
        whole = lifetime_band(sample_journal.band(), sample_journal.score().baseline)
        love = whole.dimensions[Dimension.LOVE]
        assert f"love P10–P90 {love.p10:.2f} pts – {love.p90:.2f} pts" in cursor_text(app)
        assert "P10 and P90 dotted" in str(screen.query_one("#trend-title", Static).render())
        await pilot.press("home")  # the first month: one sure decision, no band
        assert "P10–P90" not in cursor_text(app)


@pilot_test
async def test_the_year_picker_narrows_the_trend(sample_journal: Journal) -> None:
    app = RecordingApp(sample_journal.location, sample_journal)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.main.apply_year(2025)
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen) and screen.data is not None
        days = [p.day for p in screen.data.points]
        assert days[0] == date(2025, 1, 31) and days[-1] == date(2025, 12, 31)
        assert "in 2025" in str(screen.query_one("#trend-title", Static).render())
        await pilot.press("n")
        assert "All four in 2025" in str(screen.query_one("#trend-title", Static).render())
        await pilot.press("escape")
        assert not isinstance(app.screen, TrendsScreen)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
@pytest.mark.parametrize("keys", [("g", "left", "left"), ("g", "n"), ("g", "s"), ("i",)])
def test_chart_snapshots(  # type: ignore[no-untyped-def]
    snap_compare, sample_journal: Journal, size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    """The trend, all four at once, where the money went, and the calibration pictures."""
    app = LtvJournalApp(sample_journal.location, sample_journal)

    async def keys_pressed(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=keys_pressed)


@pilot_test
async def test_where_it_went_shows_the_years_months_and_categories(
    sample_journal: Journal,
) -> None:
    from ltv_journal.core.charts import by_category

    app = RecordingApp(sample_journal.location, sample_journal)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.main.apply_year(2025)
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen) and screen.spending is not None
        assert screen.spending.year == 2025
        rows = sample_journal.summaries(DecisionFilter(year=2025), limit=None)
        spent = sum(r.amount for r in rows if str(r.kind) == "expense")
        assert sum(s for _, s, _ in screen.spending.months) == spent
        biggest = by_category((r.category, str(r.kind), r.amount, r.values) for r in rows)[0]
        said = cursor_text(app)
        assert said.startswith(f"{biggest.category}: ")
        assert "Where it went in 2025" in str(screen.query_one("#trend-title", Static).render())
        await pilot.press("s")  # back to the trend
        assert "running lifetime value" in str(screen.query_one("#trend-title", Static).render())


def test_where_it_went_in_words_names_no_category_prices_in_the_currency_and_counts_one() -> None:
    from decimal import Decimal

    from ltv_journal.core import language
    from ltv_journal.core.charts import CategorySpending
    from ltv_journal.core.dimensions import Dimension
    from ltv_journal.tui.screens.trends import spending_text

    def category(name: str, spent: int) -> CategorySpending:
        return CategorySpending(
            category=name,
            spent=Decimal(spent),
            invested=Decimal(0),
            points={Dimension.HAPPINESS: Decimal(2)},
            cost_per_point_year={Dimension.HAPPINESS: Decimal(spent) / 2},
        )

    found = [category("(none)", 3000), category("sport", 200), category("food", 100)]
    with language.using(language.GERMAN):
        german = spending_text(found, "EUR", shown=2)
    assert german.splitlines()[0].startswith("(keine): 3.000,00\N{NO-BREAK SPACE}€")
    assert "1.500,00\N{NO-BREAK SPACE}€ je Punktjahr Glück" in german
    assert german.endswith("… und 1 weitere Kategorie (chart spending)")
    english = spending_text(found, "EUR", shown=2)
    assert english.splitlines()[0].startswith("(none): 3,000.00 EUR")
    assert "1,500.00 EUR a happiness point-year" in english
    assert english.endswith("… and 1 more category (chart spending)")
    assert spending_text(found, "EUR", shown=1).endswith("… and 2 more categories (chart spending)")
