"""Figures of the pictures: the trends screen opened on a big journal, against the main
screen's own first frame in the same run, and a chart redrawn after a resize."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from ltv_journal.store.journal import Journal

from .registry import Bench, Figure, benchmark, ms
from .terminal import Terminal, has_content
from .tui import ENV, FRAME, RUNS, TODAY, _app, _money_text

TRENDS_VS_FIRST_FRAME = 1.5
CURSOR_DAY = TODAY.replace(day=30).isoformat()
"""The trends cursor starts on this month's end."""


def _trends_once(argv: list[str], ready: str) -> tuple[float, float]:
    """(the main screen's first frame from start, the trends screen drawn from `g`)."""
    with Terminal(argv, env=ENV) as term:
        frame = term.wait_for(has_content)
        term.wait_for(lambda text: ready in text)
        term.wait_for(lambda text: "Decisions · " in text)  # the journal is open
        term.settle(0.5)
        sent = term.send(b"g")
        term.wait_for(lambda text: CURSOR_DAY in text and "running lifetime value" in text)
        return frame, time.perf_counter() - sent


async def _redraws(path: Path) -> list[float]:
    """Seconds a trends chart takes to draw itself at a new size, in the running app."""
    from textual_plotext import PlotextPlot

    from ltv_journal.tui.app import LtvJournalApp

    from .tui import _settle

    times = []
    with Journal(str(path)) as journal:
        app = LtvJournalApp(str(path), journal)
        async with app.run_test(size=(120, 36)) as pilot:
            await _settle(pilot)
            await pilot.press("g")
            await _settle(pilot)
            plot = app.screen.query_one(PlotextPlot)
            for size in ((80, 24), (200, 50), (120, 36)) * 4:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                start = time.perf_counter()
                plot.render()
                times.append(time.perf_counter() - start)
    return times


@benchmark("tui-trends")
def trends(bench: Bench) -> list[Figure]:
    big = bench.journal(bench.n)
    runs = [_trends_once(_app(big), _money_text(big)) for _ in range(RUNS)]
    frame = statistics.median(r[0] for r in runs)
    opened = statistics.median(r[1] for r in runs)
    redraws = asyncio.run(_redraws(big))
    redraw = statistics.median(redraws)
    return [
        Figure(
            f"trends screen on screen after g, {bench.n:,} journal, vs the first frame",
            f"ratio ≤ {TRENDS_VS_FIRST_FRAME}",
            ms(opened),
            opened / frame,
            opened / frame <= TRENDS_VS_FIRST_FRAME,
            f"the main screen's first frame at {ms(frame)} in the same runs",
        ),
        Figure(
            "trends chart redrawn after a resize",
            f"< {ms(FRAME)}",
            ms(redraw),
            None,
            redraw < FRAME,
            f"median of {len(redraws)} resizes between 80×24, 200×50 and 120×36; "
            f"worst {ms(max(redraws))}",
        ),
    ]
