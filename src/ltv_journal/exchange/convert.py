"""Parsed TOML tables become domain objects, checking each key's type on the way.

Rules about values (ranges, "years or until", review dates) belong to `core`; this
module only checks that each key holds the kind of value the format promises, and
raises `FieldError` with the key's path when it does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.decision import (
    MAX_AMOUNT,
    MAX_OPTIONS_NOT_TAKEN,
    NOTE_FIELDS,
    Decision,
    Kind,
    Observation,
    Option,
    Review,
    WouldRepeat,
)
from ltv_journal.core.dimensions import Dimension, Until
from ltv_journal.core.effects import Effect
from ltv_journal.core.ids import is_id, new_id
from ltv_journal.core.language import LANGUAGES, _
from ltv_journal.core.money import CENT, format_number
from ltv_journal.core.profile import Profile
from ltv_journal.core.worth import POINT_DIMENSIONS, Worth

from .keys import (
    CLV_KEYS,
    DECISION_KEYS,
    EFFECT_KEYS,
    OBSERVATION_KEYS,
    OPTION_KEYS,
    PROFILE_KEYS,
    REVIEW_KEYS,
)

Path = tuple[str | int, ...]
"""Where a value sits: keys and 0-based array positions, e.g. ("decisions", 2, "amount")."""

_EXAMPLE_ID = "6f1c2a9e-8d3b-4f57-9a61-0c2f3d4e5a6b"
_DECISION_KEYS = frozenset(DECISION_KEYS)
_EFFECT_KEYS = frozenset(EFFECT_KEYS)
_CLV_KEYS = frozenset(CLV_KEYS)
_REVIEW_KEYS = frozenset(REVIEW_KEYS)
_OPTION_KEYS = frozenset(OPTION_KEYS)
_OBSERVATION_KEYS = frozenset(OBSERVATION_KEYS)
_PROFILE_KEYS = frozenset(PROFILE_KEYS)
_DIMENSIONS = {str(d): d for d in Dimension}
_WORTH_KEYS = frozenset(str(d) for d in POINT_DIMENSIONS)
E = TypeVar("E", bound=StrEnum)
_MEMBERS: dict[type[StrEnum], dict[str, StrEnum]] = {}


class FieldError(ValueError):
    """A value of the wrong kind at `path`; `value` is what was found (if anything)."""

    def __init__(
        self, path: Path, message: str, value: object = None, *, told: bool = False
    ) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.value = value
        self.told = told
        """The message already says what was found (`…, got "abc"`)."""


def shown(value: object) -> str:
    """A found value as the file would write it, for error messages."""
    if isinstance(value, str):
        return '"' + (value if len(value) <= 60 else value[:57] + "...") + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        return _("an array")
    return str(value)


def _wrong(path: Path, expected: str, value: object) -> FieldError:
    return FieldError(
        path,
        _("expected {expected}, got {found}").format(expected=expected, found=shown(value)),
        value,
        told=True,
    )


def check_keys(table: Mapping[str, Any], known: frozenset[str], path: Path) -> None:
    if table.keys() <= known:
        return
    for key in table:
        if key not in known:
            allowed = ", ".join(sorted(known))
            raise FieldError(
                (*path, key),
                _("unknown key; expected one of {keys}").format(keys=allowed),
                table[key],
                told=True,
            )


def table_at(value: object, path: Path) -> Mapping[str, Any]:
    if type(value) is not dict:
        raise _wrong(path, _("a table"), value)
    return value


def text(table: Mapping[str, Any], key: str, path: Path, default: str = "") -> str:
    value = table.get(key, default)
    if type(value) is not str:
        raise _wrong((*path, key), _("a string in quotes"), value)
    return value


def whole(table: Mapping[str, Any], key: str, path: Path, default: int) -> int:
    value = table.get(key, default)
    if type(value) is not int:
        raise _wrong((*path, key), _("a whole number"), value)
    return value


def decimal(table: Mapping[str, Any], key: str, path: Path) -> Decimal | None:
    """A number (integer or float) as an exact Decimal, or None when absent."""
    value = table.get(key)
    if value is None:
        return None
    if type(value) is int:
        return Decimal(value)
    if type(value) is not Decimal or not value.is_finite():
        raise _wrong((*path, key), _("a number"), value)
    return value


def hundredths(table: Mapping[str, Any], key: str, path: Path) -> Decimal | None:
    """Money or points: a number with at most two decimals, or None when absent."""
    value = decimal(table, key, path)
    if value is None:
        return None
    if abs(value) > MAX_AMOUNT:
        raise _wrong(
            (*path, key),
            _("a number no larger than {most}").format(most=format_number(MAX_AMOUNT)),
            table[key],
        )
    if value != value.quantize(CENT):  # exact: the bound above keeps it within precision
        raise _wrong((*path, key), _("a number with at most two decimals"), table[key])
    return value


def day(table: Mapping[str, Any], key: str, path: Path) -> date | None:
    value = table.get(key)
    if value is None:
        return None
    if type(value) is not date:
        raise _wrong((*path, key), _("a date written as YYYY-MM-DD (no quotes)"), value)
    return value


def moment(table: Mapping[str, Any], key: str, path: Path) -> datetime | None:
    """A date-time with its offset (`2026-11-29T15:23:19Z`), or None when absent."""
    value = table.get(key)
    if value is None:
        return None
    if type(value) is not datetime or value.tzinfo is None:
        raise _wrong((*path, key), _("a date-time in UTC such as 2026-11-29T15:23:19Z"), value)
    return value


def choice(table: Mapping[str, Any], key: str, path: Path, options: type[E]) -> E | None:
    value = table.get(key)
    if value is None:
        return None
    members = _MEMBERS.get(options)
    if members is None:
        members = _MEMBERS[options] = {str(member): member for member in options}
    found = members.get(value) if type(value) is str else None
    if found is None:
        names = _(" or ").join(f'"{o}"' for o in options)
        raise _wrong((*path, key), names, value)
    return found  # type: ignore[return-value]


def profile_from_table(value: object) -> Profile:
    """The `[profile]` table; absent keys take the profile's defaults."""
    path: Path = ("profile",)
    table = table_at(value, path)
    check_keys(table, _PROFILE_KEYS, path)
    defaults = Profile()
    return Profile(
        name=text(table, "name", path),
        birth_date=_birth_date(table, path),
        career_start_age=whole(table, "career_start_age", path, defaults.career_start_age),
        retirement_age=whole(table, "retirement_age", path, defaults.retirement_age),
        life_expectancy=whole(table, "life_expectancy", path, defaults.life_expectancy),
        annual_income=_or(hundredths(table, "annual_income", path), defaults.annual_income),
        currency=text(table, "currency", path, defaults.currency),
        discount_rate=_or(decimal(table, "discount_rate", path), defaults.discount_rate),
        return_rate=_or(decimal(table, "return_rate", path), defaults.return_rate),
        hours_per_year=whole(table, "hours_per_year", path, defaults.hours_per_year),
        valued_at=day(table, "valued_at", path),
        worth=_worth(table, path),
        language=_language(table, path),
    )


