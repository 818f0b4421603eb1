"""One option of the compare screen: its title, amount, kind and effects, edited like the
add form's, and beneath them what it would be worth."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, RadioSet, Static

from ltv_journal.core import conventions
from ltv_journal.core.band_text import moving
from ltv_journal.core.decision import Decision, Kind
from ltv_journal.core.dimensions import DIMENSIONS, Dimension
from ltv_journal.core.effects import Effect, MissingBirthDate
from ltv_journal.core.explain import details, format_value
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import format_amount, format_compact, format_points
from ltv_journal.core.profile import Profile
from ltv_journal.core.score import problems_under
from ltv_journal.core.uncertainty import Spread, decision_band
from ltv_journal.core.verdict import Verdict

from ..figures import dimension_name, format_count, format_percent
from ..widgets.toggles import DotButton
from .effect_rows import COLUMNS, EffectRow
from .fields import Field, Problems, add_problem
from .typed_values import read_amount

SHORT_HEADINGS = {
    "per_year": N_("a year"),
    "delay_months": N_("after (mo)"),
    "lasts": N_("lasts"),
    "half_life_years": N_("half-life"),
    "confidence": N_("sure"),
}
"""The effect columns' headings where a row is stacked in a narrow column."""
_VERDICT_STYLE = {
    Verdict.RAISES: "bold green",
    Verdict.LOWERS: "bold red",
    Verdict.TRADE_OFF: "bold yellow",
    Verdict.NEUTRAL: "bold",
}


class StackedEffectRow(EffectRow):
    """An effect row laid out for a narrow column: the value a year beside the
    dimension's name, the other fields two to a line beneath it. Read and marked like
    the add form's rows."""

    DEFAULT_CSS = """
    StackedEffectRow {
        & > Horizontal { height: 1; }
        & .effect-name { width: 10; }
        & .stacked-label { width: auto; color: $text-muted; margin-right: 1; }
        & Input { margin-right: 1; }
        & .effect-error { padding-left: 0; }
    }
    """

    def compose(self) -> ComposeResult:
        fields = self.inputs()
        (_n, _h, first), rest = fields[0], fields[1:]
        first.styles.width = "1fr"
        with Horizontal():
            yield Label(dimension_name(self.dimension), classes="effect-name")
            yield first
        for start in range(0, len(rest), 2):
            with Horizontal():
                for name, heading, field in rest[start : start + 2]:
                    yield Label(_(SHORT_HEADINGS.get(name, heading)), classes="stacked-label")
                    field.styles.width = "1fr"
                    yield field
        yield Static("", classes="effect-error")


def field_key(prefix: str, name: str) -> str:
    """Where a core problem of an option shows: the screen's date for `date`, else the
    column's field (`o2.money.lasts` for `money.until`, which the row shows as lasts)."""
    if name == "date":
        return name
    if name.endswith(".until"):
        name = name.removesuffix(".until") + ".lasts"
    return f"{prefix}{name}"


