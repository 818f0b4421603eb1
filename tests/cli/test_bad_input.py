"""Bad input: one line on stderr saying what and where, exit 2, the journal unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Run, journal_state, new_id

BAD = [
    (("add", "Bike", "--amount", "1,234"), "--amount '1,234' is ambiguous"),
    (("add", "Bike", "--amount", "-5"), "--amount '-5' is negative"),
    (("add", "Bike", "--amount", "lots"), "--amount 'lots' is not a number"),
    (("add", "Bike", "--date", "2025-02-30"), "--date '2025-02-30' is not a date"),
    (("add", "  "), "invalid decision: TITLE is required"),
    (("add", "Bike", "--kind", "gift"), "'gift' is not one of 'expense', 'investment'"),
    (("add", "Bike", "--effect", "joy 1"), "'joy' is not a dimension"),
    (("add", "Bike", "--effect", "happiness"), 'expected "DIMENSION VALUE'),
    (("add", "Bike", "--effect", "love 1 colour=red"), "'colour=red' is not KEY=VALUE"),
    (("add", "Bike", "--effect", "love 1 delay=1.5"), "delay '1.5' is not a whole number"),
    (("add", "Bike", "--effect", "love 1 until=never"), "until 'never' must be retirement"),
    (
        ("add", "Bike", "--effect", "happiness 1 confidence=150%"),
        "invalid decision: --effect happiness confidence: must be more than 0 and at most 1",
    ),
    (
        ("add", "Bike", "--effect", "money 1 years=2 until=death"),
        "invalid decision: --effect money: give years or until, not both",
    ),
    (
        ("add", "Bike", "--effect", "love 1 delay=9999"),
        "invalid decision: --effect love delay: must be between 0 and",
    ),
    (("add", "Bike", "--effect", "love 1", "--effect", "love 2"), "--effect love is given twice"),
    (
        ("add", "Bike", "--effect", "happiness 2 low=3 high=1"),
        "invalid decision: --effect happiness low: must not be above high (3 > 1)",
    ),
    (
        ("add", "Bike", "--effect", "happiness 2 low=1"),
        "invalid decision: --effect happiness: a range needs high as well as low",
    ),
    (
        ("add", "Bike", "--effect", "happiness 2 low=1 high=12"),
        "invalid decision: --effect happiness high: must be between -10 and +10 points",
    ),
    (
        ("add", "Bike", "--effect", "happiness 4 low=1 high=3"),
        "invalid decision: --effect happiness: must lie within its range",
    ),
    (("add", "Bike", "--effect", "money 500/m low=lots high=700/m"), "low value 'lots'"),
    (("add", "Bike", "--effect", "love 1 low=0 low=0.5 high=2"), "low is given twice"),
    (("add", "Bike", "--amout", "5"), "No such option '--amout'"),
    (("add",), "Missing argument 'TITLE'"),
    (
        ("add", "Bike", "--date", "2026-01-01", "--review-on", "2025-01-01"),
        "--review-on must not be before the decision's date",
    ),
    (("list", "--from", "last week"), "--from 'last week' is not a date"),
    (("list", "--limit", "0"), "--limit"),
    (
        ("list", "--from", "2026-06-01", "--to", "2026-01-01"),
        "--to 2026-01-01 is before --from 2026-06-01",
    ),
    (("show", "abcd"), "no decision with id abcd"),
    (("show", "ab"), "'ab' is not an id or an id prefix of at least 4 characters"),
    (("edit", "{id}"), "nothing to change"),
    (("edit", "{id}", "--amount", "x"), "--amount 'x' is not a number"),
    (("edit", "{id}", "--title", ""), "invalid decision: --title is required"),
    (("edit", "{id}", "--no-effect", "joy"), "--no-effect 'joy' is not a dimension"),
    (("edit", "{id}", "--no-effect", "love"), "{id} has no love effect"),
    (("edit", "{id}", "--no-effect", "love", "--no-effect", "money"), "has no love or money"),
    (("edit", "ffff", "--amount", "5"), "no decision with id ffff"),
    (("delete", "ffff"), "no decision with id ffff"),
    (("score", "--as-of", "soon"), "--as-of 'soon' is not a date"),
    (("profile", "--income", "1.234"), "--income '1.234' is ambiguous"),
    (("profile", "--birth-date", "01/02/1979"), "--birth-date '01/02/1979' is ambiguous"),
    (("profile", "--discount-rate", "abc"), "--discount-rate 'abc' is not a rate"),
    (("profile", "--career-start-age", "x"), "'x' is not a valid integer"),
    (
        ("profile", "--retirement-age", "10", "--currency", "euro"),
        "invalid profile: --retirement-age must be at least the career start age, at most 120; "
        "--currency must be a three-letter ISO 4217 code",
    ),
    (("review", "{id}", "--actual", "money"), "--actual 'money' should look like DIMENSION=VALUE"),
    (("review", "{id}", "--actual", "joy=1"), "'joy' is not a dimension"),
    (
        ("review", "{id}", "--date", "2020-01-01", "--notes", "x"),
        "--date must not be before the decision's date",
    ),
    (
        ("review", "{id}", "--next", "2020-01-01", "--notes", "x"),
        "--next must be after the review date",
    ),
    (("review", "{id}", "--repeat", "maybe"), "'maybe' is not one of 'yes', 'no', 'unsure'"),
    (
        ("review", "{id}", "--actual", "love=1", "--missed", "love"),
        "love is given twice",
    ),
    (("review", "--repeat", "yes"), "--repeat needs the ID"),
    (("review", "{id}"), "say what happened: --actual, --missed, --repeat, --notes or --hindsight"),
    (("review", "{id}", "--notes", "  "), "say what happened"),
    (("review", "{id}", "--date", "2026-06-01"), "say what happened"),
    (("export",), "give either --year YEAR or --all"),
    (("export", "--year", "2025", "--all"), "give either --year YEAR or --all"),
    (("scroe",), "No such command 'scroe'"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_line_and_changes_nothing(
    max_journal: Run, db: Path, args: tuple[str, ...], message: str
) -> None:
    short = new_id(max_journal("add", "Road bike", "--amount", "1200", "--date", "2026-03-01"))
    before = journal_state(db)
    result = max_journal(*(a.replace("{id}", short) for a in args), ok=False)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert message.replace("{id}", short) in lines[0]
    assert "Traceback" not in result.output
    assert journal_state(db) == before


def test_every_unreadable_option_is_reported_at_once(max_journal: Run) -> None:
    result = max_journal(
        "add", "Bike", "--amount", "1,234", "--date", "x", "--review-on", "y", ok=False
    )
    line = result.stderr.strip()
    assert "--amount '1,234'" in line and "--date 'x'" in line and "--review-on 'y'" in line


def test_every_invalid_field_is_reported_at_once(max_journal: Run) -> None:
    result = max_journal(
        "add",
        "Bike",
        "--date",
        "2026-01-01",
        "--review-on",
        "2025-01-01",
        "--effect",
        "love 1 confidence=0 half-life=0",
        ok=False,
    )
    line = result.stderr.strip()
    assert "--review-on must not be before" in line
    assert "--effect love confidence: must be more than 0" in line
    assert "--effect love half-life: must be from 0.001 to 1,000,000 years" in line


def test_an_effect_to_retirement_needs_a_birth_date(run: Run, db: Path) -> None:
    run("profile", "--income", "30000")
    before = journal_state(db)
    result = run("add", "Course", "--effect", "money 1000", ok=False)
    assert result.exit_code == 2
    assert "need a birth date" in result.stderr
    assert journal_state(db) == before


@pytest.mark.parametrize("command", [("score",), ("list",), ("add", "Bike")])
def test_a_file_that_is_not_a_journal_is_refused_untouched(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    from click.testing import CliRunner

    from ltv_journal.cli import main

    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    notes.chmod(0o644)
    result = CliRunner().invoke(main, ["--db", str(notes), *command])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: cannot open the journal at {notes}: it is not a journal database\n"
    )
    assert notes.read_text() == "my notes\n"
    assert notes.stat().st_mode & 0o777 == 0o644


def test_a_folder_is_refused(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ltv_journal.cli import main

    result = CliRunner().invoke(main, ["--db", str(tmp_path), "score"])
    assert result.exit_code == 2
    assert "it is a folder" in result.stderr


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    import os

    from click.testing import CliRunner

    from ltv_journal.cli import main

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        result = CliRunner().invoke(main, ["--db", str(locked / "sub" / "j.db"), "add", "x"])
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot open the journal at {locked}/sub/j.db:")


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ltv_journal.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(main, ["--db", str(blocker / "sub" / "j.db"), "add", "x"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot open the journal at {blocker}/sub/j.db: Not a directory\n"
    )


@pytest.mark.parametrize("command", [("score",), ("list",), ("add", "Bike")])
def test_a_database_url_without_its_driver_is_one_line(run: Run, command: tuple[str, ...]) -> None:
    import importlib.util

    from click.testing import CliRunner

    from ltv_journal.cli import main

    if importlib.util.find_spec("MySQLdb") is not None:
        pytest.skip("the MySQL driver is installed here")
    url = "mysql://max@localhost/journal"
    result = CliRunner().invoke(main, ["--db", url, *command])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"error: cannot open the journal at {url}: its database driver is not installed (MySQLdb"
    )
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ("add", "Bike", "--amount", "12 USD"),
        ("add", "Bike", "--amount", "5k"),
        ("add", "Course", "--effect", "money 2k/y"),
        ("add", "Course", "--effect", "money 100/w"),
    ],
)
def test_amounts_with_stray_text_or_another_currency_are_refused(
    max_journal: Run, db: Path, args: tuple[str, ...]
) -> None:
    before = journal_state(db)
    result = max_journal(*args, ok=False)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert journal_state(db) == before
