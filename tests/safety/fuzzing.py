"""A seeded fuzzer of the command line and of interchange files.

Each case is run in-process on a real SQLite journal. The invariant: no traceback, no
internal error; a refused input exits with status 2 on one line and leaves the journal
exactly as it was (every table compared). Accepted inputs are counted, not judged.
`test_fuzz.py` runs a few hundred cases; `LTV_FUZZ_CASES=2000` (or more) runs a long one.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from ltv_journal.cli import main

HOSTILE = [
    "",
    " ",
    "0",
    "-1",
    "-0.001",
    "1e999999",
    "1e-999999",
    "9" * 40,
    "9999999999999999",
    "2305851575591742129559.5",
    "99999999999999999999",
    "nan",
    "inf",
    "-inf",
    "0x10",
    "1,2,3",
    "1.234,5,6",
    "１２３",
    "١٢٣",
    "12 USD",
    "€12",
    "12kr",
    "5k",
    "100/w",
    "2025-02-30",
    "99999-01-01",
    "0001-01-01",
    "2025-13-01",
    "yesterday",
    "\x00",
    "\x1b[2J\x1b]0;x\x07",
    "\u202eevil",
    "\x9b2J",
    "a\udcffb",
    "x" * 5000,
    "--",
    "-",
    "=",
    "[bold]",
    "%s%n",
    "' OR 1=1 --",
    "\\",
]

EFFECT_PARTS = [
    "money",
    "happiness",
    "love",
    "meaning",
    "wealth",
    "money=",
    "5",
    "-5",
    "11",
    "500/m",
    "6000/y",
    "1e30/y",
    "9999999999999999/y",
    "years=150",
    "years=151",
    "years=0",
    "years=0.00001",
    "years=1e-999999",
    "until=death",
    "until=never",
    "delay=12",
    "delay=1y",
    "delay=-1",
    "delay=1e999999y",
    "delay=99999999999999999999",
    "half-life=2",
    "half-life=0",
    "half-life=1e-999999",
    "half-life=1e999999",
    "confidence=70%",
    "confidence=150%",
    "confidence=0",
    "confidence=1e-99999",
    "confidence=1.5",
    "foo=bar",
]


@dataclass
class Figures:
    """What a run found."""

    cases: int = 0
    accepted: int = 0
    refused: int = 0
    tracebacks: int = 0
    wrong_status: int = 0
    changed_after_refusal: int = 0
    not_one_line: int = 0
    without_line_number: int = 0
    failures: list[str] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)

    def line(self, what: str) -> str:
        return (
            f"{what}: {self.cases} cases, {self.accepted} accepted, {self.refused} refused; "
            f"{self.tracebacks} tracebacks, {self.wrong_status} other exit statuses, "
            f"{self.changed_after_refusal} journals changed by a refused input, "
            f"{self.not_one_line} messages over one line"
            + (f", {self.without_line_number} without a line" if what == "files" else "")
        )


def fingerprint(db: Path) -> str:
    """Every row of every table (the journal as a person would restore it)."""
    conn = sqlite3.connect(db)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
    finally:
        conn.close()


def seed_journal(db: Path) -> str:
    """A small journal with a profile, decisions, effects and a review; returns an id."""
    runner = CliRunner()
    for args in (
        ["profile", "--birth-date", "1979-01-01", "--income", "35000"],
        ["add", "Bike", "--amount", "900", "--effect", "love 1 years=3", "--date", "2025-03-01"],
        ["add", "Course", "--kind", "investment", "--effect", "money 500/m delay=12"],
    ):
        result = runner.invoke(main, ["--db", str(db), *args])
        assert result.exit_code == 0, result.output
    listed = runner.invoke(main, ["--db", str(db), "list", "--json"])
    return listed.stdout.split('"id": "')[1].split('"')[0]


def cli_case(rng: random.Random, decision_id: str, files: list[Path]) -> list[str]:
    """One generated command line (without --db)."""

    def value() -> str:
        return rng.choice(HOSTILE)

    def effect() -> str:
        return " ".join(rng.choice(EFFECT_PARTS) for _ in range(rng.randint(1, 5)))

    choice = rng.randrange(10)
    if choice == 0:
        args = ["add", value()]
    elif choice == 1:
        args = ["add", "Fuzz", "--effect", effect()]
    elif choice == 2:
        option = rng.choice(["--amount", "--date", "--review-on", "--kind", "--category", "--tag"])
        args = ["add", "Fuzz", option, value()]
    elif choice == 3:
        option = rng.choice(
            [
                "--income",
                "--birth-date",
                "--discount-rate",
                "--return-rate",
                "--retirement-age",
                "--career-start-age",
                "--life-expectancy",
                "--hours-per-year",
                "--currency",
                "--name",
            ]
        )
        args = ["profile", option, value()]
    elif choice == 4:
        args = ["edit", rng.choice([decision_id, decision_id[:4], value()])]
        args += [rng.choice(["--amount", "--date", "--title", "--effect", "--no-effect"])]
        args += [effect() if args[-1] == "--effect" else value()]
    elif choice == 5:
        what = rng.choice(["--actual", "--missed", "--date", "--next", "--repeat"])
        spec = f"{rng.choice(EFFECT_PARTS[:5])}={value()}" if what == "--actual" else value()
        args = ["review", rng.choice([decision_id, value()]), what, spec]
    elif choice == 6:
        args = ["show", value()]
    elif choice == 7:
        option = rng.choice(["--year", "--from", "--to", "--limit", "--tag", "--kind"])
        args = ["list", option, value()]
    elif choice == 8:
        command = rng.choice(["import", "restore"])  # restore: the big-file reader
        args = [command, str(rng.choice(files)) if files else value()]
    else:
        args = ["export", rng.choice(["--year", "--all"]), "-o", value()]
    if rng.random() < 0.1:
        args.insert(rng.randrange(len(args) + 1), value())
    return args


BASE_FILE = """\
format_version = 2

