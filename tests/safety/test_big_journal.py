"""A million decisions: backup and restore round-trip byte-identical in flat memory, a
profile change rescores in batches while other processes add, and `review --json`
streams. Long: set LTV_BIG_DECISIONS (1000000 for the real size; LTV_BIG_JOURNAL may
name a journal of that size to copy instead of building one). Each test prints its
figures (run with -s).

    LTV_BIG_DECISIONS=1000000 .venv/bin/pytest tests/safety/test_big_journal.py -s
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from benchmarks.restore_figures import LIMIT_MB, Run, run_measured  # noqa: E402
from benchmarks.synthetic import synthetic_decisions, synthetic_profile  # noqa: E402

from ltv_journal.store.journal import Journal  # noqa: E402
from ltv_journal.store.scoring import EffectValues  # noqa: E402

SIZE = int(os.environ.get("LTV_BIG_DECISIONS", "0") or 0)
pytestmark = pytest.mark.skipif(
    SIZE <= 0, reason="long: set LTV_BIG_DECISIONS (e.g. 1000000) to run it"
)
STEP = 100_000


def say(what: str, run: Run) -> None:
    print(f"\n{what}: {run.seconds:.1f} s, peak {run.peak_mb:.0f} MB (exit {run.code})")


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "journal.db"
    given = os.environ.get("LTV_BIG_JOURNAL")
    if given:
        with sqlite3.connect(given) as source, sqlite3.connect(path) as copy:
            source.backup(copy)
        return path
    with Journal(str(path)) as journal:  # in slices, so building stays small too
        for start in range(0, SIZE, STEP):
            decisions = synthetic_decisions(min(STEP, SIZE - start), seed=start)
            journal.import_decisions(decisions, synthetic_profile() if start == 0 else None)
    return path


def test_backup_and_restore_round_trip_in_flat_memory(big: Path, tmp_path: Path) -> None:
    backup, again, restored = tmp_path / "b.toml", tmp_path / "again.toml", tmp_path / "r.db"
    wrote = run_measured("backup", str(backup), db=big)
    say(f"backup of {SIZE:,} decisions ({backup.stat().st_size / 1e6:.0f} MB)", wrote)
    read = run_measured("restore", str(backup), db=restored)
    say("restore into an empty journal", read)
    print(read.out.strip())
    rewrote = run_measured("backup", str(again), db=restored)
    say("backup of the restored journal", rewrote)
    assert (wrote.code, read.code, rewrote.code) == (0, 0, 0), (wrote.err, read.err)
    assert f"the profile and {SIZE} decisions" in wrote.out
    assert backup.read_bytes() == again.read_bytes()
    print("byte-identical: yes")
    assert max(wrote.peak_mb, read.peak_mb, rewrote.peak_mb) < LIMIT_MB


def test_a_rescore_races_adds_and_ends_equal_to_a_rebuild(big: Path, tmp_path: Path) -> None:
    db = tmp_path / "race.db"
    shutil.copyfile(big, db)
    added: list[Run] = []
    finished: list[float] = []
    done = threading.Event()

    def adder() -> None:
        while not done.is_set():
            added.append(
                run_measured(
                    "add", f"race {len(added)}", "--amount", "5", "--effect", "money 100/y", db=db
                )
            )
            finished.append(time.perf_counter())

    thread = threading.Thread(target=adder)
    thread.start()
    time.sleep(3)
    began = time.perf_counter()
    rescore = run_measured("profile", "--retirement-age", "60", db=db)
    ended = time.perf_counter()
    done.set()
    thread.join()
    say(f"profile change rescoring {SIZE:,} decisions", rescore)
    waits = sorted(a.seconds for a in added)
    print(
        f"adds: {sum(a.code == 0 for a in added)} of {len(added)} succeeded, "
        f"{sum(began < t < ended for t in finished)} of them during the rescore; "
        f"wall time per add (a whole process) median {waits[len(waits) // 2]:.2f} s, "
        f"max {waits[-1]:.2f} s"
    )
    assert rescore.code == 0, rescore.err
    assert all(a.code == 0 for a in added), [a.err for a in added if a.code]
    assert rescore.peak_mb < LIMIT_MB
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM rescore").fetchone()[0] == 0
        sums = conn.execute(
            "SELECT COUNT(*), SUM(v_money), SUM(v_happiness), SUM(v_love), SUM(v_meaning)"
            " FROM decision WHERE deleted_at IS NULL"
        ).fetchone()
        buckets = conn.execute(
            "SELECT SUM(decisions), SUM(money), SUM(happiness), SUM(love), SUM(meaning)"
            " FROM score_bucket"
        ).fetchone()
        sample = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM decision WHERE title LIKE 'race %'"
                " UNION SELECT id FROM (SELECT id FROM decision ORDER BY random() LIMIT 5000)"
            )
        ]
    assert buckets == sums
    with Journal(str(db)) as journal:
        assert journal.profile().retirement_age == 60
        values = EffectValues(journal.profile())
        stored = {s.id: s.values for s in journal.summaries(limit=None) if s.id in set(sample)}
        stale = [d.id for d in journal.get_many(sample) if values.decision(d) != stored[d.id]]
    print(f"totals equal the stored values; {len(sample):,} decisions rebuilt, {len(stale)} differ")
    assert stale == []


def test_review_json_streams(big: Path) -> None:
    run = run_measured("review", "--json", db=big)
    say(f"review --json over {SIZE:,} decisions", run)
    assert run.code == 0
    assert run.out.endswith("  ]\n}\n")
    assert run.peak_mb < LIMIT_MB
