"""`review --json` streams: the same bytes as rendering the whole queue at once, read
from one snapshot a row at a time."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from ltv_journal.cli.as_json import summary_json
from ltv_journal.cli.output import render_json
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.store.journal import Journal

from .conftest import Run


def test_the_streamed_queue_is_the_whole_queue_rendered_at_once(
    run: Run, db: object, fixed_clock: date
) -> None:
    run("profile", "--birth-date", "1979-01-01", "--worth", "happiness=1500")
    with Journal(str(db)) as journal:
        journal.import_decisions(
            Decision(
                title=f'Due "{i}" \\ ü',
                date=date(2020, 1 + i % 12, 1),
                amount=Decimal(i),
                effects={Dimension.HAPPINESS: Effect(per_year=Decimal(i % 5 - 2))},
            )
            for i in range(1200)
        )
        queue = journal.review_queue(fixed_clock)
        worth = journal.profile().worth
    whole = {
        "as_of": fixed_clock,
        "due": len(queue),
        "decisions": [summary_json(s, fixed_clock, worth) for s in queue],
    }
    streamed = run("review", "--json").stdout
    assert streamed == render_json(whole) + "\n"
    assert json.loads(streamed)["due"] == 1200


def test_an_empty_queue_streams_as_an_empty_list(run: Run) -> None:
    run("profile", "--birth-date", "1979-01-01")
    assert json.loads(run("review", "--json").stdout)["decisions"] == []
    assert '"decisions": []\n}' in run("review", "--json").stdout
