"""Every key of the main screen, defined once: the bindings, the footer, the command
palette and the help screen all read this table."""

from __future__ import annotations

from dataclasses import dataclass

from ltv_journal.core.language import N_


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
    Key("a", "add", N_("Add"), N_("Log a new decision")),
    Key("e", "edit", N_("Edit"), N_("Edit the selected decision")),
    Key("d", "delete", N_("Delete"), N_("Delete the selected decision (u brings it back)")),
    Key("u", "undo", N_("Undo"), N_("Undo the last change")),
    Key("r", "review", N_("Review"), N_("Review the decisions whose review date has come")),
    Key(
        "c",
        "compare",
        N_("Compare"),
        N_("Weigh 2 to 5 options side by side, log the one chosen"),
        show=False,
    ),
    Key("slash", "filter", N_("Filter"), N_("Search and filter the list")),
    Key("y", "year", N_("Year"), N_("Show one year, or all years"), show=False),
    Key(
        "i",
        "insights",
        N_("Insights"),
        N_("Calibration: what you expected against what happened"),
        show=False,
    ),
    Key("g", "trends", N_("Trends"), N_("The running lifetime value month by month"), show=False),
    Key("x", "export", N_("Export"), N_("Export a year's TOML summary"), show=False),
    Key(
        "o",
        "import_file",
        N_("Import"),
        N_("Import a file, after a preview of what it does"),
        show=False,
    ),
    Key("b", "backup", N_("Backup"), N_("Back up the whole journal to a TOML file"), show=False),
    Key(
        "p", "profile", N_("Profile"), N_("Edit your profile (rescores every decision)"), show=False
    ),
    Key("v", "toggle_detail", N_("Details"), N_("Show or hide the detail pane"), show=False),
    Key(
        "t",
        "toggle_theme",
        N_("Theme"),
        N_("Switch between the light and the dark theme"),
        show=False,
    ),
    Key("question_mark", "help", N_("Help"), N_("Show the keys and what they do")),
    Key("q", "quit", N_("Quit"), N_("Quit")),
)
