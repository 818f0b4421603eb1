"""Every key of the main screen, defined once: the bindings, the footer, the command
palette and the help screen all read this table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Key:
    key: str
    """The Textual key name (`slash`, `question_mark`, …)."""
    action: str
    """The main screen's action, without the `action_` prefix."""
    label: str
    """The short word in the footer and the palette."""
    help: str
    """What it does, in a sentence."""
    show: bool = True
    """Shown in the footer (all keys are in the palette and the help screen)."""

    @property
    def display(self) -> str:
        return _DISPLAY.get(self.key, self.key)


_DISPLAY = {"slash": "/", "question_mark": "?"}

KEYS: tuple[Key, ...] = (
    Key("a", "add", "Add", "Log a new decision"),
    Key("e", "edit", "Edit", "Edit the selected decision"),
    Key("d", "delete", "Delete", "Delete the selected decision (u brings it back)"),
    Key("u", "undo", "Undo", "Undo the last change"),
    Key("r", "review", "Review", "Review the decisions whose review date has come"),
    Key(
        "c",
        "compare",
        "Compare",
        "Weigh 2 to 5 options side by side, log the one chosen",
        show=False,
    ),
    Key("slash", "filter", "Filter", "Search and filter the list"),
    Key("y", "year", "Year", "Show one year, or all years", show=False),
    Key(
        "i",
        "insights",
        "Insights",
        "Calibration: what you expected against what happened",
        show=False,
    ),
    Key("g", "trends", "Trends", "The running lifetime value month by month", show=False),
    Key("x", "export", "Export", "Export a year's TOML summary", show=False),
    Key("o", "import_file", "Import", "Import a file, after a preview of what it does", show=False),
    Key("b", "backup", "Backup", "Back up the whole journal to a TOML file", show=False),
    Key("p", "profile", "Profile", "Edit your profile (rescores every decision)", show=False),
    Key("v", "toggle_detail", "Details", "Show or hide the detail pane", show=False),
    Key("t", "toggle_theme", "Theme", "Switch between the light and the dark theme", show=False),
    Key("question_mark", "help", "Help", "Show the keys and what they do"),
    Key("q", "quit", "Quit", "Quit"),
)
