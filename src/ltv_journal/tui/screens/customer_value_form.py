"""The customer-value calculator: a money effect worked out from customer figures.

Opened from the money row of the add/edit form (ctrl+b); it dismisses the
`CustomerValue` typed (the row then takes its money a year and keeps the inputs) or
None. The result below the fields follows every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ltv_journal.core import conventions
from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.effects import MAX_PER_YEAR
from ltv_journal.core.explain import customer_lines
from ltv_journal.core.language import N_, _
from ltv_journal.core.money import parse_decimal

from .fields import Field, FormScreen, Problems, add_problem
from .typed_values import number_text, percent_text, read_amount, read_fraction

FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("customers_per_month", N_("new customers"), N_("a month"), "4"),
    ("average_order", N_("average order"), "", "120"),
    ("orders_per_year", N_("orders"), N_("a year per customer"), "3"),
    ("margin", N_("gross margin"), N_("0.4 or 40%"), "40%"),
    ("stay_years", N_("customers stay"), N_("years (or 36m) — or give a churn"), "3"),
    ("churn_per_year", N_("or churn"), N_("share lost a year: 0.25 or 25%"), ""),
    ("rate", N_("discount rate"), N_("of the per-customer value (optional)"), ""),
)
"""(CustomerValue field, label, hint, placeholder) in the order shown."""


class CustomerValueForm(FormScreen[CustomerValue]):
    """The calculator's inputs, prefilled from `clv` when the effect has them."""

    AUTO_FOCUS = "#clv-customers_per_month"

    DEFAULT_CSS = """
    CustomerValueForm {
        & > .form-box { max-width: 80; }
        & .field-label { width: 16; }
        & #clv-result { margin-top: 1; height: auto; }
        & #clv-result.-invalid { color: $text-error; }
    }
    """

    def __init__(self, clv: CustomerValue | None, currency: str) -> None:
        super().__init__()
        self.clv = clv
        """The inputs the effect had (None: a new calculation)."""
        self.currency = currency

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box") as box:
            box.border_title = _("Money from customers")
            box.border_subtitle = _("enter use · esc cancel")
            yield Label(
                _("What the money row is worth when customers come month by month."),
                classes="form-intro",
            )
            for key, label, hint, placeholder in FIELDS:
                field = Input(
                    self._prefill(key),
                    placeholder=placeholder,
                    id=f"clv-{key}",
                    compact=True,
                )
                yield Field(_(label), field, key=key, hint=_(hint) if hint else self.currency)
            yield Static("", id="clv-result")

    def _prefill(self, key: str) -> str:
        clv = self.clv
        if clv is None:
            return ""
        value = getattr(clv, key)
        if key in ("margin", "churn_per_year", "rate"):
            return percent_text(value)
        return number_text(value)

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_form()

    def read_form(self) -> tuple[CustomerValue | None, Problems]:
        found: Problems = {}
        values = {
            key: _attempt(found, key, READERS[key], self._text(key), self.currency)
            for key, *_ in FIELDS
        }
        for key in ("customers_per_month", "average_order", "orders_per_year", "margin"):
            if values[key] is None and key not in found:
                add_problem(found, key, _("is needed"))
        if found:
            return None, found
        clv = CustomerValue(**values)  # type: ignore[arg-type]
        for key, reason in clv.problems():
            add_problem(found, key, reason)
        if not found and clv.money_per_year() > MAX_PER_YEAR:
            add_problem(
                found,
                "customers_per_month",
                _("gives {money} a year, more than the limit of {limit}").format(
                    money=conventions.current().number(f"{clv.money_per_year():,}"),
                    limit=conventions.current().number(f"{MAX_PER_YEAR:,}"),
                ),
            )
        return (None, found) if found else (clv, {})

    def _text(self, key: str) -> str:
        return self.query_one(f"#clv-{key}", Input).value

    def refresh_form(self) -> None:
        clv, problems = self.read_form()
        self.show_problems(problems)
        result = self.query_one("#clv-result", Static)
        if clv is None:
            result.update(_("Fill in the figures to see what they give."))
            result.set_class(True, "-invalid")
            return
        result.update("\n".join(customer_lines(clv, self.currency)))
        result.set_class(False, "-invalid")


def _attempt(
    found: Problems, key: str, reader: Callable[[str, str], Decimal | None], text: str, cur: str
) -> Decimal | None:
    try:
        return reader(text, cur)
    except ValueError as error:
        add_problem(found, key, str(error).strip())
        return None


def _customers(text: str, _currency: str) -> Decimal | None:
    cleaned = text.strip().lower()
    if cleaned.endswith(("/y", "/year")):
        raise ValueError(_("'{text}' is a year's; give new customers a month").format(text=text))
    cleaned = cleaned.removesuffix("/month").removesuffix("/m")
    return parse_decimal(cleaned, what="") if cleaned else None


def _orders(text: str, _currency: str) -> Decimal | None:
    """Orders a year; `1/m` is 12 a year."""
    cleaned = text.strip().lower()
    factor = 12 if cleaned.endswith(("/m", "/month")) else 1
    cleaned = cleaned.removesuffix("/month").removesuffix("/m")
    cleaned = cleaned.removesuffix("/year").removesuffix("/y")
    return parse_decimal(cleaned, what="") * factor if cleaned else None


def _stay(text: str, _currency: str) -> Decimal | None:
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned.endswith("m"):
        months = parse_decimal(cleaned[:-1], what="")
        if abs(months) > 100_000:
            raise ValueError(_("'{text}' is longer than any stay").format(text=text))
        return (months / 12).quantize(Decimal("0.0001"))
    return parse_decimal(cleaned.removesuffix("y"), what="")


def _share(text: str, _currency: str) -> Decimal | None:
    return read_fraction(text.strip().lower().removesuffix("/y"), "")


def _money(text: str, currency: str) -> Decimal | None:
    return read_amount(text, currency=currency)


READERS: dict[str, Callable[[str, str], Decimal | None]] = {
    "customers_per_month": _customers,
    "average_order": _money,
    "orders_per_year": _orders,
    "margin": _share,
    "stay_years": _stay,
    "churn_per_year": _share,
    "rate": _share,
}
"""How each field's text is read (blank gives None)."""
