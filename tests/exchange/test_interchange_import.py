"""Importing: all or nothing, idempotent by id, and the profile rules of DESIGN §2."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ltv_journal.core.dimensions import Dimension
from ltv_journal.exchange.errors import ExchangeError
from ltv_journal.exchange.reader import import_file
from ltv_journal.store.journal import Journal

Write = Callable[..., Path]

PROFILE = """\
[profile]
name = "Erika Beispiel"
birth_date = 1990-01-01
annual_income = 60000.0
"""


def decision(number: int, *, amount: str = "100.0", per_year: str = "1200.0") -> str:
    return f"""
[[decisions]]
id = "00000000-0000-4000-8000-{number:012d}"
date = 2025-03-0{number % 9 + 1}
title = "Decision {number}"
kind = "investment"
amount = {amount}

[decisions.effects.money]
per_year = {per_year}
years = 2
"""


def test_a_file_with_one_bad_decision_writes_nothing(journal: Journal, write: Write) -> None:
    import_file(journal, write(decision(1)))
    before_count, before_score = journal.count(), journal.score()
    bad = decision(2) + decision(3, amount="-1.0") + decision(4)
    with pytest.raises(ExchangeError, match=r"decisions\[2\]\.amount: must be zero or more"):
        import_file(journal, write(bad, "bad.toml"))
    assert journal.count() == before_count == 1
    assert journal.score() == before_score


def test_importing_twice_updates_rather_than_duplicates(journal: Journal, write: Write) -> None:
    path = write(decision(1) + decision(2))
    first = import_file(journal, path)
    second = import_file(journal, path)
    assert (first.added, first.updated) == (2, 0)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert journal.count() == 2
    changed = write(decision(1, per_year="2400.0"), "changed.toml")
    # a file without updated_at counts as older than the journal's copy
    with pytest.raises(ExchangeError, match=r"line 2: decisions\[1\]: .* was edited"):
        import_file(journal, changed)
    third = import_file(journal, changed, overwrite_newer=True)
    assert (third.added, third.updated, third.overwritten) == (0, 1, 1)
    assert journal.count() == 2
    updated = journal.get("00000000-0000-4000-8000-000000000001")
    assert updated.effects[Dimension.MONEY].per_year == Decimal("2400.0")


def test_a_files_profile_is_used_only_when_the_journal_has_none(
    journal: Journal, empty_journal: Journal, write: Write
) -> None:
    path = write(PROFILE + decision(1))
    kept = import_file(journal, path)
    assert not kept.profile_set
    assert journal.profile().name == "Max Muster"
    taken = import_file(empty_journal, path)
    assert taken.profile_set
    assert empty_journal.profile().name == "Erika Beispiel"


def test_replace_profile_replaces_it_and_rescores(journal: Journal, write: Write) -> None:
    path = write(PROFILE + decision(1))
    import_file(journal, path)
    before = journal.score(date(2026, 11, 25))
    result = import_file(journal, path, replace_profile=True)
    assert result.profile_set
    assert journal.profile().name == "Erika Beispiel"
    after = journal.score(date(2026, 11, 25))
    assert after.baseline[Dimension.MONEY] == Decimal("60000") * 45
    assert after.baseline != before.baseline


def test_a_horizon_without_a_birth_date_points_at_the_effect(
    empty_journal: Journal, write: Write
) -> None:
    text = decision(1).replace("years = 2", 'until = "retirement"')
    path = write(text)
    with pytest.raises(ExchangeError) as caught:
        import_file(empty_journal, path)
    message = str(caught.value)
    effects_line = text.splitlines().index("[decisions.effects.money]") + 1
    assert message.startswith(f"{path}, line {effects_line}: decisions[1].effects: ")
    assert "birth date" in message
    assert empty_journal.count() == 0


def test_a_bad_profile_in_a_file_writes_nothing(empty_journal: Journal, write: Write) -> None:
    path = write(PROFILE.replace("1990-01-01", "1990-01-01\nretirement_age = 10") + decision(1))
    with pytest.raises(ExchangeError, match=r"line 4: profile.retirement_age: must be at least"):
        import_file(empty_journal, path)
    assert empty_journal.count() == 0 and not empty_journal.has_profile()


def test_decisions_without_ids_get_new_ones(empty_journal: Journal, write: Write) -> None:
    text = PROFILE + decision(1).replace('id = "00000000-0000-4000-8000-000000000001"\n', "")
    result = import_file(empty_journal, write(text))
    assert result.added == 1
    (only,) = empty_journal.summaries()
    assert len(only.id) == 36


REVIEWED = (
    PROFILE
    + """
[[decisions]]
id = "00000000-0000-4000-8000-000000000077"
date = 2025-01-10
title = "Reviewed out of order"
review_on = 2025-04-10

[[decisions.reviews]]
date = 2025-09-01
notes = "second"

[[decisions.reviews]]
date = 2025-04-12
notes = "first"
"""
)


def test_reviews_are_read_oldest_first_and_a_later_review_settles_review_on(
    empty_journal: Journal, write: Write
) -> None:
    import_file(empty_journal, write(REVIEWED))
    stored = empty_journal.get("00000000-0000-4000-8000-000000000077")
    assert [r.notes for r in stored.reviews] == ["first", "second"]
    assert stored.review_on is None  # reviewed after it was due, no follow-up asked for
    assert empty_journal.review_queue(date(2026, 11, 25)) == []
    followed = REVIEWED.replace('notes = "second"', 'notes = "second"\nnext_review_on = 2026-01-01')
    import_file(empty_journal, write(followed, "followed.toml"), overwrite_newer=True)
    again = empty_journal.get("00000000-0000-4000-8000-000000000077")
    assert again.review_on == date(2026, 1, 1)
    assert [s.title for s in empty_journal.review_queue(date(2026, 11, 25))] == [again.title]