def _language(table: Mapping[str, Any], path: Path) -> str | None:
    """`language = "de"` or `"en"`; absent: None, the locale's."""
    if "language" not in table:
        return None
    value = table["language"]
    if type(value) is not str or value not in LANGUAGES:
        raise _wrong((*path, "language"), '"de" or "en"', value)
    return value


def _worth(table: Mapping[str, Any], path: Path) -> Worth:
    """`[profile.worth]`: money per point-year, per point dimension (each optional)."""
    value = table.get("worth")
    if value is None:
        return Worth()
    here = (*path, "worth")
    worth = table_at(value, here)
    check_keys(worth, _WORTH_KEYS, here)
    return Worth(**{key: hundredths(worth, key, here) for key in worth})


def _or(value: Decimal | None, default: Decimal) -> Decimal:
    return default if value is None else value


def _birth_date(table: Mapping[str, Any], path: Path) -> date | None:
    """A date, or a bare year (an integer), which means July 1 of that year."""
    value = table.get("birth_date")
    if type(value) is int:
        if not 1 <= value <= 9999:
            raise _wrong((*path, "birth_date"), _("a date or a four-digit year"), value)
        return date(value, 7, 1)
    return day(table, "birth_date", path)


def decision_from_table(value: object, index: int) -> Decision:
    """One `[[decisions]]` table (at 0-based `index`); a missing id is generated."""
    path: Path = ("decisions", index)
    table = table_at(value, path)
    check_keys(table, _DECISION_KEYS, path)
    if "title" not in table:
        raise FieldError((*path, "title"), _("is required"))
    decided_on = day(table, "date", path)
    if decided_on is None:
        raise FieldError((*path, "date"), _("is required"))
    return Decision(
        id=_id(table, path),
        date=decided_on,
        title=text(table, "title", path),
        kind=choice(table, "kind", path, Kind) or Kind.EXPENSE,
        amount=_or(hundredths(table, "amount", path), Decimal(0)),
        category=text(table, "category", path),
        tags=_tags(table, path),
        **_notes(table, path),
        review_on=day(table, "review_on", path),
        updated_at=moment(table, "updated_at", path),
        effects=effects_of(table, path),
        reviews=_reviews(table, path),
        options=_options(table, path),
    )


