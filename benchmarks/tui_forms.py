"""The add form, timed in a real (pseudo-)terminal against a bare Textual modal with
the same number of Inputs, in the same run: how long `a` takes to put the form on
screen, and how long a keystroke with the live preview takes to reach the screen (and
how much CPU the app spends on it).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.explain import format_value
from ltv_journal.tui.screens.effect_rows import COLUMNS

from .registry import Bench, Figure, benchmark, ms
from .synthetic import synthetic_profile
from .terminal import Terminal
from .tui import ENV, _app, _empty_journal, _money_text

RUNS = 9
KEYS = 8
OPEN_VS_BARE = 1.0
KEY_VS_BARE = 2.0
FRAME = 0.016
"""One frame at 60 Hz: the most a keystroke's work may take."""
FORM_INPUTS = 5 + len(DIMENSIONS) * len(COLUMNS) + 4
"""The add form's Inputs: title, amount, date, category, tags; one per column of each
effect row; expectation, feeling, notes, review date."""
FORM_SHOWN = "New decision"
BARE_SHOWN = "bare form open"


def _bare_form(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).with_name("bare_form.py")), *args]


def _open_times(argv: list[str], ready: str, shown: str) -> list[float]:
    """Seconds from `a` to the form on screen, then Esc closes it; RUNS times."""
    times = []
    with Terminal(argv, env=ENV) as term:
        term.wait_for(lambda text: ready in text)
        term.settle(1.5)
        for _ in range(RUNS):
            sent = term.send(b"a")
            term.wait_for(lambda text: shown in text, timeout=10)
            times.append(time.perf_counter() - sent)
            term.settle(0.3)
            term.send(b"\x1b")
            term.wait_for(lambda text: shown not in text, timeout=10)
            term.settle(0.3)
    return times


def _key_times(argv: list[str], ready: str, shown: str, expected: list[str]) -> list[float]:
    """Seconds from each digit typed to `expected[i]` on screen, in an open form."""
    times = []
    with Terminal(argv, env=ENV) as term:
        term.wait_for(lambda text: ready in text)
        term.settle(1.0)
        term.send(b"a")
        term.wait_for(lambda text: shown in text, timeout=10)
        term.settle(1.0)
        for want in expected:
            sent = term.send(b"1")
            term.wait_for(lambda text, want=want: want in text, timeout=10)
            times.append(time.perf_counter() - sent)
            term.settle(0.2)
    return times


@benchmark("tui-forms")
def forms(bench: Bench) -> list[Figure]:
    journal = _empty_journal(bench)
    ready = _money_text(journal)
    bare_argv = _bare_form(str(FORM_INPUTS))
    ours_open: list[float] = []
    bare_open: list[float] = []
    for _ in range(2):  # taking turns, so a busy moment falls on both alike
        ours_open += _open_times(_app(journal), ready, FORM_SHOWN)
        bare_open += _open_times(bare_argv, "bare app ready", BARE_SHOWN)
    ours, bare = statistics.median(ours_open), statistics.median(bare_open)
    # In the amount field (Tab from the title) each digit changes the preview's money.
    currency = synthetic_profile().currency
    amounts = [int("1" * (i + 1)) for i in range(KEYS)]
    previews = [format_value(Dimension.MONEY, -amount, currency, signed=True) for amount in amounts]
    typed, work = _key_times_after_tab(_app(journal), ready, previews)
    echoes = [str(amount) for amount in amounts]
    bare_typed = _key_times(_bare_form("--one"), "bare app ready", BARE_SHOWN, echoes)
    key, bare_key = statistics.median(typed), statistics.median(bare_typed)
    key_work = statistics.median(work)
    return [
        Figure(
            f"add form on screen after a, vs bare modal with {FORM_INPUTS} Inputs",
            f"ratio ≤ {OPEN_VS_BARE}",
            ms(ours),
            ours / bare,
            ours / bare <= OPEN_VS_BARE,
            f"bare modal on screen at {ms(bare)}; medians of {len(ours_open)}, pseudo-terminal",
        ),
        Figure(
            "keystroke to the live preview on screen, vs bare Input's echo",
            f"ratio ≤ {KEY_VS_BARE}",
            ms(key),
            key / bare_key,
            key / bare_key <= KEY_VS_BARE,
            f"bare Input shows the key at {ms(bare_key)}; medians of {KEYS}",
        ),
        Figure(
            "app work per keystroke with the live preview (CPU, all threads)",
            f"≤ {ms(FRAME)}",
            ms(key_work),
            None,
            key_work <= FRAME,
            f"from the key sent to the preview on screen; median of {KEYS}",
        ),
    ]


def _key_times_after_tab(
    argv: list[str], ready: str, expected: list[str]
) -> tuple[list[float], list[float]]:
    """Seconds from each digit typed in the amount to `expected[i]` on screen, and the
    CPU seconds the app used meanwhile."""
    times, work = [], []
    with Terminal(argv, env=ENV) as term:
        term.wait_for(lambda text: ready in text)
        term.settle(1.0)
        term.send(b"a")
        term.wait_for(lambda text: FORM_SHOWN in text, timeout=10)
        term.settle(1.0)
        term.send(b"\t")
        term.settle(0.5)
        for want in expected:
            cpu = term.cpu_seconds()
            sent = term.send(b"1")
            term.wait_for(lambda text, want=want: want in text, timeout=10)
            times.append(time.perf_counter() - sent)
            work.append(term.cpu_seconds() - cpu)
            term.settle(0.2)
    return times, work
