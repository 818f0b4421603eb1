"""The installed `ltv-journal` command, `python -m`, bare invocation and start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ltv_journal.cli import main

from .conftest import MAX_PROFILE, Run

VENV_BIN = Path(sys.executable).parent
HEAVY = ("sqlalchemy", "sqlmodel", "textual", "tomlkit")


def command(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    script = VENV_BIN / "ltv-journal"
    if not script.exists():
        pytest.skip("the ltv-journal entry point is not installed in this environment")
    return subprocess.run(
        [str(script), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "LTV_JOURNAL_TODAY": "2026-11-25", **(env or {})},
        timeout=120,
    )


def test_installed_command_builds_the_seed_example(tmp_path: Path) -> None:
    db = str(tmp_path / "j.db")
    assert command("--db", db, *MAX_PROFILE).returncode == 0
    added = command(
        "add",
        "Build an online business",
        "--date",
        "2025-01-01",
        "--effect",
        "money 6000/y delay=12",
        env={"LTV_JOURNAL_DB": db},
    )
    assert added.returncode == 0, added.stderr
    score = command("--db", db, "score", "--json")
    data = json.loads(score.stdout)
    assert data["ltv"]["money"] == 1695000
    assert '"money": 1695000.00' in score.stdout


def test_installed_command_reports_bad_input_without_a_traceback(tmp_path: Path) -> None:
    result = command("--db", str(tmp_path / "j.db"), "add", "Bike", "--amount", "1,234")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: --amount '1,234' is ambiguous")
    assert result.stderr.count("\n") == 1


def test_python_dash_m_runs_the_command_line() -> None:
    for module in ("ltv_journal", "ltv_journal.cli"):
        result = subprocess.run(
            [sys.executable, "-m", module, "--help"], capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0
        assert result.stdout.startswith("Usage: ltv-journal")


def _modules_after(args: list[str], db: Path) -> list[str]:
    """The heavy modules imported by running `args` in a fresh interpreter."""
    code = (
        "import sys\n"
        "from ltv_journal.cli import main\n"
        f"main({args!r}, standalone_mode=False)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "LTV_JOURNAL_DB": str(db), "LTV_JOURNAL_TODAY": "2026-11-25"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1].replace("'", '"'))


def test_help_and_score_import_no_heavy_library(run: Run, db: Path) -> None:
    run(*MAX_PROFILE)
    assert _modules_after(["--help"], db) == []
    assert _modules_after(["add", "--help"], db) == []
    assert _modules_after(["score"], db) == []


def test_bare_command_without_the_tui_prints_score_and_help(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ltv_journal.cli as cli

    run(*MAX_PROFILE)
    monkeypatch.setattr(cli, "tui_runner", lambda: None)
    result = CliRunner().invoke(main, ["--db", str(db)])
    assert result.exit_code == 0
    assert "1,575,000.00 EUR" in result.stdout
    assert "Usage: " in result.stdout and "Commands:" in result.stdout


def test_bare_command_opens_the_tui_on_the_journal(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ltv_journal.cli as cli

    opened: list[str] = []
    monkeypatch.setattr(cli, "tui_runner", lambda: opened.append)
    assert CliRunner().invoke(main, ["--db", str(db)]).exit_code == 0
    assert opened == [str(db)]


def test_demo_imports_the_sample_into_a_temporary_journal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("ltv_journal.exchange.sample")
    import ltv_journal.cli.launch as launch
    from ltv_journal.store.journal import Journal

    seen: list[tuple[str, int]] = []

    def fake_tui(location: str) -> None:
        with Journal(location) as journal:
            seen.append((location, journal.count()))

    monkeypatch.setattr(launch, "tui_runner", lambda: fake_tui)
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.stderr
    [(location, count)] = seen
    assert count >= 1
    assert not Path(location).exists()  # the temporary copy is gone afterwards


def test_demo_without_the_tui_prints_the_sample_score(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ltv_journal.exchange.sample")
    import ltv_journal.cli.launch as launch

    monkeypatch.setattr(launch, "tui_runner", lambda: None)
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.stderr
    assert "LTV" in result.stdout
    assert "terminal UI is not available" in result.stdout


EMPTY_DB = [["--db", ""], ["--db="], ["--db", "  "], ["--db", "", "score"], ["score", "--db", ""]]


@pytest.mark.parametrize("args", EMPTY_DB, ids=[" ".join(map(repr, a)) for a in EMPTY_DB])
def test_an_empty_db_is_refused_not_the_default_journal(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = _entry_point_opens(args, monkeypatch, env=None)
    assert opened == []
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("error: --db is empty;") and err.count("\n") == 1


@pytest.mark.parametrize("args", [[], ["score"], ["list"]])
def test_an_empty_journal_variable_is_refused(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = _entry_point_opens(args, monkeypatch, env="")
    assert opened == []
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("error: $LTV_JOURNAL_DB is set but empty;") and err.count("\n") == 1


def test_a_bare_db_still_opens_the_ui_on_that_journal(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _entry_point_opens(["--db", str(db)], monkeypatch, env="") == [str(db)]


def _entry_point_opens(
    args: list[str], monkeypatch: pytest.MonkeyPatch, env: str | None
) -> list[str]:
    """Run `ltv-journal ARGS` in-process; the journals the UI would have opened.

    The user-data folder points below /dev/null, where no journal can be made, so a
    mistake could never reach a real journal."""
    pytest.importorskip("ltv_journal.tui.app")
    import ltv_journal.cli as cli
    import ltv_journal.tui.app as app
    from ltv_journal import entry

    opened: list[str] = []
    monkeypatch.setattr(app, "run_app", opened.append)
    monkeypatch.setattr(cli, "tui_runner", lambda: opened.append)
    monkeypatch.setattr(sys, "argv", ["ltv-journal", *args])
    monkeypatch.setenv("XDG_DATA_HOME", str(Path(os.devnull)))
    if env is None:
        monkeypatch.delenv("LTV_JOURNAL_DB", raising=False)
    else:
        monkeypatch.setenv("LTV_JOURNAL_DB", env)
    try:
        entry.main()
    except SystemExit as done:
        assert done.code == (0 if opened else 2)
    return opened


def _installed() -> Path:
    script = VENV_BIN / "ltv-journal"
    if not script.exists():
        pytest.skip("the ltv-journal entry point is not installed in this environment")
    return script


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["export", "--year", "2025"], ["score"], ["list", "--help"]])
def test_output_to_a_full_disk_is_one_line(run: Run, db: Path, args: list[str]) -> None:
    run(*MAX_PROFILE)
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(_installed()), "--db", str(db), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2
    assert result.stderr == "error: cannot write the output: No space left on device\n"


def test_a_closed_pipe_ends_quietly_without_a_traceback(run: Run, db: Path) -> None:
    """`ltv-journal export --all | head`: the reader has what it wanted; no message,
    status 1 (the output is incomplete), as click does for a closed pipe."""
    run(*MAX_PROFILE)
    for number in range(3):
        run("add", f"Bike {number}", "--amount", "100")
    process = subprocess.Popen(
        [str(_installed()), "--db", str(db), "export", "--all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader goes away before anything is written
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert stderr == ""