def _notes(table: Mapping[str, Any], path: Path) -> dict[str, Any]:
    return {name: text(table, name, path) for name in NOTE_FIELDS}


def _id(table: Mapping[str, Any], path: Path) -> str:
    value = table.get("id")
    if value is None:
        return new_id()
    if type(value) is not str or not is_id(value.lower()):
        raise _wrong(
            (*path, "id"), _('a UUID such as "{example}"').format(example=_EXAMPLE_ID), value
        )
    return value.lower()


def _tags(table: Mapping[str, Any], path: Path) -> tuple[str, ...]:
    value = table.get("tags")
    if value is None:
        return ()
    if type(value) is not list or any(type(tag) is not str for tag in value):
        raise _wrong((*path, "tags"), _('an array of strings such as ["travel", "family"]'), value)
    return tuple(value)


def effects_of(table: Mapping[str, Any], path: Path) -> dict[Dimension, Effect]:
    """The `effects` tables of a decision (or an option) at `path`."""
    value = table.get("effects")
    if value is None:
        return {}
    here = (*path, "effects")
    effects = table_at(value, here)
    found: dict[Dimension, Effect] = {}
    for name, effect in effects.items():
        dim = _DIMENSIONS.get(name)
        if dim is None:
            names = ", ".join(_DIMENSIONS)
            raise FieldError(
                (*here, name),
                _("unknown dimension; expected one of {names}").format(names=names),
                effect,
                told=True,
            )
        found[dim] = effect_from_table(effect, (*here, name))
    return found


def effect_from_table(value: object, path: Path) -> Effect:
    table = table_at(value, path)
    check_keys(table, _EFFECT_KEYS, path)
    per_year = hundredths(table, "per_year", path)
    clv = customer_value_from_table(table["clv"], (*path, "clv")) if "clv" in table else None
    if per_year is None and clv is not None:
        # Worked out when left out; a wrong one is refused by the effect's rules.
        per_year = clv.money_per_year() if not clv.problems() else Decimal(0)
    if per_year is None:
        ranged = "low" in table or "high" in table
        why = _("is required: low and high are a range around it") if ranged else _("is required")
        raise FieldError((*path, "per_year"), why)
    return Effect(
        per_year=per_year,
        delay_months=whole(table, "delay_months", path, 0),
        years=decimal(table, "years", path),
        until=choice(table, "until", path, Until),
        half_life_years=decimal(table, "half_life_years", path),
        confidence=_or(decimal(table, "confidence", path), Decimal(1)),
        low=hundredths(table, "low", path),
        high=hundredths(table, "high", path),
        clv=clv,
    )


