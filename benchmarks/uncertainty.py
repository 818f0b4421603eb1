"""Figures of the uncertainty bands: the whole journal's band (the score cards and
`score` read it) against its one-second target, the trend's band month by month, and
the live preview's band per keystroke for a decision with four ranged effects against a
frame."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.uncertainty import decision_band
from ltv_journal.core.worth import Worth
from ltv_journal.store.journal import Journal

from .registry import Bench, Figure, benchmark, ms
from .synthetic import synthetic_profile
from .tui import FRAME

JOURNAL_BAND_SECONDS = 1.0
RUNS = 5
KEYSTROKES = 40


@benchmark("bands")
def bands(bench: Bench) -> list[Figure]:
    path = bench.journal(bench.n)
    with Journal(str(path)) as journal:
        journal.band()  # warm the page cache, as an open journal has
        whole = statistics.median(_seconds(journal.band) for _ in range(RUNS))
        months = journal.trend(date(2025, 12, 31))
        trend = statistics.median(_seconds(lambda: journal.trend_bands(months)) for _ in range(3))
    keystroke = _preview_keystroke()
    return [
        Figure(
            f"the whole journal's band, {bench.n:,} journal",
            f"≤ {JOURNAL_BAND_SECONDS:.2f} s",
            f"{whole:.3f} s",
            whole / JOURNAL_BAND_SECONDS,
            whole <= JOURNAL_BAND_SECONDS,
            "read in a worker: the cards show the score first",
        ),
        Figure(
            f"the trend's band over {len(months)} months, {bench.n:,} journal",
            "—",
            f"{trend:.3f} s",
            note="drawn after the line, in a worker (information only)",
        ),
        Figure(
            "preview band per keystroke, four ranged effects",
            f"< {ms(FRAME)}",
            ms(keystroke),
            keystroke / FRAME,
            keystroke < FRAME,
            "the amount changes on every keystroke; 2,000 draws",
        ),
    ]


def _seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _preview_keystroke() -> float:
    """Median seconds of a decision's band while its amount is typed, digit by digit."""
    worth = Worth(happiness=Decimal(1500), love=Decimal(2000), meaning=Decimal(1000))
    profile = replace(synthetic_profile(), worth=worth)
    effects = {
        Dimension.MONEY: Effect(
            Decimal(500), years=Decimal(3), low=Decimal(100), high=Decimal(900)
        ),
        **{
            dim: Effect(
                Decimal(2),
                low=Decimal(1),
                high=Decimal(4),
                confidence=Decimal("0.8"),
                half_life_years=Decimal(2),
            )
            for dim in (Dimension.HAPPINESS, Dimension.LOVE, Dimension.MEANING)
        },
    }
    times = []
    for typed in range(1, KEYSTROKES + 1):
        decision = Decision("Course", date(2026, 1, 1), amount=Decimal(typed * 37), effects=effects)
        times.append(_seconds(lambda d=decision: decision_band(d, profile)))
    return statistics.median(times)


COMPARED = 5


@benchmark("compare-keystroke")
def compare_keystroke(bench: Bench) -> list[Figure]:
    """The compare screen with five options, each with four ranged effects: the app's
    work for one keystroke in one column (every column read, the edited one's figures
    and band worked out again)."""
    import asyncio

    times = asyncio.run(_compare_keystrokes(bench))
    took = statistics.median(times)
    return [
        Figure(
            f"compare screen keystroke, {COMPARED} options with four ranged effects each",
            f"< {ms(FRAME)}",
            ms(took),
            took / FRAME,
            took < FRAME,
            "app work per keystroke: read every column, figures and band of the edited one",
        )
    ]


async def _compare_keystrokes(bench: Bench) -> list[float]:
    from textual.widgets import Input

    from ltv_journal.tui.app import LtvJournalApp
    from ltv_journal.tui.screens.compare_screen import CompareScreen

    from .tui import _settle

    path = bench.journal(100)
    times = []
    with Journal(str(path)) as journal:
        app = LtvJournalApp(str(path), journal)
        async with app.run_test(size=(200, 60)) as pilot:
            await _settle(pilot)
            await pilot.press("c")
            await _settle(pilot)
            screen = app.screen
            assert isinstance(screen, CompareScreen)
            while len(screen.columns) < COMPARED:
                await pilot.press("ctrl+n")
                await _settle(pilot)
            for n in range(1, COMPARED + 1):
                values = {"title": f"Option {n}", "amount": str(100 * n)}
                for dim in ("money", "happiness", "love", "meaning"):
                    values[f"{dim}-per_year"] = "500" if dim == "money" else "2"
                    values[f"{dim}-range"] = "100 to 900" if dim == "money" else "1 to 4"
                    values[f"{dim}-confidence"] = "80%"
                for key, value in values.items():
                    screen.query_one(f"#o{n}-{key}", Input).value = value
            await _settle(pilot)
            amount = screen.query_one(f"#o{COMPARED}-amount", Input)
            for typed in range(KEYSTROKES):
                amount.value = str(1000 + typed)
                start = time.perf_counter()
                screen.refresh_form()
                times.append(time.perf_counter() - start)
                await pilot.pause()
    return times
