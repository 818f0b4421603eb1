"""The benchmark command: every figure beside its target, baselines measured in the same run.

    .venv/bin/python -m benchmarks.run [--n 100000] [--only NAME ...] [--json] [--db URL]

Exits 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
import tempfile
import traceback
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from .registry import BENCHMARKS, Bench, Benchmark, Figure

MODULES = (
    "benchmarks.store_figures",
    "benchmarks.exchange_figures",
    "benchmarks.restore_figures",
    "benchmarks.tui",
    "benchmarks.tui_forms",
    "benchmarks.languages",
    "benchmarks.charts",
    "benchmarks.uncertainty",
    "benchmarks.postgres_figures",
)
"""Modules whose `@benchmark`s the command runs, in this order; missing ones are skipped."""


def load_benchmarks() -> None:
    for module in MODULES:
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)


def run(n: int, only: Sequence[str] = (), url: str | None = None) -> list[Figure]:
    """Run the selected benchmarks (all by default) on journals in a temporary folder."""
    load_benchmarks()
    known = [name for name, _ in BENCHMARKS]
    unknown = [name for name in only if name not in known]
    if unknown:
        raise SystemExit(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(known)}")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="ltv-bench-") as folder:
        bench = Bench(n=n, folder=Path(folder), url=url)
        for name, function in BENCHMARKS:
            if not only or name in only:
                print(f"running {name} …", file=sys.stderr, flush=True)
                figures.extend(run_one(name, function, bench))
    return figures


def run_one(name: str, function: Benchmark, bench: Bench) -> list[Figure]:
    """The benchmark's figures; one that crashes is a failed figure, and the run goes on."""
    try:
        return function(bench)
    except Exception as error:
        traceback.print_exc()
        return [Figure(name, "—", "error", passed=False, note=f"{type(error).__name__}: {error}")]


def verdict(figure: Figure) -> str:
    if figure.passed is None:
        return "skip" if figure.note.startswith("skipped") else "info"
    return "PASS" if figure.passed else "FAIL"


def table(figures: Sequence[Figure]) -> str:
    """The figures as an aligned text table, notes under their row."""
    header = ("figure", "target", "measured", "ratio", "result")
    rows = [
        (
            f.name,
            f.target,
            f.figure,
            "—" if f.ratio is None else f"{f.ratio:.2f}",
            verdict(f),
        )
        for f in figures
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row, figure in zip(rows, figures, strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if figure.note:
            lines.append(f"    {figure.note}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="decisions in the big journal")
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="a scratch PostgreSQL database (it is emptied): the pg-* figures beside SQLite's",
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    figures = run(args.n, args.only, args.db)
    if args.json:
        print(json.dumps([{**asdict(f), "verdict": verdict(f)} for f in figures], indent=2))
    else:
        print(f"ltv-journal benchmarks, N = {args.n:,}")
        print(table(figures))
    return 1 if any(f.passed is False for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
