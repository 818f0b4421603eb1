"""The store's messages in German: cannot open, not a journal, invalid, not found,
undo; English stays as it is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ltv_journal.core import language
from ltv_journal.core.decision import Decision, Review
from ltv_journal.core.profile import Profile
from ltv_journal.store.errors import Ambiguous, Invalid, NewerEdits, NotAJournal, NotFound
from ltv_journal.store.journal import Journal, undone

BIKE = Decision(title="Fahrrad", date=date(2025, 3, 1), amount=Decimal("1234.56"))


def test_a_folder_is_not_a_journal_in_german(tmp_path: Path) -> None:
    with language.using("de"), pytest.raises(NotAJournal) as caught:
        Journal(str(tmp_path))
    assert str(caught.value) == (
        f"das Journal unter {tmp_path} lässt sich nicht öffnen: das ist ein Ordner, keine Datei"
    )


def test_a_foreign_file_is_not_a_journal_in_german(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello")
    with language.using("de"), pytest.raises(NotAJournal, match="keine Journal-Datenbank"):
        Journal(str(path))
    with pytest.raises(NotAJournal, match="it is not a journal database"):
        Journal(str(path))


def test_an_invalid_decision_in_german(journal: Journal) -> None:
    with language.using("de"), pytest.raises(Invalid) as caught:
        journal.add(Decision(title="", date=date(2025, 1, 1)))
    assert str(caught.value) == "ungültig – Entscheidung: title ist erforderlich"
    with pytest.raises(Invalid) as english:
        journal.add(Decision(title="", date=date(2025, 1, 1)))
    assert str(english.value) == "invalid decision: title is required"


def test_a_review_before_the_latest_in_german(journal: Journal) -> None:
    stored = journal.add(BIKE)
    journal.add_review(stored.id, Review(date=date(2025, 6, 1)))
    with language.using("de"), pytest.raises(Invalid) as caught:
        journal.add_review(stored.id, Review(date=date(2025, 5, 1)))
    assert str(caught.value) == (
        "ungültig – Rückblick: date darf nicht vor dem letzten Rückblick liegen (01.06.2025)"
    )


def test_ids_not_found_in_german(journal: Journal) -> None:
    journal.add(BIKE)
    with language.using("de"):
        with pytest.raises(NotFound) as short:
            journal.resolve("ab")
        with pytest.raises(NotFound) as missing:
            journal.resolve("ffffffff")
    assert str(short.value) == "'ab' ist keine ID und kein ID-Anfang aus mindestens 4 Zeichen"
    assert str(missing.value) == "keine Entscheidung mit der ID ffffffff"
    assert issubclass(Ambiguous, Exception)


def test_undo_in_german(journal: Journal) -> None:
    stored = journal.add(BIKE)
    journal.delete(stored.id)
    with language.using("de"):
        assert journal.undo() == "Löschen von 'Fahrrad' rückgängig gemacht"
        assert journal.undo() == "Hinzufügen von 'Fahrrad' rückgängig gemacht"
        assert undone("import", "backup.toml (2 added, 0 changed)", False) == (
            "Import von backup.toml (2 hinzugefügt, 0 geändert) rückgängig gemacht"
        )
        assert undone("profile", "", False) == "Profiländerung rückgängig gemacht"
    assert undone("import", "backup.toml (2 added, 0 changed)", False) == (
        "Undid the import of backup.toml (2 added, 0 changed)"
    )
    assert undone("profile", "", False) == "Undid the profile change"


def test_newer_edits_in_german() -> None:
    class Planned:
        position = 3
        title = "Fahrrad"

    with language.using("de"):
        text = str(NewerEdits([Planned(), Planned()]))
    assert text.startswith(
        "Entscheidung 3 ('Fahrrad') und 1 weitere wurde im Journal nach dem Stand dieser Datei"
    )


def test_profile_errors_in_german(journal: Journal, max_muster: Profile) -> None:
    with language.using("de"), pytest.raises(Invalid) as caught:
        journal.save_profile(Profile(retirement_age=10))
    assert "ungültig – Profil: retirement_age muss mindestens" in str(caught.value)


def test_review_states_as_words_in_german(journal: Journal) -> None:
    journal.add(BIKE)
    (summary,) = journal.summaries()
    today = date(2026, 11, 29)
    assert summary.review_state(today) == "due"
    with language.using("de"):
        assert summary.review_state(today) == "due"  # JSON's value
        assert summary.review_state_shown(today) == "fällig"
    assert summary.review_state_shown(today) == "due"
