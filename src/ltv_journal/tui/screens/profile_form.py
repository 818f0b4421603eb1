"""The journal owner's profile: the horizons and income every lifetime value runs on."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields
from datetime import date
from decimal import Decimal
from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, Select, Static

from ltv_journal.core import conventions
from ltv_journal.core.conventions import format_date
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.language import N_, _, ngettext
from ltv_journal.core.money import format_amount
from ltv_journal.core.profile import Profile
from ltv_journal.core.text import visible
from ltv_journal.core.worth import POINT_DIMENSIONS, ImpliedWorth, Worth

from ..figures import dimension_name, format_count
from ..workers import in_thread
from .fields import Field, FormScreen, Problems, add_problem
from .typed_values import percent_text, read_amount, read_fraction, read_optional_date, read_whole

WELCOME = N_(
    "Welcome. Two facts make the figures meaningful: your birth date sets the horizons "
    "(retirement, the end of life) that open-ended effects run to, and your yearly income "
    "is the baseline of your money lifetime value. Everything else has a sensible default; "
    "you can change it all later with p."
)

_LABELS: dict[str, tuple[str, str]] = {
    "name": (N_("name"), N_("shown in the header")),
    "birth_date": (N_("birth date"), N_("YYYY-MM-DD, or just the year")),
    "annual_income": (N_("income a year"), N_("before tax, while working")),
    "currency": (N_("currency"), N_("ISO code such as EUR")),
    "career_start_age": (N_("starts work at"), N_("age")),
    "retirement_age": (N_("retires at"), N_("age")),
    "life_expectancy": (N_("life expectancy"), N_("years")),
    "discount_rate": (N_("discount rate"), N_("e.g. 2%; 0 = plain sums")),
    "return_rate": (N_("return rate"), N_("for opportunity cost")),
    "hours_per_year": (N_("hours a year"), N_("working hours")),
    "valued_at": (N_("valued at"), N_("YYYY-MM-DD; every flow is valued at this date")),
    "worth.happiness": (N_("happiness"), N_("money per point-year, e.g. 1500")),
    "worth.love": (N_("love"), N_("money per point-year")),
    "worth.meaning": (N_("meaning"), N_("money per point-year")),
}
WORTH_INTRO = N_(
    "What is a point-year worth to you? A point is a small but noticeable lift to a "
    "typical year (the scale runs from -10 to +10). Say what one point-year of each "
    'dimension is worth in money — e.g. happiness 1500: "+1 happiness for a year is '
    'worth 1,500 to me" — and every decision gets one combined value, so a trade-off '
    "of money against happiness is settled. Leave them blank to keep four separate scores."
)
AUTOMATIC = "auto"
LANGUAGE_CHOICES: tuple[tuple[str, str], ...] = (
    (AUTOMATIC, N_("automatic (the locale's)")),
    ("de", "Deutsch"),
    ("en", "English"),
)
"""The language field's choices: automatic follows the locale; each language is named
in its own words."""
ESSENTIALS = ("name", "birth_date", "annual_income", "currency")
"""The fields a first run asks for; the rest start at their defaults."""
DEFAULTS = Profile()
"""A blank field means the value here."""
_WHOLE = {
    "career_start_age": N_("years"),
    "retirement_age": N_("years"),
    "life_expectancy": N_("years"),
    "hours_per_year": N_("hours"),
}


class ChoiceSelect(Select[str], inherit_bindings=False):
    """A choice; space or an arrow opens the list. Enter is left to the form, where it
    saves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,space,up", "show_overlay", "Show menu", show=False)
    ]


