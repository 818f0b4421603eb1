"""review (the queue and recording one) and calibration, checked by hand."""

from __future__ import annotations

from decimal import Decimal

from .conftest import Run, exact_json, new_id


def add(run: Run, title: str, *args: str) -> str:
    return new_id(run("add", title, *args))


def test_the_queue_lists_due_decisions_oldest_first(max_journal: Run) -> None:
    add(max_journal, "Later", "--date", "2026-05-01")
    add(max_journal, "Not yet", "--date", "2026-11-01")
    lines = max_journal("review").stdout.splitlines()
    assert lines[0].split()[:4] == ["due", "since", "decided", "id"]
    assert lines[1].startswith("2025-04-01  2025-01-01")
    assert "Later" in lines[2]
    assert all("Not yet" not in line for line in lines)
    assert lines[-1].startswith("2 due;")
    data = exact_json(max_journal("review", "--json").stdout)
    assert data["due"] == 2
    assert [d["title"] for d in data["decisions"]] == ["Build an online business", "Later"]


def test_recording_a_review_takes_it_out_of_the_queue(max_journal: Run) -> None:
    short = max_journal("list", "--json").stdout
    decision = exact_json(short)["decisions"][0]["id"][:8]
    out = max_journal(
        "review",
        decision,
        "--date",
        "2026-01-15",
        "--actual",
        "money=400/m",
        "--missed",
        "love",
        "--repeat",
        "yes",
        "--notes",
        "First customers after 11 months.",
        "--hindsight",
        "Customers take a year to find you.",
    ).stdout
    assert out.splitlines()[0] == f"reviewed {decision}  Build an online business"
    assert "money: expected +6,000.00 EUR a year, observed +4,800.00 EUR a year" in out
    assert "love: expected 0 pts a year, not observed (it did not happen)" in out
    assert "hindsight: Customers take a year to find you." in out
    assert max_journal("review").stdout == "nothing is due for review\n"
    shown = exact_json(max_journal("show", decision, "--json").stdout)
    assert shown["effects"]["money"]["per_year"] == Decimal(6000)  # expectation unchanged
    [review] = shown["reviews"]
    assert review["actual"]["money"] == {"per_year": Decimal(4800), "materialised": True}
    assert review["would_repeat"] == "yes"


def test_a_next_date_puts_it_back_in_the_queue(max_journal: Run) -> None:
    decision = exact_json(max_journal("list", "--json").stdout)["decisions"][0]["id"]
    max_journal("review", decision, "--date", "2026-01-15", "--next", "2026-06-01")
    assert "Build an online business" in max_journal("review").stdout


def test_calibration_json_matches_the_formulas(max_journal: Run) -> None:
    business = exact_json(max_journal("list", "--json").stdout)["decisions"][0]["id"]
    gadget = add(
        max_journal,
        "Gadget",
        "--date",
        "2025-03-01",
        "--category",
        "tech",
        "--effect",
        "happiness 2 years=3 confidence=0.8",
    )
    trip = add(
        max_journal,
        "Trip",
        "--date",
        "2025-04-01",
        "--category",
        "travel",
        "--effect",
        "happiness 1 years=1 confidence=0.6",
    )
    max_journal("review", business, "--actual", "money=4800")
    max_journal("review", gadget, "--missed", "happiness")
    max_journal("review", trip, "--actual", "happiness=1.5")
    data = exact_json(max_journal("calibration", "--json").stdout)
    # happiness: errors (0 - 2) and (1.5 - 1) -> mean -0.75, mean abs 1.25;
    # Brier ((0.8 - 0)^2 + (0.6 - 1)^2) / 2 = (0.64 + 0.16) / 2 = 0.4
    assert data["dimensions"]["happiness"] == {
        "reviews": 2,
        "mean_error": Decimal("-0.75"),
        "mean_abs_error": Decimal("1.25"),
        "brier": Decimal("0.4"),
    }
    assert data["dimensions"]["money"]["mean_error"] == Decimal(-1200)
    assert data["dimensions"]["money"]["brier"] == Decimal(0)
    assert data["dimensions"]["love"] == {
        "reviews": 0,
        "mean_error": None,
        "mean_abs_error": None,
        "brier": None,
    }
    assert set(data["by_kind"]) == {"expense", "investment"}
    assert data["by_kind"]["expense"]["happiness"]["reviews"] == 2
    assert data["by_category"]["tech"]["happiness"]["mean_error"] == Decimal(-2)


def test_calibration_text_says_it_in_words(max_journal: Run) -> None:
    gadget = add(max_journal, "Gadget", "--date", "2025-03-01", "--effect", "happiness 2 years=3")
    max_journal("review", gadget, "--actual", "happiness=0.2")
    out = max_journal("calibration").stdout
    lines = out.splitlines()
    assert lines[0].split() == ["reviews", "mean", "error", "mean", "abs", "error", "brier"]
    assert lines[2].split()[:4] == ["happiness", "1", "-1.8", "pts"]
    assert "you expect about 1.8 happiness points a year more than you get (1 review)" in out


def test_calibration_with_no_reviews(max_journal: Run) -> None:
    out = max_journal("calibration").stdout
    assert out.splitlines()[1].split() == ["money", "0", "—", "—", "—"]


def test_calibration_words_break_down_by_kind(max_journal: Run) -> None:
    business = exact_json(max_journal("list", "--json").stdout)["decisions"][0]["id"]
    gadget = add(max_journal, "Gadget", "--date", "2025-03-01", "--effect", "happiness 2 years=3")
    max_journal("review", business, "--actual", "money=4800")
    max_journal("review", gadget, "--actual", "happiness=0.2")
    out = max_journal("calibration").stdout
    assert "you expect about 1.8 happiness points a year more from purchases than you get" in out
    assert "you expect about 1,200.00 EUR a year more from investments than you get" in out
