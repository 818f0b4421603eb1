"""Two programs (two machines, on PostgreSQL) writing to one journal at once: no write
is lost and the maintained totals equal a rebuild from the decisions."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from ltv_journal.store.journal import Journal
from ltv_journal.store.scoring import EffectValues, rebuild_buckets

EACH = 500

WORKER = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from decimal import Decimal
    from pathlib import Path
    from ltv_journal.core.decision import Decision, Kind
    from ltv_journal.core.dimensions import Dimension
    from ltv_journal.core.effects import Effect
    from ltv_journal.store.journal import Journal

    location, name, go, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    with Journal(location) as journal:
        while not go.exists():
            time.sleep(0.005)
        for i in range(count):
            journal.add(
                Decision(
                    title=f"{name} {i}",
                    date=date(2020 + i % 6, 1 + i % 12, 1 + i % 28),
                    kind=Kind.INVESTMENT if i % 3 else Kind.EXPENSE,
                    amount=Decimal(i % 500) + Decimal("0.25"),
                    effects={
                        Dimension.MONEY: Effect(per_year=Decimal(100 + i), delay_months=i % 13),
                        Dimension.LOVE: Effect(
                            per_year=Decimal(1), half_life_years=Decimal(2),
                            confidence=Decimal("0.7"),
                        ),
                    },
                )
            )
    print("done", name)
    """
)


def test_two_writers_at_once_lose_nothing_and_keep_the_totals(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    location = str(journal_path)
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, location, name, str(go), str(EACH)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("laptop", "desktop")
    ]
    time.sleep(1.0)  # both have opened the journal and wait
    go.touch()
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err
        assert out.startswith("done")
    with Journal(location) as after:
        assert after.count() == 2 * EACH
        titles = {s.title for s in after.summaries(limit=None)}
        assert titles == {f"{n} {i}" for n in ("laptop", "desktop") for i in range(EACH)}
        score = after.score()
        assert score.decisions == 2 * EACH
        values = EffectValues(after.profile())
        stored = {s.id: s.values for s in after.summaries(limit=None)}
        assert all(values.decision(d) == stored[d.id] for d in after.iter_decisions())
        with after._write() as conn:
            rebuild_buckets(conn)
        assert after.score() == score
