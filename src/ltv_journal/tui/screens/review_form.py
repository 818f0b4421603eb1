"""Record a review: what happened on each dimension beside what was expected."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, RadioSet, Static

from ltv_journal.core.clv_text import actual_customer_value
from ltv_journal.core.conventions import format_date
from ltv_journal.core.decision import Decision, Observation, Review, WouldRepeat
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.explain import format_value
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import format_amount
from ltv_journal.core.profile import Profile
from ltv_journal.core.road_not_taken import road_not_taken
from ltv_journal.core.text import visible

from ..figures import dimension_name
from ..widgets.toggles import DotButton, TickBox
from .fields import Field, FormScreen, Problems, add_problem
from .typed_values import percent_text, read_amount, read_date, read_optional_date

HINDSIGHT = N_("What do I know now that I could have known then?")
NOTHING_SAID = N_("say what happened: an actual value, whether it happened, or a lesson")
NOTHING_SAID_KEY = "actual"
"""The problem of a review that records nothing at all."""
_REPEAT = tuple(WouldRepeat)
REPEAT_WORDS = {"yes": N_("yes"), "no": N_("no"), "unsure": N_("unsure")}
"""The answers to "same again?" as the form shows them."""


EXPECTED_WIDTH = 34
"""Columns of the expectation beside each row's input."""


class ObservationRow(Vertical):
    """One dimension: the expectation, the actual value per year, and whether it happened."""

    DEFAULT_CSS = """
    ObservationRow {
        height: auto;
        /* A long expectation wraps under itself rather than being cut. */
        & > Horizontal { height: auto; }
        & .obs-name { width: 10; margin-right: 1; }
        & .obs-expected { width: 34; color: $text-muted; }  /* EXPECTED_WIDTH */
        & Input { width: 14; margin-right: 1; }
        & Checkbox { width: auto; }
        & .obs-error { display: none; color: $text-error; padding-left: 45; }
        & .obs-error.-shown { display: block; }
    }
    """

    def __init__(self, dimension: Dimension, decision: Decision, currency: str) -> None:
        super().__init__(id=f"obs-{dimension}")
        self.dimension = dimension
        self.expected = decision.effects.get(dimension)
        self._currency = currency
        self._money_currency = currency if dimension.is_money else None
        """Money typed with a currency must be in the journal's."""
        self._default = self.expected is not None
        """What the "it happened" box shows until the person changes it."""

    def compose(self) -> ComposeResult:
        dim, effect = self.dimension, self.expected
        if effect is None:
            expected = _("nothing expected")
        else:
            figure = format_value(dim, effect.per_year, self._currency, signed=True)
            expected = _("expected {figure} a year").format(figure=figure)
            if effect.confidence != 1:
                sure = _("({share} sure)").format(share=percent_text(effect.confidence))
                # On a line of its own where the two would not fit the column.
                together = len(expected) + 1 + len(sure) <= EXPECTED_WIDTH
                expected += f" {sure}" if together else f"\n{sure}"
        unit = self._currency if dim.is_money else _("pts")
        if effect is not None and effect.clv is not None:
            expected += "\n" + _("or type the customers seen: customers:3/m")
        with Horizontal():
            yield Label(dimension_name(dim), classes="obs-name")
            yield Label(expected, classes="obs-expected")
            yield Input(
                placeholder=_("actual {unit}/yr").format(unit=unit),
                name=f"{dim}.actual",
                id=f"{dim}-actual",
                compact=True,
            )
            yield TickBox(_("it happened"), self._default, id=f"{dim}-happened", compact=True)
        yield Static("", classes="obs-error")

    def on_input_changed(self, _: Input.Changed) -> None:
        """Where nothing was expected, an untouched box follows the value: a value other
        than zero happened."""
        if self.expected is not None or self._box_touched():
            return
        try:
            actual = self._actual(self.query_one(Input).value)
        except ValueError:
            return
        self._default = bool(actual)
        self.query_one(Checkbox).value = self._default

    def _box_touched(self) -> bool:
        return self.query_one(Checkbox).value != self._default

    def read(self) -> tuple[Observation | None, Problems]:
        """The observation (None when nothing was recorded), or the reason it cannot be read.

        A dimension is recorded only when an actual value is typed or the "it happened"
        box was changed from its default (ticked where an effect was expected)."""
        text = self.query_one(Input).value
        try:
            actual = self._actual(text)
        except ValueError as error:
            return None, {f"{self.dimension}.actual": str(error)}
        if actual is None and not self._box_touched():
            return None, {}
        return Observation(actual, self.query_one(Checkbox).value), {}

    def _actual(self, text: str) -> Decimal | None:
        """The value a year typed; for money worked out from customers, the customer
        figures seen (`customers:3/m,order:95`) give it, the others as expected."""
        effect = self.expected
        if ":" in text and effect is not None and effect.clv is not None:
            seen = actual_customer_value(effect.clv, text, "customers", self._money_currency)
            return seen.money_per_year()
        return read_amount(text, allow_negative=True, currency=self._money_currency)

    def show_problem(self, reason: str | None) -> None:
        self.query_one(Input).set_class(bool(reason), "-invalid")
        error = self.query_one(".obs-error", Static)
        error.update(f"↑ {reason}" if reason else "")
        error.set_class(bool(reason), "-shown")


