"""profile: show it, set parts of it, and see the score follow."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .conftest import MAX_PROFILE, Run, exact_json


def test_a_new_journal_shows_the_defaults(run: Run) -> None:
    lines = run("profile").stdout.splitlines()
    assert lines[0].split() == ["name", "—"]
    assert lines[1].split() == ["birth", "date", "not", "set"]
    assert lines[2].split() == ["working", "years", "22", "to", "67"]
    assert "5%" in lines[7]


def test_setting_prints_the_profile_and_the_new_score(run: Run) -> None:
    out = run(*MAX_PROFILE).stdout
    assert out.startswith("profile saved\nname             Max Muster\n")
    assert "income           35,000.00 EUR a year" in out
    assert "1,575,000.00 EUR" in out


def test_partial_updates_keep_the_other_fields(run: Run) -> None:
    run(*MAX_PROFILE)
    run("profile", "--retirement-age", "65", "--currency", "chf", "--discount-rate", "2%")
    data = exact_json(run("profile", "--json").stdout)
    assert data["name"] == "Max Muster"
    assert data["birth_date"] == "1979-01-01"
    assert data["annual_income"] == Decimal(35000)
    assert data["retirement_age"] == 65
    assert data["currency"] == "CHF"
    assert data["discount_rate"] == Decimal("0.02")


def test_a_birth_year_alone_means_july_first(run: Run) -> None:
    run("profile", "--birth-date", "1990")
    assert exact_json(run("profile", "--json").stdout)["birth_date"] == date(1990, 7, 1).isoformat()


def test_a_profile_change_rescores_the_decisions(max_journal: Run) -> None:
    max_journal("profile", "--retirement-age", "66")
    data = exact_json(max_journal("score", "--json").stdout)
    assert data["baseline"]["money"] == Decimal("35000") * 44
    assert data["ltv"]["money"] == Decimal("35000") * 44 + 6000 * 19
    assert "the profile change" in max_journal("undo").stdout
    assert exact_json(max_journal("score", "--json").stdout)["ltv"]["money"] == Decimal(
        "1695000.00"
    )


def test_profile_json_after_setting_has_profile_and_score(run: Run) -> None:
    data = exact_json(run(*MAX_PROFILE, "--json").stdout)
    assert data["profile"]["name"] == "Max Muster"
    assert data["score"]["baseline"]["money"] == Decimal("1575000.00")
