"""Worth on the command line: setting and clearing it, the combined value it gives, the
worth past choices imply, and a valuation date that keeps the LTV still."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import Run, exact_json, journal_state

SAMPLE = Path(__file__).parents[2] / "sample_data" / "journal.toml"
WORTH = ("--worth", "happiness=1500", "--worth", "love=2000", "--worth", "meaning=1000")


@pytest.fixture
def sample(run: Run) -> Run:
    run("import", str(SAMPLE))
    return run


def test_worth_settles_the_sample_journals_trade_offs(sample: Run) -> None:
    before = exact_json(sample("list", "--json", "--limit", "1000").stdout)["decisions"]
    bare_before = sum(d["verdict"] == "trade-off" for d in before)
    assert bare_before > len(before) // 2  # without a worth most purchases are trade-offs
    assert all(d["combined"] is None for d in before)
    sample("profile", *WORTH)
    after = exact_json(sample("list", "--json", "--limit", "1000").stdout)["decisions"]
    verdicts = Counter(d["verdict"] for d in after)
    assert verdicts["trade-off"] < len(after) / 10
    named = [d for d in after if d["trade_off"]]
    assert named and all(d["verdict"] in ("raises", "lowers") for d in named)


def test_score_json_gives_the_combined_value_to_the_cent(sample: Run) -> None:
    sample("profile", *WORTH)
    score = exact_json(sample("score", "--json").stdout)
    ltv, worth = score["ltv"], score["worth"]
    assert worth == {"happiness": 1500, "love": 2000, "meaning": 1000}
    expected = ltv["money"] + sum(worth[d] * ltv[d] for d in ("happiness", "love", "meaning"))
    assert score["combined"] == expected
    assert "combined" in sample("score").stdout


def test_show_explains_the_settled_verdict_and_the_cost_per_point_year(sample: Run) -> None:
    sample("profile", *WORTH)
    found = exact_json(sample("list", "Christmas presents bought early", "--json").stdout)
    short = found["decisions"][0]["id"][:8]
    shown = sample("show", short).stdout
    assert "verdict: raises your lifetime value by about 470 EUR — a trade-off:" in shown
    assert "-450.00 EUR money, +0.46 love" in shown
    assert "cost per point-year: love: 978.26 EUR a point-year" in shown
    data = exact_json(sample("show", short, "--json").stdout)
    assert data["combined"] == Decimal("470.00")
    assert data["cost_per_point_year"] == {"love": Decimal("978.26")}


def test_a_worth_is_cleared_with_an_empty_value(run: Run) -> None:
    run("profile", *WORTH)
    run("profile", "--worth", "love=")
    worth = exact_json(run("profile", "--json").stdout)["worth"]
    assert worth == {"happiness": 1500, "meaning": 1000}


@pytest.mark.parametrize(
    ("worth", "said"),
    [
        ("love", "--worth 'love' needs DIMENSION=AMOUNT"),
        ("money=5", "--worth money: money is worth itself"),
        ("joy=5", "joy"),
        ("love=-5", "--worth love"),
        ("love=lots", "--worth love 'lots' is not a number"),
        ("love=999999999999", "--worth love must be from 0 to 100,000,000 a point-year"),
    ],
)
def test_a_bad_worth_is_one_line_and_changes_nothing(
    run: Run, db: Path, worth: str, said: str
) -> None:
    run("profile", "--birth-date", "1990-01-01")
    before = journal_state(db)
    result = run("profile", "--worth", worth, ok=False)
    assert result.exit_code == 2
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert journal_state(db) == before


def test_worth_shows_what_past_choices_imply(sample: Run) -> None:
    data = exact_json(sample("worth", "--json").stdout)
    love = data["implied"]["love"]
    assert love["low"] <= love["median"] <= love["high"]
    assert love["decisions"] >= 1 and data["set"] == {}
    assert "implied" in sample("worth").stdout


def test_with_a_rate_the_score_stands_still_between_decisions(max_journal: Run) -> None:
    max_journal("profile", "--discount-rate", "3%", "--valued-at", "2025-01-01")
    first = exact_json(max_journal("score", "--as-of", "2026-02-01", "--json").stdout)
    later = exact_json(max_journal("score", "--as-of", "2027-02-01", "--json").stdout)
    assert first["ltv"] == later["ltv"]
    summary = max_journal("export", "--year", "2026").stdout
    assert "change = 0.0" in summary  # no decision in 2026
    assert "change = 0.0\n" in summary.split("[ltv.money]")[1].split("[ltv.happiness]")[0]


def test_add_json_gives_the_stored_review_date(max_journal: Run) -> None:
    data = exact_json(max_journal("add", "Bike", "--date", "2026-03-01", "--json").stdout)
    assert data["review_on"] == "2026-06-01"


def test_missed_takes_no_value(max_journal: Run, db: Path) -> None:
    data = exact_json(max_journal("list", "--json").stdout)
    short = data["decisions"][0]["id"][:8]
    before = journal_state(db)
    result = max_journal("review", short, "--missed", "love=2", ok=False)
    assert result.exit_code == 2
    assert "--missed love=2: an effect that did not happen has no value" in result.stderr
    assert journal_state(db) == before


def test_the_yearly_summary_carries_the_worth_and_the_combined_change(sample: Run) -> None:
    import tomllib

    sample("profile", *WORTH)
    summary = tomllib.loads(sample("export", "--year", "2025").stdout, parse_float=Decimal)
    assert summary["profile"]["worth"] == {
        "happiness": Decimal("1500.0"),
        "love": Decimal("2000.0"),
        "meaning": Decimal("1000.0"),
    }
    ltv = summary["ltv"]
    change = {dim: ltv[dim]["change"] for dim in ("money", "happiness", "love", "meaning")}
    expected = change["money"] + sum(
        summary["profile"]["worth"][dim] * change[dim] for dim in ("happiness", "love", "meaning")
    )
    assert ltv["combined"]["change"] == expected
    assert ltv["combined"]["end"] - ltv["combined"]["start"] == expected


def test_a_profile_the_journals_decisions_cannot_live_under_is_refused(
    sample: Run, db: Path
) -> None:
    before = journal_state(db)
    born_late = sample("profile", "--birth-date", "2025-01-01", ok=False)
    assert born_late.exit_code == 2
    assert "--birth-date is after the journal's first decision (2024-01-04)" in born_late.stderr
    early_retirement = sample("profile", "--retirement-age", "30", ok=False)
    assert early_retirement.exit_code == 2
    assert "--retirement-age would end an effect before it starts" in early_retirement.stderr
    assert journal_state(db) == before
    backup = sample("export", "--all").stdout  # still restores: nothing was let in
    assert "[[decisions]]" in backup


def test_an_imported_profile_keeps_a_fixed_valuation_date(run: Run, tmp_path: Path) -> None:
    from ltv_journal.core import clock

    with_rate = SAMPLE.read_text(encoding="utf-8").replace(
        "discount_rate = 0.0", "discount_rate = 0.03"
    )
    assert "valued_at" not in with_rate
    path = tmp_path / "rate.toml"
    path.write_text(with_rate, encoding="utf-8")
    run("import", str(path))
    assert exact_json(run("profile", "--json").stdout)["valued_at"] == "2026-01-01"
    now = exact_json(run("score", "--json").stdout)["ltv"]
    with clock.fixed_today(clock.today().replace(year=2027, month=1, day=2)):
        later = exact_json(run("score", "--json").stdout)["ltv"]
    assert later == now


def test_replacing_the_profile_keeps_what_the_file_leaves_out_and_says_what_changed(
    sample: Run, tmp_path: Path
) -> None:
    sample("profile", *WORTH)
    path = tmp_path / "profile.toml"
    path.write_text('[profile]\nname = "Lena H."\nbirth_date = 1991-04-12\n', encoding="utf-8")
    ignored = sample("import", str(path)).stdout
    assert "the file's profile was not used" in ignored
    replaced = sample("import", "--replace-profile", str(path)).stdout
    assert "profile set (name" in replaced
    profile = exact_json(sample("profile", "--json").stdout)
    assert profile["name"] == "Lena H."
    assert profile["worth"] == {"happiness": 1500, "love": 2000, "meaning": 1000}


def test_a_combined_value_says_which_dimension_it_leaves_out(sample: Run) -> None:
    sample("profile", "--worth", "happiness=1500", "--worth", "meaning=1000")
    assert "(love has no worth: left out)" in sample("score").stdout
    found = exact_json(sample("list", "Christmas presents bought early", "--json").stdout)
    shown = sample("show", found["decisions"][0]["id"][:8]).stdout
    assert "(love has no worth: left out)" in shown
    assert "trade-off — -450.00 EUR money, +0.46 love" in shown
