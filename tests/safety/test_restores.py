"""Restores that cannot lose work: an import says what it will do, never overwrites a
newer edit unless told, counts what it leaves alone, and is one undo step."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from ltv_journal.cli import main
from ltv_journal.store.journal import Journal


def cli(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def ok(db: Path, *args: str) -> Result:
    result = cli(db, *args)
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def state(db: Path) -> tuple[Any, ...]:
    """What a person could see of the journal (the undo history apart)."""
    with Journal(str(db)) as journal:
        return (journal.profile(), journal.score(), list(journal.iter_decisions()))


def ids(db: Path) -> dict[str, str]:
    listed = json.loads(ok(db, "list", "--json").stdout)
    return {d["title"]: d["id"] for d in listed["decisions"]}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "journal.db"
    ok(db, "profile", "--birth-date", "1979-01-01", "--income", "35000")
    for title, amount in (("Bike", "900"), ("Watch", "300"), ("Course", "1200")):
        ok(db, "add", title, "--amount", amount, "--date", "2025-03-01", "--effect", "love 1")
    return db


@pytest.fixture
def backup(db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "backup.toml"
    ok(db, "export", "--all", "-o", str(path))
    return path


def test_an_older_backup_does_not_overwrite_a_newer_edit(db: Path, backup: Path) -> None:
    ok(db, "edit", ids(db)["Watch"], "--amount", "350")
    before = state(db)
    refused = cli(db, "import", str(backup))
    assert refused.exit_code == 2
    assert "'Watch' was edited in the journal" in refused.stderr
    assert "--overwrite-newer" in refused.stderr
    line = refused.stderr.split("line ")[1].split(":")[0]
    assert backup.read_text().splitlines()[int(line) - 1] == "[[decisions]]"
    assert state(db) == before

    preview = ok(db, "import", "--dry-run", str(backup)).stdout.splitlines()
    assert sorted(p.split()[0] for p in preview[:-1]) == ["unchanged", "unchanged", "would"]
    assert any(p.startswith("would overwrite a newer edit") and "Watch" in p for p in preview)
    assert preview[-1].startswith("would import")
    assert "0 added, 0 changed, 2 unchanged; 1 would overwrite a newer edit" in preview[-1]
    as_json = json.loads(ok(db, "import", "--dry-run", "--json", str(backup)).stdout)
    actions = {d["title"]: d["action"] for d in as_json["decisions"]}
    assert actions == {"Bike": "unchanged", "Watch": "newer", "Course": "unchanged"}
    assert as_json["dry_run"] is True and as_json["newer"] == 1
    assert state(db) == before

    forced = ok(db, "import", "--overwrite-newer", str(backup)).stdout
    assert "0 added, 1 changed, 2 unchanged; 1 newer edit overwritten" in forced
    assert "300.00" in ok(db, "show", ids(db)["Watch"]).stdout
    assert ok(db, "undo").stdout.startswith("Undid the import of backup.toml")
    assert state(db) == before


def test_a_decision_deleted_since_the_backup_is_said_to_be_deleted(db: Path, backup: Path) -> None:
    """A deletion made after the backup is newer work too: kept, and named a deletion
    (in the error, the preview and in German), not an edit; --overwrite-newer brings
    it back."""
    ok(db, "delete", ids(db)["Watch"])
    before = state(db)
    for command in ("import", "restore"):
        refused = cli(db, command, str(backup))
        assert refused.exit_code == 2
        assert "'Watch' was deleted in the journal" in refused.stderr, refused.stderr
        assert "--overwrite-newer brings it back" in refused.stderr
        assert state(db) == before
    preview = ok(db, "import", "--dry-run", str(backup)).stdout
    assert "Watch (deleted " in preview
    assert "; 1 would overwrite a newer edit" in preview
    german = cli(db, "--lang", "de", "import", "--dry-run", str(backup)).stdout
    assert "; 1 würde eine neuere Bearbeitung überschreiben" in german
    assert "Watch (gelöscht " in german
    assert "'Watch' wurde im Journal" in cli(db, "--lang", "de", "import", str(backup)).stderr
    ok(db, "import", "--overwrite-newer", str(backup))
    assert "Watch" in ids(db)


def test_a_backup_of_the_same_journal_changes_nothing_and_keeps_the_undo_history(
    db: Path, backup: Path
) -> None:
    before = state(db)
    out = ok(db, "import", str(backup)).stdout
    assert "0 added, 0 changed, 3 unchanged" in out
    assert "undo" not in out
    assert state(db) == before
    # the history still ends with the last add, not with the import
    assert ok(db, "undo").stdout.strip() == "Undid the adding of 'Course'"


def test_undo_takes_back_a_whole_import(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    ok(other, "profile", "--birth-date", "1985-01-01", "--income", "50000")
    ok(other, "add", "Piano", "--amount", "4000", "--effect", "happiness 2 years=10")
    ok(other, "add", "Garden", "--amount", "500")
    theirs = tmp_path / "theirs.toml"
    ok(other, "export", "--all", "-o", str(theirs))
    before = state(db)
    out = ok(db, "import", "--replace-profile", str(theirs)).stdout
    assert "2 added, 0 changed, 0 unchanged; profile set" in out
    assert state(db) != before
    assert ok(db, "undo").stdout.strip() == "Undid the import of theirs.toml (2 added, 0 changed)"
    assert state(db) == before
    assert "Piano" not in ok(db, "list").stdout


def test_a_changed_decision_in_a_file_edited_after_export_is_taken(db: Path, backup: Path) -> None:
    text = backup.read_text().replace('title = "Bike"', 'title = "Bicycle"')
    backup.write_text(text)
    out = ok(db, "import", str(backup)).stdout
    assert "0 added, 1 changed, 2 unchanged" in out
    assert "Bicycle" in ok(db, "list").stdout
    ok(db, "undo")
    assert "Bicycle" not in ok(db, "list").stdout


def test_a_restore_into_a_new_journal_exports_byte_identical(
    db: Path, backup: Path, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.db"
    ok(fresh, "import", str(backup))
    again = tmp_path / "again.toml"
    ok(fresh, "export", "--all", "-o", str(again))
    assert again.read_bytes() == backup.read_bytes()


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("format_version = 3\n", 1),
        ("# a comment\nformat_version = 99\n[[decisions]]\n", 2),
        ("[summary]\nyear = 2025\nformat_version = 7\n[[decisions]]\n", 3),
    ],
)
def test_a_file_in_a_newer_format_is_refused(
    db: Path, tmp_path: Path, text: str, line: int
) -> None:
    path = tmp_path / "future.toml"
    path.write_text(text + 'date = 2025-01-01\ntitle = "x"\n' if "[[" in text else text)
    before = state(db)
    result = cli(db, "import", str(path))
    assert result.exit_code == 2
    assert f"line {line}:" in result.stderr
    assert "newer than this ltv-journal reads (2); upgrade ltv-journal" in result.stderr
    assert state(db) == before


def test_undo_of_an_import_into_a_journal_without_a_profile(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    ok(db, "add", "Tea", "--amount", "4")  # no profile: effects need no horizon
    before = state(db)
    theirs = tmp_path / "theirs.toml"
    theirs.write_text(
        "[profile]\nbirth_date = 1980-01-01\nannual_income = 50000.0\n\n"
        '[[decisions]]\ndate = 2025-01-01\ntitle = "Job"\n'
        "[decisions.effects.money]\nper_year = 1200.0\n"  # until retirement: needs the birth date
    )
    ok(db, "import", str(theirs))
    assert ok(db, "undo").stdout.startswith("Undid the import of theirs.toml")
    assert state(db) == before
    with Journal(str(db)) as journal:
        assert not journal.has_profile()


def test_a_dry_run_into_a_journal_not_made_yet_makes_none(backup: Path, tmp_path: Path) -> None:
    target = tmp_path / "new" / "journal.db"
    preview = ok(target, "import", "--dry-run", str(backup)).stdout.splitlines()
    assert [p.split()[0] for p in preview[:-1]] == ["added"] * 3
    assert "3 added, 0 changed, 0 unchanged; profile would be set" in preview[-1]
    assert not target.parent.exists()


def test_a_backup_dated_in_the_future_never_overwrites_an_edit(db: Path, tmp_path: Path) -> None:
    """A file whose `updated_at` lies ahead of the clock (a machine's clock ahead, a
    hand-edited file) cannot be compared with the journal's copy: the import asks for
    --overwrite-newer, and an edit made here after such an import is never lost to a
    re-import of the same file."""
    watch = ids(db)["Watch"]
    text = ok(db, "export", "--all").stdout
    block = text.index('title = "Watch"')
    start = text.rindex("[[decisions]]", 0, block)
    end = text.find("[[decisions]]", block)
    part = text[start:end]
    edited = part.replace("amount = 300.0", "amount = 777.0")
    edited = re.sub(r"updated_at = \S+", "updated_at = 2099-01-01T00:00:00Z", edited)
    future = tmp_path / "future.toml"
    future.write_text(text[:start] + edited + text[end:])
    asked = cli(db, "import", str(future))
    assert asked.exit_code == 2 and "'Watch' was edited in the journal" in asked.stderr
    ok(db, "import", "--overwrite-newer", str(future))
    assert "777.00" in ok(db, "show", watch).stdout
    ok(db, "edit", watch, "--amount", "760")
    before = state(db)
    refused = cli(db, "import", str(future))
    assert refused.exit_code == 2 and "'Watch' was edited in the journal" in refused.stderr
    assert state(db) == before
    assert "760.00" in ok(db, "show", watch).stdout


def test_an_empty_file_is_no_backup_and_restores_nothing(db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("\n")
    before = state(db)
    refused = cli(db, "restore", str(empty))
    assert refused.exit_code == 2
    assert refused.stderr == f"error: {empty}: the file is empty: not a backup " + (
        "(`ltv-journal backup FILE` writes one)\n"
    )
    assert state(db) == before
