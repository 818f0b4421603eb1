"""Figures of the interchange files: a whole file imported, and a year exported.

The exchange modules are optional here: a figure whose module is missing is reported
as skipped, with the reason, rather than stopping the run.
"""

from __future__ import annotations

import importlib
import time
from datetime import date
from pathlib import Path
from types import ModuleType

from ltv_journal.store.journal import Journal

from .registry import Bench, Figure, benchmark, median_seconds, s
from .synthetic import synthetic_decisions, synthetic_profile

YEAR = 2024
YEAR_SIZE = 10_000
EXPORT_LIMIT = 2.0


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def skipped(name: str, why: str) -> Figure:
    return Figure(name, "—", "—", note=f"skipped: {why}")


@benchmark("import-file")
def import_toml_file(bench: Bench) -> list[Figure]:
    """TOML file → journal, the whole way (information only)."""
    name = f"import a TOML file of {bench.n:,} decisions"
    reader = _module("ltv_journal.exchange.reader")
    writer = _module("ltv_journal.exchange.writer")
    if reader is None or writer is None or not hasattr(reader, "import_file"):
        return [skipped(name, "ltv_journal.exchange.reader.import_file is not there yet")]
    path = bench.folder / "journal.toml"
    with Journal(str(bench.journal(bench.n))) as source:
        start = time.perf_counter()
        path.write_text(writer.export_all(source), encoding="utf-8")
        exported = time.perf_counter() - start
    size = f"{path.stat().st_size / 1e6:.1f} MB file, export_all {s(exported)}"
    with Journal(str(bench.folder / "from-file.db")) as target:
        start = time.perf_counter()
        try:
            reader.import_file(target, path)
        except Exception as error:  # e.g. the file-size limit: report it, keep running
            return [skipped(name, f"{error} ({size})")]
        took = time.perf_counter() - start
    return [Figure(name, "—", s(took), note=size)]


@benchmark("export-year")
def export_year(bench: Bench) -> list[Figure]:
    name = f"export a year of {YEAR_SIZE:,} decisions"
    summary = _module("ltv_journal.exchange.summary")
    if summary is None or not hasattr(summary, "yearly_summary"):
        return [skipped(name, "ltv_journal.exchange.summary.yearly_summary is not there yet")]
    path = _year_journal(bench.folder)
    with Journal(str(path)) as journal:
        took = median_seconds(lambda: summary.yearly_summary(journal, YEAR), repeat=3)
    return [Figure(name, f"< {s(EXPORT_LIMIT)}", s(took), passed=took < EXPORT_LIMIT)]


def _year_journal(folder: Path) -> Path:
    """A journal whose year YEAR holds YEAR_SIZE decisions."""
    path = folder / f"year-{YEAR}.db"
    decisions = synthetic_decisions(YEAR_SIZE, seed=3, start=date(YEAR, 1, 1), years=1)
    with Journal(str(path)) as journal:
        journal.import_decisions(decisions, synthetic_profile())
    return path
