"""PostgreSQL beside SQLite (`--db URL`): the `score` command and the terminal UI's
first score on screen at N decisions, each against its SQLite figure in the same run,
and a bulk import against raw psycopg `executemany` of the same rows.

The database at the URL is emptied (its `public` schema dropped and made again) before
each journal is built in it: give a scratch database.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from typing import Any

from ltv_journal.store.journal import Journal

from .raw_sqlite import stored_rows
from .registry import Bench, Figure, benchmark, ms, s
from .synthetic import synthetic_profile
from .tui import ENV, _app, _money_text, _start_once

SCORE_VS_SQLITE = 2.0
START_VS_SQLITE = 2.0
IMPORT_VS_RAW = 3.0
RUNS = 7
IMPORT_ROUNDS = 2


def _empty(url: str) -> None:
    from ltv_journal.store.postgres import connect

    with connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


def _import_seconds(bench: Bench, url: str) -> float:
    """A fresh journal at `url` with the N synthetic decisions; seconds of the import."""
    _empty(url)
    with Journal(url) as journal:
        start = time.perf_counter()
        journal.import_decisions(bench.decisions(bench.n), synthetic_profile())
        return time.perf_counter() - start


def _server_journal(bench: Bench) -> str:
    """The URL, holding the N-decision journal (built once per run)."""
    assert bench.url is not None
    key = f"postgres-{bench.n}"
    if key not in bench.seconds:
        bench.seconds[key] = _import_seconds(bench, bench.url)
    return bench.url


def _skipped(name: str) -> list[Figure]:
    return [Figure(name, "—", "—", note="skipped: no --db URL of a PostgreSQL database")]


def _score_once(location: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "ltv_journal", "--db", location, "score"],
        capture_output=True,
        text=True,
        env={**ENV, **_environ()},
    )
    took = time.perf_counter() - start
    assert done.returncode == 0, done.stderr
    return took


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)


@benchmark("pg-score")
def score_command(bench: Bench) -> list[Figure]:
    name = f"`score` on PostgreSQL at {bench.n:,} vs SQLite"
    if bench.url is None:
        return _skipped(name)
    sqlite, server = str(bench.journal(bench.n)), _server_journal(bench)
    seen: dict[str, list[float]] = {"sqlite": [], "server": []}
    for _ in range(RUNS):  # taking turns: a busy moment falls on both alike
        seen["sqlite"].append(_score_once(sqlite))
        seen["server"].append(_score_once(server))
    lite, pg = statistics.median(seen["sqlite"]), statistics.median(seen["server"])
    return [
        Figure(
            name,
            f"ratio ≤ {SCORE_VS_SQLITE}",
            ms(pg),
            pg / lite,
            pg / lite <= SCORE_VS_SQLITE,
            f"SQLite: {ms(lite)} (whole command, median of {RUNS})",
        )
    ]


@benchmark("pg-tui-start")
def tui_start(bench: Bench) -> list[Figure]:
    name = f"TUI score on screen, PostgreSQL at {bench.n:,} vs SQLite"
    if bench.url is None:
        return _skipped(name)
    path = bench.journal(bench.n)
    server = _server_journal(bench)
    ready = _money_text(path)
    seen: dict[str, list[float]] = {"sqlite": [], "server": []}
    for _ in range(RUNS):
        seen["sqlite"].append(_start_once(_app(path), ready)[1])
        seen["server"].append(_start_once([*_app(path)[:-1], server], ready)[1])
    lite, pg = statistics.median(seen["sqlite"]), statistics.median(seen["server"])
    return [
        Figure(
            name,
            f"ratio ≤ {START_VS_SQLITE}",
            ms(pg),
            pg / lite,
            pg / lite <= START_VS_SQLITE,
            f"SQLite: {ms(lite)} (median of {RUNS})",
        )
    ]


def _raw_seconds(url: str, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    """Seconds to insert `rows` with plain psycopg `executemany` into an empty journal
    at `url` (its schema and indexes), in one transaction."""
    from ltv_journal.store.postgres import connect

    _empty(url)
    Journal(url).close()
    statements = [
        (f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join(['%s'] * len(c))})", r)
        for t, (c, r) in rows.items()
    ]
    with connect(url) as conn:
        start = time.perf_counter()
        with conn.cursor() as cursor:
            for sql, values in statements:
                cursor.executemany(sql, values)
        conn.commit()
        return time.perf_counter() - start


@benchmark("pg-import")
def bulk_import(bench: Bench) -> list[Figure]:
    name = f"bulk import {bench.n:,} on PostgreSQL vs raw psycopg executemany"
    if bench.url is None:
        return _skipped(name)
    url = bench.url
    rows = stored_rows(bench.journal(bench.n))
    ours, raw = [], []
    for _ in range(IMPORT_ROUNDS):
        raw.append(_raw_seconds(url, rows))
        ours.append(_import_seconds(bench, url))
    bench.seconds[f"postgres-{bench.n}"] = ours[-1]  # the URL holds the N journal again
    best, best_raw = min(ours), min(raw)
    return [
        Figure(
            name,
            f"ratio ≤ {IMPORT_VS_RAW}",
            s(best),
            best / best_raw,
            best / best_raw <= IMPORT_VS_RAW,
            f"raw psycopg: {s(best_raw)} (best of {IMPORT_ROUNDS} each: "
            f"import {', '.join(s(x) for x in ours)}; raw {', '.join(s(x) for x in raw)})",
        )
    ]
