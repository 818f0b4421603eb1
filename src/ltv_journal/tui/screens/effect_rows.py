"""The expected effects of a decision as compact rows: one line per dimension."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from textwrap import wrap
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect
from ltv_journal.core.language import N_, _

from ..figures import dimension_name
from ..spoken import Spoken
from .fields import Problems, add_problem
from .steady_input import SteadyInput
from .typed_values import (
    NONE,
    lasts_text,
    means_none,
    number_text,
    percent_text,
    range_text,
    read_amount,
    read_decimal,
    read_fraction,
    read_lasts,
    read_range,
    read_whole,
)

COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("per_year", N_("per year"), 12),
    ("delay_months", N_("starts after (months)"), 8),
    ("lasts", N_("lasts (years) or until"), 11),
    ("half_life_years", N_("half-life (years)"), 9),
    ("confidence", N_("confidence"), 10),
    ("range", "P10–P90", 10),
)
"""(field, column heading, width) of each input in a row."""

NAME_WIDTH = 9
_CORE_KEYS = {"lasts": ("years",), "range": ("low", "high")}
"""The decision's problem keys (core) each input answers for, where they differ."""


class _UntilWords(Suggester):
    """Completes the horizon words in the language shown, and in English."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=False)

    async def get_suggestion(self, value: str) -> str | None:
        if not value[:1].isalpha():
            return None
        for word in [u.shown for u in Until] + [u.value for u in Until]:
            if word.casefold().startswith(value):
                return word
        return None


_UNTIL_WORDS = _UntilWords()


class EffectHeadings(Label):
    """The column headings above the effect rows (one line of text: a widget per
    heading would cost the form time each time it opens)."""

    DEFAULT_CSS = """
    EffectHeadings {
        color: $text-muted;
    }
    """

    def __init__(self) -> None:
        super().__init__(headings_text())


def headings_text() -> str:
    """The headings, each wrapped to its column's width, the columns a space apart."""
    columns = [[""]] + [wrap(_(heading), width) for _n, heading, width in COLUMNS]
    widths = [NAME_WIDTH] + [width for _n, _h, width in COLUMNS]
    lines = max(len(column) for column in columns)
    return "\n".join(
        " ".join(
            (column[row] if row < len(column) else "").ljust(width)
            for column, width in zip(columns, widths, strict=True)
        ).rstrip()
        for row in range(lines)
    )


