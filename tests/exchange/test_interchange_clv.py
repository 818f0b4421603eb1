"""`[decisions.effects.money.clv]`: the customer figures of a money effect in the file."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.dimensions import Dimension
from ltv_journal.exchange import layout
from ltv_journal.exchange.errors import ExchangeError
from ltv_journal.exchange.reader import import_file, read_interchange_text
from ltv_journal.exchange.render import render_decisions
from ltv_journal.exchange.writer import export_all
from ltv_journal.store.journal import Journal

HEAD = """\
[profile]
name = "Ada"
birth_date = 1985-05-05

[[decisions]]
id = "11111111-1111-4111-8111-111111111111"
date = 2025-01-01
title = "Web shop"
kind = "investment"
amount = 500.0
"""
SHOP = (
    HEAD
    + """
[decisions.effects.money]
per_year = 20736.0
years = 5
[decisions.effects.money.clv]
customers_per_month = 4
average_order = 120.0
orders_per_year = 3
margin = 0.4
stay_years = 3
"""
)
"""Line 12 is `[decisions.effects.money]`, line 15 the clv table, line 19 margin."""


def _read(text: str) -> CustomerValue | None:
    [decision] = read_interchange_text(text, "shop.toml").decisions
    return decision.effects[Dimension.MONEY].clv


def test_the_inputs_are_read_onto_the_money_effect() -> None:
    assert _read(SHOP) == CustomerValue(
        Decimal(4), Decimal(120), Decimal(3), Decimal("0.4"), stay_years=Decimal(3)
    )


def test_a_left_out_per_year_is_worked_out() -> None:
    text = SHOP.replace("per_year = 20736.0\n", "")
    [decision] = read_interchange_text(text).decisions
    assert decision.effects[Dimension.MONEY].per_year == Decimal("20736.00")


def test_the_churn_form_and_a_rate_round_trip_through_a_journal(
    empty_journal: Journal, write: Callable[..., Path], tmp_path: Path
) -> None:
    churned = (
        SHOP.replace("stay_years = 3", "churn_per_year = 0.25\nrate = 0.05")
        .replace("customers_per_month = 4", "customers_per_month = 2.5")
        .replace("per_year = 20736.0", "per_year = 12960.0")
    )
    import_file(empty_journal, write(churned))
    exported = export_all(empty_journal)
    assert "[decisions.effects.money.clv]\ncustomers_per_month = 2.5\n" in exported
    assert "churn_per_year = 0.25\nrate = 0.05\n" in exported
    with Journal(str(tmp_path / "again.db")) as again:
        import_file(again, write(exported, "backup.toml"))
        assert export_all(again) == exported
        [decision] = again.iter_decisions()
    assert decision.effects[Dimension.MONEY].clv == _read(churned)


def test_the_fast_reader_reads_the_clv_table_as_tomllib_does() -> None:
    [decision] = read_interchange_text(SHOP).decisions
    text = render_decisions([decision])
    assert "[decisions.effects.money.clv]" in text
    assert layout.parse(text) == tomllib.loads(text, parse_float=Decimal)
    # Anywhere else than right under its effect, the table is tomllib's to read.
    moved = text.replace("[decisions.effects.money.clv]", "[decisions.effects.love.clv]")
    with pytest.raises(layout.NotLayout):
        layout.parse(moved)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "margin = 0.4",
            "margin = 1.5",
            "line 19: decisions[1].effects.money.clv.margin: must be from 0 to 1",
        ),
        (
            "margin = 0.4",
            "margin = 0.4\nshare = 1",
            "line 20: decisions[1].effects.money.clv.share: unknown key",
        ),
        (
            "margin = 0.4",
            'margin = "40%"',
            'line 19: decisions[1].effects.money.clv.margin: expected a number, got "40%"',
        ),
        (
            "average_order = 120.0",
            "average_order = 120.005",
            "line 17: decisions[1].effects.money.clv.average_order: expected a number with at most"
            " two decimals",
        ),
        (
            "orders_per_year = 3\n",
            "",
            "line 15: decisions[1].effects.money.clv.orders_per_year: is required",
        ),
        (
            "stay_years = 3",
            "stay_years = 3\nchurn_per_year = 0.2",
            "line 20: decisions[1].effects.money.clv.stay_years: give how long a customer stays or"
            " a churn, not both",
        ),
        (
            "stay_years = 3",
            "churn_per_year = 0",
            "line 20: decisions[1].effects.money.clv.churn_per_year: must be from 0.001 to 1",
        ),
        (
            "per_year = 20736.0",
            "per_year = 20000.0",
            "line 13: decisions[1].effects.money.per_year: must be what the customer value gives:"
            " 20736.00",
        ),
        (
            "[decisions.effects.money]\nper_year = 20736.0\nyears = 5\n"
            "[decisions.effects.money.clv]",
            "[decisions.effects.love]\nper_year = 1\nyears = 5\n[decisions.effects.love.clv]",
            "line 15: decisions[1].effects.love.clv: works out money",
        ),
        (
            "customers_per_month = 4",
            "customers_per_month = 4000000",
            "line 15: decisions[1].effects.money.clv: gives 207,360,000,000,000.00 a year, more"
            " than the limit of 1,000,000,000,000",
        ),
    ],
)
def test_bad_customer_figures_name_their_line_and_key(old: str, new: str, message: str) -> None:
    text = SHOP.replace(old, new)
    if "4000000" in new:
        text = text.replace("average_order = 120.0", "average_order = 1200000.0")
    with pytest.raises(ExchangeError) as caught:
        read_interchange_text(text, "shop.toml")
    assert f"shop.toml, {message}" in str(caught.value)
