"""`ltv-journal chart`: the series behind each picture, checked against `score --as-of`
and hand-made journals, and the pictures drawn as plain text."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest

from .conftest import Run, exact_json

SAMPLE = Path(__file__).parents[2] / "sample_data" / "journal.toml"
DIMS = ("money", "happiness", "love", "meaning")


@pytest.fixture
def sample(run: Run) -> Run:
    run("import", str(SAMPLE))
    return run


def test_the_trend_is_the_running_score_at_every_month_end(sample: Run) -> None:
    series = exact_json(sample("chart", "trend", "--json").stdout)["series"]
    assert series[0]["date"] == "2024-01-31"
    assert series[-1]["date"] == "2026-11-30"  # the clock is fixed at 2026-11-25
    assert len(series) == 35  # one row per month, months without decisions included
    for row in series[::5] + series[-1:]:
        score = exact_json(sample("score", "--as-of", row["date"], "--json").stdout)
        assert {d: row[d] for d in DIMS} == score["ltv"], row["date"]
    assert "combined" not in series[0]


def test_each_month_of_the_trend_says_how_sure_it_is(sample: Run) -> None:
    """The last month holds every decision: its band is the score's. Before the first
    uncertain decision the band has no width; it never narrows below the line's P10."""
    series = exact_json(sample("chart", "trend", "--json").stdout)["series"]
    whole = exact_json(sample("score", "--json").stdout)["range"]["dimensions"]
    for dim in DIMS:
        last = series[-1]["range"][dim]
        for pct in ("p10", "p50", "p90"):
            assert abs(last[pct] - whole[dim][pct]) <= Decimal("0.02"), (dim, pct)
        widths = [row["range"][dim]["p90"] - row["range"][dim]["p10"] for row in series]
        assert widths[0] >= 0 and widths[-1] > 0
        for row in series:
            spread = row["range"][dim]
            assert spread["p10"] <= spread["p50"] <= spread["p90"]


def test_the_year_narrows_the_trend_and_a_worth_adds_the_combined_value(sample: Run) -> None:
    sample("profile", "--worth", "happiness=1500", "--worth", "love=2000")
    series = exact_json(sample("chart", "trend", "--year", "2025", "--json").stdout)["series"]
    assert [row["date"][:7] for row in series] == [f"2025-{m:02d}" for m in range(1, 13)]
    december = series[-1]
    expected = december["money"] + 1500 * december["happiness"] + 2000 * december["love"]
    assert december["combined"] == expected
    only = exact_json(sample("chart", "--dimension", "combined", "--json").stdout)["series"]
    assert set(only[0]) == {"date", "combined", "range"}
    assert set(only[0]["range"]) == {"combined"}


def test_a_hand_made_journal_gives_its_hand_computed_trend(max_journal: Run) -> None:
    max_journal("add", "Watch", "--date", "2025-03-10", "--amount", "9000")
    series = exact_json(max_journal("chart", "--json").stdout)["series"]
    by_month = {row["date"]: row["money"] for row in series}
    assert by_month["2025-01-31"] == Decimal("1695000.00")  # 1,575,000 + 120,000
    assert by_month["2025-02-28"] == Decimal("1695000.00")
    assert by_month["2025-03-31"] == Decimal("1686000.00")  # the watch
    assert by_month["2026-11-30"] == Decimal("1686000.00")


def test_calibration_gives_the_points_behind_both_pictures(sample: Run) -> None:
    data = exact_json(sample("chart", "calibration", "--json").stdout)
    money = data["expected_vs_actual"]["money"]
    assert money and all(set(p) == {"expected", "actual"} for p in money)
    bins = data["reliability"]
    assert [b["low"] for b in bins] == [Decimal("0"), Decimal("0.2"), Decimal("0.4"),
                                        Decimal("0.6"), Decimal("0.8")]  # fmt: skip
    reviews = sum(b["count"] for b in bins)
    assert reviews > 0
    for b in bins:
        if b["count"]:
            assert b["low"] <= b["mean_confidence"] <= b["high"]
            assert 0 <= b["happened"] <= 1