class EffectRow(Spoken, Vertical):
    """One dimension's expected effect; blank per year means no effect expected.

    The money row can be filled from the customer-value calculator (ctrl+b): it keeps
    the calculator's inputs for as long as its per-year value is what they give."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+b", "customer_value", N_("Money from customers")),
    ]

    DEFAULT_CSS = """
    EffectRow {
        height: auto;
        & > Horizontal { height: 1; }
        & .effect-name { width: 9; margin-right: 1; }  /* NAME_WIDTH */
        & Input { margin-right: 1; }
        & .effect-error { display: none; color: $text-error; padding-left: 10; }
        & .effect-error.-shown { display: block; }
    }
    """

    def __init__(
        self, dimension: Dimension, currency: str, effect: Effect | None, *, prefix: str = ""
    ) -> None:
        self._id_prefix = prefix.replace(".", "-")
        super().__init__(id=f"{self._id_prefix}effect-{dimension}")
        self.dimension = dimension
        self.prefix = prefix
        """Put before the field keys (`o2.` gives `o2.money.per_year`), so that several
        rows of one dimension can share a form."""
        self._unit = currency if dimension.is_money else "pts"
        self._effect = effect
        self._said = ""
        self._error: Static | None = None
        self.clv: CustomerValue | None = effect.clv if effect else None
        """The calculator's inputs the money row was filled from (core/clv.py)."""
        self._shown_name = dimension_name(dimension)

    def compose(self) -> ComposeResult:
        with Horizontal():
            self._shown_name = self._row_name(self._effect.per_year if self._effect else None)
            yield Label(self._shown_name, classes="effect-name")
            for _n, _h, field in self.inputs():
                yield field

    def inputs(self) -> list[tuple[str, str, Input]]:
        """(field, column heading, input) of each column, filled from the effect."""
        dim, effect = self.dimension, self._effect
        values = {
            "per_year": number_text(effect.per_year) if effect else "",
            "delay_months": str(effect.delay_months) if effect and effect.delay_months else "",
            "lasts": lasts_text(effect.years, effect.until) if effect else "",
            # An effect without decay says so: blank means the suggested half-life.
            "half_life_years": (number_text(effect.half_life_years) or _(NONE)) if effect else "",
            "confidence": percent_text(effect.confidence)
            if effect and effect.confidence != 1
            else "",
            "range": range_text(effect.low, effect.high) if effect else "",
        }
        placeholders = {
            "per_year": _("{unit} a year").format(
                unit=_("pts") if self._unit == "pts" else self._unit
            ),
            "delay_months": "0",
            "lasts": dim.default_until.shown,
            "half_life_years": _suggested(dim),
            "confidence": percent_text(Decimal(1)),
            "range": _(NONE),
        }
        found: list[tuple[str, str, Input]] = []
        for name, heading, width in COLUMNS:
            field = SteadyInput(
                values[name],
                placeholder=placeholders[name],
                name=f"{self.prefix}{dim}.{name}",
                id=f"{self._id_prefix}{dim}-{name}",
                compact=True,
                suggester=_UNTIL_WORDS if name == "lasts" else None,
            )
            field.styles.width = width
            found.append((name, heading, field))
        return found

    def text(self, name: str) -> str:
        return self.query_one(f"#{self._id_prefix}{self.dimension}-{name}", Input).value

    def _row_name(self, per_year: Decimal | None) -> str:
        """`money·clv` while the row's value is the calculator's."""
        name = dimension_name(self.dimension)
        return f"{name}·clv" if self._customers_for(per_year) else name

    def _customers_for(self, per_year: Decimal | None) -> CustomerValue | None:
        clv = self.clv
        if clv is None or per_year is None or clv.problems():
            return None
        return clv if per_year == clv.money_per_year() else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "customer_value":
            return self.dimension.is_money
        return True

    def action_customer_value(self) -> None:
        from .customer_value_form import CustomerValueForm

        self.app.push_screen(CustomerValueForm(self.clv, self._unit), callback=self._fill)

    def _fill(self, clv: CustomerValue | None) -> None:
        """Take what the calculator gives: its money a year, and its inputs."""
        if clv is None:
            return
        self.clv = clv
        field = self.query_one(f"#{self._id_prefix}{self.dimension}-per_year", Input)
        field.value = number_text(clv.money_per_year())
        field.focus()

    def forget_customers(self) -> None:
        """Forget the calculator's inputs (the form starts over for a new decision)."""
        self.clv = None
        if self._shown_name != dimension_name(self.dimension):
            self._shown_name = dimension_name(self.dimension)
            self.query_one(".effect-name", Label).update(self._shown_name)

    def read(self) -> tuple[Effect | None, Problems]:
        """The effect the row describes (None when the row is blank), with the reasons
        the typed text could not be read, keyed `money.per_year` and so on."""
        texts = {name: self.text(name) for name, _, _ in COLUMNS}
        if not any(t.strip() for t in texts.values()):
            return None, {}
        found: Problems = {}
        key = f"{self.prefix}{self.dimension}."
        currency = self._unit if self.dimension.is_money else None
        per_year = _attempt(found, key + "per_year", _signed_amount, texts["per_year"], currency)
        if per_year is None:
            add_problem(found, key + "per_year", "give a value per year, or clear the row")
        delay = _attempt(found, key + "delay_months", read_whole, texts["delay_months"], "months")
        lasts = _attempt(found, key + "lasts", read_lasts, texts["lasts"])
        half_life = _attempt(found, key + "half_life_years", _half_life, texts, self.dimension)
        confidence = _attempt(
            found, key + "confidence", read_fraction, texts["confidence"], "confidence"
        )
        bounds = _attempt(found, key + "range", read_range, texts["range"], currency)
        if found or per_year is None or lasts is None:
            return None, found
        years, until = lasts
        return Effect(
            per_year=per_year,
            delay_months=delay or 0,
            years=years,
            until=until,
            half_life_years=half_life,
            confidence=Decimal(1) if confidence is None else confidence,
            low=bounds[0] if bounds else None,
            high=bounds[1] if bounds else None,
            clv=self._customers_for(per_year),
        ), {}

    def show_problems(self, problems: Mapping[str, str], visible: set[str] | None) -> bool:
        """Mark the row's invalid inputs and list their reasons beneath the row; says
        whether any is marked.

        `visible` limits which keys show (None: all)."""
        reasons: list[str] = []
        for name, heading, _width in COLUMNS:
            key = f"{self.prefix}{self.dimension}.{name}"
            core_keys = _CORE_KEYS.get(name, (name,))
            reason = problems.get(key) or next(
                (
                    problems[k]
                    for c in core_keys
                    if (k := f"{self.prefix}{self.dimension}.{c}") in problems
                ),
                None,
            )
            shown = reason is not None and (visible is None or key in visible)
            field = self.query_one(f"#{self._id_prefix}{self.dimension}-{name}", Input)
            field.set_class(shown, "-invalid")
            if shown and reason is not None:
                # Readers already name the field ("confidence '2 0' is not a number").
                named = reason.split()[0] == heading.split()[0]
                reasons.append(reason if named else f"{_(heading)}: {reason}")
        if self.clv is not None:
            name = self._row_name(_typed_amount(self.text("per_year"), self._unit))
            if name != self._shown_name:
                self._shown_name = name
                self.query_one(".effect-name", Label).update(name)
        said = f"↑ {dimension_name(self.dimension)} — " + "; ".join(reasons) if reasons else ""
        if said != self._said:  # an update would lay the form out again
            self._said = said
            error = self._error_line()
            error.update(said)
            error.set_class(bool(reasons), "-shown")
        return bool(reasons)

    def _error_line(self) -> Static:
        """The line beneath the row for its reasons: mounted when first needed (the add
        form opens sooner), unless the row composed one of its own."""
        if self._error is None:
            composed = list(self.query(".effect-error").results(Static))
            self._error = composed[0] if composed else Static("", classes="effect-error")
            if not composed:
                self.mount(self._error)
        return self._error


