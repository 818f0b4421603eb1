"""Import and a full backup in the terminal UI: `o` shows what a file would do before
anything is written (the preview of `import --dry-run`), overwriting newer edits is
asked for with a key of its own, and `b` writes the whole journal to a file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Input, Static

from ltv_journal.exchange.writer import export_all
from ltv_journal.store.journal import Journal
from ltv_journal.tui.screens.import_preview import ImportPreview

from .app_support import RecordingApp, decision_list, fill, settle, visible_text
from .screen_host import pilot_test

NEW = """\
[[decisions]]
id = "00000000-0000-4000-8000-000000000101"
date = 2025-04-01
title = "Piano"
amount = 4000.0

[[decisions]]
id = "00000000-0000-4000-8000-000000000102"
date = 2025-04-02
title = "Garden"
"""


async def _open_preview(app: RecordingApp, pilot: object, path: Path) -> ImportPreview:
    await pilot.press("o")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    app.screen.query_one("#path", Input).value = str(path)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, ImportPreview), app.screen
    return app.screen


def _text(screen: ImportPreview, name: str) -> str:
    return str(screen.query_one(f"#{name}", Static).render())


@pilot_test
async def test_o_previews_a_file_and_imports_it_only_when_told(
    journal: Journal, tmp_path: Path
) -> None:
    fill(journal)
    path = tmp_path / "new.toml"
    path.write_text(NEW)
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        preview = await _open_preview(app, pilot, path)
        assert _text(preview, "preview-counts").startswith("2 added · 0 changed · 0 unchanged")
        assert "added" in _text(preview, "preview-plan") and "Piano" in _text(
            preview, "preview-plan"
        )
        await pilot.press("escape")  # nothing is written
        await settle(pilot)
        assert journal.count() == 6
        await _open_preview(app, pilot, path)
        await pilot.press("enter")
        await settle(pilot)
        assert journal.count() == 8
        assert decision_list(app).total == 8
        assert any("Imported new.toml: 2 added" in s for s in app.said)
        await pilot.press("u")
        await settle(pilot)
        assert journal.count() == 6


@pilot_test
async def test_a_newer_edit_is_overwritten_only_with_its_own_key(
    journal: Journal, tmp_path: Path
) -> None:
    fill(journal)
    backup = tmp_path / "backup.toml"
    backup.write_text(export_all(journal))
    first = next(journal.iter_decisions())
    journal.update(replace(first, title="Edited after the backup"))
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        preview = await _open_preview(app, pilot, backup)
        counts = _text(preview, "preview-counts")
        assert "0 added · 0 changed · 5 unchanged · 1 would overwrite a newer edit" in counts
        plan = _text(preview, "preview-plan")
        assert plan.splitlines()[0].startswith("would overwrite a newer edit")
        assert first.id[:8] in plan.splitlines()[0]
        assert "o: import and overwrite" in _text(preview, "preview-keys")
        await pilot.press("enter")  # not enough: the overwrite is asked for with o
        await settle(pilot)
        assert isinstance(app.screen, ImportPreview)
        assert journal.get(first.id).title == "Edited after the backup"
        await pilot.press("o")
        await settle(pilot)
        assert journal.get(first.id).title == first.title
        assert any("1 newer edits overwritten" in s for s in app.said)


@pilot_test
async def test_a_file_that_cannot_be_read_is_said_at_the_field(
    journal: Journal, tmp_path: Path
) -> None:
    fill(journal)
    bad = tmp_path / "bad.toml"
    bad.write_text('[[decisions]]\ntitle = "x"\ndate = 2025-01-01\namount = -5\n')
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(bad)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ImportPreview)
        error = app.screen.query_one(".field-error", Static)
        assert "bad.toml, line 4: decisions[1].amount" in str(error.render()), (
            str(error.render()),
            app.said,
        )
        assert journal.count() == 6


@pilot_test
async def test_b_backs_up_the_whole_journal(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    path = tmp_path / "backup.toml"
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(path)
        await pilot.press("enter")
        await settle(pilot)
    assert path.read_text() == export_all(journal)
    assert any(f"Backed up the journal to {path}" in s for s in app.said)


@pilot_test
async def test_import_and_backup_are_in_the_palette_and_the_help(journal: Journal) -> None:
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Import (o)" in titles and "Backup (b)" in titles
        await pilot.press("question_mark")
        await settle(pilot)
        shown = visible_text(app)
        assert "Import a file, after a preview of what it does" in shown
        assert "Back up the whole journal to a TOML file" in shown
