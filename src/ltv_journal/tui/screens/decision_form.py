"""Add or edit a decision, with its lifetime effect and verdict shown while typing."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, RadioSet

from ltv_journal.core import clock
from ltv_journal.core.dates import add_months
from ltv_journal.core.decision import DEFAULT_REVIEW_MONTHS, Decision, Kind
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile
from ltv_journal.core.text import visible

from ..widgets.toggles import DotButton
from .decision_preview import DecisionPreview
from .effect_rows import COLUMNS, EffectHeadings, EffectRow
from .fields import Field, FormScreen, Problems, add_problem
from .typed_values import kept_text, one_line, read_amount, read_date, read_optional_date


class DecisionForm(FormScreen[Decision]):
    """A new decision (`decision=None`) or an edit of one. Dismisses the Decision —
    a new one with `id=""`; an edit keeps its id, reviews and deletion state — or None.

    Only the title is required: a quick log is an expense of 0 today with no effects.
    """

    AUTO_FOCUS = "#title"

    DEFAULT_CSS = """
    DecisionForm {
        & > .form-box { height: 100%; max-height: 44; }
        & #form-scroll { height: 1fr; }
        & RadioSet { layout: horizontal; width: auto; }
        & RadioSet > RadioButton { width: auto; margin-right: 2; }
        & .section { color: $text-primary; text-style: bold; margin-top: 1; }
    }
    """

    def __init__(
        self,
        profile: Profile,
        decision: Decision | None = None,
        categories: Sequence[str] = (),
        *,
        save: Callable[[Decision], Decision] | None = None,
    ) -> None:
        super().__init__(save=save)
        self.profile = profile
        """Horizons and currency for the preview."""
        self.original = decision
        """The decision being edited, or None for a new one."""
        self._categories = list(categories)
        self._rows: list[EffectRow] = []

    def compose(self) -> ComposeResult:
        d = self.original
        today = clock.today()
        with Vertical(classes="form-box") as box:
            box.border_title = "Edit decision" if d else "New decision"
            box.border_subtitle = (
                "enter save · esc cancel · tab next field · ctrl+b money from customers"
            )
            with VerticalScroll(id="form-scroll"):
                yield from self._basic_fields(d, today)
                yield Label(
                    "Expected effects (leave a row blank for none; points: -10..+10 a year)",
                    classes="section",
                )
                yield EffectHeadings()
                for dim in DIMENSIONS:
                    yield EffectRow(dim, self.profile.currency, d.effects.get(dim) if d else None)
                yield Label("Notes for your future self", classes="section")
                yield from self._note_fields(d)
            yield DecisionPreview()

    def _basic_fields(self, d: Decision | None, today: date) -> ComposeResult:
        title = visible(d.title, lines=False) if d else ""
        yield Field("title", Input(title, id="title", compact=True), key="title")
        # The amount follows the title: a quick log is "title, tab, amount, enter".
        amount = f"{d.amount:.2f}" if d else ""
        yield Field(
            "amount spent",
            _input(amount, "amount", "0"),
            key="amount",
            hint=self.profile.currency,
        )
        kind = RadioSet(
            DotButton("expense", value=not d or d.kind is Kind.EXPENSE, id="kind-expense"),
            DotButton("investment", value=bool(d and d.kind is Kind.INVESTMENT)),
            id="kind",
            compact=True,
        )
        yield Field("kind", kind, key="kind")
        day = d.date if d else today
        yield Field("date", _input(day.isoformat(), "date", "YYYY-MM-DD"), key="date")
        category = Input(
            visible(d.category, lines=False) if d else "",
            id="category",
            compact=True,
            suggester=SuggestFromList(self._categories, case_sensitive=False)
            if self._categories
            else None,
        )
        yield Field("category", category, key="category")
        tags = visible(" ".join(d.tags), lines=False) if d else ""
        yield Field("tags", _input(tags, "tags", "space or comma separated"), key="tags")

    def _note_fields(self, d: Decision | None) -> ComposeResult:
        for key, label, value in (
            ("expectation", "what I expect and why", d.expectation if d else ""),
            ("feeling", "how I feel right now", d.feeling if d else ""),
            ("notes", "notes", d.notes if d else ""),
        ):
            yield Field(label, _input(one_line(value), key), key=key)
        review_on = d.review_on.isoformat() if d and d.review_on else ""
        yield Field("review on", _input(review_on, "review_on", ""), key="review_on")

    def on_mount(self) -> None:
        self.refresh_form()

    @property
    def rows(self) -> list[EffectRow]:
        """The effect rows, found once (a query walks the whole form)."""
        if not self._rows:
            self._rows = list(self.query(EffectRow))
        return self._rows

    def on_radio_set_changed(self, _: RadioSet.Changed) -> None:
        self.refresh_form()

    # -- reading the form ------------------------------------------------------------

    def text(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value

    def read_form(self) -> tuple[Decision | None, Problems]:
        draft, problems, _ = self.read_draft()
        for key, reason in draft.problems():
            add_problem(problems, key, reason)
        return (None if problems else draft), problems

    def read_draft(self) -> tuple[Decision, Problems, set[Dimension]]:
        """The decision as typed so far (unreadable fields at their defaults), the reasons
        fields could not be read, and the dimensions whose effect could not be read."""
        found: Problems = {}
        day = self._read(found, "date", lambda t: read_date(t, clock.today()), clock.today())
        currency = self.profile.currency
        amount = self._read(found, "amount", lambda t: read_amount(t, currency=currency), None)
        amount = amount or Decimal(0)
        review_on = self._read(found, "review_on", read_optional_date, None)
        effects: dict[Dimension, Effect] = {}
        unreadable: set[Dimension] = set()
        for row in self.rows:
            effect, reasons = row.read()
            found.update(reasons)
            if reasons:
                unreadable.add(row.dimension)
            elif effect is not None:
                effects[row.dimension] = effect
        kind_set = self.query_one("#kind", RadioSet)
        kind = Kind.INVESTMENT if kind_set.pressed_index == 1 else Kind.EXPENSE
        original = self.original
        fields = {
            "title": self.text("title").strip(),
            "date": day,
            "kind": kind,
            "amount": amount,
            "category": self.text("category").strip(),
            "tags": tuple(self.text("tags").replace(",", " ").split()),
            "expectation": self._note("expectation"),
            "feeling": self._note("feeling"),
            "notes": self._note("notes"),
            "review_on": review_on,
            "effects": effects,
        }
        draft = replace(original, **fields) if original else Decision(**fields)
        for dim, effect in draft.effects.items():
            until = effect.horizon_for(dim)
            if until is not None and self.profile.horizon(until) is None:
                # Saved, it could not be scored: say so here, where it can be fixed.
                add_problem(
                    found,
                    f"{dim}.lasts",
                    f"until {until} needs your birth date: set it in the profile (p), "
                    "or give a number of years",
                )
                unreadable.add(dim)
        unreadable |= {Dimension(key.split(".")[0]) for key, _ in draft.problems() if "." in key}
        if "amount" in found:
            unreadable.add(Dimension.MONEY)  # the money figure would leave out the amount
        if "date" in found:
            unreadable.update(DIMENSIONS)  # every figure is measured from the date
        return draft, found, unreadable

    def _note(self, key: str) -> str:
        original = getattr(self.original, key) if self.original else ""
        return kept_text(original, self.text(key))

    def _read(self, found: Problems, key: str, reader, default):  # type: ignore[no-untyped-def]
        try:
            return reader(self.text(key))
        except ValueError as error:
            add_problem(found, key, str(error))
            return default

    # -- showing it ------------------------------------------------------------------

    def refresh_form(self) -> None:
        draft, found, unreadable = self.read_draft()
        problems = dict(found)
        for key, reason in draft.problems():
            add_problem(problems, key, reason)
        marked = self.show_problems(problems)
        preview_draft = replace(
            draft, effects={d: e for d, e in draft.effects.items() if d not in unreadable}
        )
        self.query_one(DecisionPreview).show(preview_draft, self.profile, unreadable, marked)
        self._show_review_default(draft.date)

    def show_problems(self, problems: Mapping[str, str]) -> bool:
        marked = super().show_problems(problems)
        for row in self.rows:
            # A row's problems show once any of its fields is typed in.
            prefix = f"{row.dimension}."
            touched = self._attempted or any(k.startswith(prefix) for k in self._touched)
            marked = row.show_problems(problems, None if touched else set()) or marked
        return marked

    def extra_keys(self) -> set[str]:
        return {f"{dim}.{name}" for dim in DIMENSIONS for name, _, _ in COLUMNS}

    def _show_review_default(self, day: date) -> None:
        default = add_months(day, DEFAULT_REVIEW_MONTHS)
        self.query_one(
            "#review_on", Input
        ).placeholder = f"{default.isoformat()} ({DEFAULT_REVIEW_MONTHS} months after the date)"


def _input(value: str, key: str, placeholder: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=key, compact=True)
