"""The first frame and the score in German beside English, in a real terminal, same run.

The language is chosen before the first frame and the German catalogs are read on the
first translated word, so German must not cost the first frame more than 5 %.
"""

from __future__ import annotations

import statistics

from ltv_journal.core import language
from ltv_journal.core.language import ENV_LANG

from .registry import Bench, Figure, benchmark, ms
from .terminal import Terminal, has_content
from .tui import ENV, RUNS, _app, _money_text

GERMAN_VS_ENGLISH = 1.05


def _start_once(argv: list[str], code: str, ready: str) -> tuple[float, float]:
    with Terminal(argv, env={**ENV, ENV_LANG: code}) as term:
        frame = term.wait_for(has_content)
        shown = term.wait_for(lambda text: ready in text.replace("\N{NO-BREAK SPACE}", " "))
        return frame, shown


@benchmark("tui-language")
def german_start(bench: Bench) -> list[Figure]:
    big = bench.journal(bench.n)
    argv = _app(big)
    ready = {}
    for code in language.LANGUAGES:
        with language.using(code):
            ready[code] = _money_text(big).replace("\N{NO-BREAK SPACE}", " ")
    seen: dict[str, list[tuple[float, float]]] = {code: [] for code in language.LANGUAGES}
    for _ in range(RUNS):  # taking turns: a busy moment falls on both alike
        for code in language.LANGUAGES:
            seen[code].append(_start_once(argv, code, ready[code]))
    frame = {code: statistics.median(f for f, _ in runs) for code, runs in seen.items()}
    shown = {code: statistics.median(s for _, s in runs) for code, runs in seen.items()}
    de, en = language.GERMAN, language.ENGLISH
    return [
        Figure(
            "first frame in German vs English",
            f"ratio ≤ {GERMAN_VS_ENGLISH}",
            ms(frame[de]),
            frame[de] / frame[en],
            frame[de] / frame[en] <= GERMAN_VS_ENGLISH,
            f"English: {ms(frame[en])}",
        ),
        Figure(
            f"score on screen in German vs English, {bench.n:,} journal",
            f"ratio ≤ {GERMAN_VS_ENGLISH}",
            ms(shown[de]),
            shown[de] / shown[en],
            shown[de] / shown[en] <= GERMAN_VS_ENGLISH,
            f"English: {ms(shown[en])}",
        ),
    ]
