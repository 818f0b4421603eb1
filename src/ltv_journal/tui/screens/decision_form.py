"""Add or edit a decision, with its lifetime effect and verdict shown while typing."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, RadioButton, RadioSet

from ltv_journal.core import clock, conventions
from ltv_journal.core.conventions import format_date
from ltv_journal.core.dates import add_months
from ltv_journal.core.decision import DEFAULT_REVIEW_MONTHS, Decision, Kind
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.language import N_, _
from ltv_journal.core.profile import Profile
from ltv_journal.core.text import visible

from ..widgets.toggles import DotButton
from .decision_preview import DecisionPreview
from .effect_rows import COLUMNS, EffectHeadings, EffectRow
from .fields import Field, FormScreen, Problems, add_problem
from .steady_input import SteadyInput
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
        & .form-section { height: auto; }
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
            box.border_title = _("Edit decision") if d else _("New decision")
            box.border_subtitle = _(
                "enter save · esc cancel · tab next field · ctrl+b money from customers"
            )
            yield DecisionPreview()
            with VerticalScroll(id="form-scroll"):
                # In sections: a keystroke repaints the widgets beside the changed lines,
                # and a section away from them is passed over whole.
                with Vertical(classes="form-section"):
                    yield from self._basic_fields(d, today)
                with Vertical(classes="form-section"):
                    yield Label(
                        _("Expected effects (leave a row blank for none; points: -10..+10 a year)"),
                        classes="section",
                    )
                    yield EffectHeadings()
                    for dim in DIMENSIONS:
                        effect = d.effects.get(dim) if d else None
                        yield EffectRow(dim, self.profile.currency, effect)
                with Vertical(classes="form-section"):
                    yield Label(_("Notes for your future self"), classes="section")
                    yield from self._note_fields(d)

    def _basic_fields(self, d: Decision | None, today: date) -> ComposeResult:
        title = visible(d.title, lines=False) if d else ""
        yield Field(_("title"), SteadyInput(title, id="title", compact=True), key="title")
        # The amount follows the title: a quick log is "title, tab, amount, enter".
        amount = conventions.current().number(f"{d.amount:.2f}") if d else ""
        yield Field(
            _("amount spent"),
            _input(amount, "amount", "0"),
            key="amount",
            hint=self.profile.currency,
        )
        kind = RadioSet(
            DotButton(_("expense"), value=not d or d.kind is Kind.EXPENSE, id="kind-expense"),
            DotButton(_("investment"), value=bool(d and d.kind is Kind.INVESTMENT)),
            id="kind",
            compact=True,
        )
        yield Field(_("kind"), kind, key="kind")
        day = d.date if d else today
        yield Field(_("date"), _input(format_date(day), "date", _("YYYY-MM-DD")), key="date")
        category = SteadyInput(
            visible(d.category, lines=False) if d else "",
            id="category",
            compact=True,
            suggester=_suggester(self._categories),
        )
        yield Field(_("category"), category, key="category")
        tags = visible(" ".join(d.tags), lines=False) if d else ""
        yield Field(_("tags"), _input(tags, "tags", _("space or comma separated")), key="tags")

    def _note_fields(self, d: Decision | None) -> ComposeResult:
        for key, label, value in (
            ("expectation", N_("what I expect and why"), d.expectation if d else ""),
            ("feeling", N_("how I feel right now"), d.feeling if d else ""),
            ("notes", N_("notes"), d.notes if d else ""),
        ):
            yield Field(_(label), _input(one_line(value), key), key=key)
        review_on = format_date(d.review_on) if d and d.review_on else ""
        yield Field(_("review on"), _input(review_on, "review_on", ""), key="review_on")

    def on_mount(self) -> None:
        try:
            self.refresh_form()
        except NoMatches:  # taken down while it was still being built (the app quits)
            return

    def start_over(self, profile: Profile, categories: Sequence[str]) -> None:
        """Empty the form for another new decision, as if it had just been built: a form
        shown again opens at once, where building its hundred widgets would not."""
        assert self.original is None, "only a form for a new decision starts over"
        self.profile = profile
        self._categories = list(categories)
        self.query_one("#category", Input).suggester = _suggester(self._categories)
        for control in self.query(Input):
            control.value = ""
        for row in self.rows:
            row.forget_customers()
        self.query_one("#date", Input).value = format_date(clock.today())
        self.query_one("#kind-expense", RadioButton).value = True
        self.forget_changes()
        self.query_one("#form-scroll", VerticalScroll).scroll_home(animate=False)
        self.set_focus(self.query_one("#title", Input))
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
        draft, problems, _unreadable = self.read_draft()
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
                    _(
                        "until {until} needs your birth date: set it in the profile (p), "
                        "or give a number of years"
                    ).format(until=until),
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
        self.query_one("#review_on", Input).placeholder = _(
            "{date} ({months} months after the date)"
        ).format(date=format_date(default), months=DEFAULT_REVIEW_MONTHS)


def _suggester(categories: Sequence[str]) -> SuggestFromList | None:
    return SuggestFromList(categories, case_sensitive=False) if categories else None


def _input(value: str, key: str, placeholder: str = "") -> Input:
    return SteadyInput(value, placeholder=placeholder, id=key, compact=True)