class OptionColumn(Vertical):
    """Option `serial` (its keys start `o<serial>.`); `number` is its place on screen."""

    DEFAULT_CSS = """
    OptionColumn {
        width: 1fr;
        min-width: 38;
        height: auto;
        border: round $secondary;
        border-title-color: $text-secondary;
        padding: 0 1;
        margin-right: 1;
        &:focus-within { border: round $primary; border-title-color: $text-primary; }
        & Field .field-label { width: 7; }
        & Field .field-error { padding-left: 0; }
        & RadioSet { layout: horizontal; width: auto; }
        & RadioSet > RadioButton { width: auto; margin-right: 1; }
        & .option-figures { margin-top: 1; height: auto; }
    }
    """

    def __init__(self, serial: int, number: int, currency: str) -> None:
        super().__init__(id=f"option-{serial}", classes="option-column")
        self.serial = serial
        self.prefix = f"o{serial}."
        self.currency = currency
        self.number = number
        self._rows: list[EffectRow] = []
        self._figures_for: Decision | None = None
        """The draft the figures show, so an unchanged option is not worked out again."""

    @property
    def number(self) -> int:
        return self._number

    @number.setter
    def number(self, value: int) -> None:
        self._number = value
        self.border_title = _("option {number}").format(number=value)

    def compose(self) -> ComposeResult:
        p, key = f"o{self.serial}-", self.prefix
        yield Field(_("title"), Input(id=f"{p}title", compact=True), key=f"{key}title")
        amount = Input(placeholder="0", id=f"{p}amount", compact=True)
        yield Field(_("amount"), amount, key=f"{key}amount", hint=self.currency)
        kind = RadioSet(
            DotButton(_("expense"), value=True),
            DotButton(_("investment")),
            id=f"{p}kind",
            compact=True,
        )
        yield Field(_("kind"), kind, key=f"{key}kind")
        for dim in DIMENSIONS:
            yield StackedEffectRow(dim, self.currency, None, prefix=key)
        yield Static("", classes="option-figures")

    @property
    def rows(self) -> list[EffectRow]:
        if not self._rows:
            self._rows = list(self.query(EffectRow))
        return self._rows

    def text(self, name: str) -> str:
        return self.query_one(f"#o{self.serial}-{name}", Input).value

    @property
    def blank(self) -> bool:
        """Nothing typed in it: a column left empty is no option."""
        typed = [self.text("title"), self.text("amount")]
        typed += [row.text(name) for row in self.rows for name, _, _ in COLUMNS]
        kind = self.query_one(RadioSet).pressed_index
        return not any(t.strip() for t in typed) and kind in (-1, 0)

    def read(self, profile: Profile, day: date) -> tuple[Decision, Problems, set[Dimension]]:
        """The option as a draft decision on `day` (unreadable fields at their defaults),
        the problems by key (`o2.amount`, `o2.money.per_year`), and the dimensions whose
        effect could not be read."""
        found: Problems = {}
        try:
            amount = read_amount(self.text("amount"), currency=self.currency) or Decimal(0)
        except ValueError as error:
            add_problem(found, f"{self.prefix}amount", str(error))
            amount = Decimal(0)
        effects: dict[Dimension, Effect] = {}
        unreadable: set[Dimension] = set()
        for row in self.rows:
            effect, reasons = row.read()
            found.update(reasons)
            if reasons:
                unreadable.add(row.dimension)
            elif effect is not None:
                effects[row.dimension] = effect
        kind = Kind.INVESTMENT if self.query_one(RadioSet).pressed_index == 1 else Kind.EXPENSE
        draft = Decision(
            title=self.text("title").strip(),
            date=day,
            kind=kind,
            amount=amount,
            effects=effects,
        )
        for dim, effect in draft.effects.items():
            until = effect.horizon_for(dim)
            if until is not None and profile.horizon(until) is None:
                add_problem(
                    found,
                    f"{self.prefix}{dim}.lasts",
                    _("until {until} needs your birth date (p), or give years").format(until=until),
                )
                unreadable.add(dim)
        for name, reason in draft.problems():
            add_problem(found, f"{self.prefix}{name}", reason)
            if "." in name:
                unreadable.add(Dimension(name.split(".")[0]))
        if not found:  # a date before the birth date, a horizon passed before it starts
            for name, reason in problems_under(draft, profile):
                add_problem(found, field_key(self.prefix, name), reason)
                if "." in name:
                    unreadable.add(Dimension(name.split(".")[0]))
        if f"{self.prefix}amount" in found:
            unreadable.add(Dimension.MONEY)
        return draft, found, unreadable

    def show_blank(self) -> None:
        self._figures_for = None
        self.query_one(".option-figures", Static).update(
            Text(_("type a title, an amount and what it would do, to weigh it"), style="dim")
        )

    def show_figures(
        self, draft: Decision, profile: Profile, unreadable: set[Dimension], dated: bool
    ) -> None:
        """What the option would be worth, or why that cannot be said yet."""
        if not dated:
            text = Text(_("fix the date first"), style="italic")
        elif unreadable:
            text = Text(_("fix the marked fields first"), style="italic")
        else:
            if self._figures_for is not None and self._figures_for == draft:
                return
            self._figures_for = draft
            text = figures_text(draft, profile)
        if unreadable or not dated:
            self._figures_for = None
        self.query_one(".option-figures", Static).update(text)


def figures_text(draft: Decision, profile: Profile) -> Text:
    """Per-dimension lifetime values, combined value, cost per point-year, hours of
    working life, verdict, and the band (P10 / P50 / P90, chance it raises)."""
    currency = profile.currency
    try:
        info = details(draft, profile)
        band = decision_band(draft, profile)
    except MissingBirthDate:
        return Text(_("needs a birth date: set it in the profile (p)"), style="bold yellow")
    text = Text()
    judgement = info.judgement
    text.append(judgement.label, style=_VERDICT_STYLE[judgement.verdict])
    for dim in DIMENSIONS:
        value = info.values[dim]
        style = "green" if value > 0 else "red" if value < 0 else ""
        text.append(f"\n{dimension_name(dim):<10}", style="dim")
        text.append(f"{format_value(dim, value, currency, signed=True):>20}", style=style)
    if info.combined is not None:
        text.append(f"\n{_('combined'):<10}", style="dim")
        text.append(f"{format_amount(info.combined, currency, signed=True):>20}", style="bold")
    for dim, cost in info.cost_per_point_year.items():
        text.append(
            "\n"
            + _("{cost} {currency} per {dimension} point-year").format(
                cost=format_compact(cost), currency=currency, dimension=dimension_name(dim)
            )
        )
    hours = None if info.opportunity is None else info.opportunity.working_hours
    if hours is not None:
        text.append(
            "\n"
            + _("{hours} hours of working life").format(
                hours=conventions.current().number(f"{hours:,}")
            )
        )
    text.append("\n" + _("band P10 / P50 / P90"), style="dim")
    if band.combined is not None:
        text.append(
            "\n  " + _("combined {value}").format(value=_spread(None, band.combined, currency))
        )
    else:
        for dim in moving(draft):
            text.append(f"\n  {dimension_name(dim)} {_spread(dim, band.dimensions[dim], currency)}")
    text.append(
        "\n  "
        + _("raises it in {share} of {draws} draws").format(
            share=format_percent(band.p_raises * 100), draws=format_count(band.draws)
        )
    )
    return text


def _spread(dim: Dimension | None, spread: Spread, currency: str) -> str:
    """`-900 / -900 / +1.2k EUR`, or points as the add form shows them."""
    three = (spread.p10, spread.p50, spread.p90)
    if dim is None or dim.is_money:
        return " / ".join(format_compact(v, signed=True) for v in three) + f" {currency}"
    return " / ".join(format_points(v, signed=True) for v in three)
