"""The interchange format as text: the profile and `[[decisions]]` tables.

A small emitter for the known keys, rather than a TOML document object per decision:
a year of 10,000 decisions renders in a fraction of a second. Keys come in the order of
`keys.py`; keys at their default (empty text, no delay, full confidence) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ltv_journal.core.clv import CustomerValue
from ltv_journal.core.decision import NOTE_FIELDS, Decision, Observation, Option, Review
from ltv_journal.core.dimensions import Dimension
from ltv_journal.core.effects import Effect
from ltv_journal.core.profile import Profile

from . import literals

Pairs = list[tuple[str, str]]
"""(key, TOML literal) in the order they are written."""


def profile_pairs(profile: Profile) -> Pairs:
    """Every profile field; a missing birth date is left out (TOML has no null)."""
    pairs: Pairs = [("name", literals.string(profile.name))]
    if profile.birth_date is not None:
        pairs.append(("birth_date", literals.day(profile.birth_date)))
    for key in ("career_start_age", "retirement_age", "life_expectancy"):
        pairs.append((key, str(getattr(profile, key))))
    pairs.append(("annual_income", literals.money(profile.annual_income)))
    pairs.append(("currency", literals.string(profile.currency)))
    pairs.append(("discount_rate", literals.rate(profile.discount_rate)))
    pairs.append(("return_rate", literals.rate(profile.return_rate)))
    pairs.append(("hours_per_year", str(profile.hours_per_year)))
    if profile.valued_at is not None:
        pairs.append(("valued_at", literals.day(profile.valued_at)))
    if profile.language is not None:  # not set: the locale's, and no key
        pairs.append(("language", literals.string(profile.language)))
    return pairs


def worth_pairs(profile: Profile) -> Pairs:
    """`[profile.worth]`: money per point-year of the dimensions that have one."""
    return [(str(dim), literals.money(value)) for dim, value in profile.worth.items()]


def _value(dimension: Dimension, value: Decimal) -> str:
    """Money as a float (`6000.0`); points as written (`1`, `2.5`)."""
    return literals.money(value) if dimension.is_money else literals.number(value)


def decision_pairs(decision: Decision) -> Pairs:
    """The decision's own keys (not its effects and reviews)."""
    pairs: Pairs = [
        ("id", literals.string(decision.id)),
        ("date", literals.day(decision.date)),
        ("title", literals.string(decision.title)),
        ("kind", literals.string(str(decision.kind))),
        ("amount", literals.money(decision.amount)),
    ]
    if decision.category:
        pairs.append(("category", literals.string(decision.category)))
    if decision.tags:
        pairs.append(("tags", literals.strings(decision.tags)))
    for key in NOTE_FIELDS:
        text = getattr(decision, key)
        if text:
            pairs.append((key, literals.string(text)))
    if decision.review_on is not None:
        pairs.append(("review_on", literals.day(decision.review_on)))
    if decision.updated_at is not None:
        pairs.append(("updated_at", literals.moment(decision.updated_at)))
    return pairs


def effect_pairs(dimension: Dimension, effect: Effect) -> Pairs:
    """Every effect spells out how long it lasts (`until` is written even at the
    dimension's default) and says when it does not decay, so the file reads the same
    whatever a later version prefills."""
    pairs: Pairs = [("per_year", _value(dimension, effect.per_year))]
    if effect.delay_months:
        pairs.append(("delay_months", str(effect.delay_months)))
    no_decay = "  # no decay" if effect.half_life_years is None else ""
    if effect.years is not None:
        pairs.append(("years", literals.number(effect.years) + no_decay))
    else:
        until = effect.until or dimension.default_until
        pairs.append(("until", literals.string(str(until)) + no_decay))
    if effect.half_life_years is not None:
        pairs.append(("half_life_years", literals.number(effect.half_life_years)))
    if effect.confidence != 1:
        pairs.append(("confidence", literals.number(effect.confidence)))
    if effect.low is not None:
        pairs.append(("low", _value(dimension, effect.low)))
    if effect.high is not None:
        pairs.append(("high", _value(dimension, effect.high)))
    return pairs


def customer_value_pairs(clv: CustomerValue) -> Pairs:
    """`[decisions.effects.money.clv]`: every input given, in the order of CLV_KEYS."""
    pairs: Pairs = [
        ("customers_per_month", literals.number(clv.customers_per_month)),
        ("average_order", literals.money(clv.average_order)),
        ("orders_per_year", literals.number(clv.orders_per_year)),
        ("margin", literals.number(clv.margin)),
    ]
    for key in ("stay_years", "churn_per_year", "rate"):
        value = getattr(clv, key)
        if value is not None:
            pairs.append((key, literals.number(value)))
    return pairs


def option_pairs(option: Option) -> Pairs:
    """An option's own keys (not its effects)."""
    return [
        ("title", literals.string(option.title)),
        ("kind", literals.string(str(option.kind))),
        ("amount", literals.money(option.amount)),
    ]


def review_pairs(review: Review) -> Pairs:
    pairs: Pairs = [("date", literals.day(review.date))]
    if review.would_repeat is not None:
        pairs.append(("would_repeat", literals.string(str(review.would_repeat))))
    if review.notes:
        pairs.append(("notes", literals.string(review.notes)))
    if review.hindsight:
        pairs.append(("hindsight", literals.string(review.hindsight)))
    if review.next_review_on is not None:
        pairs.append(("next_review_on", literals.day(review.next_review_on)))
    return pairs


def observation_pairs(dimension: Dimension, seen: Observation) -> Pairs:
    pairs: Pairs = []
    if seen.per_year is not None:
        pairs.append(("per_year", _value(dimension, seen.per_year)))
    pairs.append(("materialised", literals.boolean(seen.materialised)))
    return pairs


def _table(out: list[str], header: str, pairs: Pairs) -> None:
    out.append(header)
    out.extend(f"{key} = {text}" for key, text in pairs)


def render_profile(profile: Profile) -> str:
    out: list[str] = []
    _table(out, "[profile]", profile_pairs(profile))
    worth = worth_pairs(profile)
    if worth:
        out.append("")
        _table(out, "[profile.worth]", worth)
    return "\n".join(out) + "\n"


def render_decision(decision: Decision, out: list[str]) -> None:
    """Append one `[[decisions]]` table, its effects, its options and its reviews, to
    `out`."""
    _table(out, "[[decisions]]", decision_pairs(decision))
    for dim, effect in decision.effects.items():
        out.append("")
        _table(out, f"[decisions.effects.{dim}]", effect_pairs(dim, effect))
        if effect.clv is not None:
            _table(out, f"[decisions.effects.{dim}.clv]", customer_value_pairs(effect.clv))
    for option in decision.options:
        out.append("")
        _table(out, "[[decisions.options]]", option_pairs(option))
        for dim, effect in option.effects.items():
            _table(out, f"[decisions.options.effects.{dim}]", effect_pairs(dim, effect))
            if effect.clv is not None:
                clv = customer_value_pairs(effect.clv)
                _table(out, f"[decisions.options.effects.{dim}.clv]", clv)
    for review in decision.reviews:
        out.append("")
        _table(out, "[[decisions.reviews]]", review_pairs(review))
        for dim, seen in review.actual.items():
            _table(out, f"[decisions.reviews.actual.{dim}]", observation_pairs(dim, seen))


def render_decisions(decisions: Iterable[Decision]) -> str:
    """`[[decisions]]` tables separated by blank lines; empty text for no decisions."""
    out: list[str] = []
    for decision in decisions:
        if out:
            out.append("")
        render_decision(decision, out)
    return "\n".join(out) + "\n" if out else ""
