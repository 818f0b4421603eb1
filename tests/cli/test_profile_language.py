"""The profile's language on the command line: `profile --language de|en|auto`, and its
place after `--lang` and `$LTV_JOURNAL_LANG` and before the locale (real processes)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ltv_journal.core import language

from .conftest import BUSINESS, MAX_PROFILE, Run, exact_json

GERMAN_LTV = "1.695.000,00"
ENGLISH_LTV = "1,695,000.00"


@pytest.fixture(autouse=True)
def same_language_after() -> Iterator[None]:
    """A command run in-process leaves its language in force; the next test gets it back."""
    with language.using(language.current()):
        yield


def test_profile_sets_shows_and_clears_the_language(run: Run) -> None:
    run(*MAX_PROFILE)
    assert run("profile").stdout.splitlines()[-1].split() == ["language", "automatic"]
    saved = run("profile", "--language", "EN").stdout
    assert "English" in saved.splitlines()[-1] or "language" in saved
    assert exact_json(run("profile", "--json").stdout)["language"] == "en"
    run("profile", "--language", "de")
    assert exact_json(run("--lang", "en", "profile", "--json").stdout)["language"] == "de"
    run("profile", "--language", "auto")
    assert exact_json(run("profile", "--json").stdout)["language"] is None


def test_a_language_not_spoken_is_refused(run: Run) -> None:
    run(*MAX_PROFILE)
    result = run("profile", "--language", "fr", ok=False)
    assert result.exit_code == 2
    assert "--language 'fr': give de, en or auto" in result.stderr
    assert exact_json(run("profile", "--json").stdout)["language"] is None


def test_the_json_is_the_same_in_both_languages(run: Run) -> None:
    run(*MAX_PROFILE)
    run(*BUSINESS)
    english = run("score", "--json").stdout
    run("profile", "--language", "de")
    assert run("score", "--json").stdout == english


def _ltv(db: Path, *args: str, **env: str) -> str:
    """`score` in a real process with `env` (and no other language setting); which of the
    two LTV spellings it printed."""
    clean = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    clean.pop(language.ENV_LANG, None)
    done = subprocess.run(
        [sys.executable, "-m", "ltv_journal", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={**clean, "LTV_JOURNAL_TODAY": "2026-11-25", "LANG": "C.UTF-8", **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = {GERMAN_LTV, ENGLISH_LTV} & set(done.stdout.replace("€", " ").split())
    assert len(found) == 1, done.stdout
    return "de" if found == {GERMAN_LTV} else "en"


def test_the_order_lang_then_environment_then_profile_then_locale(run: Run, db: Path) -> None:
    run(*MAX_PROFILE)
    run(*BUSINESS)
    # No setting: the locale.
    assert _ltv(db, "score") == "en"
    assert _ltv(db, "score", LANG="de_DE.UTF-8") == "de"
    # The profile's setting comes before the locale ...
    run("profile", "--language", "de")
    assert _ltv(db, "score") == "de"
    assert _ltv(db, "score", "--as-of", "2030-01-01") == "de"  # through the full Journal
    run("profile", "--language", "en")
    assert _ltv(db, "score", LANG="de_DE.UTF-8") == "en"
    # ... and after the environment variable and --lang.
    assert _ltv(db, "score", LTV_JOURNAL_LANG="de") == "de"
    assert _ltv(db, "--lang", "de", "score") == "de"
    assert _ltv(db, "score", "--lang", "de") == "de"
    run("profile", "--language", "de")
    assert _ltv(db, "score", LTV_JOURNAL_LANG="en") == "en"
    assert _ltv(db, "--lang", "en", "score", LTV_JOURNAL_LANG="de") == "en"
    # auto: the locale again.
    run("profile", "--language", "auto")
    assert _ltv(db, "score") == "en"