def _suggested(dim: Dimension) -> str:
    """The half-life field's placeholder: the suggestion a blank field takes."""
    half_life = dim.suggested_half_life
    return (
        _(NONE) if half_life is None else _("{years} (fades)").format(years=number_text(half_life))
    )


def _half_life(texts: Mapping[str, str], dim: Dimension) -> Decimal | None:
    """The typed half-life; `none` for no decay; blank: the dimension's suggested
    half-life when the row also leaves its duration blank (people adapt), else none."""
    typed = texts["half_life_years"].strip()
    if means_none(typed):
        return None
    if typed:
        return read_decimal(typed, "half-life")
    return None if texts["lasts"].strip() else dim.suggested_half_life


def _attempt(found: Problems, key: str, reader, *args):  # type: ignore[no-untyped-def]
    """Call `reader(*args)`; on ValueError record its reason under `key` and give None."""
    try:
        return reader(*args)
    except ValueError as error:
        add_problem(found, key, str(error))
        return None


def _typed_amount(text: str, currency: str) -> Decimal | None:
    """The per-year amount typed, or None when it cannot be read."""
    try:
        return _signed_amount(text, currency)
    except ValueError:
        return None


def _signed_amount(text: str, currency: str | None) -> Decimal | None:
    return read_amount(text, allow_negative=True, currency=currency)
