"""What a benchmark is, what it reports, and the list the command runs.

A benchmark is a function that takes the shared `Bench` (size, a temporary folder, and
journals built once and reused) and returns one or more `Figure`s. Register one with
`@benchmark("name")`; a module of benchmarks joins the command by being listed in
`benchmarks.run.MODULES` (modules that are not there yet are skipped).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ltv_journal.core.decision import Decision

from .synthetic import synthetic_decisions, synthetic_profile


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure beside its target.

    `ratio` is figure / baseline when there is a baseline; `passed` is None for figures
    reported for information only (or skipped, with the reason in `note`).
    """

    name: str
    target: str
    figure: str
    ratio: float | None = None
    passed: bool | None = None
    note: str = ""


@dataclass
class Bench:
    """State shared by the benchmarks of one run, so the big journal is built once."""

    n: int
    folder: Path
    journals: dict[str, Path] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    """How long building each journal in `journals` took."""
    _decisions: dict[int, list[Decision]] = field(default_factory=dict)
    url: str | None = None
    """A scratch PostgreSQL database for the pg-* figures (`--db URL`), or None."""

    def decisions(self, n: int) -> list[Decision]:
        """The synthetic decisions of size `n` (seed 0), built once per run."""
        if n not in self._decisions:
            self._decisions[n] = synthetic_decisions(n)
        return self._decisions[n]

    def journal(self, n: int) -> Path:
        """A journal file of `n` synthetic decisions, imported once per run; the time the
        import took is kept in `seconds`."""
        key = f"synthetic-{n}"
        if key not in self.journals:
            from ltv_journal.store.journal import Journal

            decisions = self.decisions(n)
            path = self.folder / f"{key}.db"
            with Journal(str(path)) as journal:
                start = time.perf_counter()
                journal.import_decisions(decisions, synthetic_profile())
                self.seconds[key] = time.perf_counter() - start
            self.journals[key] = path
        return self.journals[key]


Benchmark = Callable[[Bench], list[Figure]]
BENCHMARKS: list[tuple[str, Benchmark]] = []
"""Every registered benchmark in the order it runs: (name for --only, function)."""


def benchmark(name: str) -> Callable[[Benchmark], Benchmark]:
    """Register a benchmark under `name` (what `--only NAME` selects)."""

    def register(function: Benchmark) -> Benchmark:
        BENCHMARKS.append((name, function))
        return function

    return register


def median_seconds(action: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    """The median wall time of `action` over `repeat` runs, after `warmup` untimed runs."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def s(seconds: float) -> str:
    return f"{seconds:.2f} s"
