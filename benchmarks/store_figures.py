"""Figures of the store: adding, scoring, bulk import and rescoring at full size."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from ltv_journal.store.journal import Journal

from .raw_sqlite import raw_insert_seconds, stored_rows
from .registry import Bench, Figure, benchmark, median_seconds, ms, s
from .synthetic import synthetic_decisions, synthetic_profile

SMALL = 100
ADDS = 50
SCORES = 200
FRAME = 0.016
SCORE_GROWTH = 1.5
IMPORT_VS_RAW = 3.0


def _add_then_score(bench: Bench, n: int, seed: int) -> float:
    """Median seconds of add() + score() on an n-decision journal (the adds stay)."""
    fresh = iter(synthetic_decisions(ADDS + 1, seed=seed))
    with Journal(str(bench.journal(n))) as journal:
        journal.score()

        def add_one() -> None:
            journal.add(next(fresh))
            journal.score()

        return median_seconds(add_one, repeat=ADDS)


@benchmark("add")
def add_one_decision(bench: Bench) -> list[Figure]:
    big = _add_then_score(bench, bench.n, seed=1)
    small = _add_then_score(bench, SMALL, seed=2)
    return [
        Figure(
            f"add one decision + score, {bench.n:,} journal",
            f"< {ms(FRAME)}",
            ms(big),
            big / small,
            big < FRAME,
            f"ratio vs {SMALL} decisions ({ms(small)}), for information",
        )
    ]


def _score_seconds(bench: Bench, n: int) -> float:
    with Journal(str(bench.journal(n))) as journal:
        return median_seconds(journal.score, repeat=SCORES, warmup=5)


@benchmark("score")
def score_growth(bench: Bench) -> list[Figure]:
    big = _score_seconds(bench, bench.n)
    small = _score_seconds(bench, SMALL)
    return [
        Figure(
            f"score at {bench.n:,} vs {SMALL}",
            f"ratio ≤ {SCORE_GROWTH}",
            ms(big),
            big / small,
            big / small <= SCORE_GROWTH,
            f"{SMALL} decisions: {ms(small)}",
        )
    ]


IMPORT_ROUNDS = 2


def _import_seconds(bench: Bench, target: Path) -> float:
    decisions = bench.decisions(bench.n)
    with Journal(str(target)) as journal:
        start = time.perf_counter()
        journal.import_decisions(decisions, synthetic_profile())
        return time.perf_counter() - start


@benchmark("import")
def bulk_import(bench: Bench) -> list[Figure]:
    """Best of IMPORT_ROUNDS each, interleaved, so a busy machine hurts both sides alike."""
    rows = stored_rows(bench.journal(bench.n))
    ours = [bench.seconds[f"synthetic-{bench.n}"]]
    raw = []
    for round_ in range(IMPORT_ROUNDS):
        raw.append(raw_insert_seconds(rows, bench.folder / f"raw-sqlite-{round_}.db"))
        if len(ours) < IMPORT_ROUNDS:
            ours.append(_import_seconds(bench, bench.folder / f"import-{round_}.db"))
    best, best_raw = min(ours), min(raw)
    return [
        Figure(
            f"bulk import {bench.n:,} vs raw sqlite3 executemany",
            f"ratio ≤ {IMPORT_VS_RAW}",
            s(best),
            best / best_raw,
            best / best_raw <= IMPORT_VS_RAW,
            f"raw sqlite3: {s(best_raw)} (best of {IMPORT_ROUNDS} each: "
            f"import {', '.join(s(x) for x in ours)}; raw {', '.join(s(x) for x in raw)})",
        )
    ]


@benchmark("rescore")
def profile_rescore(bench: Bench) -> list[Figure]:
    """Changing the retirement age rescores every decision (information only)."""
    with Journal(str(bench.journal(bench.n))) as journal:
        before = journal.profile()
        start = time.perf_counter()
        journal.save_profile(replace(before, retirement_age=before.retirement_age - 2))
        took = time.perf_counter() - start
        journal.save_profile(before)
    return [Figure(f"save_profile (full rescore), {bench.n:,}", "—", s(took))]