def test_spending_sums_each_month_and_category(max_journal: Run) -> None:
    max_journal("add", "Bike", "--date", "2026-03-01", "--amount", "900", "--category", "sport")
    max_journal(
        "add", "Course", "--date", "2026-03-20", "--amount", "300", "--kind", "investment",
        "--category", "sport", "--effect", "happiness 1 years=2",
    )  # fmt: skip
    max_journal("add", "Dinner", "--date", "2026-05-02", "--amount", "80")
    data = exact_json(max_journal("chart", "spending", "--year", "2026", "--json").stdout)
    # Every month of the year, so the bars keep the calendar's spacing.
    assert [m["month"] for m in data["months"]] == [f"2026-{n:02d}" for n in range(1, 13)]
    spent = {m["month"]: (m["spent"], m["invested"]) for m in data["months"] if m["spent"]}
    assert spent == {
        "2026-03": (Decimal("900.00"), Decimal("300.00")),
        "2026-05": (Decimal("80.00"), Decimal("0.00")),
    }
    sport, other = data["categories"]
    assert (sport["category"], sport["spent"], sport["invested"]) == ("sport", 900, 300)
    assert sport["point_years"]["happiness"] == 2
    assert sport["cost_per_point_year"] == {"happiness": Decimal("600.00")}  # 1,200 / 2
    assert other["category"] == "(none)" and other["spent"] == 80


def test_the_pictures_draw_as_plain_text_without_colour(sample: Run) -> None:
    for which in ("trend", "calibration", "spending"):
        drawn = sample("chart", which, "--year", "2025").stdout
        assert "\x1b" not in drawn
        assert "┤" in drawn  # an axis was drawn
    assert "running lifetime value" in sample("chart").stdout


def test_german_pictures_write_every_axis_and_legend_in_german(
    sample: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Axis figures with German grouping and decimal commas (`1.695.000`, `0,50`), never
    plotext's English `1695000.0`; the dimensions and "no category" in German."""
    for which in ("trend", "calibration", "spending"):
        drawn = sample("--lang", "de", "chart", which, "--year", "2025").stdout
        labels = re.findall(r"^ *(-?[\d.,]+)┤", drawn, re.MULTILINE)
        lines = drawn.splitlines()
        for above, line in pairwise(lines):
            if which == "calibration" and above.lstrip().startswith("└") and "(" not in line:
                labels += line.split()  # the x axis of expected against actual
        assert labels, which
        for label in labels:
            assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?", label), (which, label)
    no_category = ("--amount", "90000", "--effect", "love 1", "--date", "2025-03-01")
    sample("add", "Ohne Kategorie", *no_category)
    monkeypatch.setenv("COLUMNS", "160")  # room for every category's label
    spending = sample("--lang", "de", "chart", "spending", "--year", "2025").stdout
    assert "Glück" in spending and "happiness" not in spending
    assert "(keine)" in spending and "(none)" not in spending


def test_the_combined_chart_needs_a_worth(sample: Run) -> None:
    result = sample("chart", "--dimension", "combined", ok=False)
    assert result.exit_code == 2
    assert "needs a worth" in result.stderr


def test_a_long_series_is_drawn_through_at_most_its_thinned_points() -> None:
    """300 months are drawn through every other point and the last (a row has fewer
    cells than that); a short series keeps every point."""
    from ltv_journal.tui.chart_drawing import MOST_POINTS, thinned

    xs = list(range(300))
    kept, ys = thinned(xs, [float(x) for x in xs])
    assert len(kept) <= MOST_POINTS + 1 and kept[0] == 0 and kept[-1] == 299
    assert ys == [float(x) for x in kept]
    assert thinned(xs[:35], [0.0] * 35)[0] == xs[:35]
