"""Peak memory of a whole-journal backup and its restore, each in a process of its own.

Both read and write a decision at a time, so their peak stays near that of a process
that opens the journal and shows the profile, at any size: the ratio is to that
process, measured in the same run. `tests/safety/test_big_journal.py`
(LTV_BIG_DECISIONS) runs the same at a million decisions, with a rescore racing adds
and `review --json`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .registry import Bench, Figure, benchmark

LIMIT_MB = 300


@dataclass(frozen=True, slots=True)
class Run:
    """One command line run: its wall time, peak resident memory and output."""

    seconds: float
    peak_mb: float
    code: int
    out: str
    err: str


_LAUNCHER = """\
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as found:
    found.write(f"{usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""
"""Runs a command and writes its peak RSS (KB) and exit code. A small process of its
own: a child forked from a big one (this benchmark, a test) counts the parent's pages
as its own until it execs, so it could never show less than the parent."""


def run_measured(*args: str, db: Path | str) -> Run:
    """`ltv-journal --db DB ARGS…` in a child process, with that child's own peak RSS."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    with (
        tempfile.TemporaryDirectory(prefix="ltv-measure-") as folder,
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
    ):
        figures = Path(folder) / "figures"
        command = [sys.executable, "-m", "ltv_journal", "--db", str(db), *args]
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-S", "-c", _LAUNCHER, str(figures), *command],
            stdout=out,
            stderr=err,
            env=env,
            check=True,
        )
        took = time.perf_counter() - start
        peak, code = (int(x) for x in figures.read_text().split())
        out.seek(0)
        err.seek(0)
        return Run(took, peak / 1024, code, out.read(), err.read())  # KB on Linux


def figure(name: str, run: Run, base: Run) -> Figure:
    passed = run.code == 0 and run.peak_mb < LIMIT_MB
    note = f"{run.seconds:.1f} s; a process that shows the profile: {base.peak_mb:.0f} MB"
    if run.code:
        note = f"failed: {run.err.strip()[:200]}"
    return Figure(
        name,
        f"< {LIMIT_MB} MB",
        f"{run.peak_mb:.0f} MB",
        ratio=run.peak_mb / base.peak_mb,
        passed=passed,
        note=note,
    )


@benchmark("backup-restore")
def backup_and_restore(bench: Bench) -> list[Figure]:
    source = bench.journal(bench.n)
    backup = bench.folder / "backup.toml"
    restored = bench.folder / "restored.db"
    base = run_measured("profile", db=source)
    wrote = run_measured("backup", str(backup), db=source)
    read = run_measured("restore", str(backup), db=restored)
    return [
        figure(f"backup of {bench.n:,} decisions, peak memory", wrote, base),
        figure(f"restore of {bench.n:,} decisions, peak memory", read, base),
    ]