class ReviewForm(FormScreen[Review]):
    """Dismisses the new Review (never changing the expected effects) or None."""

    AUTO_FOCUS = "#obs-money Input"

    DEFAULT_CSS = """
    ReviewForm {
        & > .form-box { height: 100%; max-height: 40; }
        & #form-scroll { height: 1fr; }
        & RadioSet { layout: horizontal; width: auto; }
        & RadioSet > RadioButton { width: auto; margin-right: 2; }
        & .section { color: $text-primary; text-style: bold; margin-top: 1; }
        & .field-prompt { color: $text-muted; }
        & #nothing-said { display: none; color: $text-error; }
        & #nothing-said.-shown { display: block; }
    }
    """

    def __init__(
        self,
        decision: Decision,
        profile: Profile,
        today: date,
        *,
        save: Callable[[Review], Review] | None = None,
    ) -> None:
        super().__init__(save=save)
        self.decision = decision
        self.profile = profile
        self.today = today

    def compose(self) -> ComposeResult:
        d = self.decision
        with Vertical(classes="form-box") as box:
            box.border_title = _("Review: {title}").format(title=visible(d.title, lines=False))
            box.border_subtitle = _("enter save · esc cancel · space ticks a box")
            with VerticalScroll(id="form-scroll"):
                yield Static(self._intro(), classes="form-intro")
                yield Field(_("review date"), _input(format_date(self.today), "date"), key="date")
                yield Label(
                    _(
                        "What happened, per year "
                        "(a row counts once you fill it in or change its box)"
                    ),
                    classes="section",
                )
                yield Static("", id="nothing-said")
                for dim in DIMENSIONS:
                    yield ObservationRow(dim, d, self.profile.currency)
                not_taken = road_not_taken(d, self.profile)
                if not_taken:
                    yield Label(_("The road not taken, as you weighed it then"), classes="section")
                    yield Static("\n".join(not_taken[1:]), id="road-not-taken", markup=False)
                yield Label(_("Looking back"), classes="section")
                repeat = RadioSet(
                    *(DotButton(_(REPEAT_WORDS[str(r)])) for r in _REPEAT),
                    id="repeat",
                    compact=True,
                )
                yield Field(_("same again?"), repeat, key="would_repeat")
                yield Field(_("lessons"), _input("", "notes", _("what you learned")), key="notes")
                yield Label(_(HINDSIGHT), classes="field-prompt")
                yield Field("", _input("", "hindsight", _("your answer")), key="hindsight")
                yield Field(
                    _("next review"),
                    _input("", "next_review_on", _("YYYY-MM-DD, or blank for none")),
                    key="next_review_on",
                )

    def _intro(self) -> str:
        d = self.decision
        parts = [_("decided {day}").format(day=format_date(d.date)), _(str(d.kind))]
        if d.amount:
            parts.append(format_amount(d.amount, self.profile.currency))
        intro = " · ".join(parts)
        for label, text in ((_("you expected"), d.expectation), (_("you felt"), d.feeling)):
            if text:
                intro += f"\n{label}: {text}"
        return visible(intro)

    def text(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value

    def read_form(self) -> tuple[Review | None, Problems]:
        found: Problems = {}
        day = self._date(found, "date", lambda t: read_date(t, self.today)) or self.today
        next_review = self._date(found, "next_review_on", read_optional_date)
        actual: dict[Dimension, Observation] = {}
        for row in self.query(ObservationRow):
            observation, reasons = row.read()
            found.update(reasons)
            if observation is not None:
                actual[row.dimension] = observation
        pressed = self.query_one("#repeat", RadioSet).pressed_index
        review = Review(
            date=day,
            actual=actual,
            would_repeat=_REPEAT[pressed] if pressed >= 0 else None,
            notes=self.text("notes").strip(),
            hindsight=self.text("hindsight").strip(),
            next_review_on=next_review,
        )
        for key, reason in review.problems(self.decision.date):
            # The core names an observation `actual.money`; its row shows `money.actual`.
            add_problem(found, _row_key(key), reason)
        if not (actual or review.would_repeat or review.notes or review.hindsight):
            add_problem(found, NOTHING_SAID_KEY, _(NOTHING_SAID))
        return (None if found else review), found

    def _date(self, found: Problems, key: str, reader):  # type: ignore[no-untyped-def]
        try:
            return reader(self.text(key))
        except ValueError as error:
            add_problem(found, key, str(error))
            return None

    def show_problems(self, problems: Mapping[str, str]) -> bool:
        marked = super().show_problems(problems)
        said = self.query_one("#nothing-said", Static)
        reason = problems.get(NOTHING_SAID_KEY) if self._attempted else None
        said.update(f"↓ {reason}" if reason else "")
        said.set_class(bool(reason), "-shown")
        marked = marked or bool(reason)
        for row in self.query(ObservationRow):
            key = f"{row.dimension}.actual"
            shown = problems.get(key) if self.problem_shown(key) else None
            row.show_problem(shown)
            marked = marked or shown is not None
        return marked


def _row_key(key: str) -> str:
    if key.startswith("actual."):
        return f"{key.removeprefix('actual.')}.actual"
    return key


def _input(value: str, key: str, placeholder: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=key, compact=True)
