"""`add --from-options FILE --choose N` logs one option and keeps the others; `show`
lists the options not taken, in text and JSON; bad input is one line, exit 2, and the
journal stays as it was."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import Run, exact_json, journal_state
from .test_compare import OPTIONS


@pytest.fixture
def options_file(tmp_path: Path) -> Path:
    path = tmp_path / "options.toml"
    path.write_text(OPTIONS, encoding="utf-8")
    return path


def _only_id(run: Run, title: str) -> str:
    listed = exact_json(run("list", "--json").stdout)["decisions"]
    return str(next(d["id"] for d in listed if d["title"] == title))


def test_the_chosen_option_is_logged_with_the_others_as_its_options(
    max_journal: Run, options_file: Path
) -> None:
    out = max_journal(
        "add", "--from-options", str(options_file), "--choose", "2", "--category", "education"
    ).stdout
    assert out.startswith("added ")
    assert "Course" in out.splitlines()[0]
    decision = exact_json(max_journal("show", _only_id(max_journal, "Course"), "--json").stdout)
    assert decision["title"] == "Course"
    assert decision["category"] == "education"
    assert decision["date"] == "2026-01-01"  # the file's date
    assert decision["amount"] == Decimal(1200)
    assert list(decision["effects"]) == ["meaning"]
    options = decision["options"]
    assert [o["title"] for o in options] == ["Watch", "Keep the money"]
    watch = options[0]
    assert watch["amount"] == Decimal(900)
    assert watch["values"]["money"] == Decimal(-900)
    assert watch["values"]["happiness"] > 0
    assert watch["effects"]["happiness"]["low"] == Decimal(0)
    assert watch["effects"]["happiness"]["high"] == Decimal(1)
    assert set(watch["range"]) >= {"p10", "p50", "p90", "p_raises"}
    assert watch["verdict"] == "trade-off"


def test_show_lists_the_options_not_taken_with_values_and_band(
    max_journal: Run, options_file: Path
) -> None:
    max_journal("add", "--from-options", str(options_file), "--choose", "2")
    out = max_journal("show", _only_id(max_journal, "Course")).stdout
    tail = out[out.index("options not taken (2):") :].splitlines()
    assert tail[1] == "  Watch · expense · 900.00 EUR"
    assert tail[2].startswith("    values: money -900.00 EUR, happiness +")
    assert tail[3].startswith("    verdict: trade-off")
    assert tail[4].startswith("    band (P10 / P50 / P90): money -900.00 / -900.00 / -900.00 EUR")
    assert tail[5] == "  Keep the money · expense · 0.00 EUR"
    assert "band (P10 / P50 / P90): nothing moves" in tail[8]


def test_command_line_options_apply_to_the_chosen_one(max_journal: Run, options_file: Path) -> None:
    max_journal(
        "add",
        "--from-options",
        str(options_file),
        "--choose",
        "1",
        "--date",
        "2026-03-01",
        "--amount",
        "850",
        "--tag",
        "gift",
    )
    decision = exact_json(max_journal("show", _only_id(max_journal, "Watch"), "--json").stdout)
    assert (decision["date"], decision["amount"], decision["tags"]) == (
        "2026-03-01",
        Decimal(850),
        ["gift"],
    )
    assert [o["title"] for o in decision["options"]] == ["Course", "Keep the money"]


def test_options_come_back_after_undo_of_an_edit(max_journal: Run, options_file: Path) -> None:
    max_journal("add", "--from-options", str(options_file), "--choose", "3")
    decision_id = _only_id(max_journal, "Keep the money")
    max_journal("edit", decision_id, "--title", "Kept the money")
    edited = exact_json(max_journal("show", decision_id, "--json").stdout)
    assert [o["title"] for o in edited["options"]] == ["Watch", "Course"]  # an edit keeps them
    max_journal("undo")
    shown = exact_json(max_journal("show", decision_id, "--json").stdout)
    assert [o["title"] for o in shown["options"]] == ["Watch", "Course"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--choose", "4"], "--choose 4: "),
        (["--choose", "0"], "choose one from 1 to 3"),
        (["--choose", "two"], "--choose two: "),
        ([], "--from-options needs --choose N"),
        (["Title", "--choose", "1"], "give TITLE or --from-options FILE, not both"),
    ],
)
def test_a_bad_choice_is_one_line_and_exit_2(
    max_journal: Run, options_file: Path, db: Path, args: list[str], message: str
) -> None:
    before = journal_state(db)
    title = [a for a in args if a == "Title"]
    rest = [a for a in args if a != "Title"]
    result = max_journal("add", *title, "--from-options", str(options_file), *rest, ok=False)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert journal_state(db) == before


def test_choose_without_a_file_is_refused(max_journal: Run, db: Path) -> None:
    result = max_journal("add", "Bike", "--choose", "1", ok=False)
    assert result.exit_code == 2
    assert "give the file too" in result.stderr


def test_a_bad_options_file_names_its_line_and_leaves_the_journal(
    max_journal: Run, tmp_path: Path, db: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(OPTIONS.replace("low = 0.5", "low = 3"), encoding="utf-8")
    before = journal_state(db)
    result = max_journal("add", "--from-options", str(bad), "--choose", "1", ok=False)
    assert result.exit_code == 2
    assert "line 18: options[2].effects.meaning.low: must not be above high" in result.stderr
    assert journal_state(db) == before


def test_an_option_title_with_control_characters_is_refused_at_its_line(
    max_journal: Run, tmp_path: Path, db: Path
) -> None:
    backup = tmp_path / "in.toml"
    backup.write_text(
        """[[decisions]]
date = 2026-01-10
title = "Course"
[[decisions.options]]
title = "Watch\\u001b[31m"
amount = 900.0
""",
        encoding="utf-8",
    )
    before = journal_state(db)
    result = max_journal("import", str(backup), ok=False)
    assert result.exit_code == 2
    assert "line 5: decisions[1].options[1].title: must not hold control characters" in (
        result.stderr
    )
    assert "\x1b" not in result.stderr
    assert journal_state(db) == before
