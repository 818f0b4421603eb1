"""A whole-journal backup of any size restores: `backup` writes it a decision at a time,
`restore` reads it back a decision at a time (flat memory), with import's guards — a
bad or hostile file is refused with one line and writes nothing, a newer edit is never
overwritten silently, and the restore is one undo step.

The million-decision round trip is in test_big_journal.py (LTV_BIG_DECISIONS)."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ltv_journal.cli import main
from ltv_journal.exchange import reader
from ltv_journal.store.journal import Journal

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from benchmarks.synthetic import build_journal  # noqa: E402

DECISIONS = 2000


def cli(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def ok(db: Path, *args: str) -> Result:
    result = cli(db, *args)
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def refused(db: Path, *args: str) -> str:
    result = cli(db, *args)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("original") / "journal.db"
    build_journal(path, DECISIONS)
    return path


@pytest.fixture(scope="module")
def backup_file(original: Path) -> Path:
    path = original.parent / "backup.toml"
    ok(original, "backup", str(path))
    return path


def test_a_backup_restores_into_an_empty_journal_byte_identical(
    backup_file: Path, original: Path, tmp_path: Path
) -> None:
    db = tmp_path / "restored.db"
    said = ok(db, "restore", str(backup_file)).stdout
    assert f"restored {backup_file}: {DECISIONS} added, 0 changed, 0 unchanged" in said
    again = tmp_path / "again.toml"
    ok(db, "backup", str(again))
    assert again.read_bytes() == backup_file.read_bytes()
    with Journal(str(db)) as restored, Journal(str(original)) as source:
        assert restored.score() == source.score()
        assert restored.count() == DECISIONS
    # Restoring again changes nothing, and says so.
    said = ok(db, "restore", str(backup_file)).stdout
    assert f"0 added, 0 changed, {DECISIONS} unchanged" in said
    # The restore is one undo step.
    ok(db, "undo")
    with Journal(str(db)) as undone:
        assert undone.count() == 0


def test_a_restore_keeps_memory_flat(backup_file: Path, tmp_path: Path) -> None:
    """Python's own allocations peak at a batch's worth, not the whole file's (the
    whole-file import of the same backup needs several times more)."""
    from ltv_journal.exchange.backup import open_backup, restore_backup

    def peak(action: object) -> int:
        tracemalloc.start()
        try:
            action()  # type: ignore[operator]
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def streamed(name: str = "a.db") -> None:
        with Journal(str(tmp_path / name)) as journal, open_backup(backup_file) as found:
            restore_backup(journal, found)

    streamed("warm-up.db")  # modules and statement caches are not the file's memory

    def whole() -> None:
        with Journal(str(tmp_path / "b.db")) as journal:
            reader.import_file(journal, backup_file)

    assert peak(streamed) * 3 < peak(whole)


def test_import_refuses_a_big_file_and_names_restore_which_reads_it(
    backup_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_BYTES", backup_file.stat().st_size // 2)
    db = tmp_path / "journal.db"
    line = refused(db, "import", str(backup_file))
    assert "MB are refused" in line and "ltv-journal restore FILE" in line
    assert not db.exists()
    ok(db, "restore", str(backup_file))
    with Journal(str(db)) as restored:
        assert restored.count() == DECISIONS


def _tamper(backup_file: Path, target: Path, position: int, old: str, new: str) -> Path:
    """The backup with the `position`-th decision's first `old` replaced by `new`."""
    text = backup_file.read_text(encoding="utf-8")
    parts = text.split("\n[[decisions]]\n")
    parts[position] = parts[position].replace(old, new, 1)
    target.write_text("\n[[decisions]]\n".join(parts), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("amount = ", "amount = -", "amount: must be zero or more"),
        ("title = ", "titel = ", "unknown key"),
        ("date = 2", "date = '2", "not valid TOML"),
    ],
)
def test_a_bad_decision_deep_in_a_backup_writes_nothing(
    backup_file: Path, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    db = tmp_path / "journal.db"
    ok(db, "profile", "--birth-date", "1970-01-01")
    ok(db, "add", "Mine", "--amount", "5")
    before = db.read_bytes()
    bad = _tamper(backup_file, tmp_path / "bad.toml", DECISIONS - 3, old, new)
    line = refused(db, "restore", str(bad))
    assert expected in line
    assert line.startswith(f"error: {bad}, line ")
    with Journal(str(db)) as journal:
        assert [d.title for d in journal.iter_decisions()] == ["Mine"]
    assert db.read_bytes() == before or Journal(str(db)).count() == 1


def test_a_refused_restore_into_no_journal_leaves_none(backup_file: Path, tmp_path: Path) -> None:
    bad = _tamper(backup_file, tmp_path / "bad.toml", 1500, "amount = ", "amount = -")
    db = tmp_path / "new.db"
    refused(db, "restore", str(bad))
    assert not db.exists()


def test_hostile_files_are_refused_with_one_line(backup_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    head = "format_version = 2\n"
    cases = {
        "long line": head + '[[decisions]]\ntitle = "' + "x" * (1024 * 1024 + 10) + '"\n',
        "no newline": "x" * (3 * 1024 * 1024),
        "twice": head + '[[decisions]]\nid = "6f1c2a9e-8d3b-4f57-9a61-0c2f3d4e5a6b"\n'
        'title = "a"\ndate = 2025-01-01\n'
        * 1
        + '[[decisions]]\nid = "6f1c2a9e-8d3b-4f57-9a61-0c2f3d4e5a6b"\n'
        'title = "b"\ndate = 2025-01-01\n',
        "tables after": head + '[[decisions]]\ntitle = "a"\ndate = 2025-01-01\n[profile]\n',
        "newer version": "format_version = 99\n",
        "not utf-8": head + '[[decisions]]\ntitle = "\xff"\n',
        "deep": head + "[[decisions]]\ntitle = " + "[" * 200 + "]" * 200 + "\n",
    }
    for name, text in cases.items():
        path = tmp_path / f"{name}.toml"
        path.write_bytes(text.encode("latin-1") if name == "not utf-8" else text.encode())
        line = refused(db, "restore", str(path))
        assert line.startswith(f"error: {path}"), (name, line)
        assert "\x1b" not in line
    assert not db.exists()


def test_a_restore_never_silently_overwrites_a_newer_edit(
    backup_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "journal.db"
    ok(db, "restore", str(backup_file))
    with Journal(str(db)) as journal:
        first = next(journal.iter_decisions())
    ok(db, "edit", first.id, "--title", "Edited after the backup")
    line = refused(db, "restore", str(backup_file))
    assert "was edited in the journal" in line and "--overwrite-newer" in line
    preview = ok(db, "restore", "--dry-run", str(backup_file)).stdout
    assert f"would overwrite a newer edit  {first.id[:8]}" in preview
    assert f"0 added, 0 changed, {DECISIONS - 1} unchanged; 1 would overwrite" in preview
    with Journal(str(db)) as journal:
        assert journal.get(first.id).title == "Edited after the backup"
    said = ok(db, "restore", "--overwrite-newer", str(backup_file)).stdout
    assert "1 newer edit overwritten" in said
    with Journal(str(db)) as journal:
        assert journal.get(first.id).title == first.title
    ok(db, "undo")
    with Journal(str(db)) as journal:
        assert journal.get(first.id).title == "Edited after the backup"


def test_options_and_reviews_come_back_from_a_restore(tmp_path: Path) -> None:
    """A decision's sub-tables ([[decisions.options]], effects, reviews) travel with it
    in its piece of the backup."""
    from datetime import date
    from decimal import Decimal

    from ltv_journal.core.decision import Decision, Observation, Option, Review
    from ltv_journal.core.dimensions import Dimension
    from ltv_journal.core.effects import Effect

    source, restored = tmp_path / "source.db", tmp_path / "restored.db"
    ok(source, "profile", "--birth-date", "1979-01-01", "--income", "35000")
    happiness = {Dimension.HAPPINESS: Effect(per_year=Decimal(1), years=Decimal(2))}
    decision = Decision(
        title="Course",
        date=date(2025, 3, 1),
        amount=Decimal(1200),
        effects={Dimension.MEANING: Effect(per_year=Decimal(1), years=Decimal(5))},
        options=(Option("Watch", amount=Decimal(900), effects=happiness), Option("Keep")),
        reviews=(Review(date(2025, 9, 1), {Dimension.MEANING: Observation(Decimal("0.5"), True)}),),
    )
    with Journal(str(source)) as journal:
        stored = journal.add(decision)
    backup = tmp_path / "backup.toml"
    ok(source, "backup", str(backup))
    assert "[[decisions.options]]" in backup.read_text()
    ok(restored, "restore", str(backup))
    with Journal(str(source)) as a, Journal(str(restored)) as b:
        assert b.get(stored.id).options == a.get(stored.id).options
        assert b.get(stored.id).reviews[0].actual == a.get(stored.id).reviews[0].actual
        assert b.score() == a.score()
