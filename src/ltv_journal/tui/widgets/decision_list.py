"""The decision list: a virtual list that draws only the visible lines.

It knows the total count and reads the pages it needs from the journal in thread
workers, keeping recent pages in an LRU cache, so 100,000 decisions cost what 100 do.
Line 0 is the column header; line n shows row n - 1 of the list, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ltv_journal.core.language import N_, _

from ..spoken import Spoken
from ..workers import in_thread
from .list_columns import GAP, Column, cells, fit_cell, layout

if TYPE_CHECKING:
    from ltv_journal.core.worth import Worth
    from ltv_journal.store.journal import Journal
    from ltv_journal.store.queries import DecisionFilter, DecisionSummary

PAGE = 100
"""Rows read in one query."""
CACHED_PAGES = 64
PREFIX = "decision-list--"


@dataclass(frozen=True, slots=True)
class _Source:
    """What the list is showing; a new source (new generation) invalidates every page."""

    journal: Journal
    filter: DecisionFilter | None
    today: date
    generation: int
    worth: Worth
    """The profile's worth: with one, rows show the combined value and settled verdicts."""


class DecisionList(Spoken, ScrollView, can_focus=True, inherit_bindings=False):
    """Decisions newest first, one line each, with a cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", N_("Up"), show=False),
        Binding("down,j", "cursor(1)", N_("Down"), show=False),
        Binding("pageup", "page(-1)", N_("Page up"), show=False),
        Binding("pagedown", "page(1)", N_("Page down"), show=False),
        Binding("home", "jump(0)", N_("First"), show=False),
        Binding("end", "jump(-1)", N_("Last"), show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"{PREFIX}{name}"
        for name in (
            "header",
            "cursor",
            "dim",
            "positive",
            "negative",
            "due",
            "reviewed",
            "verdict-raises",
            "verdict-lowers",
            "verdict-trade-off",
            "verdict-neutral",
        )
    }

    class Selected(Message):
        """The cursor is on another decision (None: the list is empty)."""

        def __init__(self, decision_id: str | None) -> None:
            super().__init__()
            self.decision_id = decision_id

    class Counted(Message):
        """The list was (re)loaded and holds `total` decisions."""

        def __init__(self, total: int) -> None:
            super().__init__()
            self.total = total

    class _PageRead(Message):
        def __init__(
            self,
            generation: int,
            page: int,
            rows: list[DecisionSummary],
            total: int | None,
            cursor: int | None = None,
        ) -> None:
            super().__init__()
            self.generation = generation
            self.page = page
            self.rows = rows
            self.total = total
            self.cursor = cursor
            """Where the cursor goes (the decision asked to be selected), if anywhere."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._source: _Source | None = None
        self._generation = 0
        self._total = 0
        self._cursor = 0
        self._loaded = False
        self._pages: LRUCache[int, list[DecisionSummary]] = LRUCache(CACHED_PAGES)
        self._pending: set[int] = set()
        self._strips: LRUCache[tuple[int, bool, int], Strip] = LRUCache(512)
        self._styles: dict[str, Style] = {}
        self._announced: str | None = None
        self.empty_text = _("No decisions yet. Press a to log one.")

    # -- what is shown -------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def cursor(self) -> int:
        return self._cursor

    @property
    def selected(self) -> DecisionSummary | None:
        """The summary under the cursor, if its page is loaded."""
        return self._row(self._cursor) if self._total else None

    def load(
        self,
        journal: Journal,
        flt: DecisionFilter | None,
        today: date,
        select: str | None = None,
    ) -> None:
        """Show `journal` through `flt`; keeps the cursor's position where it can, or
        moves it to the decision `select` (a new one) when the filter shows it.

        The old lines stay on screen until the new count and first page arrive."""
        self._generation += 1
        # The profile is cached by the journal (the overview has just read it).
        worth = journal.profile().worth
        source = self._source = _Source(journal, flt, today, self._generation, worth)
        self._pending.clear()
        page = self._cursor // PAGE
        self._pending.add(page)
        in_thread(
            self,
            lambda: self._read(source, page, count=True, select=select),
            what=N_("read the list of decisions"),
            group="decision-list",
        )

    def _read(
        self, source: _Source, page: int, *, count: bool, select: str | None = None
    ) -> _PageRead:
        """In a thread: one page (and the count when asked)."""
        total = source.journal.count(source.filter) if count else None
        cursor = source.journal.position(select, source.filter) if select else None
        if cursor is not None:
            page = cursor // PAGE
        if total is not None and page * PAGE >= total:
            page = max(total - 1, 0) // PAGE
        rows = source.journal.summaries(source.filter, offset=page * PAGE, limit=PAGE)
        return self._PageRead(source.generation, page, rows, total, cursor)

    def on_decision_list__page_read(self, message: _PageRead) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._pending.discard(message.page)
        if message.cursor is not None:
            self._cursor = message.cursor
        if message.total is not None:
            self._reset(message.total)
        self._pages.set(message.page, message.rows)
        self._strips.clear()
        self.refresh()
        if message.total is not None:
            self.post_message(self.Counted(message.total))
        self._announce()

    def _reset(self, total: int) -> None:
        self._pages.clear()
        self._pending.clear()
        self._total = total
        self._loaded = True
        self._cursor = min(self._cursor, max(total - 1, 0))
        self.virtual_size = Size(1, total + 1)
        self._announced = None
        self._scroll_to_cursor()

    def _request(self, page: int) -> None:
        source = self._source
        if source is None or page < 0 or page * PAGE >= self._total:
            return
        if page in self._pending or page in self._pages:
            return
        self._pending.add(page)
        in_thread(
            self,
            lambda: self._read(source, page, count=False),
            what=N_("read the list of decisions"),
            group="decision-list",
        )

    def _row(self, index: int) -> DecisionSummary | None:
        rows = self._pages.get(index // PAGE)
        if rows is None or index % PAGE >= len(rows):
            return None
        return rows[index % PAGE]

    def _request_around_view(self) -> None:
        """Ask for the visible pages and one screenful either side."""
        rows = max(self.scrollable_content_region.height - 1, 1)
        top = int(self.scroll_offset.y)
        for page in range(max(top - rows, 0) // PAGE, (top + 2 * rows) // PAGE + 1):
            self._request(page)

    # -- cursor --------------------------------------------------------------------

    def move_cursor(self, index: int) -> None:
        if not self._total:
            return
        index = max(0, min(index, self._total - 1))
        old, self._cursor = self._cursor, index
        self.refresh_line(old + 1)
        self.refresh_line(index + 1)
        self._scroll_to_cursor()
        self._announce()

    def _scroll_to_cursor(self) -> None:
        rows = max(self.scrollable_content_region.height - 1, 1)
        top = int(self.scroll_offset.y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + rows:
            self.scroll_to(y=self._cursor - rows + 1, animate=False, immediate=True)

    def _announce(self) -> None:
        """Say which decision is selected, once its page is here."""
        if not self._loaded:
            return
        summary = self.selected
        if self._total and summary is None:
            self._request(self._cursor // PAGE)
            return
        decision_id = summary.id if summary else None
        if decision_id != self._announced or decision_id is None:
            self._announced = decision_id
            self.post_message(self.Selected(decision_id))

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self._cursor + step)

    def action_page(self, direction: int) -> None:
        rows = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_offset.y + direction * rows, animate=False, immediate=True)
        self.move_cursor(self._cursor + direction * rows)

    def action_jump(self, index: int) -> None:
        self.move_cursor(index if index >= 0 else self._total - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = int(self.scroll_offset.y) + offset.y - 1
        if index < self._total:
            self.move_cursor(index)

    # -- drawing -------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def on_resize(self) -> None:
        self._strips.clear()
        self._scroll_to_cursor()

    def _style(self, name: str) -> Style:
        """A component's full style (colours resolved against the list's background)."""
        if name not in self._styles:
            self._styles[name] = (
                self.get_component_rich_style(f"{PREFIX}{name}") if name else Style()
            )
        return self._styles[name]

    def _base_style(self) -> Style:
        if "-base" not in self._styles:
            self._styles["-base"] = self.rich_style
        return self._styles["-base"]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            # The header is drawn with every full repaint: the moment to fetch pages.
            self._request_around_view()
            return self._header(width)
        index = int(self.scroll_offset.y) + y - 1
        if index >= self._total:
            if index == 0 and self._loaded:
                return self._line([(self.empty_text, "dim")], width)
            return Strip.blank(width, self._base_style())
        selected = index == self._cursor
        key = (index, selected, width)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        summary = self._row(index)
        if summary is None:
            self._request(index // PAGE)
            return self._line([("…", "dim")], width, selected=selected)
        strip = self._summary_line(summary, width, selected)
        self._strips.set(key, strip)
        return strip

    def _header(self, width: int) -> Strip:
        parts = [(_(column.label), column, size) for column, size in self._layout(width)]
        texts = [(fit_cell((label,), size, column), "header") for label, column, size in parts]
        return self._line(_spaced(texts), width)

    def _summary_line(self, summary: DecisionSummary, width: int, selected: bool) -> Strip:
        today = self._source.today if self._source else summary.date
        found = cells(summary, today, self._source.worth if self._source else None)
        texts = []
        for column, size in self._layout(width):
            wordings, style = found[column.key]
            texts.append((fit_cell(wordings, size, column), style))
        return self._line(_spaced(texts), width, selected=selected)

    def _layout(self, width: int) -> tuple[tuple[Column, int], ...]:
        return layout(width, bool(self._source and self._source.worth))

    def _line(self, texts: list[tuple[str, str]], width: int, *, selected: bool = False) -> Strip:
        """Cells in their colours; the cursor's background painted over a selected row."""
        row = self._base_style()
        over = Style()
        if selected:
            row += self._style("cursor")
            over = Style(bgcolor=row.bgcolor)
        segments = [Segment(text, row + self._style(style) + over) for text, style in texts]
        return Strip(segments).adjust_cell_length(width, row)


def _spaced(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    spaced: list[tuple[str, str]] = []
    for item in texts:
        if spaced:
            spaced.append((" " * GAP, ""))
        spaced.append(item)
    return spaced
