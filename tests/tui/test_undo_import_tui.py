"""`u` in the terminal UI takes back a whole import, as `ltv-journal undo` does."""

from __future__ import annotations

from pathlib import Path

from ltv_journal.exchange.reader import import_file
from ltv_journal.store.journal import Journal

from .app_support import RecordingApp, decision_list, fill, settle
from .screen_host import pilot_test

BACKUP = """\
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


@pilot_test
async def test_u_undoes_an_import(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    score = journal.score()
    path = tmp_path / "backup.toml"
    path.write_text(BACKUP)
    import_file(journal, path)
    app = RecordingApp(journal.location, journal)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert decision_list(app).total == 8
        await pilot.press("u")
        await settle(pilot)
        assert "Undid the import of backup.toml (2 added, 0 changed)." in app.said
        assert decision_list(app).total == 6
    assert journal.score() == score
