"""A logged decision, its reviews, and what makes one valid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from .dates import add_months
from .dimensions import DIMENSIONS, Dimension
from .effects import MAX_PER_YEAR, Effect
from .language import N_, _
from .money import format_number
from .text import control_problem

DEFAULT_REVIEW_MONTHS = 3
MAX_TITLE = 200
MAX_AMOUNT = Decimal("1000000000000")


NOTE = "note"
"""Field metadata marking free text a decision carries as written (its value: what the
field asks); `NOTE_FIELDS` lists them for every codec and view."""

MAX_OPTIONS_NOT_TAKEN = 4
"""A decision is chosen from 2 to 5 options, itself included: it keeps at most 4 others."""

MAX_POINTS = Decimal(10)
POINTS_SCALE = N_("must be between -10 and +10 points a year (10 is a life-changing lift)")
"""Marked for the catalog: pass it through `_` where it is shown."""


def in_scale(dim: Dimension, per_year: Decimal) -> bool:
    """Happiness, love and meaning run from −10 to +10 points a year; money has no scale."""
    return dim.is_money or abs(per_year) <= MAX_POINTS


class Kind(StrEnum):
    EXPENSE = "expense"
    INVESTMENT = "investment"

    @property
    def shown(self) -> str:
        """The kind as a word for a person: `expense`, German `Ausgabe`."""
        return _(N_("expense")) if self is Kind.EXPENSE else _(N_("investment"))


class WouldRepeat(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"

    @property
    def shown(self) -> str:
        """The answer as a word for a person: `yes`, German `ja`."""
        return _(_ANSWERS[self.value])


_ANSWERS = {"yes": N_("yes"), "no": N_("no"), "unsure": N_("unsure")}


def _frozen(mapping: Mapping[Dimension, object] | None) -> Mapping[Dimension, object]:
    # DIMENSIONS, not the enum class: iterating an Enum is slow, and this runs for
    # every decision and review read or imported.
    ordered = {dim: mapping[dim] for dim in DIMENSIONS if mapping and dim in mapping}
    return MappingProxyType(ordered)


@dataclass(frozen=True, slots=True)
class Observation:
    """What a review saw on one dimension: the actual value per year, and whether the
    expected effect happened at all."""

    per_year: Decimal | None
    materialised: bool


@dataclass(frozen=True, slots=True)
class Review:
    """A look back at a decision. Reviews never change the expected effects."""

    date: dt.date
    actual: Mapping[Dimension, Observation] = field(default_factory=dict)
    would_repeat: WouldRepeat | None = None
    notes: str = ""
    hindsight: str = ""
    """Answer to "what do I know now that I could have known then?"."""
    next_review_on: dt.date | None = None
    id: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "actual", _frozen(self.actual))

    def problems(self, decided_on: dt.date) -> list[tuple[str, str]]:
        """Every invalid field as (field name, reason) for a review of a decision made
        on `decided_on`; empty when the review is valid."""
        found: list[tuple[str, str]] = []
        if self.date < decided_on:
            found.append(("date", _("must not be before the decision's date")))
        if self.next_review_on is not None and self.next_review_on <= self.date:
            found.append(("next_review_on", _("must be after the review date")))
        for dim, seen in self.actual.items():
            if seen.per_year is not None and not in_scale(dim, seen.per_year):
                found.append((f"actual.{dim}", _(POINTS_SCALE)))
            elif seen.per_year is not None and abs(seen.per_year) > MAX_PER_YEAR:
                found.append(
                    (
                        f"actual.{dim}",
                        _("must be at most {most} a year").format(most=format_number(MAX_PER_YEAR)),
                    )
                )
        return found


@dataclass(frozen=True, slots=True)
class Option:
    """An option a decision was chosen from and not taken: a title, a one-off amount
    and expected effects, under the same rules as a decision's own."""

    title: str
    kind: Kind = Kind.EXPENSE
    amount: Decimal = Decimal(0)
    effects: Mapping[Dimension, Effect] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "effects", _frozen(_spelled_out(self.effects)))

    def as_decision(self, decided_on: dt.date) -> Decision:
        """The option as if it had been decided on `decided_on`: what values, verdicts
        and bands are worked out from."""
        return Decision(
            title=self.title,
            date=decided_on,
            kind=self.kind,
            amount=self.amount,
            effects=self.effects,
        )


def option_of(decision: Decision) -> Option:
    """A decision's title, kind, amount and effects as an option (its other fields,
    options included, are dropped)."""
    return Option(decision.title, decision.kind, decision.amount, decision.effects)