class ProfileForm(FormScreen[Profile]):
    """Dismisses the edited Profile (validated by `Profile.problems()`) or None.

    `implied_worth`, when given, works out (in a thread) the worth the journal's own
    choices imply; the form offers it beside the worth fields, and ctrl+t takes it."""

    AUTO_FOCUS = "#name"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "take_implied", N_("Take implied worth")),
    ]

    DEFAULT_CSS = """
    ProfileForm {
        & > .form-box { height: auto; max-height: 100%; max-width: 90; }
        & #form-scroll { height: auto; max-height: 1fr; }
        & .section { color: $text-primary; text-style: bold; margin-top: 1; }
    }
    """

    def __init__(
        self,
        profile: Profile,
        *,
        first_run: bool = False,
        save: Callable[[Profile], Profile] | None = None,
        implied_worth: Callable[[], Mapping[Dimension, ImpliedWorth]] | None = None,
    ) -> None:
        super().__init__(save=save)
        self.profile = profile
        self.first_run = first_run
        self._find_implied = implied_worth
        self.implied: Mapping[Dimension, ImpliedWorth] = {}
        """What past choices imply, once worked out."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box") as box:
            box.border_title = _("Your profile")
            box.border_subtitle = _("enter save · esc cancel")
            with VerticalScroll(id="form-scroll"):
                if self.first_run:
                    yield Static(_(WELCOME), classes="form-intro", id="welcome")
                for key in ESSENTIALS:
                    yield self._field(key)
                yield Label(
                    _("Horizons and rates (the defaults suit most people)"), classes="section"
                )
                for f in fields(Profile):
                    if f.name not in (*ESSENTIALS, "worth", "language"):
                        yield self._field(f.name)
                yield self._language_field()
                yield Label(_("What a point-year is worth to you (optional)"), classes="section")
                yield Static(_(WORTH_INTRO), classes="form-intro")
                for dim in POINT_DIMENSIONS:
                    yield self._field(f"worth.{dim}")
                yield Static("", id="implied-worth", classes="form-intro")

    class ImpliedWorthFound(Message):
        def __init__(self, implied: Mapping[Dimension, ImpliedWorth]) -> None:
            super().__init__()
            self.implied = implied

    def on_mount(self) -> None:
        find = self._find_implied
        if find is not None:
            in_thread(
                self,
                lambda: self.ImpliedWorthFound(find()),
                what=N_("work out the worth your choices imply"),
                group="implied-worth",
            )

    def on_profile_form_implied_worth_found(self, message: ImpliedWorthFound) -> None:
        self.implied = message.implied
        self.query_one("#implied-worth", Static).update(
            implied_text(self.implied, self.profile.currency)
        )

    def action_take_implied(self) -> None:
        """Fill the blank worth fields with the median your choices imply."""
        if not self.implied:
            self.notify(
                _("Your journal implies no worth yet: no decision bought one dimension alone.")
            )
            return
        filled = []
        for dim, found in self.implied.items():
            field = self.query_one(f"#worth-{dim}", Input)
            if not field.value.strip():
                field.value = _editable(found.median)
                filled.append(dimension_name(dim))
        if filled:
            self.notify(
                _("Took the implied worth of {dimensions}.").format(
                    dimensions=_(" and ").join(filled)
                )
            )
        else:
            self.notify(_("Every implied worth has a value already; clear a field to take one."))
        self.refresh_form()

    def _field(self, key: str) -> Field:
        label, hint = (_(text) for text in _LABELS[key])
        if key.startswith("worth."):
            value = self.profile.worth.get(Dimension(key.removeprefix("worth.")))
            text = "" if value is None else _editable(value)
            control = Input(text, placeholder=hint, id=key.replace(".", "-"), compact=True)
            return Field(label, control, key=key)
        value = getattr(self.profile, key)
        if key in ("discount_rate", "return_rate"):
            text = percent_text(value)
        elif key == "annual_income":
            # A first run asks for it; after that 0 is a real answer, shown as one.
            text = "" if self.first_run and not value else _editable(value)
        else:
            text = (
                ""
                if value is None
                else format_date(value)
                if isinstance(value, date)
                else visible(str(value), lines=False)
            )
        control = Input(text, placeholder=hint, id=key, compact=True)
        return Field(label, control, key=key)

    def _language_field(self) -> Field:
        choices = [
            (_(label) if code == AUTOMATIC else label, code) for code, label in LANGUAGE_CHOICES
        ]
        control = ChoiceSelect(
            choices,
            value=self.profile.language or AUTOMATIC,
            allow_blank=False,
            id="language",
            compact=True,
        )
        return Field(_("language"), control, key="language")

    def language(self) -> str | None:
        """The language chosen: "de", "en", or None (automatic)."""
        value = self.query_one("#language", Select).value
        return None if value == AUTOMATIC or not isinstance(value, str) else value

    def text(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value

    def read_form(self) -> tuple[Profile | None, Problems]:
        found: Problems = {}
        currency = self.text("currency").strip().upper()
        values: dict[str, object] = {"name": self.text("name").strip(), "currency": currency}
        readers: dict[str, Callable[[str], object]] = {
            "birth_date": lambda t: read_optional_date(t, year_means_midyear=True),
            "annual_income": lambda t: _income(t, currency or None),
            "discount_rate": lambda t: _or(read_fraction(t, "rate"), DEFAULTS.discount_rate),
            "return_rate": lambda t: _or(read_fraction(t, "rate"), DEFAULTS.return_rate),
        }
        for key, what in _WHOLE.items():
            readers[key] = partial(_whole, what=what, default=getattr(DEFAULTS, key))
        readers["valued_at"] = read_optional_date
        for key, reader in readers.items():
            try:
                values[key] = reader(self.text(key))
            except ValueError as error:
                add_problem(found, key, str(error))
        worth: dict[str, Decimal | None] = {}
        for dim in POINT_DIMENSIONS:
            try:
                worth[str(dim)] = read_amount(self.text(f"worth-{dim}"))
            except ValueError as error:
                add_problem(found, f"worth.{dim}", str(error))
        values["worth"] = Worth(**worth)
        values["language"] = self.language()
        if values.get("valued_at") is None:  # blank keeps the date it had
            values["valued_at"] = self.profile.valued_at
        # Unreadable fields at their defaults, so the rest are checked too: every
        # problem shows at once.
        profile = Profile(**values)  # type: ignore[arg-type]
        for key, reason in profile.problems():
            if key not in found:
                add_problem(found, key, reason)
        return (None if found else profile), found


def implied_text(implied: Mapping[Dimension, ImpliedWorth], currency: str) -> str:
    """What past choices imply, in a sentence per dimension, and the key that takes it."""
    if not implied:
        return _("Your journal implies no worth yet: no decision has bought one dimension alone.")
    parts = [
        f"{dimension_name(dim)} {format_amount(found.median, currency)} "
        f"({format_amount(found.low)}–{format_amount(found.high)}, "
        + ngettext("{count} decision", "{count} decisions", found.decisions).format(
            count=format_count(found.decisions)
        )
        + ")"
        for dim, found in implied.items()
    ]
    return _("Your choices imply: {parts}. ctrl+t takes the medians.").format(
        parts="; ".join(parts)
    )


def _income(text: str, currency: str | None) -> Decimal:
    """The yearly income; blank is refused, as every money figure starts from it."""
    income = read_amount(text, currency=currency)
    if income is None:
        raise ValueError(_("give your yearly income before tax (0 if you have none)"))
    return income


def _or(value: Decimal | None, default: Decimal) -> Decimal:
    """A blank field means the default."""
    return default if value is None else value


def _whole(text: str, what: str, default: int) -> int:
    return read_whole(text, what, default)


def _editable(value: Decimal) -> str:
    """A money figure for editing: `1500.00` (`1500,00` in German), no grouping."""
    return conventions.current().number(f"{value:.2f}")
