"""What one's customers are worth: a money effect worked out from customer figures.

The seed asks the lifetime-value question of one's own customers too. A `CustomerValue`
holds the inputs — new customers a month n, the average order o, orders a year f, the
gross margin g (0..1), and how long a customer stays: `stay_years` S, or a yearly
`churn_per_year` c (retention r = 1 − c) — and optionally a yearly `rate` d.

**Per customer** (the textbook figures, per year, with the yearly margin per customer
m = g × o × f):

- stay form, undiscounted: m × S (the simple formula margin × orders × order × years;
  S counts in whole months, to the nearest month, like an effect's years);
  with a rate d: m × (1 − (1+d)^(−S)) / d, the margins paid at the end of each year;
- churn form: m × r / (1 + d − r), the margin of a customer's t-th year counting with
  the probability r^t that the customer is still there at its end (at d = 0: m × r/(1−r)).

Both count Y customer-years undiscounted: Y = S, or Y = r / (1 − r) (a churn of 0.25
is a stay of 3 years). `rate` only discounts the per-customer figure; the decision's
money, like every flow in the journal, is valued with the profile's discount rate.

**The money effect.** Customers keep coming, n a month, from the effect's start (after
its delay) for as long as it lasts (its years, or to retirement); the effect ends
there, with what customers would pay after it left out. Customers accumulate:

- **steady state**: 12 × n × Y customers paying, so `per_year` = 12 × n × Y × m — the
  new customers a year times one customer's undiscounted value — rounded to the cent.
  This is the effect's `per_year`, the figure the form, ranges and reviews work with.
- **ramp-up**: in the effect's month j (from 0) the customers paying are a share s_j
  of the steady state. Stay form, S·12 = M months: s_j = min(j + 1, M) / M, so the
  steady state is reached in month M. Churn form: a customer pays in its t-th year with
  weight r^t, so s_j = (1 − r^T) + (j mod 12 + 1) × r^T × (1 − r) / 12 with T = ⌊j/12⌋,
  which nears 1 year by year and never quite reaches it.

A ramp is not a constant stream, so it cannot be written with the Effect model's
per_year, delay and half-life alone. The lifetime effect of a customer-value effect is
therefore the effect formula (core/effects.py) with each month weighted by its share:

    E = confidence × Σ_{j=0}^{N−1} (per_year/12) × s_j × 0.5^(j/(12·h)) × (1+r)^(−(m₀+j)/12)

which is linear in per_year (so ranges and the Monte Carlo band work as for any effect),
and which is what the decision's money value and the calculator both show.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from functools import lru_cache

from .language import _
from .money import CENT, format_number, format_plain, round_cents

_MATH = Context(prec=40)
MAX_CUSTOMERS = Decimal(1_000_000_000)
"""New customers a month: a billion is beyond any business this journal will hold."""
MAX_ORDER = Decimal("1000000000000")
MAX_ORDERS = Decimal(1_000_000)
MAX_STAY = Decimal(150)
MIN_CHURN = Decimal("0.001")
"""A churn of 0.1 % a year is an average stay of a thousand years; below it the figures
stop meaning anything."""
MAX_RATE = Decimal(1)
_TWELVE = Decimal(12)


@dataclass(frozen=True, slots=True)
class CustomerValue:
    """The inputs of the customer-lifetime-value calculator (see the module docstring).

    Give exactly one of `stay_years` and `churn_per_year`."""

    customers_per_month: Decimal
    average_order: Decimal
    """Money per order, at most two decimals."""
    orders_per_year: Decimal
    margin: Decimal
    """Gross margin, the share of an order's money that is kept (0..1)."""
    stay_years: Decimal | None = None
    """How long a customer stays, in years (a whole number of months)."""
    churn_per_year: Decimal | None = None
    """The share of customers lost in a year, more than 0 and at most 1."""
    rate: Decimal | None = None
    """The yearly discount rate of the per-customer value (none: plain sums)."""

    def problems(self) -> list[tuple[str, str]]:
        """Every invalid input as (field name, reason); empty when all are valid."""
        found: list[tuple[str, str]] = []
        limits = (
            ("customers_per_month", self.customers_per_month, MAX_CUSTOMERS),
            ("average_order", self.average_order, MAX_ORDER),
            ("orders_per_year", self.orders_per_year, MAX_ORDERS),
        )
        for name, value, limit in limits:
            if not Decimal(0) <= value <= limit:
                found.append(
                    (name, _("must be from 0 to {most}").format(most=format_number(limit)))
                )
        if self.average_order != self.average_order.quantize(CENT):
            found.append(("average_order", _("has more than two decimals")))
        if not Decimal(0) <= self.margin <= Decimal(1):
            found.append(("margin", _("must be from 0 to 1 (a share of the order: 0.4 or 40%)")))
        found.extend(self._stay_problems())
        if self.rate is not None and not Decimal(0) <= self.rate <= MAX_RATE:
            found.append(("rate", _("must be from 0 to 1 (a yearly rate: 0.05 or 5%)")))
        return found

    def _stay_problems(self) -> list[tuple[str, str]]:
        stay, churn = self.stay_years, self.churn_per_year
        if stay is None and churn is None:
            return [("stay_years", _("give how long a customer stays, or a yearly churn"))]
        if stay is not None and churn is not None:
            return [("stay_years", _("give how long a customer stays or a churn, not both"))]
        if stay is not None:
            if not Decimal(0) < stay <= MAX_STAY:
                return [
                    (
                        "stay_years",
                        _("must be more than 0 and at most {most} years").format(most=MAX_STAY),
                    )
                ]
            if self.stay_months == 0:
                return [("stay_years", _("is less than half a month; a stay is a month or more"))]
            return []
        assert churn is not None
        if not MIN_CHURN <= churn <= Decimal(1):
            return [
                (
                    "churn_per_year",
                    _("must be from {least} to 1 (a share lost a year: {example} or 25%)").format(
                        least=format_plain(MIN_CHURN), example=format_plain(Decimal("0.25"))
                    ),
                )
            ]
        return []

    @property
    def stay_months(self) -> int:
        """M: the stay in whole months, to the nearest month (half rounds up); 0 in the
        churn form."""
        if self.stay_years is None:
            return 0
        stay = min(self.stay_years, MAX_STAY + 1)  # an unchecked 1e9999 stays cheap
        return int((stay * 12).to_integral_value(rounding=ROUND_HALF_UP))

    @property
    def yearly_margin(self) -> Decimal:
        """m: the money one customer leaves a year, margin × order × orders a year."""
        with localcontext(_MATH):
            return self.margin * self.average_order * self.orders_per_year

    @property
    def customer_years(self) -> Decimal:
        """Y: the years an average customer pays, undiscounted (S, or r / (1 − r))."""
        with localcontext(_MATH):
            if self.stay_years is not None:
                return Decimal(self.stay_months) / 12
            churn = self.churn_per_year or Decimal(1)
            return (1 - churn) / churn  # r / (1 − r), without 1 − r cancelling

    def per_customer(self) -> Decimal:
        """One customer's lifetime value at `rate` (unrounded; see the module docstring)."""
        rate = self.rate or Decimal(0)
        with localcontext(_MATH):
            margin = self.yearly_margin
            if self.stay_years is None:
                retention = 1 - (self.churn_per_year or Decimal(1))
                return +(margin * retention / (1 + rate - retention))
            if rate == 0:
                return margin * self.stay_months / 12
            years = Decimal(self.stay_months) / 12
            annuity = (1 - ((1 + rate).ln() * -years).exp()) / rate
            return +(margin * annuity)

    @property
    def steady_customers(self) -> Decimal:
        """Customers paying at steady state: 12 × n × Y."""
        with localcontext(_MATH):
            if self.stay_years is not None:
                return self.customers_per_month * self.stay_months
            return 12 * self.customers_per_month * self.customer_years

    def money_per_year(self) -> Decimal:
        """Money a year at steady state, to the cent: 12 × n × Y × m — the effect's
        per_year."""
        with localcontext(_MATH):
            return round_cents(self.steady_customers * self.yearly_margin)

    @property
    def ramp_months(self) -> int | None:
        """Months until the steady state is reached (the stay in months); None for the
        churn form, which nears it year by year."""
        if self.stay_years is None:
            return None
        return self.stay_months

    def share(self, month: int) -> Decimal:
        """s_j: the share of the steady state paying in the effect's month `month`."""
        return _share(self._shape(), month)

    def _shape(self) -> tuple[str, Decimal]:
        if self.stay_years is not None:
            return ("stay", Decimal(self.stay_months))
        return ("churn", 1 - (self.churn_per_year or Decimal(1)))

    def ramp_series(self, log_q: Decimal, months: int) -> Decimal:
        """Σ_{j<months} s_j × q^j, with ln q the monthly decay-and-discount factor's log
        (0: none). For the first `months` months of the effect."""
        return _series(self._shape(), log_q, months)


def _share(shape: tuple[str, Decimal], month: int) -> Decimal:
    kind, size = shape
    with localcontext(_MATH):
        if kind == "stay":
            return min(Decimal(month + 1), size) / size
        retention = size
        years, within = divmod(month, 12)
        kept = retention**years if years else Decimal(1)  # Decimal refuses 0 ** 0
        return +((1 - kept) + (within + 1) * kept * (1 - retention) / _TWELVE)


@lru_cache(maxsize=4096)
def _series(shape: tuple[str, Decimal], log_q: Decimal, months: int) -> Decimal:
    """The ramp's weighted month count; journals repeat their few inputs, so each is
    summed once. At most a lifetime of months (some 1,800), so a plain sum."""
    kind, size = shape
    with localcontext(_MATH):
        if kind == "stay" and log_q == 0:
            # Exact: Σ min(j + 1, M) over j < N, divided by M.
            paying = min(Decimal(months), size)
            total = paying * (paying + 1) / 2 + (months - paying) * size
            return total / size
        factor = log_q.exp() if log_q else Decimal(1)
        weight = Decimal(1)
        total = Decimal(0)
        for month in range(months):
            total += _share(shape, month) * weight
            weight *= factor
        return +total