[profile]
name = "Max"
birth_date = 1979-01-01
annual_income = 35000.0
currency = "EUR"
discount_rate = 0.0

[[decisions]]
id = "00000000-0000-4000-8000-00000000f001"
date = 2025-01-01
title = "Build an online business"
kind = "investment"
amount = 100.0
category = "business"
tags = ["online"]
notes = \"\"\"
line one
line two\"\"\"
review_on = 2026-01-01
updated_at = 2026-01-01T10:00:00Z

[decisions.effects.money]
per_year = 6000.0
delay_months = 12
until = "retirement"

[decisions.effects.happiness]
per_year = 1
years = 5
half_life_years = 2
confidence = 0.7

[[decisions.reviews]]
date = 2025-06-01
would_repeat = "yes"
notes = "ok"
[decisions.reviews.actual.money]
per_year = 4800.0
materialised = true

[[decisions]]
id = "00000000-0000-4000-8000-00000000f002"
date = 2025-02-01
title = "Bike"
amount = 900.0
"""

TOML_VALUES = [
    '""',
    '"x"',
    '"\\u001b[2J"',
    '"\\u0000"',
    '"\\uD800"',
    '"""\nmulti\\\n  line"""',
    "'literal'",
    "0",
    "-1",
    "1e400",
    "-1e400",
    "inf",
    "nan",
    "99999999999999999999999",
    "0.001",
    "1.005",
    "2025-02-30",
    "2025-01-01T00:00:00",
    "2025-01-01T00:00:00+02:00",
    "9999-12-31",
    "1900-01-01",
    "true",
    "[]",
    "[1, 2]",
    '["a", 1]',
    "{}",
    "{ a = 1 }",
    "[[[[[[[[[[1]]]]]]]]]]",
    '"' + "x" * 300 + '"',
    "3",
    "999",
]


def toml_case(rng: random.Random) -> bytes:
    """A mutated interchange file: values swapped, lines dropped, doubled or garbled."""
    lines = BASE_FILE.split("\n")
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(8)
        index = rng.randrange(len(lines))
        line = lines[index]
        if kind <= 2 and " = " in line:
            key = line.split(" = ")[0]
            lines[index] = f"{key} = {rng.choice(TOML_VALUES)}"
        elif kind == 3:
            del lines[index]
        elif kind == 4:
            lines.insert(index, line)
        elif kind == 5:
            lines.insert(index, rng.choice(["x = 1", "[decisions.effects.wealth]", "[[x]]", "]"]))
        elif kind == 6:
            cut = rng.randrange(len(line) + 1)
            lines[index] = line[:cut]
        else:
            lines.insert(index, "[" * rng.choice([50, 101, 500]) + "]" * 3)
    data = "\n".join(lines).encode("utf-8")
    if rng.random() < 0.05:
        spot = rng.randrange(len(data))
        data = data[:spot] + bytes([rng.choice([0xFF, 0xC3, 0x80, 0x00])]) + data[spot:]
    return data


def check(
    figures: Figures,
    db: Path,
    run: Callable[[], object],
    describe: str,
    *,
    from_file: bool = False,
) -> None:
    """Run one case and hold it to the invariant, counting what it found."""
    before = fingerprint(db)
    result = run()
    figures.cases += 1
    exit_code = getattr(result, "exit_code", None)
    output = getattr(result, "output", "")
    stderr = getattr(result, "stderr", "")
    exception = getattr(result, "exception", None)
    if "Traceback" in output or (exception is not None and not isinstance(exception, SystemExit)):
        figures.tracebacks += 1
        figures.failures.append(f"traceback: {describe}: {exception!r}")
        return
    if exit_code == 0:
        figures.accepted += 1
        return
    figures.refused += 1
    if exit_code != 2:
        figures.wrong_status += 1
        figures.failures.append(f"exit {exit_code}: {describe}: {stderr.strip()[:300]}")
    if len(stderr.strip().splitlines()) != 1:
        figures.not_one_line += 1
        figures.failures.append(f"not one line: {describe}: {stderr!r}")
    if from_file and ", line " not in stderr:
        figures.without_line_number += 1
        figures.unlocated.append(stderr.strip()[:200])
    if fingerprint(db) != before:
        figures.changed_after_refusal += 1
        figures.failures.append(f"journal changed: {describe}: {stderr.strip()[:300]}")


def fuzz_cli(db: Path, cases: int, seed: int, files: list[Path]) -> Figures:
    figures = Figures()
    rng = random.Random(seed)
    decision_id = seed_journal(db)
    runner = CliRunner()
    for _ in range(cases):
        args = cli_case(rng, decision_id, files)

        def run(args: list[str] = args) -> object:
            return runner.invoke(main, ["--db", str(db), *args])

        check(figures, db, run, repr(args))
    return figures


def fuzz_files(db: Path, folder: Path, cases: int, seed: int) -> Figures:
    """Each generated file goes to `import` and to `restore` (the big-file reader), each
    on a journal of its own; both are held to the invariant."""
    figures = Figures()
    rng = random.Random(seed)
    journals = {"import": db, "restore": db.with_name(f"restore-{db.name}")}
    for journal in journals.values():
        seed_journal(journal)
    runner = CliRunner()
    for number in range(cases):
        path = folder / f"case{number}.toml"
        path.write_bytes(toml_case(rng))
        for command, journal in journals.items():

            def run(path: Path = path, command: str = command, journal: Path = journal) -> object:
                return runner.invoke(main, ["--db", str(journal), command, str(path)])

            check(figures, journal, run, f"{command} {path.name}", from_file=True)
        if number % 50 == 49:  # start again from the seeded journals now and then
            for journal in journals.values():
                journal.unlink()
                for side in ("-wal", "-shm"):
                    Path(f"{journal}{side}").unlink(missing_ok=True)
                seed_journal(journal)
    return figures