def customer_value_from_table(value: object, path: Path) -> CustomerValue:
    """`[decisions.effects.money.clv]`; ranges and the choice of stay or churn are the
    core's rules (CustomerValue.problems)."""
    table = table_at(value, path)
    check_keys(table, _CLV_KEYS, path)
    required = {}
    for key in ("customers_per_month", "average_order", "orders_per_year", "margin"):
        read = hundredths if key == "average_order" else decimal
        found = read(table, key, path)
        if found is None:
            raise FieldError((*path, key), _("is required"))
        required[key] = found
    return CustomerValue(
        **required,
        stay_years=decimal(table, "stay_years", path),
        churn_per_year=decimal(table, "churn_per_year", path),
        rate=decimal(table, "rate", path),
    )


def _options(table: Mapping[str, Any], path: Path) -> tuple[Option, ...]:
    """`[[decisions.options]]`: the options not taken, at most MAX_OPTIONS_NOT_TAKEN."""
    value = table.get("options")
    if value is None:
        return ()
    here = (*path, "options")
    if type(value) is not list:
        raise _wrong(here, _("[[decisions.options]] tables"), value)
    if len(value) > MAX_OPTIONS_NOT_TAKEN:
        raise FieldError(
            (*here, MAX_OPTIONS_NOT_TAKEN),
            _(
                "one option too many: a decision is chosen from at most {most} options, "
                "itself included, so it keeps at most {kept} [[decisions.options]] "
                "({given} given)"
            ).format(most=MAX_OPTIONS_NOT_TAKEN + 1, kept=MAX_OPTIONS_NOT_TAKEN, given=len(value)),
        )
    return tuple(option_from_table(item, (*here, i)) for i, item in enumerate(value))


def option_from_table(value: object, path: Path) -> Option:
    """One option's table (`[[decisions.options]]`, or a compare file's `[[options]]`)."""
    table = table_at(value, path)
    check_keys(table, _OPTION_KEYS, path)
    if "title" not in table:
        raise FieldError((*path, "title"), _("is required: each option needs a title"))
    return Option(
        title=text(table, "title", path),
        kind=choice(table, "kind", path, Kind) or Kind.EXPENSE,
        amount=_or(hundredths(table, "amount", path), Decimal(0)),
        effects=effects_of(table, path),
    )


def _reviews(table: Mapping[str, Any], path: Path) -> tuple[Review, ...]:
    value = table.get("reviews")
    if value is None:
        return ()
    here = (*path, "reviews")
    if type(value) is not list:
        raise _wrong(here, _("[[decisions.reviews]] tables"), value)
    reviews = [review_from_table(item, (*here, i)) for i, item in enumerate(value)]
    # Oldest first, whatever the file's order, so the latest review is the latest date
    # (a stable sort keeps same-day reviews in the file's order).
    return tuple(sorted(reviews, key=lambda review: review.date))


def review_from_table(value: object, path: Path) -> Review:
    table = table_at(value, path)
    check_keys(table, _REVIEW_KEYS, path)
    reviewed_on = day(table, "date", path)
    if reviewed_on is None:
        raise FieldError((*path, "date"), _("is required"))
    return Review(
        date=reviewed_on,
        actual=_actual(table, path),
        would_repeat=choice(table, "would_repeat", path, WouldRepeat),
        notes=text(table, "notes", path),
        hindsight=text(table, "hindsight", path),
        next_review_on=day(table, "next_review_on", path),
    )


def _actual(table: Mapping[str, Any], path: Path) -> dict[Dimension, Observation]:
    value = table.get("actual")
    if value is None:
        return {}
    here = (*path, "actual")
    found: dict[Dimension, Observation] = {}
    for name, seen in table_at(value, here).items():
        dim = _DIMENSIONS.get(name)
        if dim is None:
            names = ", ".join(_DIMENSIONS)
            raise FieldError(
                (*here, name),
                _("unknown dimension; expected one of {names}").format(names=names),
                seen,
                told=True,
            )
        where = (*here, name)
        observed = table_at(seen, where)
        check_keys(observed, _OBSERVATION_KEYS, where)
        materialised = observed.get("materialised", True)
        if type(materialised) is not bool:
            raise _wrong((*where, "materialised"), _("true or false"), materialised)
        found[dim] = Observation(hundredths(observed, "per_year", where), materialised)
    return found
