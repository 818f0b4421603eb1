"""`[[decisions.options]]`: exported and imported exactly, and every bad option named by
its line and key with the journal left as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ltv_journal.exchange.errors import ExchangeError
from ltv_journal.exchange.reader import import_file, read_interchange_text
from ltv_journal.exchange.render import render_decisions, render_profile
from ltv_journal.store.journal import Journal

Write = Callable[..., Path]

FILE = """\
[profile]
name = "Ada"
birth_date = 1985-05-05

[[decisions]]
id = "11111111-1111-4111-8111-111111111111"
date = 2026-01-10
title = "Course"
kind = "investment"
amount = 1200.0

[decisions.effects.meaning]
per_year = 1
years = 5

[[decisions.options]]
title = "Watch"
amount = 900.0
[decisions.options.effects.happiness]
per_year = 0.5
low = 0.25
high = 1
half_life_years = 1

[[decisions.options]]
title = "Keep the money"
amount = 0.0
"""


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    found = [i for i, line in enumerate(text.splitlines(), 1) if fragment in line]
    return found[occurrence - 1]


def test_options_are_read_in_the_files_order() -> None:
    [decision] = read_interchange_text(FILE).decisions
    assert [o.title for o in decision.options] == ["Watch", "Keep the money"]
    watch = decision.options[0]
    assert str(watch.amount) == "900.0"
    assert [str(watch.effects[d].low) for d in watch.effects] == ["0.25"]


def test_export_and_import_into_a_new_journal_give_the_same_options(
    write: Write, tmp_path: Path
) -> None:
    with Journal(str(tmp_path / "a.db")) as first:
        import_file(first, write(FILE))
        exported = render_profile(first.profile()) + "\n" + render_decisions(first.iter_decisions())
        before = list(first.iter_decisions())
    assert exported.count("[[decisions.options]]") == 2
    assert "[decisions.options.effects.happiness]" in exported
    with Journal(str(tmp_path / "b.db")) as second:
        import_file(second, write(exported, "export.toml"))
        after = list(second.iter_decisions())
        assert render_decisions(after) == exported.split("\n\n", 1)[1]
    assert [d.options for d in after] == [d.options for d in before]


@pytest.mark.parametrize(
    ("old", "new", "where", "key", "expected"),
    [
        (
            'title = "Watch"',
            "",
            "[[decisions.options]]",
            "decisions[1].options[1].title",
            "is required: each option needs a title",
        ),
        (
            "low = 0.25",
            "low = 2",
            "low = 2",
            "decisions[1].options[1].effects.happiness.low",
            "must not be above high (2 > 1)",
        ),
        (
            "per_year = 0.5\n",
            "",
            "[decisions.options.effects.happiness]",
            "decisions[1].options[1].effects.happiness.per_year",
            "is required: low and high are a range around it",
        ),
        (
            'title = "Keep the money"',
            'title = "Keep the money"\nwhen = 1',
            "when = 1",
            "decisions[1].options[2].when",
            "unknown key",
        ),
        (
            "high = 1\n",
            "high = 12\n",
            "high = 12",
            "decisions[1].options[1].effects.happiness.high",
            "must be between -10 and +10",
        ),
    ],
)
def test_a_bad_option_names_its_line_and_key(
    write: Write, old: str, new: str, where: str, key: str, expected: str
) -> None:
    text = FILE.replace(old, new, 1)
    with pytest.raises(ExchangeError) as error:
        read_interchange_text(text, "journal.toml")
    message = str(error.value)
    assert message.startswith(f"journal.toml, line {line_of(text, where)}: {key}: ")
    assert expected in message
    assert "\n" not in message


def test_more_than_five_options_in_all_names_the_one_too_many() -> None:
    extra = "\n".join(f'[[decisions.options]]\ntitle = "Other {n}"\n' for n in range(3))
    text = FILE + "\n" + extra
    with pytest.raises(ExchangeError) as error:
        read_interchange_text(text, "journal.toml")
    message = str(error.value)
    fifth = line_of(text, "[[decisions.options]]", 5)
    assert message.startswith(f"journal.toml, line {fifth}: decisions[1].options[5]: ")
    assert "one option too many" in message and "(5 given)" in message


def test_a_bad_option_imports_nothing(write: Write, empty_journal: Journal) -> None:
    with pytest.raises(ExchangeError):
        import_file(empty_journal, write(FILE.replace("low = 0.25", "low = 2")))
    assert empty_journal.count() == 0
    assert not empty_journal.can_undo()


def test_an_option_worked_out_from_customers_keeps_its_figures(tmp_path: Path) -> None:
    """An option's money effect from the customer calculator survives the journal, an
    export and an import with its inputs (and so with its ramped value)."""
    from datetime import date
    from decimal import Decimal

    from ltv_journal.core.clv import CustomerValue
    from ltv_journal.core.decision import Decision, Option
    from ltv_journal.core.dimensions import Dimension
    from ltv_journal.core.effects import Effect
    from ltv_journal.core.profile import Profile

    clv = CustomerValue(Decimal(4), Decimal(120), Decimal(3), Decimal("0.4"), stay_years=Decimal(3))
    shop = Effect(per_year=clv.money_per_year(), years=Decimal(5), clv=clv)
    option = Option("Web shop", amount=Decimal(2000), effects={Dimension.MONEY: shop})
    decision = Decision("Keep the job", date(2025, 1, 1), options=(option,))
    profile = Profile(birth_date=date(1979, 1, 1), annual_income=Decimal(35000))
    with Journal(str(tmp_path / "a.db")) as journal:
        journal.save_profile(profile)
        stored = journal.add(decision)
        assert journal.get(stored.id).options == (option,)
        text = render_profile(profile) + "\n" + render_decisions(journal.iter_decisions())
    assert "[decisions.options.effects.money.clv]" in text
    backup = tmp_path / "backup.toml"
    backup.write_text(text)
    with Journal(str(tmp_path / "b.db")) as again:
        import_file(again, backup, replace_profile=True)
        assert again.get(stored.id).options == (option,)
