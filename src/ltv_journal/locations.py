"""Every user path in one place (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ltv-journal"
ENV_DB = "LTV_JOURNAL_DB"


def data_dir() -> Path:
    """The platform user-data folder for ltv-journal (not created here)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db() -> Path:
    return data_dir() / "journal.db"


def journal_location(option: str | None = None) -> str:
    """Where the journal lives: `--db`, else `$LTV_JOURNAL_DB`, else the default file."""
    return option or os.environ.get(ENV_DB) or str(default_db())
