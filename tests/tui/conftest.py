"""Fixtures for every TUI test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor is drawn or not depending on when the frame is taken, so a
    snapshot of a focused field would differ from run to run on a busy machine: keep
    the cursor steadily shown."""
    monkeypatch.setattr("textual.widgets._input.Input.cursor_blink", False)
