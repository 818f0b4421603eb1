"""The seed's worked example, typed in through the command line (DESIGN §1)."""

from __future__ import annotations

from decimal import Decimal

from .conftest import Run, exact_json


def test_score_json_gives_the_seed_figures(max_journal: Run) -> None:
    result = max_journal("score", "--json")
    data = exact_json(result.stdout)
    assert data["baseline"]["money"] == Decimal("1575000.00")
    assert data["ltv"]["money"] == Decimal("1695000.00")
    assert data["currency"] == "EUR"
    assert data["as_of"] == "2026-11-25"
    assert data["decisions"] == 1
    assert list(data) == [
        "currency",
        "as_of",
        "decisions",
        "baseline",
        "ltv",
        "worth",
        "combined",
        "range",
    ]
    assert data["worth"] is None and data["combined"] is None  # no worth set
    # A certain effect: the band has no width, and the decision raises the LTV always.
    money = data["range"]["dimensions"]["money"]
    assert money == {
        "p10": Decimal("1695000.00"),
        "p50": Decimal("1695000.00"),
        "p90": Decimal("1695000.00"),
    }
    assert data["range"]["p_raises"] == 1 and data["range"]["p50"] is None
    assert list(data["ltv"]) == ["money", "happiness", "love", "meaning"]


def test_score_json_writes_numbers_with_exactly_two_decimals(max_journal: Run) -> None:
    text = max_journal("score", "--json").stdout
    assert '"money": 1575000.00' in text
    assert '"money": 1695000.00' in text
    assert '"happiness": 0.00' in text


def test_score_text_is_an_aligned_table(max_journal: Run) -> None:
    lines = max_journal("score").stdout.splitlines()
    assert lines[0].split() == [
        *("as", "of", "2026-11-25", "baseline", "from", "decisions", "LTV"),
        *("P10", "–", "P90"),
    ]
    money = lines[1]
    assert money.split() == [
        "money",
        "1,575,000.00",
        "EUR",
        "+120,000.00",
        "EUR",
        "1,695,000.00",
        "EUR",
        *("1.70M", "–", "1.70M", "EUR"),  # a certain effect: no width
    ]
    assert len({len(line) for line in lines[1:5]}) == 1  # every row as wide: aligned
    assert lines[-2] == "1 decision"
    assert lines[-1] == "your decisions raise the lifetime value in 100.0% of 2,000 draws"


def test_add_prints_the_id_values_and_verdict(run: Run) -> None:
    from .conftest import BUSINESS, MAX_PROFILE

    run(*MAX_PROFILE)
    out = run(*BUSINESS).stdout.splitlines()
    assert out[0].startswith("added ") and out[0].endswith("Build an online business")
    assert out[1].split() == ["money", "+120,000.00", "EUR"]
    assert out[-1] == "verdict: raises your lifetime value"


def test_score_as_of_another_day(max_journal: Run) -> None:
    data = exact_json(max_journal("score", "--json", "--as-of", "2030-01-01").stdout)
    assert data["as_of"] == "2030-01-01"
    assert data["ltv"]["money"] == Decimal("1695000.00")
