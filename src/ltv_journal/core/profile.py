"""The journal owner's profile: the horizons every lifetime effect runs to."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from functools import lru_cache

from . import clock
from .dates import add_months
from .dimensions import Until
from .language import LANGUAGES, _
from .money import format_number
from .text import control_problem
from .worth import Worth

MAX_INCOME = Decimal("1000000000000")
"""A trillion a year: beyond any real income, and within what is stored."""


@dataclass(frozen=True, slots=True)
class Profile:
    """One per journal. Ages are whole years; rates are yearly fractions (0.05 = 5 %)."""

    name: str = ""
    birth_date: date | None = None
    career_start_age: int = 22
    retirement_age: int = 67
    life_expectancy: int = 82
    annual_income: Decimal = Decimal(0)
    currency: str = "EUR"
    discount_rate: Decimal = Decimal(0)
    return_rate: Decimal = Decimal("0.05")
    hours_per_year: int = 1720
    valued_at: date | None = None
    """The one date every flow is valued at (DESIGN §1); the store fills it in with
    January 1 of the year the profile is first saved, so it never moves by itself."""
    worth: Worth = field(default_factory=Worth)
    """Money per point-year of happiness, love and meaning; empty when not set."""
    language: str | None = None
    """The language the journal speaks ("de" or "en"); None follows the locale. `--lang`
    and `$LTV_JOURNAL_LANG` come before it (core/language.choose)."""

    @property
    def valuation_date(self) -> date:
        """`valued_at`, or January 1 of this year for a profile not saved yet."""
        return self.valued_at or date(clock.today().year, 1, 1)

    def problems(self) -> list[tuple[str, str]]:
        """Every invalid field as (field name, reason); empty when the profile is valid."""
        found: list[tuple[str, str]] = []
        if (why := control_problem(self.name)) is not None:
            found.append(("name", why))
        if not 0 <= self.career_start_age <= 100:
            found.append(("career_start_age", _("must be between 0 and 100")))
        if not self.career_start_age <= self.retirement_age <= 120:
            found.append(
                ("retirement_age", _("must be at least the career start age, at most 120"))
            )
        if not 1 <= self.life_expectancy <= 130:
            found.append(("life_expectancy", _("must be between 1 and 130")))
        if self.annual_income < 0:
            found.append(("annual_income", _("must be zero or more")))
        elif self.annual_income > MAX_INCOME:
            found.append(
                (
                    "annual_income",
                    _("must be at most {most} a year").format(most=format_number(MAX_INCOME)),
                )
            )
        elif self.annual_income != self.annual_income.quantize(Decimal("0.01")):
            found.append(("annual_income", _("has more than two decimals")))
        if len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isupper():
            found.append(("currency", _("must be a three-letter ISO 4217 code such as EUR")))
        if not Decimal(0) <= self.discount_rate < Decimal(1):
            found.append(("discount_rate", _("must be from 0 up to (not including) 1")))
        if not Decimal(-1) < self.return_rate < Decimal(1):
            found.append(("return_rate", _("must be between -1 and 1")))
        if not 1 <= self.hours_per_year <= 8784:
            found.append(("hours_per_year", _("must be between 1 and 8784")))
        if self.birth_date is not None:
            if self.birth_date.year < 1900:
                found.append(("birth_date", _("must be in 1900 or later")))
            elif self.birth_date > clock.today():
                found.append(("birth_date", _("must not be in the future")))
        if self.life_expectancy < self.retirement_age:
            found.append(("life_expectancy", _("must be at least the retirement age")))
        if self.valued_at is not None and not 1900 <= self.valued_at.year <= 2200:
            found.append(("valued_at", _("must be between 1900 and 2200")))
        if self.language is not None and self.language not in LANGUAGES:
            found.append(("language", _("must be de or en (or not set: the locale's)")))
        found.extend(self.worth.problems())
        return found

    @property
    def career_start(self) -> date | None:
        return self._at_age(self.career_start_age)

    @property
    def retirement(self) -> date | None:
        return self._at_age(self.retirement_age)

    @property
    def death(self) -> date | None:
        """The end of all effects: birth date plus life expectancy."""
        return self._at_age(self.life_expectancy)

    def horizon(self, until: Until) -> date | None:
        return self.retirement if until is Until.RETIREMENT else self.death

    @property
    def hourly_income(self) -> Decimal | None:
        """Income per working hour, or None when there is no income to measure by."""
        if self.annual_income <= 0:
            return None
        return self.annual_income / self.hours_per_year

    def _at_age(self, years: int) -> date | None:
        return None if self.birth_date is None else _birthday(self.birth_date, years)


@lru_cache(maxsize=512)
def _birthday(birth: date, years: int) -> date:
    """The day someone born on `birth` turns `years`: every effect's horizon asks for it."""
    return add_months(birth, 12 * years)


PROFILE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Profile))
"""Profile field names in their canonical order (TOML, forms, the command line)."""
