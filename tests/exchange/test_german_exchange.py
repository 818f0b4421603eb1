"""The interchange layer in German: import errors name file, line and reason in German;
every exported file (backup, `export --all`, the yearly summary) is byte-identical in
both languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ltv_journal.core import language
from ltv_journal.exchange.backup import open_backup
from ltv_journal.exchange.errors import ExchangeError
from ltv_journal.exchange.files import write_atomically
from ltv_journal.exchange.reader import import_file, read_interchange, read_interchange_text
from ltv_journal.exchange.sample import sample_path
from ltv_journal.exchange.summary import yearly_summary
from ltv_journal.exchange.writer import export_all
from ltv_journal.store.journal import Journal

Write = Callable[..., Path]

BAD_AMOUNT = """\
[profile]
name = "Max"
birth_date = 1979-01-01

[[decisions]]
date = 2025-01-01
title = "Fahrrad"
amount = "viel"
"""


def _error(text: str) -> str:
    with pytest.raises(ExchangeError) as caught:
        read_interchange_text(text, "journal.toml")
    return str(caught.value)


def test_an_import_error_in_german_names_file_line_key_and_reason() -> None:
    with language.using("de"):
        german = _error(BAD_AMOUNT)
    assert german == (
        'journal.toml, Zeile 8: decisions[1].amount: erwartet: eine Zahl, gefunden: "viel"'
    )
    assert _error(BAD_AMOUNT) == (
        'journal.toml, line 8: decisions[1].amount: expected a number, got "viel"'
    )


def test_a_core_rule_in_a_file_is_told_in_german() -> None:
    text = BAD_AMOUNT.replace('amount = "viel"', "amount = -5.0")
    with language.using("de"):
        german = _error(text)
    assert german == (
        "journal.toml, Zeile 8: decisions[1].amount: muss null oder mehr sein, gefunden: -5.0"
    )


def test_unknown_keys_and_syntax_in_german() -> None:
    with language.using("de"):
        unknown = _error(BAD_AMOUNT.replace('amount = "viel"', "farbe = 1"))
        syntax = _error("[profile\nname = 1\n")
    assert unknown.startswith(
        "journal.toml, Zeile 8: decisions[1].farbe: unbekannter Schlüssel; erwartet wird einer von"
    )
    assert ", gefunden" not in unknown
    assert syntax == (
        "journal.toml, Zeile 1: kein gültiges TOML: am Ende der Tabellenüberschrift fehlt ']' "
        "(Spalte 9)"
    )


def test_file_errors_in_german(tmp_path: Path) -> None:
    with language.using("de"):
        with pytest.raises(ExchangeError) as missing:
            read_interchange(tmp_path / "weg.toml")
        with pytest.raises(ExchangeError) as folder:
            write_atomically(tmp_path, "x")
    assert str(missing.value) == f"{tmp_path / 'weg.toml'}: Datei nicht gefunden"
    assert str(folder.value) == (
        f"{tmp_path} lässt sich nicht schreiben: das ist ein Ordner, keine gewöhnliche Datei; "
        "nichts wurde geschrieben"
    )


def test_a_bad_backup_piece_in_german(write: Write) -> None:
    path = write(BAD_AMOUNT, "backup.toml")
    with (
        language.using("de"),
        pytest.raises(ExchangeError) as caught,
        open_backup(path) as backup,
    ):
        list(backup.decisions)
    assert str(caught.value).startswith(f"{path}, Zeile 8: decisions[1].amount: erwartet:")


@pytest.fixture
def filled(tmp_path: Path) -> Journal:
    journal = Journal(str(tmp_path / "journal.db"))
    import_file(journal, sample_path(), replace_profile=True)
    return journal


def test_every_export_is_byte_identical_in_both_languages(filled: Journal) -> None:
    """JSON and TOML never follow the language in force: the backup, `export --all`
    and the yearly summary, its comments included, are the same bytes under German and
    English, so that files diff cleanly and read back the same whoever wrote them."""
    moment = datetime(2026, 11, 29, 15, 23, 19, tzinfo=UTC)
    years = filled.years()
    files = {}
    for code in ("en", "de"):
        with language.using(code):
            files[code] = (
                export_all(filled).encode(),
                *(yearly_summary(filled, y, generated_at=moment).encode() for y in years),
            )
    assert files["de"] == files["en"]
    assert b"# Whose journal" in files["de"][1]
    filled.close()


def test_a_german_journal_s_yearly_summary_is_commented_in_german(filled: Journal) -> None:
    """The profile's language, not the one in force, words the summary's comments: a
    German journal's summary speaks German under both languages (the same bytes), its
    figures stay plain TOML, and it imports back like the English one."""
    moment = datetime(2026, 11, 29, 15, 23, 19, tzinfo=UTC)
    english = yearly_summary(filled, 2025, generated_at=moment)
    filled.save_profile(replace(filled.profile(), language="de"))
    shown = {}
    for code in ("en", "de"):
        with language.using(code):
            shown[code] = yearly_summary(filled, 2025, generated_at=moment)
    assert shown["en"] == shown["de"]
    german = shown["de"]
    assert "# ltv-journal: Jahresbilanz 2025" in german
    assert "über 2.000 festgelegte Ziehungen" in german
    assert "# Whose journal" not in german and "Wessen Journal" in german

    def data(text: str) -> list[str]:
        """The lines without comments (or the profile's language)."""
        lines = (re.sub(r"\s*#[^\"]*$", "", line) for line in text.splitlines())
        return [line for line in lines if line and line != 'language = "de"']

    assert data(german) == data(english)
    assert (
        read_interchange_text(german, "de.toml").decisions
        == read_interchange_text(english, "en.toml").decisions
    )
    filled.close()
