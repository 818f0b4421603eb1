"""The command line in German and English: the locale, `--lang` and `$LTV_JOURNAL_LANG`
choose the language; figures, dates, help and errors follow it; JSON and TOML never do.

Core's own reasons (a validation message) are translated in core's catalog; the German
assertions here are on the command line's own words.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from ltv_journal.cli import main
from ltv_journal.core import language

from .conftest import BUSINESS, MAX_PROFILE, journal_state

VENV_BIN = Path(sys.executable).parent
NBSP = "\N{NO-BREAK SPACE}"
GERMAN = {"LANG": "de_DE.UTF-8"}
ENGLISH = {"LANG": "en_US.UTF-8"}


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """In-process runs change the language in force: leave it English for other tests."""
    with language.using(language.ENGLISH):
        yield


def command(db: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The installed `ltv-journal` in a real process, with only the locale `env` names
    (no `$LTV_JOURNAL_LANG`, no `LC_ALL` or `LC_MESSAGES` from the test's environment)."""
    script = VENV_BIN / "ltv-journal"
    if not script.exists():
        pytest.skip("the ltv-journal entry point is not installed in this environment")
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LTV_JOURNAL_LANG", "LTV_JOURNAL_DB", "LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    return subprocess.run(
        [str(script), "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={**base, "LTV_JOURNAL_TODAY": "2026-11-25", **env},
        timeout=120,
    )


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """The seed's Max Muster with his online business, typed in through a real process."""
    db = tmp_path / "journal.db"
    for args in (MAX_PROFILE, BUSINESS):
        done = command(db, *args, env=ENGLISH)
        assert done.returncode == 0, done.stderr
    return db


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """The command line in-process (click's CliRunner) with the locale `env`."""
    clean = {"LTV_JOURNAL_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}
    result = CliRunner(env={**clean, **(env or {})}).invoke(
        main, ["--db", str(db), *args], prog_name="ltv-journal"
    )
    return result.exit_code, result.stdout, result.stderr


def test_german_locale_prints_the_seed_ltv_the_german_way(seed: Path) -> None:
    done = command(seed, "score", env=GERMAN)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert f"1.695.000,00{NBSP}€" in done.stdout
    assert f"1.575.000,00{NBSP}€" in done.stdout
    assert lines[0].split()[:4] == ["Stand", "25.11.2026", "Grundwert", "aus"]
    assert lines[1].split()[0] == "Geld"
    assert lines[-2] == "1 Entscheidung"
    assert lines[-1] == (
        f"deine Entscheidungen erhöhen den Lifetime-Value in 100,0{NBSP}% von 2.000 Ziehungen"
    )
    assert "EUR" not in done.stdout and "2026-11-25" not in done.stdout


def test_english_locale_prints_the_seed_ltv_as_before(seed: Path) -> None:
    done = command(seed, "score", env=ENGLISH)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:4] == ["as", "of", "2026-11-25", "baseline"]
    assert lines[1].split()[:7] == [
        *("money", "1,575,000.00", "EUR", "+120,000.00", "EUR", "1,695,000.00", "EUR"),
    ]
    assert lines[-1] == "your decisions raise the lifetime value in 100.0% of 2,000 draws"
    assert "€" not in done.stdout


def test_german_amount_and_date_are_read(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    done = command(db, "add", "Fahrrad", "--amount", "1.234,56", "--date", "29.11.2026", env=GERMAN)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("hinzugefügt ")
    assert f"-1.234,56{NBSP}€" in done.stdout
    from ltv_journal.store.journal import Journal

    with Journal(str(db)) as journal:
        [stored] = list(journal.iter_decisions())
    assert stored.title == "Fahrrad"
    assert stored.amount == Decimal("1234.56")
    assert stored.date == date(2026, 11, 29)


def test_lang_option_overrides_an_english_locale(tmp_path: Path) -> None:
    code, out, _err = run(tmp_path / "j.db", "--lang", "de", "profile", env=ENGLISH)
    assert code == 0
    assert "Geburtsdatum" in out and "birth date" not in out


def test_lang_option_after_the_command_counts_too(tmp_path: Path) -> None:
    code, out, _err = run(tmp_path / "j.db", "profile", "--lang=de", env=ENGLISH)
    assert code == 0
    assert "Geburtsdatum" in out


def test_environment_variable_overrides_an_english_locale(tmp_path: Path) -> None:
    code, out, _err = run(tmp_path / "j.db", "profile", env={**ENGLISH, "LTV_JOURNAL_LANG": "de"})
    assert code == 0
    assert "Geburtsdatum" in out


def test_lang_option_en_overrides_a_german_locale(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    code, out, _err = run(db, "profile", env=GERMAN)
    assert code == 0 and "Geburtsdatum" in out
    code, out, _err = run(db, "--lang", "en", "profile", env=GERMAN)
    assert code == 0
    assert "birth date" in out and "Geburtsdatum" not in out


def test_lang_option_en_overrides_the_environment_variable(tmp_path: Path) -> None:
    code, out, _err = run(
        tmp_path / "j.db", "--lang", "en", "profile", env={**GERMAN, "LTV_JOURNAL_LANG": "de"}
    )
    assert code == 0
    assert "birth date" in out


def test_a_language_the_journal_does_not_speak_is_one_line_with_exit_2(tmp_path: Path) -> None:
    done = command(tmp_path / "j.db", "--lang", "fr", "score", env=ENGLISH)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: ") and "fr" in done.stderr
    assert done.stderr.count("\n") == 1
    assert not (tmp_path / "j.db").exists()


def test_a_bad_language_in_a_german_locale_is_reported_in_german(tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "j.db", "--lang", "fr", "score", env=GERMAN)
    assert code == 2 and out == ""
    assert err.startswith("Fehler: ") and err.count("\n") == 1


def _help_lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip()}


def test_help_is_german_with_no_english_sentence(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    german = command(db, "--help", env=GERMAN)
    english = command(db, "--help", env=ENGLISH)
    assert german.returncode == 0 and english.returncode == 0
    assert german.stdout.startswith("Aufruf: ltv-journal ")
    assert "Optionen:" in german.stdout and "Befehle:" in german.stdout
    assert "Zeig diese Hilfe und beende." in german.stdout
    for english_words in ("Usage:", "Options:", "Commands:", "Show this message", "journal:"):
        assert english_words not in german.stdout
    assert _help_lines(german.stdout) & _help_lines(english.stdout) == set()


@pytest.mark.parametrize(
    "name",
    [
        "add",
        "list",
        "show",
        "compare",
        "edit",
        "delete",
        "undo",
        "score",
        "profile",
        "worth",
        "chart",
        "review",
        "calibration",
        "import",
        "export",
        "backup",
        "restore",
        "demo",
    ],
)
def test_every_command_help_is_german(tmp_path: Path, name: str) -> None:
    db = tmp_path / "j.db"
    code, german, _err = run(db, name, "--help", env=GERMAN)
    assert code == 0
    code, english, _err = run(db, name, "--help", env=ENGLISH)
    assert code == 0
    assert german.startswith(f"Aufruf: ltv-journal {name} ")
    assert "Optionen:" in german and "Options:" not in german
    # Only syntax is the same in both: examples, the effect syntax's own lines.
    shared = _help_lines(german) & _help_lines(english)
    assert all(
        line.startswith(("ltv-journal ", "--", "DIMENSION ", "[", "money", "happiness", "1<="))
        for line in shared
    ), shared


def test_a_command_help_in_a_real_process_is_german(tmp_path: Path) -> None:
    done = command(tmp_path / "j.db", "score", "--help", env=GERMAN)
    assert done.returncode == 0
    assert done.stdout.startswith("Aufruf: ltv-journal score ")
    assert "Lifetime-Value je Dimension" in done.stdout
    assert "Lifetime value per dimension" not in done.stdout
    assert "Print JSON instead of text." not in done.stdout


def test_bad_input_is_one_german_line_with_exit_2_and_changes_nothing(seed: Path) -> None:
    before = journal_state(seed)
    done = command(seed, "add", "Fahrrad", "--effect", "money", env=GERMAN)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "Fehler: --effect 'money': erwartet \"DIMENSION VALUE[/y|/m] [delay=MONTHS] "
        "[years=N | until=retirement|death] [half-life=YEARS] [confidence=P] "
        '[low=VALUE high=VALUE]"\n'
    )
    assert journal_state(seed) == before


def test_click_usage_errors_are_german(seed: Path) -> None:
    code, out, err = run(seed, "score", "--bogus", env=GERMAN)
    assert code == 2 and out == ""
    assert err.startswith("Fehler: ") and "--bogus" in err and "No such option" not in err
    assert err.count("\n") == 1
    code, out, err = run(seed, "frobnicate", env=GERMAN)
    assert code == 2 and err.startswith("Fehler: Kein Befehl")


def test_command_line_errors_are_german(seed: Path) -> None:
    before = journal_state(seed)
    code, out, err = run(seed, "edit", "abcd", env=GERMAN)
    assert code == 2 and out == ""
    assert err == (
        "Fehler: nichts zu ändern: gib mindestens eine Option an (siehe ltv-journal edit --help)\n"
    )
    code, out, err = run(seed, "list", "--from", "2026-02-01", "--to", "2026-01-01", env=GERMAN)
    assert code == 2
    assert err == (
        "Fehler: --to 01.01.2026 liegt vor --from 01.02.2026; kein Tag passt zu beidem\n"
    )
    assert journal_state(seed) == before


def test_list_and_profile_speak_german(seed: Path) -> None:
    code, out, _err = run(seed, "list", env=GERMAN)
    assert code == 0
    header, row, count = out.splitlines()
    assert header.split()[:5] == ["Datum", "ID", "Titel", "Art", "Betrag"]
    assert row.startswith("01.01.2025  ") and "Investition" in row
    assert count == "1 Entscheidung"
    code, out, _err = run(seed, "profile", env=GERMAN)
    assert "Geburtsdatum" in out and "01.01.1979" in out
    assert f"35.000,00{NBSP}€ im Jahr" in out


def test_json_and_toml_are_the_same_in_both_languages(seed: Path) -> None:
    for args in (("score", "--json"), ("export", "--all")):
        german = command(seed, *args, env=GERMAN)
        english = command(seed, *args, env=ENGLISH)
        assert german.returncode == 0 and english.returncode == 0, (german.stderr, args)
        assert german.stdout.encode() == english.stdout.encode(), args
        assert german.stdout.strip()
    assert '"money": 1695000.00' in command(seed, "score", "--json", env=GERMAN).stdout


def test_lang_en_gives_english_help_in_a_german_locale(tmp_path: Path) -> None:
    code, out, _err = run(tmp_path / "j.db", "score", "--help", "--lang", "en", env=GERMAN)
    assert code == 0
    assert out.startswith("Usage: ltv-journal score ")
    assert "Options:" in out and "Show this message and exit." in out
    assert "Aufruf" not in out and "Lifetime-Value je Dimension" not in out


def test_a_number_click_cannot_read_is_named_in_german(tmp_path: Path) -> None:
    """click names its types in English ("integer range"); a German error names them in
    German, and the English one keeps click's words."""
    code, _out, err = run(tmp_path / "j.db", "--lang", "de", "list", "--limit", "abc")
    assert code == 2
    assert err == "Fehler: Ungültiger Wert für '--limit': 'abc' ist keine gültige ganze Zahl.\n"
    from ltv_journal import __version__

    code, out, _err = run(tmp_path / "j.db", "--lang", "de", "--version")
    assert code == 0 and out == f"ltv-journal, Version {__version__}\n"
    code, _out, err = run(tmp_path / "j.db", "--lang", "en", "list", "--limit", "abc")
    assert err == "error: Invalid value for '--limit': 'abc' is not a valid integer range.\n"