_OPTION_FIELDS = ("title", "kind", "amount")


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision as the user logged it. An empty `id` means not stored yet."""

    title: str
    date: dt.date
    kind: Kind = Kind.EXPENSE
    amount: Decimal = Decimal(0)
    category: str = ""
    tags: tuple[str, ...] = ()
    notes: str = field(default="", metadata={NOTE: "notes"})
    expectation: str = field(default="", metadata={NOTE: "what I expect and why"})
    """"What I expect and why", written at capture."""
    feeling: str = field(default="", metadata={NOTE: "how I feel right now"})
    """"How I feel right now", written at capture."""
    review_on: dt.date | None = None
    effects: Mapping[Dimension, Effect] = field(default_factory=dict)
    reviews: tuple[Review, ...] = ()
    options: tuple[Option, ...] = ()
    """The options it was chosen from and that were not taken (0 to 4)."""
    id: str = ""
    deleted_at: dt.datetime | None = None
    updated_at: dt.datetime | None = field(default=None, compare=False)
    """When it was last written (UTC), as stored or as a file says: an import compares
    it to tell an older copy from a newer edit. Not part of what the decision says."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "effects", _frozen(_spelled_out(self.effects)))
        object.__setattr__(self, "tags", normalise_tags(self.tags))
        object.__setattr__(self, "options", tuple(self.options))

    def resolved_review_on(self) -> dt.date | None:
        """The review date to store: `review_on` if given and no review has been made on
        or after it; else, once reviewed, the latest review's follow-up date (None:
        nothing pending); else three months after the decision."""
        latest = self.reviews[-1] if self.reviews else None
        if self.review_on is not None and (latest is None or latest.date < self.review_on):
            return self.review_on
        if latest is not None:
            return latest.next_review_on
        return add_months(self.date, DEFAULT_REVIEW_MONTHS)

    def problems(self) -> list[tuple[str, str]]:
        """Every invalid field as (field name, reason); effect fields as `happiness.years`,
        review fields as `reviews.0.date`, option fields as `options.0.title` and
        `options.0.happiness.low` (positions from 0)."""
        found: list[tuple[str, str]] = []
        if not self.title.strip():
            found.append(("title", _("is required")))
        elif "\n" in self.title or len(self.title) > MAX_TITLE:
            found.append(
                ("title", _("must be one line of at most {most} characters").format(most=MAX_TITLE))
            )
        elif (why := control_problem(self.title)) is not None:
            found.append(("title", why))
        if (why := control_problem(self.category)) is not None:
            found.append(("category", why))
        for tag in self.tags:
            if (why := control_problem(tag)) is not None:
                found.append(("tags", why))
                break
        if self.amount < 0:
            found.append(("amount", _("must be zero or more")))
        elif self.amount > MAX_AMOUNT:
            found.append(("amount", _("is larger than any real decision")))
        elif self.amount != self.amount.quantize(Decimal("0.01")):
            found.append(("amount", _("has more than two decimals")))
        if not 1900 <= self.date.year <= 2200:
            found.append(("date", _("must be between 1900 and 2200")))
        if self.review_on is not None and self.review_on < self.date:
            found.append(("review_on", _("must not be before the decision's date")))
        found.extend(effect_problems(self.effects))
        found.extend(self._option_problems())
        for index, review in enumerate(self.reviews):
            found.extend(
                (f"reviews.{index}.{name}", why) for name, why in review.problems(self.date)
            )
        return found

    def _option_problems(self) -> list[tuple[str, str]]:
        if len(self.options) > MAX_OPTIONS_NOT_TAKEN:
            return [
                (
                    "options",
                    _(
                        "one option too many: a decision is chosen from at most "
                        "{most} options, itself included ({given} given)"
                    ).format(most=MAX_OPTIONS_NOT_TAKEN + 1, given=len(self.options) + 1),
                )
            ]
        found: list[tuple[str, str]] = []
        for index, option in enumerate(self.options):
            # The option's own rules are the decision's: check it as one.
            for name, why in option.as_decision(self.date).problems():
                if name in _OPTION_FIELDS or "." in name:
                    found.append((f"options.{index}.{name}", why))
        return found


def effect_problems(effects: Mapping[Dimension, Effect]) -> list[tuple[str, str]]:
    """Every invalid field of a decision's (or an option's) effects, as `happiness.years`."""
    found: list[tuple[str, str]] = []
    for dim, effect in effects.items():
        if effect.clv is not None and not dim.is_money:  # the rest would follow from it
            found.append((f"{dim}.clv", _("works out money: give it on the money effect")))
            continue
        found.extend((f"{dim}.{name}", why) for name, why in effect.problems())
        if not in_scale(dim, effect.per_year):
            found.append((f"{dim}.per_year", _(POINTS_SCALE)))
        for name in ("low", "high"):
            bound = getattr(effect, name)
            if bound is not None and not in_scale(dim, bound):
                found.append((f"{dim}.{name}", _(POINTS_SCALE)))
    return found


NOTE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Decision) if NOTE in f.metadata)
"""The decision's free-text fields in their order: stored in a column of their name,
written under a key of their name, shown with their name. A new one is a field here
with `NOTE` metadata, a column in the store's table, and a migration."""


def _spelled_out(effects: Mapping[Dimension, Effect] | None) -> Mapping[Dimension, Effect]:
    """Effects with their horizon written out: an open-ended effect without `until`
    lasts to its dimension's default, and says so, so that equal effects compare equal
    however they were typed or read."""
    if not effects:
        return {}
    return {
        dim: replace(effect, until=dim.default_until)
        if effect.years is None and effect.until is None
        else effect
        for dim, effect in effects.items()
    }


def normalise_tags(tags: object) -> tuple[str, ...]:
    """Tags trimmed, lower-cased, without blanks or repeats, in first-seen order."""
    if isinstance(tags, str):
        tags = tags.replace(",", " ").split()
    seen: dict[str, None] = {}
    for tag in tags:  # type: ignore[attr-defined]
        cleaned = str(tag).strip().lower()
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)
