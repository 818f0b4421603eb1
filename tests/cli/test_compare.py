"""`ltv-journal compare FILE`: options side by side, the same on every run; bad files
get one line naming the place, exit 2, and leave the journal as it was."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import Run, exact_json, journal_state

OPTIONS = """\
date = 2026-01-01

[[options]]
title = "Watch"
amount = 900
[options.effects.happiness]
per_year = 0.5
low = 0
high = 1
half_life_years = 1
confidence = 0.8

[[options]]
title = "Course"
amount = 1200
[options.effects.meaning]
per_year = 1
low = 0.5
high = 2
years = 5

[[options]]
title = "Keep the money"
"""


@pytest.fixture
def options_file(tmp_path: Path) -> Path:
    path = tmp_path / "options.toml"
    path.write_text(OPTIONS, encoding="utf-8")
    return path


def test_compare_prints_the_options_side_by_side_the_same_every_time(
    max_journal: Run, options_file: Path
) -> None:
    out = max_journal("compare", str(options_file)).stdout
    assert out == max_journal("compare", str(options_file)).stdout
    lines = out.splitlines()
    assert lines[0].split("  ")[0] == "3 options on 2026-01-01"
    assert lines[0].split()[-5:] == ["Watch", "Course", "Keep", "the", "money"]
    rows = {line.split("  ")[0]: line for line in lines}
    assert "hours of working life" in rows
    assert "meaning P10 / P50 / P90" in rows
    assert rows["verdict"].split()[1:] == ["trade-off", "trade-off", "neutral"]
    assert "EUR per meaning point-year" in rows


def test_compare_json_gives_values_band_and_combined(max_journal: Run, options_file: Path) -> None:
    text = max_journal("compare", str(options_file), "--json").stdout
    assert text == max_journal("compare", str(options_file), "--json").stdout
    data = exact_json(text)
    assert data["date"] == "2026-01-01"
    assert data["worth"] is None
    watch, course, keep = data["options"]
    assert [o["title"] for o in data["options"]] == ["Watch", "Course", "Keep the money"]
    assert course["values"]["meaning"] == Decimal(5)
    assert course["values"]["money"] == Decimal(-1200)
    assert course["combined"] is None
    band = course["range"]
    assert band["p10"] is None and band["draws"] == 2000
    meaning = band["dimensions"]["meaning"]
    assert meaning["p10"] < meaning["p50"] < meaning["p90"]
    assert abs(meaning["p50"] - 5) < Decimal("0.3")
    assert keep["range"]["p_raises"] == 0
    assert keep["working_hours"] is None
    assert watch["working_hours"] == Decimal("44.2")

    max_journal("profile", "--worth", "happiness=1500", "--worth", "meaning=1000")
    priced = exact_json(max_journal("compare", str(options_file), "--json").stdout)
    course = priced["options"][1]
    assert course["combined"] == Decimal(3800)
    band = course["range"]
    assert band["p10"] <= band["p50"] <= band["p90"]
    assert band["p_raises"] > Decimal("0.9")
    assert "combined P50" in max_journal("compare", str(options_file)).stdout


def _option(title: str, effects: str = "") -> str:
    return f'[[options]]\ntitle = "{title}"\n{effects}'


BAD = [
    (
        "\n".join(_option(f"Option {n}") for n in range(6)),
        "options.toml, line 16: options[6]: one option too many: compare at most 5 (6 given)",
    ),
    (_option("Alone"), "options[1]: is the only option"),
    ("[[options]]\namount = 5\n" + _option("B"), "line 1: options[1].title: is required"),
    ('[[options]]\ntitle = " "\n' + _option("B"), "options[1].title: is required"),
    (
        _option("A", "[options.effects.love]\nper_year = 1\nlow = 2\nhigh = 0.5\n") + _option("B"),
        "line 5: options[1].effects.love.low: must not be above high (2 > 0.5), got 2",
    ),
    (
        _option("A") + _option("B", "[options.effects.love]\nlow = 0\nhigh = 1\n"),
        "options[2].effects.love.per_year: is required: low and high are a range around it",
    ),
    (
        _option("A", "[options.effects.love]\nper_year = 1\nlow = 0\n") + _option("B"),
        "options[1].effects.love.high: a range needs high as well as low",
    ),
    (
        _option("A", "[options.effects.love]\nper_year = 1\nlow = 0\nhigh = 11\n") + _option("B"),
        "options[1].effects.love.high: must be between -10 and +10",
    ),
    (_option("A", "colour = 1\n") + _option("B"), "options[1].colour: unknown key"),
    ("[[options]]\ntitle = \n", "not valid TOML"),
    ("", "options: expected 2 to 5 [[options]] tables"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_a_bad_options_file_is_one_line_exit_2(
    max_journal: Run, db: Path, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "options.toml"
    path.write_text(text, encoding="utf-8")
    before = journal_state(db)
    result = max_journal("compare", str(path), ok=False)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr
    assert result.stderr.startswith(f"error: {path}")
    assert journal_state(db) == before


def test_a_missing_options_file_and_a_horizon_without_birth_date(run: Run, tmp_path: Path) -> None:
    run("profile", "--income", "35000")
    missing = run("compare", str(tmp_path / "nope.toml"), ok=False)
    assert missing.exit_code == 2
    assert "nope.toml: no such file" in missing.stderr
    path = tmp_path / "options.toml"
    path.write_text(_option("A", "[options.effects.money]\nper_year = 100\n") + _option("B"))
    result = run("compare", str(path), ok=False)
    assert result.exit_code == 2
    assert "options[1].effects.money: effects that last until retirement" in result.stderr


def test_show_prints_a_band_and_its_json_range(max_journal: Run) -> None:
    from .conftest import new_id

    short = new_id(
        max_journal("add", "Course", "--date", "2026-01-01", "--effect", "meaning 1 years=5")
    )
    # A certain decision: its band has no width, so show leaves the line out (the JSON
    # still gives it).
    assert "band (P10" not in max_journal("show", short).stdout
    bet = new_id(
        max_journal(
            "add", "Bet", "--date", "2026-01-01", "--effect", "meaning 1 years=5 confidence=0.5"
        )
    )
    assert "band (P10 / P50 / P90): meaning 0 / " in max_journal("show", bet).stdout
    band = exact_json(max_journal("show", short, "--json").stdout)["range"]
    assert band["p_raises"] == 1
    assert band["p50"] is None
    assert band["dimensions"]["meaning"] == {"p10": 5, "p50": 5, "p90": 5}
