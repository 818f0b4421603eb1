"""The sample journals shipped inside the package."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_NAMES: tuple[str, ...] = ("journal", "max-muster")
"""`journal`: a fictional person's three years; `max-muster`: the seed's example."""


def sample_path(name: str = "journal") -> Path:
    """The path of `sample_data/<name>.toml` inside the installed package."""
    if name not in SAMPLE_NAMES:
        known = ", ".join(SAMPLE_NAMES)
        raise ValueError(f"no sample named {name!r}; the samples are {known}")
    return Path(str(files("ltv_journal").joinpath("sample_data", f"{name}.toml")))
