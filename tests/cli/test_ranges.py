"""Ranges on effects (low and high, the 10th and 90th percentile) on the command line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from ltv_journal.cli import main

from .conftest import Run, exact_json, new_id


def test_the_effect_syntax_reads_a_range(max_journal: Run) -> None:
    short = new_id(
        max_journal(
            "add",
            "Course",
            "--date",
            "2025-03-01",
            "--effect",
            "happiness 2/y low=0.5 high=3 half-life=1",
            "--effect",
            "money 500/m low=300/m high=700/m years=2",
        )
    )
    effects = exact_json(max_journal("show", short, "--json").stdout)["effects"]
    assert (effects["happiness"]["low"], effects["happiness"]["high"]) == (
        Decimal("0.5"),
        Decimal(3),
    )
    assert effects["happiness"]["per_year"] == Decimal(2)
    assert (effects["money"]["low"], effects["money"]["high"]) == (Decimal(3600), Decimal(8400))
    shown = max_journal("show", short).stdout
    assert "happiness: +2 pts a year (P10 +0.5 pts, P90 +3 pts), until death" in shown
    assert "money: +6,000.00 EUR a year (P10 +3,600.00 EUR, P90 +8,400.00 EUR), for" in shown


def test_ranges_survive_export_and_import(max_journal: Run, tmp_path: Path) -> None:
    max_journal("add", "Course", "--date", "2025-03-01", "--effect", "love 1 low=-0.5 high=2.25")
    backup = tmp_path / "backup.toml"
    max_journal("export", "--all", "-o", str(backup))
    assert "low = -0.5\nhigh = 2.25" in backup.read_text()
    fresh = tmp_path / "fresh.db"
    restored = CliRunner().invoke(main, ["--db", str(fresh), "import", str(backup)])
    assert restored.exit_code == 0, restored.stderr
    again = CliRunner().invoke(main, ["--db", str(fresh), "export", "--all"])
    assert again.stdout == max_journal("export", "--all").stdout


def test_score_gives_the_journals_band_the_same_on_every_run(max_journal: Run) -> None:
    max_journal(
        "add", "Bet", "--date", "2025-03-01", "--effect", "happiness 4/y years=1 confidence=0.5"
    )
    max_journal(
        "add", "Course", "--date", "2025-04-01", "--effect", "love 1/y years=1 low=0 high=3"
    )
    first = max_journal("score", "--json").stdout
    assert max_journal("score", "--json").stdout == first
    found = exact_json(first)["range"]
    # Nothing moves down unless love falls below its P10 of 0: nine draws in ten raise.
    assert Decimal("0.87") <= found["p_raises"] <= Decimal("0.93")
    happiness = found["dimensions"]["happiness"]
    assert (happiness["p10"], happiness["p90"]) == (Decimal(0), Decimal(4))
    love = found["dimensions"]["love"]
    assert love["p10"] < Decimal(1) < love["p90"]
    text = max_journal("score").stdout
    assert "P10 – P90" in text.splitlines()[0]
    assert "0.00 – 4.00" in text or "0 – 4" in text
