"""Figures of the terminal UI, measured in a real (pseudo-)terminal in the same run.

Baseline: a bare Textual app that shows one Static (`bare_app.py`). For ltv-journal on a
journal of N decisions and on an empty one: the first frame (anything drawn), the moment
the money score is on screen, the peak resident memory, and page-down in the list.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from ltv_journal.core.clock import ENV_TODAY
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.explain import format_value
from ltv_journal.store.journal import Journal
from ltv_journal.store.quick import quick_score

from .registry import Bench, Figure, benchmark, median_seconds, ms
from .synthetic import synthetic_profile
from .terminal import Terminal, has_content

RUNS = 9
PAGE_DOWNS = 12
TODAY = date(2026, 11, 25)
PAGE_DOWN = b"\x1b[6~"
SCORE_VS_BARE = 2.0
FRAME_VS_BARE = 1.3
SCORE_GROWTH = 1.1
MEMORY_GROWTH = 1.5
FRAME = 0.016
ENV = {ENV_TODAY: TODAY.isoformat()}


def _app(path: Path) -> list[str]:
    return [sys.executable, "-m", "ltv_journal", "--db", str(path)]


def _bare() -> list[str]:
    return [sys.executable, str(Path(__file__).with_name("bare_app.py"))]


def _bare_list() -> list[str]:
    return [sys.executable, str(Path(__file__).with_name("bare_app.py")), "--list"]


def _money_text(path: Path) -> str:
    found = quick_score(path, TODAY)
    assert found is not None, f"{path} has no score"
    profile, score = found
    return format_value(Dimension.MONEY, score.ltv[Dimension.MONEY], profile.currency)


def _empty_journal(bench: Bench) -> Path:
    path = bench.folder / "empty.db"
    if not path.exists():
        with Journal(str(path)) as journal:
            journal.save_profile(synthetic_profile())
    return path


def _start_once(argv: list[str], ready: str) -> tuple[float, float, int]:
    """(first frame, `ready` on screen, peak RSS KiB once the list has loaded)."""
    with Terminal(argv, env=ENV) as term:
        frame = term.wait_for(has_content)
        shown = term.wait_for(lambda text: ready in text)
        term.settle(1.0)
        return frame, shown, term.peak_rss_kib()


def _start_ups(runs: dict[str, tuple[list[str], str]]) -> dict[str, tuple[float, float, int]]:
    """Medians per program; the programs take turns, so a busy moment of the machine
    falls on all of them alike."""
    seen: dict[str, list[tuple[float, float, int]]] = {name: [] for name in runs}
    for _ in range(RUNS):
        for name, (argv, ready) in runs.items():
            seen[name].append(_start_once(argv, ready))
    return {
        name: (
            statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results),
            int(statistics.median(r[2] for r in results)),
        )
        for name, results in seen.items()
    }


@benchmark("tui-start")
def start_up(bench: Bench) -> list[Figure]:
    big, empty = bench.journal(bench.n), _empty_journal(bench)
    found = _start_ups(
        {
            "bare": (_bare(), "bare app ready"),
            "big": (_app(big), _money_text(big)),
            "empty": (_app(empty), _money_text(empty)),
        }
    )
    bare_frame, bare_ready, _ = found["bare"]
    frame, score, memory = found["big"]
    _, score_empty, memory_empty = found["empty"]
    n = f"{bench.n:,}"
    return [
        Figure(
            f"score on screen, {n} journal, vs bare app's Static",
            f"ratio ≤ {SCORE_VS_BARE}",
            ms(score),
            score / bare_ready,
            score / bare_ready <= SCORE_VS_BARE,
            f"bare Textual app shows its Static at {ms(bare_ready)}",
        ),
        Figure(
            "first frame vs bare app's",
            f"ratio ≤ {FRAME_VS_BARE}",
            ms(frame),
            frame / bare_frame,
            frame / bare_frame <= FRAME_VS_BARE,
            f"bare app's first frame at {ms(bare_frame)}",
        ),
        Figure(
            f"score on screen at {n} vs at 0",
            f"ratio ≤ {SCORE_GROWTH}",
            ms(score),
            score / score_empty,
            score / score_empty <= SCORE_GROWTH,
            f"empty journal: {ms(score_empty)}",
        ),
        Figure(
            f"peak memory at {n} vs at 0",
            f"ratio ≤ {MEMORY_GROWTH}",
            f"{memory / 1024:.1f} MiB",
            memory / memory_empty,
            memory / memory_empty <= MEMORY_GROWTH,
            f"empty journal: {memory_empty / 1024:.1f} MiB",
        ),
    ]


async def _page_down_frames(path: Path) -> list[float]:
    """Seconds the list takes for one PageDown, from the key's action to every visible
    line drawn, in the running app (headless); the reads between presses run in their
    thread workers as they would while a person looks at the page."""
    from ltv_journal.tui.app import LtvJournalApp
    from ltv_journal.tui.widgets.decision_list import DecisionList

    times = []
    with Journal(str(path)) as journal:
        app = LtvJournalApp(str(path), journal)
        async with app.run_test(size=(120, 36)) as pilot:
            await _settle(pilot)
            listed = app.screen_stack[0].query_one(DecisionList)
            height = listed.scrollable_content_region.height
            for _ in range(PAGE_DOWNS):
                start = time.perf_counter()
                listed.action_page(1)
                for y in range(height):
                    listed.render_line(y)
                times.append(time.perf_counter() - start)
                await _settle(pilot)
    return times


async def _settle(pilot: object) -> None:
    from textual.worker import WorkerCancelled

    for _ in range(6):
        try:
            await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]
        except WorkerCancelled:
            continue
        await pilot.pause()  # type: ignore[attr-defined]


def _key_latency(argv: list[str], ready: str) -> float:
    """Median seconds from a PageDown key to a changed screen, in a pseudo-terminal."""
    times = []
    with Terminal(argv, env=ENV) as term:
        term.wait_for(lambda text: ready in text)
        term.settle(1.5)
        for _ in range(PAGE_DOWNS):
            before = term.text()
            sent = term.send(PAGE_DOWN)
            term.wait_for(lambda text, before=before: text != before, timeout=5)
            times.append(time.perf_counter() - sent)
            term.settle(0.2)
    return statistics.median(times)


@benchmark("tui-page-down")
def page_down(bench: Bench) -> list[Figure]:
    big = bench.journal(bench.n)
    frames = asyncio.run(_page_down_frames(big))
    median = statistics.median(frames)
    with Journal(str(big)) as journal:
        deep = median_seconds(
            lambda: journal.summaries(offset=max(bench.n - 100, 0), limit=100), repeat=20
        )
    ours = _key_latency(_app(big), _money_text(big))
    bare = _key_latency(_bare_list(), "row 0")
    return [
        Figure(
            f"page-down in the list, {bench.n:,} journal",
            f"< {ms(FRAME)}",
            ms(median),
            None,
            median < FRAME,
            f"action and every visible line drawn, median of {PAGE_DOWNS}; worst "
            f"{ms(max(frames))}; reading the last page from the database (in a worker): "
            f"{ms(deep)}",
        ),
        Figure(
            "page-down key to screen, pseudo-terminal, vs bare Textual list",
            "—",
            ms(ours),
            ours / bare,
            None,
            f"bare app's OptionList of 1,000 rows: {ms(bare)}",
        ),
    ]
