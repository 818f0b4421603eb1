"""import and export through the interchange TOML."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import Run, exact_json, journal_state

sample = pytest.importorskip("ltv_journal.exchange.sample")


def test_importing_the_seed_sample_gives_the_seed_score(run: Run) -> None:
    path = sample.sample_path("max-muster")
    out = run("import", str(path)).stdout
    assert out == (
        f"imported {path}: 1 added, 0 changed, 0 unchanged; profile set "
        "(ltv-journal undo takes it back)\n"
    )
    data = exact_json(run("score", "--json").stdout)
    assert data["baseline"]["money"] == Decimal("1575000.00")
    assert data["ltv"]["money"] == Decimal("1695000.00")


def test_import_is_idempotent(run: Run) -> None:
    path = str(sample.sample_path("max-muster"))
    run("import", path)
    assert "0 added, 0 changed, 1 unchanged" in run("import", path).stdout
    assert exact_json(run("score", "--json").stdout)["decisions"] == 1


def test_a_bad_file_is_refused_whole(max_journal: Run, db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[decisions]]\ndate = 2025-01-01\ntitle = "Fine"\n\n'
        '[[decisions]]\ndate = 2025-01-02\ntitle = "Broken"\namount = "lots"\n'
    )
    before = journal_state(db)
    result = max_journal("import", str(bad), ok=False)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ") and "bad.toml" in result.stderr
    assert journal_state(db) == before


def test_a_missing_file_is_a_clear_error(run: Run, tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "nope.toml"), ok=False)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "nope.toml" in result.stderr


def test_export_year_to_stdout_and_to_a_file(max_journal: Run, tmp_path: Path) -> None:
    text = max_journal("export", "--year", "2025").stdout
    assert "[summary]" in text and "Build an online business" in text
    target = tmp_path / "2025.toml"
    result = max_journal("export", "--year", "2025", "-o", str(target))
    assert result.stdout == ""
    assert result.stderr == f"wrote {target}\n"
    assert "[summary]" in target.read_text()


def test_export_all_restores_into_an_empty_journal(max_journal: Run, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ltv_journal.cli import main

    backup = tmp_path / "backup.toml"
    max_journal("export", "--all", "-o", str(backup))
    fresh = tmp_path / "fresh.db"
    restored = CliRunner().invoke(main, ["--db", str(fresh), "import", str(backup)])
    assert restored.exit_code == 0, restored.stderr
    again = CliRunner().invoke(main, ["--db", str(fresh), "score", "--json"])
    assert again.stdout == max_journal("score", "--json").stdout


def test_export_to_a_missing_folder_is_a_clear_error(max_journal: Run, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "2025.toml"
    result = max_journal("export", "--year", "2025", "-o", str(target), ok=False)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot write {target}")
    assert not target.parent.exists()


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_sample_summary_agrees_with_score_and_calibration(run: Run, year: int) -> None:
    """Every LTV figure of `export --year` is what `score --json --as-of` says for the
    same day, and its calibration is `calibration --json`."""
    import tomllib

    run("import", str(sample.sample_path("journal")))
    summary = tomllib.loads(run("export", "--year", str(year)).stdout, parse_float=Decimal)
    start = exact_json(run("score", "--json", "--as-of", f"{year - 1}-12-31").stdout)
    end = exact_json(run("score", "--json", "--as-of", f"{year}-12-31").stdout)
    calibration = exact_json(run("calibration", "--json").stdout)["dimensions"]
    for dim in ("money", "happiness", "love", "meaning"):
        assert summary["ltv"][dim]["start"] == start["ltv"][dim]
        assert summary["ltv"][dim]["end"] == end["ltv"][dim]
        assert summary["ltv"][dim]["change"] == end["ltv"][dim] - start["ltv"][dim]
        for key in ("reviews", "mean_error", "mean_abs_error", "brier"):
            if calibration[dim][key] is None:
                assert key not in summary["calibration"][dim]
            else:
                assert summary["calibration"][dim][key] == calibration[dim][key]
    assert start["decisions"] < end["decisions"]


def test_import_reads_standard_input(max_journal: Run, tmp_path: Path) -> None:
    """`export --all | import -` copies a journal."""
    from click.testing import CliRunner

    from ltv_journal.cli import main

    backup = max_journal("export", "--all").stdout
    copy = tmp_path / "copy.db"
    result = CliRunner().invoke(main, ["--db", str(copy), "import", "-"], input=backup)
    assert result.exit_code == 0, result.stderr
    assert "1 added" in result.stdout
    again = CliRunner().invoke(main, ["--db", str(copy), "export", "--all"])
    assert again.stdout == backup


def test_bad_standard_input_names_its_line(max_journal: Run, db: Path) -> None:
    from click.testing import CliRunner

    from ltv_journal.cli import main

    before = journal_state(db)
    result = CliRunner().invoke(
        main, ["--db", str(db), "import", "-"], input="[[decisions]]\ndate = 2025-01-01\n"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: <stdin>, line ")
    assert "title" in result.stderr
    assert journal_state(db) == before


def test_a_file_named_dash_is_imported_as_dot_slash_dash(
    max_journal: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text(max_journal("export", "--all").stdout)
    assert "0 added, 0 changed, 1 unchanged" in max_journal("import", "./-").stdout
