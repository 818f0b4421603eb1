"""A money effect's customer figures kept in the journal's SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import raw_db
from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.store.journal import Journal

MONEY = Dimension.MONEY
CHURNED = CustomerValue(
    customers_per_month=Decimal("2.5"),
    average_order=Decimal("99.90"),
    orders_per_year=Decimal(12),
    margin=Decimal("0.35"),
    churn_per_year=Decimal("0.2"),
    rate=Decimal("0.05"),
)


def test_the_inputs_survive_reopening_and_go_when_the_value_is_typed(
    journal: Journal, journal_path: Path
) -> None:
    effect = Effect(per_year=CHURNED.money_per_year(), years=Decimal(10), clv=CHURNED)
    stored = journal.add(Decision(title="Shop", date=date(2025, 1, 1), effects={MONEY: effect}))
    value = journal.get(stored.id)
    journal.close()
    with raw_db.connect(journal_path) as conn:
        row = conn.execute(
            "SELECT clv_customers, clv_order, clv_orders, clv_margin, clv_stay, clv_churn,"
            " clv_rate FROM effect"
        ).fetchone()
    # Exact decimals as text, money as whole hundredths.
    assert row == ("2.5", 9990, "12", "0.35", None, "0.2", "0.05")
    with Journal(str(journal_path)) as reopened:
        again = reopened.get(stored.id)
        assert again == value and again.effects[MONEY].clv == CHURNED
        typed = replace(again, effects={MONEY: Effect(per_year=Decimal(6000), years=Decimal(10))})
        reopened.update(typed)
        assert reopened.get(stored.id).effects[MONEY].clv is None
    with raw_db.connect(journal_path) as conn:
        assert conn.execute("SELECT clv_customers, clv_order FROM effect").fetchone() == (
            None,
            None,
        )
