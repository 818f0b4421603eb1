"""The sample journals shipped inside the package, in English and in German."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from ltv_journal.core import language

SAMPLE_NAMES: tuple[str, ...] = ("journal", "max-muster")
"""`journal`: a fictional person's three years; `max-muster`: the seed's example."""
SAMPLE_LANGUAGES: tuple[str, ...] = (language.ENGLISH, language.GERMAN)
"""Every sample is written in each: the same decisions and figures, other words
(`<name>.toml` in English, `<name>.<code>.toml` in the others)."""


def sample_path(name: str = "journal", lang: str | None = None) -> Path:
    """The path of the sample `name` in `lang` (default: the language in force) inside
    the installed package: `sample_data/<name>.toml`, or `<name>.de.toml` in German."""
    if name not in SAMPLE_NAMES:
        known = ", ".join(SAMPLE_NAMES)
        raise ValueError(f"no sample named {name!r}; the samples are {known}")
    code = language.current() if lang is None else language.checked(lang)
    stem = name if code == language.ENGLISH else f"{name}.{code}"
    return Path(str(files("ltv_journal").joinpath("sample_data", f"{stem}.toml")))
