"""The samples in German: the same decisions and figures as the English ones, other
words; the demo and every other reader of a sample take the language in force."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from ltv_journal.core import language
from ltv_journal.core.decision import Decision
from ltv_journal.core.dimensions import Dimension
from ltv_journal.exchange import layout
from ltv_journal.exchange.reader import import_file, read_interchange
from ltv_journal.exchange.sample import SAMPLE_LANGUAGES, SAMPLE_NAMES, sample_path
from ltv_journal.store.journal import Journal

BOTH = [(name, code) for name in SAMPLE_NAMES for code in SAMPLE_LANGUAGES]


@pytest.mark.parametrize(("name", "code"), BOTH)
def test_every_sample_in_every_language_imports(name: str, code: str, tmp_path: Path) -> None:
    path = sample_path(name, code)
    assert path.is_file() and path.parent.name == "sample_data"
    text = path.read_text(encoding="utf-8")
    assert layout.parse(text) == tomllib.loads(text, parse_float=Decimal)
    with Journal(str(tmp_path / "j.db")) as journal:
        result = import_file(journal, path, replace_profile=True)
        assert result.added == journal.count() > 0


@pytest.mark.parametrize("code", SAMPLE_LANGUAGES)
def test_the_seeds_figures_are_exact_in_every_language(code: str, tmp_path: Path) -> None:
    with Journal(str(tmp_path / "j.db")) as journal:
        import_file(journal, sample_path("max-muster", code), replace_profile=True)
        score = journal.score()
        assert score.baseline[Dimension.MONEY] == Decimal("1575000.00")
        assert score.ltv[Dimension.MONEY] == Decimal("1695000.00")
        assert journal.profile().name == "Max Muster"


def test_the_german_seed_is_the_online_business() -> None:
    (decision,) = read_interchange(sample_path("max-muster", "de")).decisions
    assert decision.title == "Online-Business aufbauen"


def test_the_language_in_force_picks_the_file() -> None:
    assert sample_path("journal").name == "journal.toml"
    with language.using("de"):
        assert sample_path("journal").name == "journal.de.toml"
        assert sample_path("max-muster").name == "max-muster.de.toml"
        assert sample_path("journal", "en").name == "journal.toml"
    assert sample_path("max-muster").name == "max-muster.toml"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(language.LanguageError):
        sample_path("journal", "fr")


def _figures(decision: Decision) -> Decision:
    """The decision without its words: what both languages must share."""
    return replace(
        decision,
        title="",
        category="",
        tags=(),
        notes="",
        expectation="",
        feeling="",
        reviews=tuple(replace(r, notes="", hindsight="") for r in decision.reviews),
    )


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_both_languages_have_the_same_decisions_and_figures(name: str, tmp_path: Path) -> None:
    english = read_interchange(sample_path(name, "en"))
    german = read_interchange(sample_path(name, "de"))
    assert english.profile == german.profile
    assert len(english.decisions) == len(german.decisions)
    assert [_figures(d) for d in english.decisions] == [_figures(d) for d in german.decisions]
    for en, de in zip(english.decisions, german.decisions, strict=True):
        assert len(en.tags) == len(de.tags)
        assert [bool(getattr(en, f)) for f in ("notes", "expectation", "feeling")] == [
            bool(getattr(de, f)) for f in ("notes", "expectation", "feeling")
        ]
    scores = []
    for code in SAMPLE_LANGUAGES:
        with Journal(str(tmp_path / f"{code}.db")) as journal:
            import_file(journal, sample_path(name, code), replace_profile=True)
            scores.append((journal.score(), journal.band()))
    assert scores[0] == scores[1]


def test_the_german_journal_is_in_german() -> None:
    english = read_interchange(sample_path("journal", "en")).decisions
    german = read_interchange(sample_path("journal", "de")).decisions
    same = {e.title for e, g in zip(english, german, strict=True) if e.title == g.title}
    assert same <= {"Smartwatch"}  # a word German uses too
    assert all(e.category != g.category for e, g in zip(english, german, strict=True))
    assert len({d.category for d in german}) == len({d.category for d in english})
    titles = {d.title for d in german}
    assert "Deutschlandticket im Jahresabo" in titles
    assert "Stehschreibtisch fürs Homeoffice" in titles


def test_demo_opens_the_german_journal_in_german(monkeypatch: pytest.MonkeyPatch) -> None:
    from ltv_journal.cli import launch, main

    seen: list[list[str]] = []

    def fake_runner(location: str) -> None:
        with Journal(location) as journal:
            seen.append([d.title for d in journal.iter_decisions()])

    monkeypatch.setattr(launch, "tui_runner", lambda: fake_runner)
    with language.using(language.current()):  # the command line leaves its language
        for code in SAMPLE_LANGUAGES:
            result = CliRunner().invoke(main, ["--lang", code, "demo"])
            assert result.exit_code == 0, (result.output, result.exception)
    english, german = seen
    assert len(english) == len(german) > 50
    assert "Annual public transport pass (Deutschlandticket)" in english
    assert "Deutschlandticket im Jahresabo" in german
    assert not set(english) & set(german) - {"Smartwatch"}


def test_loading_the_sample_in_german_gives_german_titles(empty_journal: Journal) -> None:
    with language.using("de"):
        import_file(empty_journal, sample_path("journal"), replace_profile=True)
    titles = {d.title for d in empty_journal.iter_decisions()}
    assert "Deutschlandticket im Jahresabo" in titles
    assert "Annual public transport pass (Deutschlandticket)" not in titles
