"""Every failure is one line: huge numbers, arguments that are not UTF-8, a broken pipe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ltv_journal.cli import main

from .fuzzing import fingerprint


def cli(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "journal.db"
    assert cli(db, "profile", "--birth-date", "1979-01-01", "--income", "35000").exit_code == 0
    assert cli(db, "add", "Bike", "--amount", "900").exit_code == 0
    return db


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ("add", "x", "--effect", "money 9999999999999999/y years=150"),
            "at most 1,000,000,000,000",
        ),
        (("profile", "--income", "2305851575591742129559.5"), "at most 1,000,000,000,000"),
        (("add", "x", "--effect", "happiness 1 half-life=1e-999999"), "from 0.001 to 1,000,000"),
        (("add", "x", "--effect", "happiness 1 half-life=1e999999"), "from 0.001 to 1,000,000"),
        (("add", "x", "--effect", "money 5 delay=1e999999y"), "between 0 and 1200 months"),
        (("add", "x", "--effect", "money 5 years=1e30"), "at most 150"),
        (("list", "--limit", "99999999999999999999"), "--limit"),
        (("review", "{id}", "--actual", "money=99999999999999999999"), "at most 1,000,000,000,000"),
        (("review", "--notes", "x"), "needs the ID"),
    ],
)
def test_huge_numbers_are_refused_with_their_limit(
    db: Path, args: tuple[str, ...], says: str
) -> None:
    before = fingerprint(db)
    bike = json.loads(cli(db, "list", "--json").stdout)["decisions"][0]["id"]
    result = cli(db, *(a.replace("{id}", bike) for a in args))
    assert result.exit_code == 2, result.output
    assert says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert fingerprint(db) == before


@pytest.mark.parametrize("rate", ["1e-99999", "1e-45", "0.0000000000000000000001"])
def test_a_vanishing_discount_rate_scores_as_no_rate(db: Path, rate: str) -> None:
    assert cli(db, "profile", "--discount-rate", rate).exit_code == 0
    score = cli(db, "score")
    assert score.exit_code == 0, score.output
    assert "1,575,000.00 EUR" in score.stdout  # 35,000 x 45 years, undiscounted
    added = cli(db, "add", "Calm", "--effect", "happiness 1 years=2 half-life=1000000")
    assert added.exit_code == 0, added.output


def run_process(*args: bytes, db: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ltv_journal", "--db", str(db).encode(), *args],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")},
    )


@pytest.mark.parametrize("args", [(b"add", b"\xff\xfe"), (b"list", b"caf\xe9"), (b"show", b"\xc3")])
def test_arguments_that_are_not_utf8_are_refused_in_one_line(
    db: Path, args: tuple[bytes, ...]
) -> None:
    before = fingerprint(db)
    done = run_process(*args, db=db)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert done.stderr.startswith(b"error: argument 4 is not UTF-8 text (byte 0x")
    assert done.stderr.count(b"\n") == 1
    assert fingerprint(db) == before


def test_a_reader_that_stops_early_gets_no_error(db: Path) -> None:
    many = db.parent / "many.toml"
    many.write_text(
        "".join(f'[[decisions]]\ndate = 2025-01-01\ntitle = "D{n}"\n' for n in range(3000))
    )
    assert cli(db, "import", str(many)).exit_code == 0  # ~300 kB of list: more than a pipe holds
    reader = subprocess.Popen(["head", "-1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    writer = subprocess.run(
        [sys.executable, "-m", "ltv_journal", "--db", str(db), "list", "--limit", "3000"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")},
    )
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait(timeout=10)
    assert writer.stderr == b""


def test_without_a_terminal_the_bare_command_prints_the_score_and_help(db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ltv_journal", "--db", str(db)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")},
    )
    assert done.returncode == 0
    assert b"\x1b" not in done.stdout
    assert b"baseline" in done.stdout and b"Usage:" in done.stdout
