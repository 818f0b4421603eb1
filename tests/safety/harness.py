"""Crash and concurrency harness: real processes on a real SQLite file.

A writer process (adds one by one, a 300-decision import, or profile changes that
rescore the journal) is killed with SIGKILL at a random moment; then the journal must
hold every write the writer reported, nothing partial, pass `PRAGMA integrity_check`,
and keep maintained values and totals equal to a rebuild under its profile. The same
check follows several processes adding at once. `test_harness.py` runs a few cycles;
`LTV_CRASH_CYCLES=300` a long run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

SRC = str(Path(__file__).parents[2] / "src")

WRITER = """
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.exchange.reader import import_text
from ltv_journal.store.journal import Journal

db, mode, tag = sys.argv[1], sys.argv[2], sys.argv[3]
journal = Journal(db)
print("ready", flush=True)
if mode == "add":
    for i in range(1000):
        stored = journal.add(Decision(
            title=f"{tag}-{i}", date=date(2025, 1 + i % 12, 1 + i % 28), amount=Decimal(i),
            effects={Dimension.MONEY: Effect(per_year=Decimal(120 + i)),
                     Dimension.LOVE: Effect(per_year=Decimal(1), years=Decimal(2))},
        ))
        sys.stdout.write(f"added {stored.id}\\n")  # one write: a kill cannot split it
        sys.stdout.flush()
elif mode == "import":
    text = "".join(
        f'[[decisions]]\\ndate = 2024-0{1 + i % 9}-01\\ntitle = "{tag}-{i}"\\namount = {i}.0\\n'
        f"[decisions.effects.happiness]\\nper_year = 1\\nyears = 3\\n"
        for i in range(300)
    )
    import_text(journal, text, "batch")
    print("imported", tag, flush=True)
else:
    for i in range(1000):
        profile = journal.profile()
        journal.save_profile(replace(profile, retirement_age=60 + i % 8,
                                     discount_rate=Decimal("0.01") * (i % 2)))
        print("profile", 60 + i % 8, flush=True)
        journal._profile = None
