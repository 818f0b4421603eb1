"""A money effect worked out from customers (`clv=`) on the command line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from ltv_journal.cli import main

from .conftest import Run, exact_json, new_id

SHOP = "money clv=customers:4/m,order:120,orders:3/y,margin:0.4,stay:3y years=5"


def test_a_shop_is_worked_out_from_its_customers(max_journal: Run) -> None:
    added = max_journal("add", "Web shop", "--date", "2025-01-01", "--effect", SHOP)
    assert "money      +73,440.00 EUR" in added.stdout
    shown = max_journal("show", new_id(added)).stdout
    assert (
        "money: +20,736.00 EUR a year at steady state, ramping up, for 5 years (60 months)"
        " → +73,440.00 EUR"
    ) in shown
    assert (
        "from customers: 4 new a month × 120.00 EUR an order × 3 orders a year × 40% margin,"
        " staying 3 years (36 months)"
    ) in shown
    assert "per customer: 432.00 EUR (144.00 EUR margin a year)" in shown
    assert "steady state: 144 customers, 20,736.00 EUR a year, reached after 36 months" in shown


def test_show_json_gives_the_inputs_and_what_they_work_out_to(max_journal: Run) -> None:
    spec = "money clv=customers:4/m, order:1,200.00, orders:3/y, margin:40%, churn:25%/y, rate:5%"
    short = new_id(max_journal("add", "Shop", "--date", "2025-01-01", "--effect", spec))
    money = exact_json(max_journal("show", short, "--json").stdout)["effects"]["money"]
    assert money["clv"] == {
        "customers_per_month": Decimal(4),
        "average_order": Decimal(1200),
        "orders_per_year": Decimal(3),
        "margin": Decimal("0.4"),
        "stay_years": None,
        "churn_per_year": Decimal("0.25"),
        "rate": Decimal("0.05"),
    }
    # m = 0.4 × 1,200 × 3 = 1,440; m × 0.75 / (1.05 − 0.75) = 3,600; 12 × 4 × 3 customers.
    assert money["customer_value"] == {
        "yearly_margin": Decimal("1440.00"),
        "per_customer": Decimal("3600.00"),
        "customer_years": Decimal("3.0000"),
        "steady_customers": Decimal("144.00"),
        "money_per_year": Decimal("207360.00"),
        "ramp_months": None,
    }
    assert money["per_year"] == Decimal("207360.00")


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        (SHOP.replace("margin:0.4", "margin:140%"), "clv margin must be from 0 to 1"),
        (SHOP.replace("customers:4/m", "customers:-4/m"), "clv customers must be from 0 to"),
        (SHOP.replace("stay:3y", "churn:0/y"), "clv churn must be from 0.001 to 1"),
        (SHOP.replace("stay:3y", "stay:3y,churn:0.2"), "clv gives stay and churn"),
        (SHOP.replace(",stay:3y", ""), "clv needs stay (or churn)"),
        (SHOP.replace("order:120", "order:12x"), "clv order '12x' is not a number"),
        (SHOP.replace("orders:3/y", "orders:3/w"), "clv orders '3/w' is not orders a year"),
        (SHOP.replace("margin:0.4", "share:0.4"), "clv part 'share:0.4' is not KEY:VALUE"),
        (SHOP.replace("customers:4/m", "customers:48/y"), "write new customers a month"),
        (SHOP.replace("money clv", "money 100 clv"), "give VALUE or clv=, not both"),
        (SHOP.replace("money", "love"), "clv= works out money"),
        (
            "money clv=customers:1000000/m,order:1000000,orders:3/y,margin:1,stay:3y",
            "--effect money clv: gives 108,000,000,000,000.00 a year, more than the limit",
        ),
    ],
)
def test_bad_customer_figures_are_one_line_exit_2_and_change_nothing(
    max_journal: Run, spec: str, words: str
) -> None:
    before = max_journal("export", "--all").stdout
    result = max_journal("add", "Shop", "--effect", spec, ok=False)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert words in line
    assert "Traceback" not in result.output
    assert max_journal("export", "--all").stdout == before


def test_customer_figures_survive_delete_undo_export_and_import(
    max_journal: Run, tmp_path: Path
) -> None:
    short = new_id(max_journal("add", "Shop", "--date", "2025-01-01", "--effect", SHOP))
    shown = max_journal("show", short, "--json").stdout
    max_journal("delete", short)
    max_journal("undo")
    assert max_journal("show", short, "--json").stdout == shown
    backup = tmp_path / "backup.toml"
    max_journal("export", "--all", "-o", str(backup))
    assert "[decisions.effects.money.clv]\ncustomers_per_month = 4\n" in backup.read_text()
    fresh = tmp_path / "fresh.db"
    restored = CliRunner().invoke(main, ["--db", str(fresh), "import", str(backup)])
    assert restored.exit_code == 0, restored.stderr
    again = CliRunner().invoke(main, ["--db", str(fresh), "export", "--all"])
    assert again.stdout == max_journal("export", "--all").stdout


def test_add_help_shows_the_customer_syntax(run: Run) -> None:
    text = run("add", "--help").stdout
    assert "clv=customers:4/m,order:120,orders:3/y,margin:0.4,stay:3y" in text


def test_a_review_by_the_customers_seen_records_the_money_they_give(max_journal: Run) -> None:
    """3 new customers a month instead of 4, orders of 100 instead of 120: at steady
    state 3 × 12 × 3 years = 108 customers × 0.4 × 100 × 3 = 12,960 a year, against the
    20,736 expected — like for like, not a ramp-up month against the steady state."""
    short = new_id(max_journal("add", "Web shop", "--date", "2025-01-01", "--effect", SHOP))
    out = max_journal("review", short, "--actual", "money=customers:3/m,order:100").stdout
    assert "expected +20,736.00 EUR a year, observed +12,960.00 EUR a year" in out
    [review] = exact_json(max_journal("show", short, "--json").stdout)["reviews"]
    assert review["actual"]["money"]["per_year"] == Decimal("12960.00")


@pytest.mark.parametrize(
    ("actual", "said"),
    [
        ("money=customers:3/y", "is a year's"),
        ("money=visitors:300/m", "is not KEY:VALUE"),
        ("money=margin:1.5", "margin"),
        ("money=stay:2y,churn:0.5", "stay and churn"),
        ("love=customers:3/m", "only money"),
    ],
)
def test_bad_customer_reviews_are_one_line_and_change_nothing(
    max_journal: Run, actual: str, said: str
) -> None:
    short = new_id(max_journal("add", "Web shop", "--date", "2025-01-01", "--effect", SHOP))
    before = max_journal("export", "--all").stdout
    result = max_journal("review", short, "--actual", actual, ok=False)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert said in line
    assert max_journal("export", "--all").stdout == before


def test_customers_review_only_a_money_worked_out_from_customers(max_journal: Run) -> None:
    short = new_id(max_journal("add", "Job", "--date", "2025-01-01", "--effect", "money 500/m"))
    result = max_journal("review", short, "--actual", "money=customers:3/m", ok=False)
    assert result.exit_code == 2
    assert "not worked out from customers" in result.stderr
