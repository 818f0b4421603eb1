"""The profile's language in the interchange TOML: `language = "de"` only when set."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ltv_journal.core.profile import Profile
from ltv_journal.exchange.errors import ExchangeError
from ltv_journal.exchange.reader import import_file, read_interchange_text
from ltv_journal.exchange.render import render_profile
from ltv_journal.exchange.writer import export_all
from ltv_journal.store.journal import Journal

MAX = Profile(name="Max Muster", birth_date=date(1979, 1, 1), annual_income=Decimal(35000))


def test_a_set_language_is_written_and_read_back() -> None:
    text = render_profile(replace(MAX, language="de"))
    assert 'language = "de"' in text.splitlines()
    found = read_interchange_text(text).profile
    assert found is not None and found.language == "de"


def test_no_language_writes_no_key_and_reads_as_none() -> None:
    text = render_profile(MAX)
    assert "language" not in text
    found = read_interchange_text(text).profile
    assert found is not None and found.language is None


@pytest.mark.parametrize("value", ['"fr"', '"DE"', "1", '""'])
def test_another_language_is_refused_with_its_key(value: str) -> None:
    text = f'[profile]\nname = "M"\nlanguage = {value}\n'
    with pytest.raises(ExchangeError, match="language"):
        read_interchange_text(text)


def test_export_and_import_keep_the_language(
    empty_journal: Journal, write: Callable[..., Path], tmp_path: Path
) -> None:
    empty_journal.save_profile(replace(MAX, language="en"))
    text = export_all(empty_journal)
    assert 'language = "en"' in text
    with Journal(str(tmp_path / "other.db")) as other:
        import_file(other, write(text), replace_profile=True)
        assert other.profile().language == "en"


def test_a_file_without_a_language_leaves_the_journals(
    empty_journal: Journal, write: Callable[..., Path]
) -> None:
    """Like a worth: what the file does not say stays as the journal has it."""
    empty_journal.save_profile(replace(MAX, language="de"))
    import_file(
        empty_journal, write(render_profile(replace(MAX, name="Max"))), replace_profile=True
    )
    assert empty_journal.profile().name == "Max"
    assert empty_journal.profile().language == "de"
    import_file(
        empty_journal, write(render_profile(replace(MAX, language="en"))), replace_profile=True
    )
    assert empty_journal.profile().language == "en"
