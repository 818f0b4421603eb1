"""Nothing from a file can drive the terminal.

A corpus of escape sequences (OSC titles and hyperlinks, CSI screen wipes, DCS, C1
controls, NUL, bidi overrides and isolates) is imported from a TOML file into the text
fields that may hold them; the one-line fields of a journal written before they were
refused get the same sequences straight into the database. Every way out — the
command line's text and JSON, its error messages, the exported TOML, the terminal UI —
must carry none of them.
"""

from __future__ import annotations

import re
import sqlite3
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ltv_journal.cli import main

CORPUS = Path(__file__).with_name("escape_corpus.toml")
DRIVING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What may not reach a terminal: C0 but line feed and tab, DEL, C1, bidi controls."""


def corpus_sequences() -> list[str]:
    data = tomllib.loads(CORPUS.read_text(encoding="utf-8"))
    return [d["notes"].removeprefix("note ").removesuffix(" end") for d in data["decisions"]]


def assert_inert(text: str, where: str) -> None:
    found = DRIVING.search(text)
    assert found is None, f"{where}: {found.group()!r} reaches the terminal"


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A journal holding the corpus in every text field: notes through an import,
    titles, categories, tags and the name as an older version could have stored them."""
    monkeypatch.delenv("LTV_JOURNAL_DB", raising=False)
    db = tmp_path / "journal.db"
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(CORPUS)])
    assert result.exit_code == 0, result.output
    sequences = corpus_sequences()
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM decision ORDER BY id")]
        for decision_id, sequence in zip(ids, sequences, strict=True):
            conn.execute(
                "UPDATE decision SET title = ?, category = ? WHERE id = ?",
                (f"title {sequence}", f"cat {sequence}", decision_id),
            )
            conn.execute("INSERT INTO tag VALUES (?, ?)", (decision_id, f"tag{sequence}"))
        conn.execute("UPDATE profile SET name = ?", ("\x1b]0;owner\x07\u202e",))
    return db


def cli(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


READING = [
    ("list",),
    ("list", "--json"),
    ("list", "note"),
    ("review",),
    ("review", "--json"),
    ("calibration",),
    ("calibration", "--json"),
    ("export", "--all"),
    ("export", "--year", "2025"),
    ("profile",),
    ("profile", "--json"),
]


@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_reading_commands_print_no_control_character(hostile: Path, args: tuple[str, ...]) -> None:
    result = cli(hostile, *args)
    assert result.exit_code == 0, result.output
    assert "\\x1b" in result.stdout or "\\u001b" in result.stdout.lower()
    assert_inert(result.stdout, " ".join(args))
    assert_inert(result.stderr, " ".join(args))


def test_show_of_every_corpus_decision_prints_none(hostile: Path) -> None:
    with sqlite3.connect(hostile) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM decision")]
    for decision_id in ids:
        for extra in ((), ("--json",)):
            result = cli(hostile, "show", decision_id, *extra)
            assert result.exit_code == 0, result.output
            assert_inert(result.stdout, f"show {decision_id} {extra}")
            # the note's words are still there around the written-out sequence
            assert "note " in result.stdout and " end" in result.stdout


def test_exported_files_hold_none_and_restore_the_same_text(hostile: Path, tmp_path: Path) -> None:
    for args in (("--all",), ("--year", "2025")):
        target = tmp_path / f"out{len(args)}.toml"
        result = cli(hostile, "export", *args, "-o", str(target))
        assert result.exit_code == 0, result.output
        text = target.read_text(encoding="utf-8")
        assert_inert(text, f"export {args} -o")
        assert "ltv" in tomllib.loads(text) or "decisions" in tomllib.loads(text)
    restored = tmp_path / "restored.db"
    assert cli(restored, "import", str(CORPUS)).exit_code == 0
    first = cli(restored, "export", "--all").stdout
    again = tmp_path / "again.db"
    (tmp_path / "first.toml").write_text(first, encoding="utf-8")
    assert cli(again, "import", str(tmp_path / "first.toml")).exit_code == 0
    # written out as TOML escapes, the sequences read back exactly
    assert cli(again, "export", "--all").stdout == first
    notes = [d["notes"] for d in tomllib.loads(first)["decisions"]]
    assert [n.removeprefix("note ").removesuffix(" end") for n in notes] == corpus_sequences()


@pytest.mark.parametrize("field", ["title", "category", "tags"])
def test_one_line_fields_refuse_control_characters_from_a_file(tmp_path: Path, field: str) -> None:
    db = tmp_path / "journal.db"
    value = '["x\\u001b[2J"]' if field == "tags" else '"x\\u001b]0;pwned\\u0007"'
    title = "" if field == "title" else 'title = "fine"\n'
    path = tmp_path / "bad.toml"
    path.write_text(f"[[decisions]]\ndate = 2025-01-01\n{title}{field} = {value}\n")
    result = cli(db, "import", str(path))
    assert result.exit_code == 2
    assert "control characters" in result.stderr and "\\x1b" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert_inert(result.stderr, field)


@pytest.mark.parametrize(
    "args",
    [
        ("add", "\x1b]0;pwned\x07"),
        ("add", "ok", "--category", "\u202eevil"),
        ("add", "ok", "--tag", "a\x9b2J"),
        ("profile", "--name", "\x1b[2J"),
    ],
    ids=["title", "category", "tag", "name"],
)
def test_one_line_fields_refuse_control_characters_typed(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    db = tmp_path / "journal.db"
    result = cli(db, *args)
    assert result.exit_code == 2, result.output
    assert "must not hold control characters" in result.stderr
    assert_inert(result.stderr, " ".join(args))
    assert not db.exists() or cli(db, "list").stdout.startswith("no decisions")


@pytest.mark.parametrize(
    "args",
    [
        ("show", "\x1b[2J\x1b]0;x\x07"),
        ("list", "--tag", "\x1b]0;pwned\x07"),
        ("list", "\u202e\x9b2J"),
        ("review", "\x1b[2Jabcd", "--notes", "x"),
        ("add", "ok", "--amount", "\x1b[31m12"),
        ("add", "ok", "--effect", "money \x1b]0;x\x07"),
    ],
)
def test_messages_that_quote_input_write_control_characters_out(
    hostile: Path, args: tuple[str, ...]
) -> None:
    result = cli(hostile, *args)
    assert_inert(result.stdout, " ".join(args))
    assert_inert(result.stderr, " ".join(args))
    assert "\\x1b" in result.output or "\\u202e" in result.output


def test_notes_keep_line_breaks_and_tabs(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    added = cli(db, "add", "Bike", "--notes", "one\n\ttwo\x1b[2J")
    assert added.exit_code == 0, added.output
    shown = cli(db, "show", added.stdout.split()[1])
    assert "notes: one\n\ttwo\\x1b[2J" in shown.stdout
