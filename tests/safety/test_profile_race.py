"""Scores from the profile in force: `add`s racing `profile` changes, in separate
processes on one SQLite file, leave every stored value and the totals equal to a
rebuild under the final profile."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from ltv_journal.core.dimensions import DIMENSIONS
from ltv_journal.exchange.reader import import_text
from ltv_journal.exchange.writer import export_all
from ltv_journal.store.journal import Journal
from ltv_journal.store.scoring import EffectValues

ADDER = """
import sys
from datetime import date
from decimal import Decimal
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.store.journal import Journal

journal = Journal(sys.argv[1])  # one long-lived journal, as the TUI holds
journal.profile()
for i in range(int(sys.argv[2])):
    journal.add(Decision(
        title=f"race {i}", date=date(2025, 1 + i % 12, 1), amount=Decimal(10 + i),
        effects={
            Dimension.MONEY: Effect(per_year=Decimal(600)),
            Dimension.HAPPINESS: Effect(per_year=Decimal(1)),
        },
    ))
"""

PROFILER = """
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from ltv_journal.store.journal import Journal

journal = Journal(sys.argv[1])
for i in range(int(sys.argv[2])):
    profile = journal.profile()
    journal.save_profile(replace(
        profile,
        retirement_age=60 + i % 7,
        life_expectancy=80 + i % 5,
        discount_rate=Decimal("0.01") * (i % 3),
    ))
    journal._profile = None  # read it afresh next time
"""


def run_both(db: Path, adds: int, changes: int) -> None:
    src = str(Path(__file__).parents[2] / "src")
    env_path = [sys.executable, "-c"]
    processes = [
        subprocess.Popen([*env_path, textwrap.dedent(ADDER), str(db), str(adds)], cwd=src),
        subprocess.Popen([*env_path, textwrap.dedent(PROFILER), str(db), str(changes)], cwd=src),
    ]
    for process in processes:
        assert process.wait(timeout=300) == 0


def test_adds_racing_profile_changes_leave_totals_equal_to_a_rebuild(
    journal: Journal, tmp_path: Path
) -> None:
    old = "".join(  # some decisions to rescore on every profile change
        f'[[decisions]]\ndate = 2024-0{1 + i % 9}-01\ntitle = "old {i}"\n'
        "[decisions.effects.love]\nper_year = 1\n"
        for i in range(200)
    )
    import_text(journal, old)
    location = Path(journal.location)
    journal.close()
    run_both(location, adds=60, changes=20)

    with Journal(str(location)) as raced:
        assert raced.count() == 260
        profile = raced.profile()
        assert profile.retirement_age == 60 + 19 % 7  # the last change stands
        values = EffectValues(profile)
        stored = {s.id: s.values for s in raced.summaries(limit=None)}
        stale = [d.title for d in raced.iter_decisions() if values.decision(d) != stored[d.id]]
        assert stale == []
        rebuilt_path = tmp_path / "rebuilt.db"
        with Journal(str(rebuilt_path)) as rebuilt:
            import_text(rebuilt, export_all(raced))
            assert rebuilt.count() == 260
            assert {d: rebuilt.score().ltv[d] for d in DIMENSIONS} == raced.score().ltv
