"""The journal owner's profile: the horizons and income every lifetime value runs on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from decimal import Decimal
from functools import partial

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from ltv_journal.core.profile import Profile
from ltv_journal.core.text import visible

from .fields import Field, FormScreen, Problems, add_problem
from .typed_values import percent_text, read_amount, read_fraction, read_optional_date, read_whole

WELCOME = (
    "Welcome. Two facts make the figures meaningful: your birth date sets the horizons "
    "(retirement, the end of life) that open-ended effects run to, and your yearly income "
    "is the baseline of your money lifetime value. Everything else has a sensible default; "
    "you can change it all later with p."
)

_LABELS: dict[str, tuple[str, str]] = {
    "name": ("name", "shown in the header"),
    "birth_date": ("birth date", "YYYY-MM-DD, or just the year"),
    "annual_income": ("income a year", "before tax, while working"),
    "currency": ("currency", "ISO code such as EUR"),
    "career_start_age": ("starts work at", "age"),
    "retirement_age": ("retires at", "age"),
    "life_expectancy": ("life expectancy", "years"),
    "discount_rate": ("discount rate", "e.g. 2%; 0 = plain sums"),
    "return_rate": ("return rate", "for opportunity cost"),
    "hours_per_year": ("hours a year", "working hours"),
}
ESSENTIALS = ("name", "birth_date", "annual_income", "currency")
"""The fields a first run asks for; the rest start at their defaults."""
DEFAULTS = Profile()
"""A blank field means the value here."""
_WHOLE = {
    "career_start_age": "years",
    "retirement_age": "years",
    "life_expectancy": "years",
    "hours_per_year": "hours",
}


class ProfileForm(FormScreen[Profile]):
    """Dismisses the edited Profile (validated by `Profile.problems()`) or None."""

    AUTO_FOCUS = "#name"

    DEFAULT_CSS = """
    ProfileForm {
        & > .form-box { height: auto; max-height: 100%; max-width: 90; }
        & #form-scroll { height: auto; max-height: 1fr; }
        & .section { color: $text-primary; text-style: bold; margin-top: 1; }
    }
    """

    def __init__(self, profile: Profile, *, first_run: bool = False) -> None:
        super().__init__()
        self.profile = profile
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box") as box:
            box.border_title = "Your profile"
            box.border_subtitle = "enter save · esc cancel"
            with VerticalScroll(id="form-scroll"):
                if self.first_run:
                    yield Static(WELCOME, classes="form-intro", id="welcome")
                for key in ESSENTIALS:
                    yield self._field(key)
                yield Label("Horizons and rates (the defaults suit most people)", classes="section")
                for f in fields(Profile):
                    if f.name not in ESSENTIALS:
                        yield self._field(f.name)

    def _field(self, key: str) -> Field:
        label, hint = _LABELS[key]
        value = getattr(self.profile, key)
        if key in ("discount_rate", "return_rate"):
            text = percent_text(value)
        elif key == "annual_income":
            text = f"{value:.2f}" if value else ""
        else:
            text = "" if value is None else visible(str(value), lines=False)
        control = Input(text, placeholder=hint, id=key, compact=True)
        return Field(label, control, key=key)

    def text(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value

    def read_form(self) -> tuple[Profile | None, Problems]:
        found: Problems = {}
        currency = self.text("currency").strip().upper()
        values: dict[str, object] = {"name": self.text("name").strip(), "currency": currency}
        readers: dict[str, Callable[[str], object]] = {
            "birth_date": lambda t: read_optional_date(t, year_means_midyear=True),
            "annual_income": lambda t: _or(
                read_amount(t, currency=currency or None), DEFAULTS.annual_income
            ),
            "discount_rate": lambda t: _or(read_fraction(t, "rate"), DEFAULTS.discount_rate),
            "return_rate": lambda t: _or(read_fraction(t, "rate"), DEFAULTS.return_rate),
        }
        for key, what in _WHOLE.items():
            readers[key] = partial(_whole, what=what, default=getattr(DEFAULTS, key))
        for key, reader in readers.items():
            try:
                values[key] = reader(self.text(key))
            except ValueError as error:
                add_problem(found, key, str(error))
        if found:
            return None, found
        profile = Profile(**values)  # type: ignore[arg-type]
        for key, reason in profile.problems():
            add_problem(found, key, reason)
        return (None if found else profile), found


def _or(value: Decimal | None, default: Decimal) -> Decimal:
    """A blank field means the default."""
    return default if value is None else value


def _whole(text: str, what: str, default: int) -> int:
    return read_whole(text, what, default)
