"""add, list, show, edit, delete and undo over a real journal file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from .conftest import BUSINESS, MAX_PROFILE, Run, exact_json, new_id


def add_bike(run: Run) -> str:
    return new_id(
        run(
            "add",
            "Road bike",
            "--amount",
            "1.234,56 €",
            "--date",
            "2026-03-01",
            "--category",
            "sport",
            "--tag",
            "Outdoor",
            "--tag",
            "health",
            "--effect",
            "happiness 1.5 years=5 half-life=2 confidence=70%",
            "--expect",
            "I ride to work",
            "--feel",
            "excited",
        )
    )


def test_add_reads_amount_and_effect_syntax_exactly(max_journal: Run) -> None:
    short = add_bike(max_journal)
    data = exact_json(max_journal("show", short, "--json").stdout)
    assert data["amount"] == Decimal("1234.56")
    assert sorted(data["tags"]) == ["health", "outdoor"]
    happiness = data["effects"]["happiness"]
    assert happiness["per_year"] == Decimal("1.5")
    assert happiness["years"] == Decimal(5)
    assert happiness["half_life_years"] == Decimal(2)
    assert happiness["confidence"] == Decimal("0.7")
    assert data["values"]["money"] == Decimal("-1234.56")
    assert data["verdict"] == "trade-off"
    assert data["expectation"] == "I ride to work"
    assert data["feeling"] == "excited"
    assert data["review_on"] == "2026-06-01"


def test_per_month_and_dimension_equals_forms_mean_the_same(max_journal: Run) -> None:
    short = new_id(
        max_journal("add", "Side job", "--date", "2025-01-01", "--effect", "money=6000/y delay=1y")
    )
    data = exact_json(max_journal("show", short, "--json").stdout)
    assert data["effects"]["money"]["per_year"] == Decimal(6000)
    assert data["effects"]["money"]["delay_months"] == 12
    assert data["values"]["money"] == Decimal("120000.00")


def test_show_prints_the_detail_lines(max_journal: Run) -> None:
    short = add_bike(max_journal)
    out = max_journal("show", short).stdout
    assert out.startswith("Road bike\n2026-03-01 · expense · 1,234.56 EUR · sport")
    assert "verdict: trade-off" in out
    assert "happiness: +1.5 pts a year, for 5 years (60 months), half-life 2 years" in out
    assert "opportunity cost:" in out
    assert "expectation: I ride to work" in out


def test_list_shows_columns_and_filters(max_journal: Run) -> None:
    add_bike(max_journal)
    lines = max_journal("list").stdout.splitlines()
    assert lines[0].split()[:5] == ["date", "id", "title", "kind", "amount"]
    assert "money" in lines[0] and "verdict" in lines[0] and "review" in lines[0]
    assert lines[1].startswith("2026-03-01") and "Road bike" in lines[1]
    assert "1,234.56" in lines[1] and "trade-off" in lines[1]
    assert lines[2].startswith("2025-01-01") and "+120.0k" in lines[2]
    assert lines[-1] == "2 decisions"
    only = max_journal("list", "--tag", "health").stdout
    assert "Road bike" in only and "online business" not in only
    assert "Road bike" not in max_journal("list", "--year", "2025").stdout
    assert "Road bike" not in max_journal("list", "--kind", "investment").stdout
    assert "Road bike" in max_journal("list", "bike").stdout
    assert "Road bike" in max_journal("list", "--from", "2026-01-01", "--to", "2026-12-31").stdout
    assert max_journal("list", "--category", "nothing").stdout == (
        "no decisions match category:nothing\n"
    )


def test_list_json_and_limit(max_journal: Run) -> None:
    add_bike(max_journal)
    data = exact_json(max_journal("list", "--json", "--limit", "1").stdout)
    assert data["total"] == 2
    [row] = data["decisions"]
    assert row["title"] == "Road bike"
    assert row["amount"] == Decimal("1234.56")
    assert row["review_state"] == "due"  # review_on 2026-06-01 has come
    text = max_journal("list", "--limit", "1").stdout
    assert text.splitlines()[-1] == "1 of 2 decisions (--limit shows more)"


def test_edit_changes_only_what_is_given(max_journal: Run) -> None:
    short = add_bike(max_journal)
    max_journal("edit", short, "--amount", "999", "--effect", "love 2 years=1")
    data = exact_json(max_journal("show", short, "--json").stdout)
    assert data["amount"] == Decimal("999.00")
    assert data["title"] == "Road bike"
    assert data["category"] == "sport"
    assert set(data["effects"]) == {"happiness", "love"}
    max_journal("edit", short, "--no-effect", "happiness", "--title", "Gravel bike")
    data = exact_json(max_journal("show", short, "--json").stdout)
    assert set(data["effects"]) == {"love"}
    assert data["title"] == "Gravel bike"


def test_edit_moves_a_default_review_date_with_the_date(max_journal: Run) -> None:
    short = add_bike(max_journal)
    max_journal("edit", short, "--date", "2026-04-15")
    data = exact_json(max_journal("show", short, "--json").stdout)
    assert data["review_on"] == "2026-07-15"


def test_delete_then_undo_restores_the_score(max_journal: Run) -> None:
    before = max_journal("score", "--json").stdout
    short = add_bike(max_journal)
    out = max_journal("delete", short).stdout
    assert out.startswith(f"deleted {short}  Road bike")
    assert max_journal("score", "--json").stdout == before
    assert "Road bike" not in max_journal("list").stdout
    assert max_journal("undo").stdout == "Undid the deletion of 'Road bike'\n"
    assert "Road bike" in max_journal("list").stdout


def test_undo_with_nothing_left_exits_1(run: Run) -> None:
    run(*MAX_PROFILE)  # setting the first profile is not undoable
    result = run("undo", ok=False)
    assert result.exit_code == 1
    assert result.stdout == "nothing to undo\n"


def test_undo_reverts_an_edit(max_journal: Run) -> None:
    short = add_bike(max_journal)
    max_journal("edit", short, "--amount", "5")
    assert "the edit of 'Road bike'" in max_journal("undo").stdout
    data = exact_json(max_journal("show", short, "--json").stdout)
    assert data["amount"] == Decimal("1234.56")


def test_add_json_gives_the_stored_decision(max_journal: Run) -> None:
    data = exact_json(max_journal("add", "Coffee", "--amount", "3.50", "--json").stdout)
    assert len(data["id"]) == 36
    assert data["date"] == "2026-11-25"
    assert data["kind"] == "expense"
    assert data["verdict"] == "lowers"


def test_the_environment_names_the_journal(db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from ltv_journal.cli import main

    monkeypatch.setenv("LTV_JOURNAL_DB", str(db))
    runner = CliRunner()
    assert runner.invoke(main, MAX_PROFILE).exit_code == 0
    assert runner.invoke(main, BUSINESS).exit_code == 0
    assert not isinstance(db, Path) or db.is_file()  # a URL: the server holds it
    assert '"money": 1695000.00' in runner.invoke(main, ["score", "--json"]).stdout


def test_db_option_after_the_command(db: Path, run: Run) -> None:
    from click.testing import CliRunner

    from ltv_journal.cli import main

    run(*MAX_PROFILE)
    result = CliRunner().invoke(main, ["score", "--json", "--db", str(db)])
    assert '"money": 1575000.00' in result.stdout


def test_edit_help_shows_the_effect_syntax_and_no_add_defaults(run: Run) -> None:
    text = run("edit", "--help").stdout
    assert "DIMENSION VALUE[/y|/m] [delay=MONTHS]" in text
    assert "money 6000/y delay=12" in text
    assert "see the syntax above" not in text.replace("\n", " ")
    assert "(default)" not in text
    assert "Replaces all the tags" in " ".join(text.split())


def test_add_help_shows_the_effect_syntax(run: Run) -> None:
    text = run("add", "--help").stdout
    assert "DIMENSION VALUE[/y|/m] [delay=MONTHS]" in text
    assert "expense (default) or investment" in text


def test_list_from_and_to_the_same_day(max_journal: Run) -> None:
    out = max_journal("list", "--from", "2025-01-01", "--to", "2025-01-01").stdout
    assert "Build an online business" in out
