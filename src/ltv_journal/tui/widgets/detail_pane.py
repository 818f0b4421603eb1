"""The detail pane: the selected decision's figures in words (`core.explain`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ltv_journal.core.explain import detail_lines
from ltv_journal.core.language import N_, _

if TYPE_CHECKING:
    from ltv_journal.core.decision import Decision
    from ltv_journal.core.profile import Profile

NOTHING = N_("Select a decision to see its effects, its verdict and its reviews.")


class DetailPane(VerticalScroll):
    """Shows one decision; `show(None, …)` clears it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = _("Details")
        self.decision_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(_(NOTHING), id="detail-body", classes="-empty")

    def show(self, decision: Decision | None, profile: Profile) -> None:
        body = self.query_one("#detail-body", Static)
        self.decision_id = decision.id if decision else None
        body.set_class(decision is None, "-empty")
        if decision is None:
            body.update(NOTHING)
        else:
            # Read on the first selection rather than at start-up.
            from ltv_journal.core.band_text import with_band_line
            from ltv_journal.core.road_not_taken import road_not_taken

            lines = with_band_line(detail_lines(decision, profile), decision, profile)
            lines += road_not_taken(decision, profile)
            body.update(styled(lines))
        self.scroll_home(animate=False)


def styled(lines: list[str]) -> Content:
    """The explain lines with a little emphasis: the title, the labels, the verdict,
    the titles of the options not taken."""
    shown = []
    for number, line in enumerate(lines):
        if number == 0:
            shown.append(Content.styled(line, "bold"))
        elif number in (1, 2):
            shown.append(Content.styled(line, "$text-muted"))
        elif line.startswith("  ") and not line.startswith("    ") and " · " in line:
            shown.append(Content.styled(line, "italic"))  # an option not taken
        else:
            shown.append(_labelled(line))
    return Content("\n").join(shown)


_VERDICT_STYLES = {"raises": "$text-success", "lowers": "$text-error", "trade-off": "$text-warning"}


def _labelled(line: str) -> Content:
    """`label: rest` with the label in bold; the verdict in its colour."""
    label, colon, rest = line.partition(":")
    if not colon or len(label) > 24 or label.strip()[:1] in "+-":
        return Content(line)
    if label == "verdict":
        verdict, dash, figures = rest.partition(" — ")
        style = _VERDICT_STYLES.get(verdict.split()[0] if verdict.split() else "", "")
        return Content.assemble((label + colon, "bold"), (verdict, f"bold {style}"), dash + figures)
    return Content.assemble((label + colon, "bold"), rest)