"""


@dataclass
class Figures:
    cycles: int = 0
    reported: int = 0
    lost: int = 0
    partial: int = 0
    corrupt: int = 0
    mismatches: int = 0
    busy: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self, what: str = "kill -9 cycles") -> str:
        return (
            f"{self.cycles} {what}, {self.reported} reported writes: {self.lost} lost, "
            f"{self.partial} partial imports, {self.corrupt} failed integrity checks, "
            f"{self.mismatches} totals unequal to a rebuild, {self.busy} busy errors"
        )


def complete_lines(out: str) -> list[str]:
    """The lines a killed writer finished: a kill in the middle of a report leaves its
    start without the line break (seen: "added" alone), which reports nothing."""
    return out.split("\n")[:-1]


def start_writer(db: Path, mode: str, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(WRITER), str(db), mode, tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=SRC,
        env={**os.environ, "PYTHONPATH": SRC},
    )


def check_journal(db: Path, *, rebuild: bool = True) -> list[str]:
    """What is wrong with the journal at `db` (nothing: an empty list). Without
    `rebuild` only the integrity check and the totals against the stored values; with it
    every stored value against one worked out afresh under the profile."""
    from ltv_journal.store.journal import Journal
    from ltv_journal.store.scoring import EffectValues

    problems: list[str] = []
    conn = sqlite3.connect(db)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            problems.append(f"integrity_check: {verdict}")
        sums = conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(v_money), 0), COALESCE(SUM(v_happiness), 0),"
            " COALESCE(SUM(v_love), 0), COALESCE(SUM(v_meaning), 0)"
            " FROM decision WHERE deleted_at IS NULL"
        ).fetchone()
        buckets = conn.execute(
            "SELECT COALESCE(SUM(decisions), 0), COALESCE(SUM(money), 0),"
            " COALESCE(SUM(happiness), 0), COALESCE(SUM(love), 0), COALESCE(SUM(meaning), 0)"
            " FROM score_bucket"
        ).fetchone()
        if tuple(sums) != tuple(buckets):
            problems.append(f"buckets {buckets} != decisions {sums}")
    finally:
        conn.close()
    if not rebuild:
        return problems
    with Journal(str(db)) as journal:
        # A rescore the killed writer left half done is finished by the next program
        # to open the journal once its marker has aged (rescore.ABANDONED_AFTER);
        # here at once, as that program would.
        journal.finish_rescore()
        values = EffectValues(journal.profile())
        stored = {s.id: s.values for s in journal.summaries(limit=None)}
        for decision in journal.iter_decisions():
            if values.decision(decision) != stored[decision.id]:
                problems.append(f"{decision.title}: stored values differ from a rebuild")
                break
    return problems


def crash_cycles(db: Path, cycles: int, seed: int) -> Figures:
    """Kill a writer at a random moment `cycles` times, checking the journal each time."""
    from ltv_journal.store.journal import Journal

    rng = random.Random(seed)
    figures = Figures()
    with Journal(str(db)) as journal:  # a profile with a birth date: horizons to rescore
        from datetime import date
        from decimal import Decimal

        from ltv_journal.core.profile import Profile

        journal.save_profile(Profile(birth_date=date(1980, 1, 1), annual_income=Decimal(40000)))
    reported: set[str] = set()
    imports: list[str] = []
    for cycle in range(cycles):
        mode = ("add", "import", "rescore")[cycle % 3]
        tag = f"c{cycle}"
        writer = start_writer(db, mode, tag)
        assert writer.stdout is not None
        ready = writer.stdout.readline().strip()
        if ready != "ready":
            figures.problems.append(f"cycle {cycle}: writer did not start: {ready!r}")
            writer.kill()
            continue
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(writer.pid, signal.SIGKILL)
        out, err = writer.communicate(timeout=60)
        figures.cycles += 1
        if "busy" in err:
            figures.busy += 1
        for line in complete_lines(out):
            word, _, rest = line.partition(" ")
            if word == "added":
                reported.add(rest)
                figures.reported += 1
            elif word in ("imported", "profile"):
                figures.reported += 1
        if mode == "import":
            imports.append(tag)
        conn = sqlite3.connect(db)
        try:
            present = {r[0] for r in conn.execute("SELECT id FROM decision")}
            for batch in imports:
                count = conn.execute(
                    "SELECT COUNT(*) FROM decision WHERE title LIKE ?", (f"{batch}-%",)
                ).fetchone()[0]
                if count not in (0, 300):
                    figures.partial += 1
                    figures.problems.append(f"cycle {cycle}: import {batch} has {count} of 300")
        finally:
            conn.close()
        missing = reported - present
        if missing:
            figures.lost += len(missing)
            kept = db.parent / f"lost-{cycle}"
            kept.mkdir()
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{db}{suffix}").exists():
                    shutil.copy2(f"{db}{suffix}", kept / f"journal.db{suffix}")
            (kept / "writer.out").write_text(out + "\n--- stderr ---\n" + err)
            figures.problems.append(
                f"cycle {cycle} ({mode}): reported adds are gone: {sorted(missing)}; "
                f"the journal and the writer's output are kept in {kept}"
            )
            reported -= missing
        # The full rebuild grows with the journal: every 10th cycle and the last.
        found = check_journal(db, rebuild=cycle % 10 == 9 or cycle == cycles - 1)
        if found:
            figures.corrupt += any(p.startswith("integrity") for p in found)
            figures.mismatches += any(not p.startswith("integrity") for p in found)
            figures.problems.extend(f"cycle {cycle}: {p}" for p in found)
    return figures


ADDER = """
import sys
from datetime import date
from decimal import Decimal
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.store.errors import Busy
from ltv_journal.store.journal import Journal

journal = Journal(sys.argv[1])
busy = 0
for i in range(int(sys.argv[3])):
    try:
        effect = Effect(per_year=Decimal(1), years=Decimal(3))
        stored = journal.add(Decision(title=f"{sys.argv[2]}-{i}", date=date(2025, 3, 1),
                                      effects={Dimension.MEANING: effect}))
        sys.stdout.write(f"added {stored.id}\\n")
        sys.stdout.flush()
    except Busy:
        busy += 1
print("busy", busy, flush=True)
"""


def concurrent_adds(db: Path, processes: int, adds: int) -> Figures:
    """`processes` writers adding `adds` decisions each at the same time."""
    from ltv_journal.store.journal import Journal

    Journal(str(db)).close()
    figures = Figures(cycles=processes)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(ADDER), str(db), f"p{n}", str(adds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=SRC,
            env={**os.environ, "PYTHONPATH": SRC},
        )
        for n in range(processes)
    ]
    reported: set[str] = set()
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        if writer.returncode != 0:
            figures.problems.append(err.strip().splitlines()[-1] if err.strip() else "failed")
        for line in complete_lines(out):
            word, _, rest = line.partition(" ")
            if word == "added":
                reported.add(rest)
            elif word == "busy":
                figures.busy += int(rest)
    figures.reported = len(reported)
    conn = sqlite3.connect(db)
    try:
        present = {r[0] for r in conn.execute("SELECT id FROM decision")}
    finally:
        conn.close()
    figures.lost = len(reported - present)
    found = check_journal(db)
    figures.mismatches = len(found)
    figures.problems.extend(found)
    return figures
